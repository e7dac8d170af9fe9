/** What the text and Markdown renderings share: short descriptions of values for people. */
import { describeJit } from '../../../shared/mapping/jit-words';
import type { Location, MessageReport, Report, SkippedCheck } from '../../../shared/report';
import { validitySentence } from '../../../shared/report/validity';
import { idpGuide } from '../../../shared/saml/idp';

export const VERDICT_WORDS = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

const MAX_VALUE = 160;

/** A skipped check in a line, with the option that would run it. */
export function skippedLine(skip: SkippedCheck): string {
  return `${skip.check}: ${skip.reason}${skip.hint === 'batch' ? ' (add --batch)' : ''}`;
}

/** One evidence value on one line: strings as they are (escaped when invisible characters hide), the rest as JSON. */
export function describeValue(value: unknown): string {
  const text =
    typeof value === 'string' && /^[\x20-\x7e\u00a1-\uffff]*$/.test(value) && !/^\s|\s$/.test(value)
      ? value
      : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export function describeLocation(location: Location | null): string | null {
  if (!location) return null;
  const position =
    location.line !== null
      ? ` (line ${location.line}${location.column !== null ? `, column ${location.column}` : ''})`
      : '';
  return `${location.path}${position}`;
}

export function countsLine(report: Report): string {
  const s = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    plural(s.messages, 'message'),
    plural(s.errors, 'error'),
    plural(s.warnings, 'warning'),
    plural(s.infos, 'info'),
  ].join(' · ');
}

/** "Response from Microsoft Entra ID (Azure AD), base64, signature valid". */
export function messageHeadline(message: MessageReport): string {
  const parts = [message.type === 'Unknown' ? 'unreadable message' : message.type];
  if (message.idp && message.idp !== 'generic') parts[0] += ` from ${idpGuide(message.idp).name}`;
  if (message.encoding) parts.push(message.encoding);
  if (message.type === 'Response') parts.push(`signature ${message.signature.status}`);
  return parts.join(', ');
}

/**
 * The facts of a message worth a line each, in reading order. A message valid only thanks to the
 * clock-skew tolerance says so in the engine's sentence, as the app's timeline does (a message
 * outside its window has its time finding instead).
 */
export function messageFacts(
  message: MessageReport,
  report: Pick<Report, 'evaluatedAt' | 'clockSkewSeconds'>,
): [string, string][] {
  const validity = message.validity;
  const onlyThanksToSkew =
    validity &&
    (validity.position === 'within-skew-before' || validity.position === 'within-skew-after')
      ? validitySentence(validity, report.evaluatedAt, report.clockSkewSeconds)
      : null;
  const facts: [string, string | null | undefined][] = [
    ['Issuer', message.issuer],
    ['Destination', message.destination],
    ['InResponseTo', message.inResponseTo],
    ['IssueInstant', message.issueInstant],
    [
      'Status',
      message.status &&
        [message.status.code, message.status.subCode, message.status.message]
          .filter(Boolean)
          .join(' / '),
    ],
    ['NameID', message.subject?.nameId],
    ['NameID format', message.subject?.nameIdFormat],
    ['Recipient', message.subject?.recipient],
    [
      'Valid',
      message.conditions &&
        `${message.conditions.notBefore ?? '…'} → ${message.conditions.notOnOrAfter ?? '…'}`,
    ],
    ['Validity', onlyThanksToSkew],
    ['Audience', message.conditions?.audiences.join(', ')],
    ['RelayState', message.relayState],
    [
      'Signed',
      message.signature.signed
        .map(
          (s) =>
            `${s.element}${s.id ? ` ${s.id}` : ''}${s.signatureAlgorithm ? ` (${s.signatureAlgorithm.replace(/^.*[#/]/, '')})` : ''}`,
        )
        .join(', '),
    ],
    ...jitFacts(message),
  ];
  return facts.filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== '');
}

/** The JIT outcome in the engine's words: what happens at this login, and once a refusal is fixed. */
function jitFacts(message: MessageReport): [string, string][] {
  if (!message.jit) return [];
  const words = describeJit(message.jit, message);
  if (words.onceFixed === null) return [['JIT', words.headline]];
  return [
    ['JIT', words.headline],
    ['JIT refused by', words.refusedBy.join(', ')],
    ['JIT once fixed', words.onceFixed],
  ];
}
