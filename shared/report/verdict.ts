/**
 * What happened, in one category, most serious first. The JSON `verdict` (pass/warn/fail) says only
 * whether errors or warnings were found; the category says which kind of failure it is, so a
 * garbage paste is "not a SAML message" rather than "this login fails", an AuthnRequest alone is "a
 * request, not a response" rather than a green pass, and a wrapped assertion is "must not be
 * trusted" before anything it claims is weighed. Computed here once; the CLI and the app only
 * render it.
 */
import type { Finding, MessageReport, Report } from '../report';

export type VerdictCategory =
  | 'untrusted'
  | 'not-saml'
  | 'expired'
  | 'not-yet-valid'
  | 'will-fail'
  | 'warnings'
  | 'not-a-response'
  | 'passes';

/** Most serious first: the order the categories of several messages are weighed in. */
const VERDICT_CATEGORIES: readonly VerdictCategory[] = [
  'untrusted',
  'not-saml',
  'expired',
  'not-yet-valid',
  'will-fail',
  'warnings',
  'not-a-response',
  'passes',
];

/** The headline for each category, in words for people (no command-line options, no codes). */
export const VERDICT_HEADLINES: Record<VerdictCategory, string> = {
  untrusted: 'Must not be trusted',
  'not-saml': 'Not a SAML message',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
  'will-fail': 'Will fail in Genesys Cloud',
  warnings: 'Works, with warnings',
  'not-a-response': 'A request, not a response',
  passes: 'No problems found',
};

/**
 * Error findings that mean the message must not be trusted: what is signed is not what would be
 * used, nothing is signed, or the XML tries a parser attack. These always lead a findings list.
 */
const SECURITY_CODES: ReadonlySet<string> = new Set([
  'SIGNATURE_WRAPPING',
  'SIGNATURE_INVALID',
  'SIGNATURE_CERT_UNTRUSTED',
  'SIGNATURE_MISSING',
  'SIGNATURE_UNEXPECTED_TRANSFORM',
  'TEXT_SPLIT_BY_COMMENT',
  'INPUT_DTD_FORBIDDEN',
]);

/** Input findings that mean nothing could be read as a SAML message. */
const UNREADABLE_CODES: ReadonlySet<string> = new Set([
  'INPUT_EMPTY',
  'INPUT_UNRECOGNIZED',
  'INPUT_XML_MALFORMED',
  'INPUT_TOO_LARGE',
  'INPUT_NO_SAML_MESSAGE',
  'INTERNAL_ERROR',
]);

/** Whether a finding is a security error: it leads every list and makes the message untrusted. */
export function isSecurityFinding(finding: Pick<Finding, 'code' | 'severity'>): boolean {
  return finding.severity === 'error' && SECURITY_CODES.has(finding.code);
}

/** The category of a set of findings (a message's, or the input-level ones of a report). */
function categoryOf(findings: readonly Finding[]): VerdictCategory {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.some(isSecurityFinding)) return 'untrusted';
  if (errors.some((f) => UNREADABLE_CODES.has(f.code))) return 'not-saml';
  if (errors.some((f) => f.code === 'TIME_EXPIRED')) return 'expired';
  if (errors.some((f) => f.code === 'TIME_NOT_YET_VALID')) return 'not-yet-valid';
  if (errors.length > 0) return 'will-fail';
  if (findings.some((f) => f.severity === 'warning')) return 'warnings';
  if (findings.some((f) => f.code === 'INPUT_NOT_A_RESPONSE')) return 'not-a-response';
  return 'passes';
}

/** The category of one message: its findings, and a message that is no Response is never a pass. */
export function messageCategory(
  message: Pick<MessageReport, 'type' | 'findings'>,
): VerdictCategory {
  const category = categoryOf(message.findings);
  if (message.type === 'Response' || (category !== 'passes' && category !== 'warnings'))
    return category;
  return message.type === 'Unknown' ? 'not-saml' : 'not-a-response';
}

const rank = (category: VerdictCategory) => VERDICT_CATEGORIES.indexOf(category);

/**
 * The category of a whole report: the most serious of its messages' and of its input-level
 * findings. A request beside a response (a HAR of an SP-initiated login) does not speak for the
 * report: the response does. No message and no finding is "not a SAML message", never a pass.
 */
export function reportCategory(
  messages: readonly Pick<MessageReport, 'type' | 'findings'>[],
  reportFindings: readonly Finding[],
): VerdictCategory {
  const categories = messages.map(messageCategory);
  if (reportFindings.length > 0) categories.push(categoryOf(reportFindings));
  if (categories.length === 0) return 'not-saml';
  const weighed = categories.some((c) => c !== 'not-a-response')
    ? categories.filter((c) => c !== 'not-a-response')
    : categories;
  return weighed.reduce((worst, c) => (rank(c) < rank(worst) ? c : worst));
}

/**
 * The sentence under the headline: what the leading finding says, or what a clean result means.
 * `findings` are in report order (security first), so the first error is the one to name.
 */
export function verdictReason(category: VerdictCategory, findings: readonly Finding[]): string {
  if (category === 'passes') return 'Every check that could run passed.';
  if (category === 'not-a-response')
    return 'A request or logout message is shown, but the login itself is decided by the Response the IdP posts back.';
  const lead =
    findings.find((f) => f.severity === 'error' && categoryOf([f]) === category) ??
    findings.find((f) => f.severity === 'error') ??
    findings.find((f) => f.severity === 'warning');
  return lead?.message ?? VERDICT_HEADLINES[category];
}

/** The sentence under a report's verdict: the leading finding of the message that decided it. */
export function reportReason(report: Pick<Report, 'summary' | 'messages' | 'findings'>): string {
  const category = report.summary.verdictCategory;
  const decided = report.messages.find((m) => m.verdictCategory === category);
  return verdictReason(category, decided ? decided.findings : report.findings);
}
