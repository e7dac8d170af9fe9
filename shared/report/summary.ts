/** Verdicts, counts and ordering shared by the engine and the renderers. */
import { CATALOGUE, STAGE_TITLES, catalogueEntry, type Stage } from '../findings/catalogue';
import {
  verdictOf,
  type Finding,
  type MessageReport,
  type ReportSummary,
  type Severity,
} from '../report';

const STAGE_ORDER = Object.keys(STAGE_TITLES) as Stage[];
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function stageOf(code: string): Stage {
  return catalogueEntry(code)?.stage ?? 'input';
}

/** Findings in pipeline order (input → post-JIT); within a stage, as the checks produced them. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => STAGE_ORDER.indexOf(stageOf(f.code));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** Findings grouped by stage, in pipeline order, each group errors first. */
export function groupByStage(
  findings: readonly Finding[],
): { stage: Stage; title: string; findings: Finding[] }[] {
  const groups = new Map<Stage, Finding[]>();
  for (const f of sortFindings(findings)) {
    const stage = stageOf(f.code);
    groups.set(stage, [...(groups.get(stage) ?? []), f]);
  }
  return STAGE_ORDER.filter((s) => groups.has(s)).map((stage) => ({
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
  };
}

/** Whether a code is in the catalogue (the fuzz test and the renderers rely on it). */
export function isKnownCode(code: string): code is keyof typeof CATALOGUE {
  return catalogueEntry(code) !== undefined;
}
