/** Small string tools the claim comparison needs: edit distance, character diff, invisible characters. */
import type { DiffRange } from '../report';

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), giving up
 * early: returns `limit + 1` as soon as the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current[j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Above this many cells the diff falls back to common prefix/suffix (claim names are short). */
const MAX_DIFF_CELLS = 250_000;

function toRanges(marks: boolean[]): DiffRange[] {
  const ranges: DiffRange[] = [];
  marks.forEach((marked, i) => {
    if (!marked) return;
    const last = ranges[ranges.length - 1];
    if (last && last.end === i) last.end = i + 1;
    else ranges.push({ start: i, end: i + 1 });
  });
  return ranges;
}

function prefixSuffixDiff(a: string, b: string): { a: DiffRange[]; b: DiffRange[] } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  const range = (length: number): DiffRange[] =>
    length - end > start ? [{ start, end: length - end }] : [];
  return { a: range(a.length), b: range(b.length) };
}

function lcsMarks(a: string, b: string): { a: boolean[]; b: boolean[]; common: number } {
  const width = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const markA = new Array<boolean>(a.length).fill(true);
  const markB = new Array<boolean>(b.length).fill(true);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      markA[i++] = false;
      markB[j++] = false;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) i++;
    else j++;
  }
  return { a: markA, b: markB, common: lcs[0] ?? 0 };
}

/**
 * Character ranges of `a` and of `b` that differ: what the table highlights so "employeeID" vs
 * "employeeId" shows the one letter, and a namespace near miss shows the namespace. Common prefix
 * and suffix are kept whole; in between, a longest common subsequence, unless the two middles
 * share too little for a character diff to mean anything (then all of both is marked).
 */
export function charDiff(a: string, b: string): { a: DiffRange[]; b: DiffRange[] } {
  if (a === b) return { a: [], b: [] };
  const outer = prefixSuffixDiff(a, b);
  const start = outer.a[0]?.start ?? outer.b[0]!.start;
  const endA = outer.a[0]?.end ?? start;
  const endB = outer.b[0]?.end ?? start;
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (!midA || !midB || (midA.length + 1) * (midB.length + 1) > MAX_DIFF_CELLS) return outer;
  const marks = lcsMarks(midA, midB);
  if (marks.common < 3 || marks.common * 2 < Math.min(midA.length, midB.length)) return outer;
  const shift = (ranges: DiffRange[]) =>
    ranges.map((r) => ({ start: r.start + start, end: r.end + start }));
  return { a: shift(toRanges(marks.a)), b: shift(toRanges(marks.b)) };
}

/** Whitespace, no-break and zero-width spaces, BOM, and control characters. */
const INVISIBLE =
  /[\s\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff\p{Cc}]/gu;
const INVISIBLE_TEST = new RegExp(INVISIBLE.source, 'u');
const EDGE_INVISIBLE = new RegExp(`^${INVISIBLE.source}|${INVISIBLE.source}$`, 'u');

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Characters a value should not carry: leading/trailing whitespace anywhere, and inside it any
 * invisible character other than a plain space.
 */
export function hasStrayCharacters(value: string): boolean {
  if (EDGE_INVISIBLE.test(value)) return true;
  for (const char of value) {
    if (char !== ' ' && INVISIBLE_TEST.test(char)) return true;
  }
  return false;
}

/** Shows invisible characters as escapes (`Jane\u00a0Doe`, `\t`) so evidence can be read. */
export function escapeInvisible(value: string): string {
  let out = '';
  for (const char of value) {
    if (char === ' ') out += ' ';
    else if (char === '\t') out += '\\t';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (INVISIBLE_TEST.test(char))
      out += `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return out;
}

/** The last segment of a URI or URN claim name: `.../claims/emailaddress` → `emailaddress`. */
export function lastSegment(name: string): string {
  const trimmed = name.trim().replace(/[/#:]+$/, '');
  const cut = Math.max(
    trimmed.lastIndexOf('/'),
    trimmed.lastIndexOf('#'),
    trimmed.lastIndexOf(':'),
  );
  return cut >= 0 ? trimmed.slice(cut + 1) : trimmed;
}

/** A plain address check: one @, a local part, a dotted domain, no spaces. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/.test(value);
}

/** For comparing people's names: case, accents and extra spaces do not count. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
