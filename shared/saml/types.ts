/**
 * The engine's stage contracts: decode → parse → verify → extract → check.
 * Each stage is pure (no I/O); the CLI and the main process feed it bytes and a clock.
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import type { JitDoctorConfig } from '../config/types';
import type { DirectoryView } from '../directory/types';
import type {
  AttributeSummary,
  ConditionsSummary,
  Finding,
  IdpKind,
  InputEncoding,
  Location,
  MessageType,
  SignatureSummary,
  StatusSummary,
  SubjectSummary,
} from '../report';

/** What the person gave us: a file's bytes, stdin, or pasted text. */
export interface RawInput {
  /** File name or `-` / `pasted`; becomes the message `source` (with `#entry` for HAR/trace entries). */
  name: string;
  bytes: Uint8Array;
}

import type { InputBudget } from './decode/budget';

export interface EngineLimits {
  /** Largest decoded message, in bytes (INPUT_TOO_LARGE). Default 10 MiB. */
  maxMessageBytes: number;
  /** Deepest element nesting accepted before the parser runs. */
  maxDepth: number;
  /**
   * The run's input budget (shared/saml/decode/budget.ts): a meter, not a setting, so diagnose()
   * makes a fresh one for every run. Without one only the per-message limit applies.
   */
  budget?: InputBudget;
}

export const DEFAULT_LIMITS: EngineLimits = { maxMessageBytes: 10 * 1024 * 1024, maxDepth: 256 };

/** Stage 1: one SAML message found in the input. */
export interface DecodedMessage {
  source: string;
  encoding: InputEncoding;
  /** The decoded XML text (UTF-8 decoded). */
  xml: string;
  relayState: string | null;
  /** The form/query parameter it came from, when it came from one. */
  parameter: 'SAMLResponse' | 'SAMLRequest' | null;
}

export interface DecodeOutcome {
  messages: DecodedMessage[];
  /** Input-level findings (INPUT_EMPTY, INPUT_UNRECOGNIZED, INPUT_NO_SAML_MESSAGE, INPUT_TOO_LARGE ...). */
  findings: Finding[];
}

/** Stage 2: the hardened DOM (@xmldom/xmldom), with positions for findings. */
export interface ParsedXml {
  document: Document;
  root: Element;
  /** Path and line/column of a node in the decoded XML. */
  locate(node: Node): Location;
}

export type ParseOutcome = { ok: true; parsed: ParsedXml } | { ok: false; findings: Finding[] };

/** Stage 3 input besides the parsed document. */
export interface VerifyOptions {
  /**
   * The trusted IdP signing certificates (sso.certificates: PEM or bare base64 DER, up to 5).
   * Empty: integrity is checked with the certificate in KeyInfo and trust is SIGNATURE_NOT_CHECKED.
   * An unreadable one makes verifySignatures throw CertificateError (shared/saml/certificates.ts).
   */
  certificates: readonly string[];
  /** Evaluation time, for CERT_EXPIRED / CERT_EXPIRING / CERT_NOT_YET_VALID. */
  now: Date;
  /**
   * The decoded text, accepted from callers that have it but not read: verification runs on the
   * parsed DOM itself, so no second parse of the text can disagree with the one later stages read.
   */
  xml?: string;
}

/** Stage 3: signatures, and the elements that are safe to read ("what is used is what is signed"). */
export interface VerifyOutcome {
  signature: SignatureSummary;
  findings: Finding[];
  /** The root Response element, when the message is a Response. */
  response: Element | null;
  /**
   * The one Assertion the later checks read. It is the element the verified Reference points at
   * when the assertion is signed, or the Assertion under a verified Response signature.
   * When the document is wrapped the engine still extracts from the signed element (never a second lookup by tag name).
   */
  assertion: Element | null;
}

/** Stage 4: the values the checks compare, each read from the verified elements. */
export interface ExtractedMessage {
  type: MessageType;
  source: string;
  encoding: InputEncoding;
  relayState: string | null;
  version: string | null;
  id: string | null;
  issuer: string | null;
  /** Issuer of the Response (may differ from the Assertion's). */
  responseIssuer: string | null;
  assertionIssuer: string | null;
  destination: string | null;
  inResponseTo: string | null;
  issueInstant: string | null;
  /** The Assertion's own Version and IssueInstant (the fields above are the Response's). */
  assertionVersion?: string | null;
  assertionIssueInstant?: string | null;
  status: StatusSummary | null;
  subject: SubjectSummary | null;
  /** InResponseTo of the bearer SubjectConfirmationData (SP-initiated when set). */
  subjectInResponseTo?: string | null;
  /** All SubjectConfirmation methods seen. */
  subjectConfirmationMethods: string[];
  conditions: ConditionsSummary | null;
  /** True when Conditions carries an AudienceRestriction element. */
  hasAudienceRestriction: boolean;
  attributes: AttributeSummary[];
  /** Number of Assertion and EncryptedAssertion elements in the document. */
  assertionCount: number;
  encryptedAssertionCount: number;
  /** Where things are, for findings. */
  locations: Partial<
    Record<
      | 'response'
      | 'assertion'
      | 'issuer'
      | 'responseIssuer'
      | 'status'
      | 'nameId'
      | 'subjectConfirmationData'
      | 'conditions'
      | 'audience'
      | 'attributeStatement',
      Location
    >
  >;
  idp: IdpKind;
}

/** What every check receives. Checks are pure: `(ctx) => Finding[]`. */
export interface CheckContext {
  message: ExtractedMessage;
  config: JitDoctorConfig;
  now: Date;
  directory: DirectoryView | null;
}

export type Check = (ctx: CheckContext) => Finding[];
