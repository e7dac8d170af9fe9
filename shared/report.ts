/**
 * The report model: what `jit-doctor diagnose --format json` prints (schemaVersion 1, docs/cli.md)
 * and what the desktop app renders. Pure types, safe to import from the renderer.
 */

import type { VerdictCategory } from './report/verdict';

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding points in the decoded XML. `line`/`column` are 1-based. */
export interface Location {
  /** Element path such as `/Response/Assertion/AttributeStatement/Attribute[3]` (local names, 1-based index among same-named siblings). */
  path: string;
  line: number | null;
  column: number | null;
}

export interface Finding {
  code: string;
  severity: Severity;
  /** One sentence for people. */
  message: string;
  location: Location | null;
  /** The exact values compared (expected vs received, fingerprints, ...). Values are personal data: `--redact` rewrites them. */
  evidence: Record<string, unknown>;
  /** What to change, on which side (IdP or Genesys Cloud), naming the IdP when recognised. */
  fix: string;
}

export type SignatureStatus =
  'valid' | 'invalid' | 'missing' | 'untrusted' | 'not-checked' | 'wrapped';

export interface SignedElement {
  element: 'Response' | 'Assertion' | string;
  id: string | null;
  signatureAlgorithm: string | null;
  digestAlgorithm: string | null;
  /** SHA-256 fingerprint (colon-separated upper-case hex) of the certificate that verified it, if any. */
  certificateSha256: string | null;
  /** Which configured certificate (0-based) verified it; null when none did. */
  configuredCertificateIndex?: number | null;
  /** Whether this signature verified cryptographically with some key (configured or embedded). */
  verified?: boolean;
}

export interface CertificateInfo {
  source: 'configured' | 'embedded';
  index: number;
  subject: string | null;
  issuer: string | null;
  notBefore: string | null;
  notAfter: string | null;
  sha256: string;
  sha1: string;
}

export interface SignatureSummary {
  status: SignatureStatus;
  signed: SignedElement[];
  /** Certificates found in KeyInfo (reported, never trusted by themselves) and the configured ones. */
  certificates?: CertificateInfo[];
}

export interface StatusSummary {
  code: string | null;
  subCode: string | null;
  message: string | null;
}

export interface SubjectSummary {
  nameId: string | null;
  nameIdFormat: string | null;
  recipient: string | null;
  notOnOrAfter: string | null;
}

export interface ConditionsSummary {
  notBefore: string | null;
  notOnOrAfter: string | null;
  audiences: string[];
}

/**
 * Where the evaluation time falls in the validity window: `before` and `after` are what
 * TIME_NOT_YET_VALID and TIME_EXPIRED report; `within-skew-before` and `within-skew-after` mean
 * valid only thanks to the clock-skew tolerance (`clockSkewSeconds`).
 */
export type ValidityPosition =
  'before' | 'within-skew-before' | 'inside' | 'within-skew-after' | 'after';

/** The validity window of a Response as the time checks judged it (shared/report/validity.ts). */
export interface ValidityWindow {
  /** Conditions NotBefore; null when absent or unreadable. */
  notBefore: string | null;
  /** The earlier of the Conditions and SubjectConfirmationData NotOnOrAfter; null when neither is readable. */
  notOnOrAfter: string | null;
  position: ValidityPosition;
}

export interface AttributeSummary {
  name: string;
  nameFormat: string | null;
  friendlyName: string | null;
  values: string[];
  location?: Location | null;
}

export type MatchKind =
  'exact' | 'case' | 'whitespace' | 'namespace' | 'friendly-name' | 'similar' | 'missing';

/** A half-open character range [start, end) in a claim name that differs from the other side. */
export interface DiffRange {
  start: number;
  end: number;
}

export interface MappingRow {
  /** Genesys Cloud user field (key of attributeMapping). */
  field: string;
  /** The exact claim name the configuration expects. */
  expected: string;
  /** The claim name that arrived (null when nothing close arrived). */
  received: string | null;
  match: MatchKind;
  values: string[];
  /** Ranges in `expected` and `received` the UI highlights. */
  diff?: { expected: DiffRange[]; received: DiffRange[] };
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface JitOutcome {
  /**
   * What JIT does once the login reaches it. When `loginRefusedBy` is not empty, Genesys Cloud
   * refuses the login before JIT runs: nothing is created or changed at this login, and `action`
   * says what JIT would do once those findings are fixed.
   */
  action: 'create' | 'update' | 'none' | 'fail' | 'unknown';
  /**
   * Codes of the error findings that make Genesys Cloud refuse this login before JIT runs
   * (signature, protocol, time, audience and Genesys attribute errors); empty when none does.
   * Always written by this build; absent from reports of earlier builds, which read as empty.
   */
  loginRefusedBy?: string[];
  changes: FieldChange[];
  rolesRemoved: string[];
  rolesAdded: string[];
  division: string | null;
  /** The existing user when the directory knows one. */
  existingUserId?: string | null;
}

export type Verdict = 'pass' | 'warn' | 'fail';

export type MessageType =
  'Response' | 'AuthnRequest' | 'LogoutRequest' | 'LogoutResponse' | 'Unknown';

export type InputEncoding =
  'xml' | 'base64' | 'deflate-base64' | 'url-encoded' | 'form' | 'url' | 'har' | 'saml-tracer';

export interface MessageReport {
  index: number;
  /** Input name, with `#entry` for HAR/trace entries (`capture.har#3`). */
  source: string;
  encoding: InputEncoding | null;
  type: MessageType;
  relayState?: string | null;
  issuer: string | null;
  destination: string | null;
  inResponseTo: string | null;
  issueInstant: string | null;
  status: StatusSummary | null;
  signature: SignatureSummary;
  subject: SubjectSummary | null;
  conditions: ConditionsSummary | null;
  /** Where the evaluation time falls in the window; null for a message that is not a Response or has no readable bound. */
  validity: ValidityWindow | null;
  attributes: AttributeSummary[];
  mapping: MappingRow[];
  jit: JitOutcome | null;
  verdict: Verdict;
  /** What happened, beside `verdict`: untrusted, not a SAML message, expired, ... (shared/report/verdict.ts). */
  verdictCategory: VerdictCategory;
  findings: Finding[];
  /** The decoded XML the locations point into (omitted from `--redact` output). */
  xml?: string;
  /** Recognised IdP product, from the Issuer. */
  idp?: IdpKind | null;
}

export type IdpKind = 'entra' | 'okta' | 'adfs' | 'ping' | 'google' | 'generic';

export interface ReportSummary {
  messages: number;
  errors: number;
  warnings: number;
  infos: number;
  verdict: Verdict;
  /** The most serious category of the report's messages and input findings. */
  verdictCategory: VerdictCategory;
}

/** A check that did not run, and why. */
export interface SkippedCheck {
  /** What was not checked: a finding code (`ISSUER_MISMATCH`) or a stage (`JIT outcome`). */
  check: string;
  /** Why, in words: `no sso.issuer in the configuration`. */
  reason: string;
  /**
   * What would run it, as a code the CLI and the app each put in their own words
   * (`batch`: diagnose the messages together).
   */
  hint?: 'batch';
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'jit-doctor'; version: string };
  evaluatedAt: string;
  /** The clock-skew tolerance the time checks used, in seconds (`sso.clockSkewSeconds`, default 10). */
  clockSkewSeconds: number;
  skippedChecks: SkippedCheck[];
  messages: MessageReport[];
  /** Findings that belong to no single message (input-level, batch-level). */
  findings: Finding[];
  summary: ReportSummary;
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.severity === 'warning')) return 'warn';
  return 'pass';
}
