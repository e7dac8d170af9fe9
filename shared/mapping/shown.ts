/**
 * Claim names and values as a person reads them, the same in the CLI and in the app: invisible
 * characters escaped (`\u202f`, `\t`) by the engine's one escaping function, edge spaces quoted,
 * and the characters that differ between two names marked on what is shown.
 */
import type { DiffRange, MatchKind } from '../report';
import { charDiff, escapeInvisible } from './text';

/** A claim name or value as shown: invisible characters escaped, edge spaces quoted. */
export function shownName(name: string): string {
  const escaped = escapeInvisible(name);
  return /^\s|\s$/.test(escaped) ? JSON.stringify(escaped) : escaped;
}

/** One shown value; an empty or blank value is `""`. */
export function shownValue(value: string): string {
  return value.trim() ? shownName(value) : '""';
}

/** Several values, comma-separated; none at all is `—`. */
export function shownValues(values: readonly string[]): string {
  if (values.length === 0) return '—';
  return values.map(shownValue).join(', ');
}

export interface ShownText {
  text: string;
  /** Character ranges of `text` that differ from the other side. */
  ranges: DiffRange[];
}

/** Two names as shown, with the characters that differ marked (on the escaped text). */
export function shownNamePair(a: string, b: string): { a: ShownText; b: ShownText } {
  const textA = shownName(a);
  const textB = shownName(b);
  const diff = charDiff(textA, textB);
  return { a: { text: textA, ranges: diff.a }, b: { text: textB, ranges: diff.b } };
}

/** A claim-mapping row's names as shown: the received name's differing characters marked on a near miss. */
export function shownMappingRow(row: {
  expected: string;
  received: string | null;
  match: MatchKind;
}): { expected: ShownText; received: ShownText | null } {
  if (row.received === null || row.match === 'exact') {
    return {
      expected: { text: shownName(row.expected), ranges: [] },
      received: row.received === null ? null : { text: shownName(row.received), ranges: [] },
    };
  }
  const pair = shownNamePair(row.expected, row.received);
  return { expected: pair.a, received: pair.b };
}
