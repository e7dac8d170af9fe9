/**
 * The options several commands share, defined once with commander's own parsing: choices, value
 * parsers (`argParser`), and the pairs that exclude (`conflicts`) or imply (`implies`) each other.
 * A bad value ends as commander's one-line error and exit 2, before a command runs.
 */
import { InvalidArgumentError, Option } from 'commander';
import { parseDurationInput, parseTimeInput, type Duration } from '../../shared/time-input';

const FORMATS = ['text', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export const formatOption = () =>
  new Option('--format <format>', 'output format').choices(FORMATS).default('text');

/** --now: the shared reading of a typed time (shared/time-input.ts), as commander's error. */
export function parseNow(value: string): Date {
  const parsed = parseTimeInput(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.value;
}

export const nowOption = () =>
  new Option('--now <iso>', 'evaluate as of this time (ISO 8601) instead of now').argParser(
    parseNow,
  );

export type { Duration };

/** "24h", "30s", "90m", "2d" (shared/time-input.ts), as commander's error. */
export function parseDuration(text: string): Duration {
  const parsed = parseDurationInput(text);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.value;
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
