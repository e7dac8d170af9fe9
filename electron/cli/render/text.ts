/**
 * The report for a person at a terminal: the verdict first, then per message its facts, findings
 * grouped by stage, and the claim table. Colour only when asked (a TTY without NO_COLOR).
 */
import { createColors } from 'picocolors';
import type { Finding, MessageReport, Report, Severity } from '../../../shared/report';
import { groupByStage } from '../../../shared/report/summary';
import { VERDICT_HEADLINES, reportReason } from '../../../shared/report/verdict';
import {
  VERDICT_WORDS,
  countsLine,
  describeLocation,
  describeValue,
  messageFacts,
  messageHeadline,
  skippedLine,
} from './common';

type Colors = ReturnType<typeof createColors>;

const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'error',
  warning: 'warn ',
  info: 'info ',
};

export function renderText(report: Report, options: { color: boolean }): string {
  const c = createColors(options.color);
  const lines: string[] = [];
  const verdict = report.summary.verdict;
  const paint = verdict === 'fail' ? c.red : verdict === 'warn' ? c.yellow : c.green;
  lines.push(`${c.bold(paint(VERDICT_WORDS[verdict]))}  ${countsLine(report)}`);
  const category = report.summary.verdictCategory;
  // A request alone passes its (few) checks but says nothing about the login: never green.
  const headlinePaint = category === 'not-a-response' ? c.yellow : paint;
  lines.push(`${c.bold(headlinePaint(VERDICT_HEADLINES[category]))}: ${reportReason(report)}`);

  if (report.findings.length) {
    lines.push('', c.bold('Input'));
    lines.push(...findingLines(report.findings, c, '  '));
  }
  for (const message of report.messages) lines.push('', ...messageLines(message, report, c));
  if (report.skippedChecks.length) {
    lines.push('', c.dim('Skipped checks:'));
    lines.push(...report.skippedChecks.map((s) => c.dim(`  - ${skippedLine(s)}`)));
  }
  return `${lines.join('\n')}\n`;
}

function messageLines(message: MessageReport, report: Report, c: Colors): string[] {
  const lines = [
    c.bold(
      `Message ${message.index + 1}: ${message.source} — ${messageHeadline(message)} — ${VERDICT_WORDS[message.verdict]}: ${VERDICT_HEADLINES[message.verdictCategory]}`,
    ),
  ];
  const facts = messageFacts(message, report);
  const width = Math.max(0, ...facts.map(([k]) => k.length));
  lines.push(...facts.map(([k, v]) => `  ${c.dim(k.padEnd(width))}  ${describeValue(v)}`));

  for (const group of groupByStage(message.findings)) {
    lines.push('', `  ${c.bold(group.title)}`);
    lines.push(...findingLines(group.findings, c, '    '));
  }
  if (message.findings.length === 0) lines.push('', `  ${c.green('No findings.')}`);
  lines.push(...claimTable(message, c));
  return lines;
}

function findingLines(findings: readonly Finding[], c: Colors, indent: string): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    const colour = f.severity === 'error' ? c.red : f.severity === 'warning' ? c.yellow : c.cyan;
    lines.push(`${indent}${colour(SEVERITY_LABEL[f.severity])} ${c.bold(f.code)}  ${f.message}`);
    const more = `${indent}      `;
    const where = describeLocation(f.location);
    if (where) lines.push(`${more}${c.dim('at')} ${where}`);
    for (const [key, value] of Object.entries(f.evidence)) {
      lines.push(`${more}${c.dim(`${key}:`)} ${describeValue(value)}`);
    }
    lines.push(`${more}${c.dim('fix:')} ${f.fix}`);
  }
  return lines;
}

/** The mapping rows when there is a configuration to compare with, else the attributes as sent. */
function claimTable(message: MessageReport, c: Colors): string[] {
  if (message.mapping.length) {
    const rows = message.mapping.map((r) => [
      r.field,
      r.expected,
      r.received ?? '—',
      r.match,
      r.values.map((v) => describeValue(v)).join(', '),
    ]);
    return [
      '',
      `  ${c.bold('Claims')}`,
      ...table(['field', 'expected claim', 'received', 'match', 'values'], rows, c),
    ];
  }
  if (message.attributes.length === 0) return [];
  const rows = message.attributes.map((a) => [
    a.name,
    a.friendlyName ?? '',
    a.values.map((v) => describeValue(v)).join(', '),
  ]);
  return ['', `  ${c.bold('Attributes')}`, ...table(['name', 'friendly name', 'values'], rows, c)];
}

function table(header: string[], rows: string[][], c: Colors): string[] {
  const clip = (s: string) => (s.length > 70 ? `${s.slice(0, 69)}…` : s);
  const cells = rows.map((r) => r.map(clip));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    `    ${r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}`;
  return [c.dim(line(header)), ...cells.map(line)];
}
