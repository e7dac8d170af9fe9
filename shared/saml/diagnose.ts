/**
 * The engine: decode → parse → verify → extract → checks → claim mapping → batch, for every message
 * of every input, into one Report (docs/cli.md, schemaVersion 1), built once by buildReport. Pure:
 * bytes, configuration, directory and evaluation time in; a report out. It throws only a CertificateError (a configured
 * certificate that parseConfig would refuse), which the caller reports as a
 * configuration problem; any other failure on one message becomes an INTERNAL_ERROR finding on
 * that message and the batch goes on.
 */
import type { JitDoctorConfig } from '../config/types';
import type { DirectoryView } from '../directory/types';
import { finding } from '../findings/finding';
import { analyseMapping, checkBatch, type BatchEntry } from '../mapping/index';
import { loginRefusals } from '../mapping/jit';
import {
  verdictOf,
  type Finding,
  type JitOutcome,
  type MappingRow,
  type MessageReport,
  type Report,
  type SignatureSummary,
  type SkippedCheck,
  type ValidityWindow,
} from '../report';
import { buildReport } from '../report/build';
import { sortFindings } from '../report/summary';
import { validityWindow } from '../report/validity';
import { messageCategory } from '../report/verdict';
import { runResponseChecks, skippedForConfig, skippedForMessage } from './checks/index';
import { clockSkewMs } from './checks/time';
import { CertificateError } from './certificates';
import { InputBudget, type BudgetLimits } from './decode/budget';
import { decodeInput } from './decode/index';
import { extractMessage, messageTypeOf } from './extract';
import { parseXml } from './parse';
import {
  DEFAULT_LIMITS,
  type CheckContext,
  type DecodedMessage,
  type EngineLimits,
  type ExtractedMessage,
  type RawInput,
} from './types';
import { verifySignatures } from './verify/index';

export interface DiagnoseOptions {
  config: JitDoctorConfig;
  directory: DirectoryView | null;
  now: Date;
  /** Also check the messages against each other (UNIQUE_BATCH_DUPLICATE, JIT_LICENSE_CAP). */
  batch?: boolean;
  limits?: EngineLimits;
  /** Put the decoded XML in each message report (the app's XML view; omitted when redacting). */
  includeXml?: boolean;
  /** The run's input budget (DEFAULT_BUDGET when absent). */
  budget?: BudgetLimits;
  /**
   * Checks the caller already knows will not run (no configuration given, the org's directory
   * unavailable): they head the report's list, in the caller's words.
   */
  notChecked?: readonly SkippedCheck[];
}

interface MessageOutcome {
  report: MessageReport;
  /** The extracted Response, for the batch checks; null for other messages or when unreadable. */
  extracted: ExtractedMessage | null;
  skipped: SkippedCheck[];
}

/**
 * When several responses were not checked against each other. Neutral words and a hint code: the
 * CLI names its option, the app checks every drop as a batch.
 */
const BATCH_NOT_CHECKED: SkippedCheck = {
  check: 'UNIQUE_BATCH_DUPLICATE',
  reason: 'several responses were not checked against each other',
  hint: 'batch',
};

const NOT_CHECKED: SignatureSummary = { status: 'not-checked', signed: [] };

export function diagnose(inputs: readonly RawInput[], options: DiagnoseOptions): Report {
  // One budget for the whole run, however many inputs and messages it has.
  const budget = new InputBudget(options.budget);
  const limits = { ...(options.limits ?? DEFAULT_LIMITS), budget };
  const reportFindings: Finding[] = [];
  const messages: MessageReport[] = [];
  const skipped: SkippedCheck[] = [];
  const responses: BatchEntry[] = [];

  if (inputs.length === 0) reportFindings.push(nothingGiven());
  for (const input of inputs) {
    let decoded: DecodedMessage[];
    try {
      const outcome = decodeInput(input, limits);
      reportFindings.push(...outcome.findings);
      decoded = outcome.messages;
      // An input that yields nothing must never read as a pass.
      if (decoded.length === 0 && outcome.findings.length === 0 && !budget.isSpent())
        reportFindings.push(nothingFound(input.name));
    } catch (error) {
      reportFindings.push(internalError(input.name, 'decoding', error));
      continue;
    }
    for (const message of decoded) {
      const outcome = diagnoseMessage(message, messages.length, options, limits);
      messages.push(outcome.report);
      skipped.push(...outcome.skipped);
      if (outcome.extracted)
        responses.push({
          index: outcome.report.index,
          message: outcome.extracted,
          jit: outcome.report.jit,
        });
    }
  }

  const overBudget = budget.finding();
  if (overBudget) reportFindings.push(overBudget);
  const xmlLeftOut = budget.xmlNote();
  if (xmlLeftOut) skipped.push(xmlLeftOut);

  // Only a Response runs the configuration-dependent checks; say what they missed when one did.
  const configSkips = responses.length ? skippedForConfig(options.config) : [];

  if (options.batch) {
    try {
      reportFindings.push(...checkBatch(responses, options.config, options.directory));
    } catch (error) {
      reportFindings.push(internalError('batch', 'the batch checks', error));
    }
  } else if (responses.length > 1) {
    skipped.push(BATCH_NOT_CHECKED);
  }

  return buildReport({
    evaluatedAt: options.now,
    clockSkewSeconds: clockSkewMs(options.config) / 1000,
    skippedChecks: [...(options.notChecked ?? []), ...configSkips, ...skipped],
    messages,
    findings: reportFindings,
  });
}

function diagnoseMessage(
  decoded: DecodedMessage,
  index: number,
  options: DiagnoseOptions,
  limits: EngineLimits,
): MessageOutcome {
  try {
    return analyse(decoded, index, options, limits);
  } catch (error) {
    // The configuration is wrong, not this message, and not JIT Doctor: the caller says so.
    if (error instanceof CertificateError) throw error;
    const findings = [internalError(decoded.source, 'this message', error)];
    return outcome(decoded, index, options, limits, { findings }, null, []);
  }
}

function analyse(
  decoded: DecodedMessage,
  index: number,
  options: DiagnoseOptions,
  limits: EngineLimits,
): MessageOutcome {
  const done = (parts: MessageParts, extracted: ExtractedMessage | null, skipped: SkippedCheck[]) =>
    outcome(decoded, index, options, limits, parts, extracted, skipped);
  const parsed = parseXml(decoded.xml, limits);
  if (!parsed.ok) return done({ findings: parsed.findings }, null, []);

  const type = messageTypeOf(parsed.parsed.root);
  if (type !== 'Response') {
    const { message } = extractMessage(decoded, parsed.parsed, null);
    const findings = [notAResponse(decoded, message, parsed.parsed.root.localName)];
    return done({ message, findings }, null, []);
  }

  const verified = verifySignatures(parsed.parsed, {
    certificates: options.config.sso?.certificates ?? [],
    now: options.now,
    xml: decoded.xml,
  });
  const { message, findings: textFindings } = extractMessage(decoded, parsed.parsed, verified);

  const ctx: CheckContext = {
    message,
    config: options.config,
    now: options.now,
    directory: options.directory,
  };
  const findings = [
    ...verified.findings,
    ...withoutDuplicates(textFindings, verified.findings),
    ...runResponseChecks(ctx),
  ];
  const validity = validityWindow(message, options.now, clockSkewMs(options.config));
  const skipped = skippedForMessage(ctx);
  if (message.locations.assertion === undefined) {
    skipped.push({
      check: 'claim mapping',
      reason: `${decoded.source} has no assertion to read claims from`,
    });
    return done({ message, signature: verified.signature, validity, findings }, message, skipped);
  }
  // What refuses the login before JIT runs: the JIT outcome says so instead of "will create".
  const mapping = analyseMapping(ctx, loginRefusals(findings));
  skipped.push(...mapping.skipped);
  return done(
    {
      message,
      signature: verified.signature,
      validity,
      mapping: mapping.mapping,
      jit: mapping.jit,
      findings: [...findings, ...mapping.findings],
    },
    message,
    skipped,
  );
}

/** What one message's report is built from; what a stage did not reach stays empty. */
interface MessageParts {
  message?: ExtractedMessage;
  signature?: SignatureSummary;
  /** A Response's validity window, as its time checks judged it. */
  validity?: ValidityWindow | null;
  mapping?: MappingRow[];
  jit?: JitOutcome | null;
  findings: Finding[];
}

function outcome(
  decoded: DecodedMessage,
  index: number,
  options: DiagnoseOptions,
  limits: EngineLimits,
  parts: MessageParts,
  extracted: ExtractedMessage | null,
  skipped: SkippedCheck[],
): MessageOutcome {
  return {
    report: messageReport(decoded, index, options, limits, parts),
    extracted,
    skipped,
  };
}

/** One message's report, built once from its parts. */
function messageReport(
  decoded: DecodedMessage,
  index: number,
  options: DiagnoseOptions,
  limits: EngineLimits,
  parts: MessageParts,
): MessageReport {
  const message = parts.message;
  const findings = sortFindings(parts.findings);
  const type = message?.type ?? 'Unknown';
  return {
    index,
    source: decoded.source,
    encoding: decoded.encoding,
    type,
    relayState: decoded.relayState,
    issuer: message?.issuer ?? null,
    destination: message?.destination ?? null,
    inResponseTo: message?.inResponseTo ?? null,
    issueInstant: message?.issueInstant ?? null,
    status: message?.status ?? null,
    signature: parts.signature ?? NOT_CHECKED,
    subject: message?.subject ?? null,
    conditions: message?.conditions ?? null,
    validity: parts.validity ?? null,
    attributes: message?.attributes ?? [],
    mapping: parts.mapping ?? [],
    jit: parts.jit ?? null,
    verdict: verdictOf(findings),
    verdictCategory: messageCategory({ type, findings }),
    findings,
    ...(options.includeXml && limits.budget?.keepsXml(decoded.xml.length) !== false
      ? { xml: decoded.xml }
      : {}),
    idp: message?.idp ?? null,
  };
}

function notAResponse(
  decoded: DecodedMessage,
  message: ExtractedMessage,
  rootName: string | null,
): Finding {
  if (message.type === 'Unknown') {
    return finding('INPUT_UNRECOGNIZED', {
      message: `${decoded.source} is XML but not a SAML 2.0 protocol message (its root element is ${rootName ?? 'unnamed'}).`,
      location: message.locations.response ?? null,
      evidence: { source: decoded.source, rootElement: rootName },
      fix: 'Give the SAMLResponse the IdP posted to Genesys Cloud (root element samlp:Response), not metadata or another XML document.',
    });
  }
  return finding('INPUT_NOT_A_RESPONSE', {
    message: `${decoded.source} is ${message.type === 'AuthnRequest' ? 'an' : 'a'} ${message.type}${message.issuer ? ` from ${message.issuer}` : ''}, not a Response: it is shown, and the response checks are skipped.`,
    location: message.locations.response ?? null,
    evidence: { type: message.type, issuer: message.issuer, destination: message.destination },
    fix: 'To diagnose the login itself, give the SAMLResponse the IdP posted back (the POST to https://login.<region>/saml).',
  });
}

/** The extractor and the verifier may both notice the same split text; report it once. */
function withoutDuplicates(findings: Finding[], already: readonly Finding[]): Finding[] {
  const seen = new Set(already.map((f) => `${f.code} ${f.location?.path ?? ''}`));
  return findings.filter((f) => !seen.has(`${f.code} ${f.location?.path ?? ''}`));
}

function nothingGiven(): Finding {
  return finding('INPUT_EMPTY', {
    message: 'Nothing was given to diagnose.',
    fix: 'Paste or load a SAMLResponse, a HAR file or a SAML-tracer export.',
  });
}

function nothingFound(source: string): Finding {
  return finding('INPUT_UNRECOGNIZED', {
    message: `${source} holds no SAML message that could be decoded.`,
    evidence: { source },
    fix: 'Give the SAMLResponse value, the form body or URL that carries it, a HAR file or a SAML-tracer export, copied whole.',
  });
}

function internalError(source: string, stage: string, error: unknown): Finding {
  const text = error instanceof Error ? error.message : String(error);
  return finding('INTERNAL_ERROR', {
    message: `JIT Doctor failed while diagnosing ${stage} of ${source}: ${text}.`,
    evidence: { source, error: text },
    fix: 'This is a bug in JIT Doctor, not in your SSO set-up: please report it with the (redacted) input.',
  });
}
