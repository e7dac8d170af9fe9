/**
 * `jit-doctor compare A B`: the claims that differ between two messages (renamed, only in one,
 * other values) and the findings one has that the other has not. Text, Markdown and JSON.
 */
import { createColors } from 'picocolors';
import {
  differenceText,
  pairSummary,
  type ClaimDifference,
  type Pair,
} from '../../../shared/mapping/pair';
import type { Finding } from '../../../shared/report';
import { messageHeadline } from './common';
import { shownName, shownNamePair, shownValues } from '../../../shared/mapping/shown';
import { renderTable, wrapProse, type Cell, type Colors, type Column } from './compare-table';

const COLUMNS: Column[] = [
  { title: 'CLAIM IN A', min: 14, grow: 3 },
  { title: 'CLAIM IN B', min: 14, grow: 3 },
  { title: 'VALUES IN A', min: 10, grow: 2 },
  { title: 'VALUES IN B', min: 10, grow: 2 },
  { title: 'DIFFERENCE', min: 18, grow: 1 },
];

function cells(d: ClaimDifference): Cell[] {
  const nameA = d.nameA === null ? null : shownName(d.nameA);
  const nameB = d.nameB === null ? null : shownName(d.nameB);
  const diff =
    d.kind === 'renamed' && d.nameA !== null && d.nameB !== null
      ? shownNamePair(d.nameA, d.nameB)
      : null;
  const absent: Cell = { text: '(absent)', tone: 'dim' };
  return [
    nameA === null ? absent : { text: nameA, highlight: diff?.a.ranges },
    nameB === null
      ? absent
      : d.kind === 'values'
        ? { text: '= A', tone: 'dim' }
        : { text: nameB, highlight: diff?.b.ranges },
    { text: d.nameA === null ? '' : shownValues(d.valuesA) },
    { text: d.nameB === null ? '' : shownValues(d.valuesB) },
    { text: differenceText(d), tone: d.kind === 'values' && d.notes.length === 0 ? 'dim' : 'warn' },
  ];
}

function findingLines(
  title: string,
  findings: readonly Finding[],
  c: Colors,
  width: number,
): string[] {
  const lines = ['', c.bold(title)];
  if (findings.length === 0) return [...lines, c.dim('  (none)')];
  for (const f of findings) {
    const tone = f.severity === 'error' ? c.red : f.severity === 'warning' ? c.yellow : c.dim;
    const head = `${f.severity.padEnd(7)} ${f.code}`;
    const [first = '', ...rest] = wrapProse(`${head} ${f.message}`, width - 2, '    ');
    lines.push(`  ${tone(head)}${first.slice(head.length)}`, ...rest.map((l) => `  ${l}`));
  }
  return lines;
}

export function renderPairText(pair: Pair, options: { color: boolean; width: number }): string {
  const c = createColors(options.color);
  const { a, b, comparison } = pair;
  const lines = [
    `${c.bold('A')}  ${a.source} — ${messageHeadline(a)} — subject ${a.subject?.nameId ?? '(none)'} — ${a.verdict.toUpperCase()}`,
    `${c.bold('B')}  ${b.source} — ${messageHeadline(b)} — subject ${b.subject?.nameId ?? '(none)'} — ${b.verdict.toUpperCase()}`,
    '',
  ];
  const structural = comparison.claims.filter((d) => d.kind !== 'values');
  const valued = comparison.claims.filter((d) => d.kind === 'values');
  if (comparison.claims.length === 0)
    lines.push(c.green('The two messages carry the same claims with the same values.'));
  else lines.push(...renderTable(COLUMNS, [...structural, ...valued].map(cells), options.width, c));
  lines.push('', pairSummary(comparison));
  lines.push(...findingLines('Findings only in A', comparison.onlyA, c, options.width));
  lines.push(...findingLines('Findings only in B', comparison.onlyB, c, options.width));
  return `${lines.join('\n')}\n`;
}

const md = (text: string) => text.replace(/([\\`*_[\]|<>])/g, '\\$1');

export function renderPairMarkdown(pair: Pair): string {
  const { a, b, comparison } = pair;
  const out = [
    '## Two messages compared',
    '',
    `- **A**: ${md(a.source)} — ${md(messageHeadline(a))} — subject ${md(a.subject?.nameId ?? '(none)')}`,
    `- **B**: ${md(b.source)} — ${md(messageHeadline(b))} — subject ${md(b.subject?.nameId ?? '(none)')}`,
    '',
    '| Claim in A | Claim in B | Values in A | Values in B | Difference |',
    '|---|---|---|---|---|',
    ...comparison.claims.map(
      (d) =>
        `| ${d.nameA === null ? '*(absent)*' : md(shownName(d.nameA))} | ${d.nameB === null ? '*(absent)*' : md(shownName(d.nameB))} | ${d.nameA === null ? '' : md(shownValues(d.valuesA))} | ${d.nameB === null ? '' : md(shownValues(d.valuesB))} | ${md(differenceText(d))} |`,
    ),
    '',
  ];
  for (const [title, findings] of [
    ['Findings only in A', comparison.onlyA],
    ['Findings only in B', comparison.onlyB],
  ] as const) {
    out.push(`### ${title}`, '');
    out.push(
      ...(findings.length
        ? findings.map((f) => `- **${f.code}** (${f.severity}): ${md(f.message)}`)
        : ['*(none)*']),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
