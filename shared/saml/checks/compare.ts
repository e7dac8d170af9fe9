/** Small comparisons the checks share: how two identifiers differ, email shape, xs:dateTime. */

export type Difference =
  'trailing-slash' | 'scheme' | 'case' | 'whitespace' | 'tenant-id' | 'entra-endpoint' | 'other';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const STEPS: readonly [Difference, (s: string) => string][] = [
  ['whitespace', (s) => s.trim()],
  ['trailing-slash', (s) => s.replace(/\/+$/, '')],
  ['scheme', (s) => s.replace(/^https?:\/\//i, '//')],
  ['case', (s) => s.toLowerCase()],
];

/**
 * Explains how `received` differs from `expected` (both URIs/identifiers): the formatting
 * differences that account for it, or `tenant-id` / `entra-endpoint` / `other`. Empty when equal.
 */
export function describeDifference(expected: string, received: string): Difference[] {
  if (expected === received) return [];
  const found = STEPS.filter(([name]) => differsBy(name, expected, received));
  const normalise = (value: string) => found.reduce((acc, [, fn]) => fn(acc), value);
  if (found.length && normalise(expected) === normalise(received)) return found.map(([n]) => n);

  const a = STEPS.reduce((acc, [, fn]) => fn(acc), expected);
  const b = STEPS.reduce((acc, [, fn]) => fn(acc), received);
  const tenantA = a.match(GUID)?.[0];
  const tenantB = b.match(GUID)?.[0];
  if (tenantA && tenantB && a.replace(GUID, '') === b.replace(GUID, '')) return ['tenant-id'];
  if (isEntraIssuer(a) && isEntraIssuer(b)) {
    return tenantA && tenantB && tenantA !== tenantB
      ? ['entra-endpoint', 'tenant-id']
      : ['entra-endpoint'];
  }
  return ['other'];
}

function differsBy(difference: Difference, a: string, b: string): boolean {
  const bare = (s: string) =>
    s
      .trim()
      .replace(/\/+$/, '')
      .replace(/^https?:\/\//i, '//');
  switch (difference) {
    case 'whitespace':
      return a !== a.trim() || b !== b.trim();
    case 'trailing-slash':
      return /\/$/.test(a.trim()) !== /\/$/.test(b.trim());
    case 'scheme': {
      const scheme = (s: string) => /^(https?):\/\//i.exec(s.trim())?.[1]?.toLowerCase() ?? null;
      return scheme(a) !== null && scheme(b) !== null && scheme(a) !== scheme(b);
    }
    case 'case':
      return bare(a) !== bare(b) && bare(a).toLowerCase() === bare(b).toLowerCase();
    default:
      return false;
  }
}

function isEntraIssuer(value: string): boolean {
  return /^(https?:)?\/\/(sts\.windows\.net|login\.microsoftonline\.com)\//i.test(value);
}

/** A plain person-readable phrase for a difference list. */
export function differencePhrase(differences: readonly Difference[]): string {
  const words: Record<Difference, string> = {
    'trailing-slash': 'a trailing slash',
    scheme: 'the scheme (http/https)',
    case: 'letter case',
    whitespace: 'surrounding whitespace',
    'tenant-id': 'the tenant ID',
    'entra-endpoint': 'the Entra issuer form (sts.windows.net vs login.microsoftonline.com …/v2.0)',
    other: 'more than formatting',
  };
  return differences.map((d) => words[d]).join(' and ');
}

/** An email address as Genesys Cloud accepts one: local@domain.tld, no spaces. */
export function isEmail(value: string | null | undefined): boolean {
  if (!value) return false;
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/.test(value);
}

const DATE_TIME =
  /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an xs:dateTime as SAML uses it. A value without a zone is read as UTC (SAML requires UTC),
 * never as local time. Returns null when it is not a valid instant.
 */
export function parseInstant(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  const match = DATE_TIME.exec(trimmed);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  // Date.parse rolls 2026-02-30 over to March 2nd; a time that is not on the calendar is invalid.
  const calendar = new Date(Date.UTC(year!, month! - 1, day!));
  if (
    calendar.getUTCMonth() !== month! - 1 ||
    calendar.getUTCDate() !== day ||
    hour! > 23 ||
    minute! > 59 ||
    second! > 59
  )
    return null;
  const ms = Date.parse(match[8] ? trimmed : `${trimmed}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** "2 h 3 min", "45 s": how far apart two instants are, for messages. */
export function formatDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days) return `${days} d ${hours} h`;
  if (hours) return `${hours} h ${minutes} min`;
  if (minutes) return `${minutes} min ${seconds} s`;
  return `${seconds} s`;
}
