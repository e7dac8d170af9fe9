/**
 * Review before write: which of the listed stuck agents are shown (filters by department, rule,
 * step kind, creation time and a text search) and which are chosen. Pure, so the 2,000-agent list
 * filters without touching the DOM.
 */
import type { RepairCandidate } from '../../../shared/ipc';
import type { PlanStepKind } from '../../../shared/provisioning/types';

export interface ReviewFilter {
  /** '' = any; NO_DEPARTMENT for users without one. */
  department: string;
  /** '' = any; the candidate's rule label, or NO_RULE. */
  rule: string;
  /** '' = any step kind. */
  stepKind: '' | PlanStepKind;
  /** Created within the last N hours; null = any time. */
  createdWithinHours: number | null;
  text: string;
}

export const NO_DEPARTMENT = '(no department)';
const NO_RULE = '(no rule)';

export const ANY: ReviewFilter = {
  department: '',
  rule: '',
  stepKind: '',
  createdWithinHours: null,
  text: '',
};

export const STEP_KIND_WORDS: Record<PlanStepKind, string> = {
  skill: 'skills',
  'webrtc-phone': 'WebRTC phone',
  'default-station': 'default station',
  utilization: 'utilization',
  role: 'roles',
  division: 'division',
};

const departmentOf = (c: RepairCandidate) => c.user.department || NO_DEPARTMENT;
const ruleOf = (c: RepairCandidate) => c.rule ?? NO_RULE;

/** The values each filter can take among these candidates, sorted. */
export function filterChoices(candidates: readonly RepairCandidate[]) {
  const departments = new Set<string>();
  const rules = new Set<string>();
  const kinds = new Set<PlanStepKind>();
  for (const c of candidates) {
    departments.add(departmentOf(c));
    rules.add(ruleOf(c));
    for (const step of c.plan.steps) kinds.add(step.kind);
  }
  return {
    departments: [...departments].sort(),
    rules: [...rules].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
    stepKinds: (Object.keys(STEP_KIND_WORDS) as PlanStepKind[]).filter((k) => kinds.has(k)),
  };
}

export function applyFilter(
  candidates: readonly RepairCandidate[],
  filter: ReviewFilter,
  nowMs: number,
): RepairCandidate[] {
  const text = filter.text.trim().toLowerCase();
  const after =
    filter.createdWithinHours === null ? null : nowMs - filter.createdWithinHours * 3_600_000;
  return candidates.filter((c) => {
    if (filter.department && departmentOf(c) !== filter.department) return false;
    if (filter.rule && ruleOf(c) !== filter.rule) return false;
    if (filter.stepKind && !c.plan.steps.some((s) => s.kind === filter.stepKind)) return false;
    if (after !== null && (c.createdAt === null || Date.parse(c.createdAt) < after)) return false;
    if (text) {
      const haystack = [c.user.name, c.user.email, c.user.id, c.user.department ?? '', ...c.steps]
        .join('\n')
        .toLowerCase();
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
}

/** The users an action applies to: chosen and shown (a filter hides, it never acts). */
export function chosenAmong(shown: readonly RepairCandidate[], selected: ReadonlySet<string>) {
  return shown.filter((c) => selected.has(c.user.id));
}
