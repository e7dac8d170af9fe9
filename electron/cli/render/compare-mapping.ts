/**
 * `jit-doctor compare INPUT --config FILE`: per Response, the Genesys Cloud field, the claim the
 * configuration expects, the claim that arrived, how they match and the values; the differing
 * characters highlighted on a terminal. Text, Markdown and JSON.
 */
import { createColors } from 'picocolors';
import { catalogueEntry } from '../../../shared/findings/catalogue';
import { shownMappingRow, shownName, shownValues } from '../../../shared/mapping/shown';
import type { Finding, MappingRow, MessageReport, Report } from '../../../shared/report';
import { messageHeadline } from './common';
import { GENESYS_OWN_ATTRIBUTES } from '../../../shared/mapping/match';
import { renderTable, wrapProse, type Cell, type Colors, type Column } from './compare-table';

const COLUMNS: Column[] = [
  { title: 'FIELD', min: 10, grow: 0 },
  { title: 'EXPECTED CLAIM', min: 16, grow: 3 },
  { title: 'RECEIVED CLAIM', min: 16, grow: 3 },
  { title: 'MATCH', min: 13, grow: 0 },
  { title: 'VALUES', min: 12, grow: 2 },
];

function matchTone(match: MappingRow['match']): Cell['tone'] {
  return match === 'exact' ? 'good' : match === 'missing' ? 'bad' : 'warn';
}

function rowCells(row: MappingRow): Cell[] {
  const { expected, received } = shownMappingRow(row);
  return [
    { text: row.field },
    { text: expected.text, highlight: expected.ranges },
    received === null
      ? { text: '(not sent)', tone: 'bad' }
      : row.match === 'exact'
        ? { text: '= expected', tone: 'dim' }
        : { text: received.text, highlight: received.ranges },
    { text: row.match, tone: matchTone(row.match) },
    { text: shownValues(row.values), tone: row.values.length === 0 ? 'dim' : undefined },
  ];
}

function summaryLine(rows: readonly MappingRow[]): string {
  const exact = rows.filter((r) => r.match === 'exact').length;
  const missing = rows.filter((r) => r.match === 'missing').length;
  const near = rows.filter((r) => r.match !== 'exact' && r.match !== 'missing');
  const kinds = [...new Set(near.map((r) => r.match))].join(', ');
  return [
    `${exact} of ${rows.length} mapped claim${rows.length === 1 ? '' : 's'} arrived exactly`,
    `${near.length} near miss${near.length === 1 ? '' : 'es'}${kinds ? ` (${kinds})` : ''}`,
    `${missing} missing`,
  ].join(' · ');
}

/** The mapping-stage findings a person acts on here: near misses and missing claims first. */
export function mappingFindings(message: MessageReport): Finding[] {
  return message.findings.filter((f) => {
    const stage = catalogueEntry(f.code)?.stage;
    return stage === 'mapping' || stage === 'names' || stage === 'values';
  });
}

function unmappedNames(message: MessageReport): string[] {
  const used = new Set<string | null>(message.mapping.flatMap((r) => [r.expected, r.received]));
  GENESYS_OWN_ATTRIBUTES.forEach((name) => used.add(name));
  return [...new Set(message.attributes.map((a) => a.name).filter((n) => !used.has(n)))];
}

function messageBlock(message: MessageReport, width: number, c: Colors): string[] {
  const lines = [c.bold(`Claim mapping — ${message.source} (${messageHeadline(message)})`)];
  if (message.mapping.length === 0) {
    lines.push(c.dim('  No mapped claims to compare (no assertion, or no attributeMapping).'));
    return lines;
  }
  lines.push(...renderTable(COLUMNS, message.mapping.map(rowCells), width, c));
  lines.push('', summaryLine(message.mapping));
  const unmapped = unmappedNames(message);
  if (unmapped.length > 0) {
    const text = `Also received, not mapped: ${unmapped.map(shownName).join(', ')}`;
    lines.push(...wrapProse(text, width, '  ').map((l) => c.dim(l)));
  }
  const actionable = mappingFindings(message).filter((f) => f.severity !== 'info');
  if (actionable.length > 0) {
    lines.push('', c.bold('What to change'));
    for (const f of actionable) {
      const tone = f.severity === 'error' ? c.red : c.yellow;
      const [first = '', ...rest] = wrapProse(`${f.code} ${f.message}`, width - 2, '    ');
      lines.push(
        `  ${tone(f.code)} ${first.slice(f.code.length + 1)}`,
        ...rest.map((l) => `  ${l}`),
      );
      lines.push(...wrapProse(`fix: ${f.fix}`, width - 4, '    ').map((l) => `    ${l}`));
    }
  }
  return lines;
}

export function renderMappingText(
  report: Report,
  options: { color: boolean; width: number },
): string {
  const c = createColors(options.color);
  const responses = report.messages.filter((m) => m.type === 'Response');
  const blocks = responses.map((m) => messageBlock(m, options.width, c).join('\n'));
  if (blocks.length === 0) blocks.push('No SAML Response to compare in the input.');
  return `${blocks.join('\n\n')}\n`;
}

const md = (text: string) => text.replace(/([\\`*_[\]|<>])/g, '\\$1');

function mdHighlighted(
  text: string,
  ranges: readonly { start: number; end: number }[] = [],
): string {
  if (!text) return '';
  let out = '';
  let i = 0;
  for (const r of ranges) {
    out += md(text.slice(i, r.start)) + `**${md(text.slice(r.start, r.end))}**`;
    i = r.end;
  }
  return out + md(text.slice(i));
}

export function renderMappingMarkdown(report: Report): string {
  const parts: string[] = [];
  for (const message of report.messages.filter((m) => m.type === 'Response')) {
    parts.push(`## Claim mapping — ${md(message.source)}`, '');
    parts.push(
      '| Genesys field | Expected claim | Received claim | Match | Values |',
      '|---|---|---|---|---|',
    );
    for (const row of message.mapping) {
      const { expected, received } = shownMappingRow(row);
      parts.push(
        `| ${md(row.field)} | ${mdHighlighted(expected.text, expected.ranges)} | ${received === null ? '*(not sent)*' : row.match === 'exact' ? '= expected' : mdHighlighted(received.text, received.ranges)} | ${row.match} | ${md(shownValues(row.values))} |`,
      );
    }
    parts.push('', md(summaryLine(message.mapping)), '');
    for (const f of mappingFindings(message).filter((x) => x.severity !== 'info')) {
      parts.push(`- **${f.code}** (${f.severity}): ${md(f.message)}  `, `  Fix: ${md(f.fix)}`);
    }
    parts.push('');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

export function mappingJson(report: Report): unknown {
  return {
    schemaVersion: 1,
    kind: 'mapping',
    evaluatedAt: report.evaluatedAt,
    messages: report.messages
      .filter((m) => m.type === 'Response')
      .map((m) => ({
        index: m.index,
        source: m.source,
        idp: m.idp ?? null,
        mapping: m.mapping,
        unmapped: unmappedNames(m),
        findings: mappingFindings(m),
      })),
  };
}
