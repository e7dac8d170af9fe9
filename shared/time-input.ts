/**
 * Times and durations a person types, read the same way by the app and the command line: an
 * evaluation time (`--now`, the app's "evaluate as of") and a look-back or interval (`--since 24h`).
 * Strict on purpose: `new Date("1")` is 2001-01-01 and `Date.now() - 99999999999 days` is not a
 * date at all; here both are refused with a sentence saying what to type instead.
 */
import { parseInstant } from './saml/checks/compare';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * An ISO 8601 date or date-time; without a zone it is read as UTC, like SAML times. A date alone
 * is its midnight UTC; minutes without seconds and `+0100` offsets are accepted.
 */
export function parseTimeInput(text: string): Parsed<Date> {
  const trimmed = text.trim();
  const normalised = /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
    ? `${trimmed}T00:00:00Z`
    : trimmed
        .replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=$|Z|[+-])/i, '$1:00')
        .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
        .replace(/z$/, 'Z');
  const ms = /^\d{4}-/.test(normalised) ? parseInstant(normalised) : null;
  if (ms === null)
    return {
      ok: false,
      message: `"${shorten(text)}" is not an ISO 8601 time such as 2026-11-23T09:00:00Z`,
    };
  return { ok: true, value: new Date(ms) };
}

const UNITS: Readonly<Record<'s' | 'm' | 'h' | 'd', number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** The longest duration accepted: ten years, further back than any org's users were created. */
const MAX_DURATION_MS = 3650 * UNITS.d;

/** A duration as typed ("24h") and in milliseconds. */
export interface Duration {
  text: string;
  ms: number;
}

/** "24h", "30s", "90m", "2d": more than zero, at most ten years. */
export function parseDurationInput(text: string): Parsed<Duration> {
  const trimmed = text.trim();
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/i.exec(trimmed);
  if (!match || Number(match[1]) <= 0)
    return {
      ok: false,
      message: `"${shorten(text)}" is not a duration: expected one such as 30s, 15m, 24h or 2d`,
    };
  const ms = Number(match[1]) * UNITS[match[2]!.toLowerCase() as keyof typeof UNITS];
  if (!(ms <= MAX_DURATION_MS))
    return {
      ok: false,
      message: `"${shorten(text)}" is longer than ${MAX_DURATION_MS / UNITS.d}d (ten years); give a shorter duration such as 24h or 30d`,
    };
  return { ok: true, value: { text: trimmed, ms } };
}

/** What was typed, cut short so a pasted paragraph does not fill the error line. */
function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}
