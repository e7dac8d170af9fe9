/**
 * The options several commands share, defined once with commander's own parsing: choices, value
 * parsers (`argParser`), and the pairs that exclude (`conflicts`) or imply (`implies`) each other.
 * A bad value ends as commander's one-line error and exit 2, before a command runs.
 */
import { InvalidArgumentError, Option } from 'commander';
import { parseInstant } from '../../shared/saml/checks/compare';

export const FORMATS = ['text', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export const formatOption = () =>
  new Option('--format <format>', 'output format').choices(FORMATS).default('text');

/** --now: an ISO 8601 date or date-time; without a zone it is read as UTC, like SAML times. */
export function parseNow(value: string): Date {
  const trimmed = value.trim();
  const normalised = /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
    ? `${trimmed}T00:00:00Z`
    : trimmed
        .replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=$|Z|[+-])/i, '$1:00')
        .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
        .replace(/z$/, 'Z');
  const ms = parseInstant(normalised);
  if (ms === null)
    throw new InvalidArgumentError(
      `"${value}" is not an ISO 8601 time such as 2026-11-23T09:00:00Z`,
    );
  return new Date(ms);
}

export const nowOption = () =>
  new Option('--now <iso>', 'evaluate as of this time (ISO 8601) instead of now').argParser(
    parseNow,
  );

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration as typed ("24h") and in milliseconds. */
export interface Duration {
  text: string;
  ms: number;
}

/** "24h", "30s", "90m", "2d". */
export function parseDuration(text: string): Duration {
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/i.exec(text.trim());
  if (!match || Number(match[1]) <= 0)
    throw new InvalidArgumentError('expected a duration such as 30s, 15m, 24h or 2d');
  return { text: text.trim(), ms: Number(match[1]) * UNITS[match[2]!.toLowerCase()]! };
}

export const durationOption = (flags: string, description: string, fallback: string) =>
  new Option(flags, description)
    .argParser(parseDuration)
    .default(parseDuration(fallback), fallback);

/**
 * --api-base / --org / --demo: a live org (GENESYSCLOUD_* variables) or the embedded demo org,
 * never both; --api-base sends a live org's calls elsewhere, so it implies --org. (--api-base comes
 * first so that `--api-base URL --demo` is refused naming the option that was typed.)
 */
export function orgOptions(what: { org: string; demo: string }): [Option, Option, Option] {
  return [
    new Option(
      '--api-base <url>',
      'send the API calls of --org to this origin (a fake org, a proxy); implies --org; or GENESYSCLOUD_API_BASE',
    ).implies({ org: true }),
    new Option('--org', what.org),
    new Option('--demo', what.demo).conflicts(['apiBase', 'org']),
  ];
}
