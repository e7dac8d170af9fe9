/** The report as Markdown, for a support ticket or a chat: headings, tables, code spans. */
import type { Finding, MessageReport, Report } from '../../../shared/report';
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

export function renderMarkdown(report: Report): string {
  const lines = [
    `# JIT Doctor: ${VERDICT_WORDS[report.summary.verdict]} — ${VERDICT_HEADLINES[report.summary.verdictCategory]}`,
    '',
    inline(reportReason(report)),
    '',
    `${countsLine(report)} — evaluated at ${report.evaluatedAt} with ${report.tool.name} ${report.tool.version}`,
  ];
  if (report.findings.length)
    lines.push('', '## Input', '', ...report.findings.flatMap(findingItem));
  for (const message of report.messages) lines.push('', ...messageSection(message, report));
  if (report.skippedChecks.length) {
    lines.push(
      '',
      '## Skipped checks',
      '',
      ...report.skippedChecks.map((s) => `- ${inline(skippedLine(s))}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function messageSection(message: MessageReport, report: Report): string[] {
  const lines = [
    `## Message ${message.index + 1}: ${code(message.source)} — ${VERDICT_WORDS[message.verdict]}: ${VERDICT_HEADLINES[message.verdictCategory]}`,
    '',
    inline(messageHeadline(message)),
  ];
  const facts = messageFacts(message, report);
  if (facts.length) {
    lines.push(
      '',
      '| | |',
      '|---|---|',
      ...facts.map(([k, v]) => `| ${k} | ${cell(describeValue(v))} |`),
    );
  }
  lines.push('', '### Findings', '');
  if (message.findings.length === 0) lines.push('None.');
  for (const group of groupByStage(message.findings)) {
    lines.push(`#### ${group.title}`, '', ...group.findings.flatMap(findingItem), '');
  }
  if (message.mapping.length) {
    lines.push(
      '### Claims',
      '',
      '| Field | Expected claim | Received | Match | Values |',
      '|---|---|---|---|---|',
      ...message.mapping.map(
        (r) =>
          `| ${cell(r.field)} | ${cell(r.expected)} | ${cell(r.received ?? '—')} | ${r.match} | ${cell(r.values.map(describeValue).join(', '))} |`,
      ),
    );
  } else if (message.attributes.length) {
    lines.push(
      '### Attributes',
      '',
      '| Name | Friendly name | Values |',
      '|---|---|---|',
      ...message.attributes.map(
        (a) =>
          `| ${cell(a.name)} | ${cell(a.friendlyName ?? '')} | ${cell(a.values.map(describeValue).join(', '))} |`,
      ),
    );
  }
  return lines;
}

function findingItem(f: Finding): string[] {
  const lines = [`- **${f.severity}** ${code(f.code)} — ${inline(f.message)}`];
  const where = describeLocation(f.location);
  if (where) lines.push(`  - Location: ${code(where)}`);
  for (const [key, value] of Object.entries(f.evidence)) {
    lines.push(`  - ${inline(key)}: ${code(describeValue(value))}`);
  }
  lines.push(`  - Fix: ${inline(f.fix)}`);
  return lines;
}

/** Text in running Markdown: characters that would start markup are escaped. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function cell(text: string): string {
  return inline(text.length > 200 ? `${text.slice(0, 199)}…` : text);
}

/** A code span that survives backticks inside the value. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = fence === '``' ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}
