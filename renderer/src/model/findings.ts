/** Findings grouped by engine stage, in pipeline order, worst first inside a stage. Pure. */
import { CATALOGUE, STAGE_TITLES, type Stage } from '../../../shared/findings/catalogue';
import type { Finding, Severity } from '../../../shared/report';

export interface FindingGroup {
  stage: Stage;
  title: string;
  findings: { finding: Finding; index: number }[];
}

const STAGE_ORDER = Object.keys(STAGE_TITLES) as Stage[];
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function stageOf(code: string): Stage {
  return (CATALOGUE as Record<string, { stage: Stage } | undefined>)[code]?.stage ?? 'input';
}

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<Stage, FindingGroup>();
  findings.forEach((finding, index) => {
    const stage = stageOf(finding.code);
    let group = groups.get(stage);
    if (!group) {
      group = { stage, title: STAGE_TITLES[stage], findings: [] };
      groups.set(stage, group);
    }
    group.findings.push({ finding, index });
  });
  const ordered = STAGE_ORDER.flatMap((stage) => (groups.has(stage) ? [groups.get(stage)!] : []));
  for (const group of ordered) {
    group.findings.sort(
      (a, b) =>
        SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.index - b.index,
    );
  }
  return ordered;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
