/**
 * The one place a Report is assembled (docs/cli.md, "The JSON report"): the engine, the app's
 * comparison and the history's reopened messages all build theirs here, from their parts, and
 * nothing patches a report afterwards.
 */
import type { Finding, MessageReport, Report, SkippedCheck } from '../report';
import { TOOL_VERSION } from '../version';
import { sortFindings, summarise } from './summary';

export interface ReportParts {
  evaluatedAt: Date | string;
  /** The clock-skew tolerance the time checks used, in seconds. */
  clockSkewSeconds: number;
  /** In order; the same check skipped for the same reason twice is listed once. */
  skippedChecks: readonly SkippedCheck[];
  messages: MessageReport[];
  /** Findings that belong to no single message (input-level, batch-level). */
  findings?: readonly Finding[];
}

export function buildReport(parts: ReportParts): Report {
  const findings = parts.findings ?? [];
  return {
    schemaVersion: 1,
    tool: { name: 'jit-doctor', version: TOOL_VERSION },
    evaluatedAt:
      typeof parts.evaluatedAt === 'string' ? parts.evaluatedAt : parts.evaluatedAt.toISOString(),
    clockSkewSeconds: parts.clockSkewSeconds,
    skippedChecks: distinctSkips(parts.skippedChecks),
    messages: parts.messages,
    findings: sortFindings(findings),
    summary: summarise(parts.messages, findings),
  };
}

function distinctSkips(skips: readonly SkippedCheck[]): SkippedCheck[] {
  const seen = new Set<string>();
  return skips.filter((skip) => {
    const key = `${skip.check}\u0000${skip.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
