/** Splits shown text into plain and highlighted parts from the engine's diff ranges. Pure. */
import type { DiffRange } from '../../../shared/report';

export function splitByRanges(
  text: string,
  ranges: readonly DiffRange[] | undefined,
): { text: string; changed: boolean }[] {
  if (!ranges || ranges.length === 0) return [{ text, changed: false }];
  const sorted = [...ranges]
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((x, y) => x.start - y.start);
  const parts: { text: string; changed: boolean }[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (start < at) continue;
    if (start > at) parts.push({ text: text.slice(at, start), changed: false });
    parts.push({ text: text.slice(start, end), changed: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), changed: false });
  return parts;
}
