/**
 * A plain-text table whose cells wrap inside fixed column widths, so long claim URIs stay readable
 * at 100 columns, and whose highlighted character ranges survive the wrapping (ANSI on a terminal,
 * nothing when piped).
 */
import type { createColors } from 'picocolors';
import type { DiffRange } from '../../../shared/report';

export type Colors = ReturnType<typeof createColors>;

export interface Cell {
  text: string;
  /** Character ranges of `text` to highlight. */
  highlight?: DiffRange[];
  /** Colour for the whole cell. */
  tone?: 'good' | 'warn' | 'bad' | 'dim';
}

export interface Column {
  title: string;
  /** Smallest useful width; the rest of the line is shared in proportion to `grow`. */
  min: number;
  grow: number;
}

/** Preferred break points in claim names and values, so a URI wraps after a '/'. */
const BREAK_AFTER = new Set(['/', ':', '#', ' ', '_', '-', '.', ',', '@']);

/** Splits text into lines of at most `width` characters, breaking after a separator when one is near. */
function wrap(text: string, width: number): { start: number; end: number }[] {
  const chars = [...text];
  if (chars.length === 0) return [{ start: 0, end: 0 }];
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = Math.min(start + width, chars.length);
    if (end < chars.length) {
      for (let k = end; k > start + Math.floor(width / 2); k--) {
        if (BREAK_AFTER.has(chars[k - 1]!)) {
          end = k;
          break;
        }
      }
    }
    lines.push({ start, end });
    start = end;
  }
  return lines;
}

function paintSlice(cell: Cell, start: number, end: number, c: Colors): string {
  const chars = [...cell.text];
  const tone =
    cell.tone === 'good'
      ? c.green
      : cell.tone === 'warn'
        ? c.yellow
        : cell.tone === 'bad'
          ? c.red
          : cell.tone === 'dim'
            ? c.dim
            : (s: string) => s;
  let out = '';
  let run = '';
  let runMarked = false;
  const flush = () => {
    if (run) out += runMarked ? c.inverse(c.bold(run)) : tone(run);
    run = '';
  };
  for (let i = start; i < end; i++) {
    const marked = (cell.highlight ?? []).some((r) => i >= r.start && i < r.end);
    if (marked !== runMarked) {
      flush();
      runMarked = marked;
    }
    run += chars[i];
  }
  flush();
  return out;
}

/** Column widths that fill `total` characters (gaps of two spaces between columns). */
function columnWidths(columns: readonly Column[], total: number): number[] {
  const gaps = 2 * (columns.length - 1);
  const spare = Math.max(0, total - gaps - columns.reduce((sum, col) => sum + col.min, 0));
  const growth = columns.reduce((sum, col) => sum + col.grow, 0) || 1;
  const widths = columns.map((col) => col.min + Math.floor((spare * col.grow) / growth));
  return widths;
}

export function renderTable(
  columns: readonly Column[],
  rows: readonly Cell[][],
  total: number,
  c: Colors,
): string[] {
  const widths = columnWidths(columns, total);
  const lines = [
    columns
      .map((col, i) => c.bold(col.title.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
    c.dim(widths.map((w) => '─'.repeat(w)).join('  ')),
  ];
  for (const row of rows) {
    const wrapped = row.map((cell, i) => wrap(cell.text, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let line = 0; line < height; line++) {
      const parts = row.map((cell, i) => {
        const slice = wrapped[i]![line];
        if (!slice) return ' '.repeat(widths[i]!);
        const shown = paintSlice(cell, slice.start, slice.end, c);
        return shown + ' '.repeat(widths[i]! - (slice.end - slice.start));
      });
      lines.push(parts.join('  ').trimEnd());
    }
  }
  return lines;
}

/** Word-wraps prose (finding messages, fixes) to `width`, every line after the first indented. */
export function wrapProse(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const room = width - (lines.length === 0 ? 0 : indent.length);
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`));
}
