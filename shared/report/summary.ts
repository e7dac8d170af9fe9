/** Verdicts, counts and ordering shared by the engine and the renderers. */
import { STAGE_TITLES, catalogueEntry, type Stage } from '../findings/catalogue';
import {
  verdictOf,
  type Finding,
  type MessageReport,
  type ReportSummary,
  type Severity,
} from '../report';
import { isSecurityFinding, reportCategory } from './verdict';

const STAGE_ORDER = Object.keys(STAGE_TITLES) as Stage[];
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function stageOf(code: string): Stage {
  return catalogueEntry(code)?.stage ?? 'input';
}

/**
 * Findings with the security errors first (a wrapped or unsigned message must not be trusted,
 * whatever else it says), then in pipeline order (input → post-JIT); within a stage, as the
 * checks produced them.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (isSecurityFinding(f) ? -1 : STAGE_ORDER.indexOf(stageOf(f.code)));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * Findings grouped by stage, each group errors first; the groups that hold a security error lead,
 * the others follow in pipeline order.
 */
export function groupByStage(
  findings: readonly Finding[],
): { stage: Stage; title: string; findings: Finding[] }[] {
  const groups = new Map<Stage, Finding[]>();
  for (const f of sortFindings(findings)) {
    const stage = stageOf(f.code);
    groups.set(stage, [...(groups.get(stage) ?? []), f]);
  }
  const leads = (stage: Stage) => (groups.get(stage)!.some(isSecurityFinding) ? 0 : 1);
  const stages = STAGE_ORDER.filter((s) => groups.has(s));
  stages.sort((a, b) => leads(a) - leads(b) || STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b));
  return stages.map((stage) => ({
    stage,
    title: STAGE_TITLES[stage],
    findings: groups
      .get(stage)!
      .map((f, i) => ({ f, i }))
      .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
      .map(({ f }) => f),
  }));
}

export function summarise(
  messages: readonly MessageReport[],
  reportFindings: readonly Finding[],
): ReportSummary {
  const all = [...reportFindings, ...messages.flatMap((m) => m.findings)];
  const count = (severity: Severity) => all.filter((f) => f.severity === severity).length;
  return {
    messages: messages.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    verdict: verdictOf(all),
    verdictCategory: reportCategory(messages, reportFindings),
  };
}
