/** Plans and repair results as text for people (the CLI; the app renders the same data itself). */
import { describeStep, summarisePlan } from './describe';
import type { RepairPlan } from './types';

export interface PlannedUser {
  name: string;
  email: string;
  plan: RepairPlan;
}

export function userLabel(user: { name: string; email: string; id?: string }): string {
  if (user.name && user.email) return `${user.name} <${user.email}>`;
  return user.email || user.name || user.id || 'unknown user';
}

/**
 * The plan of one user: a header naming the rule and why it applies (every step's reason starts
 * with it), then one numbered line per step.
 */
export function formatPlan(user: PlannedUser): string[] {
  const { plan } = user;
  const rule = plan.match ? ` (rule ${plan.match.index + 1}: ${plan.match.because})` : '';
  const lines = [`${userLabel(user)}: ${summarisePlan(plan)}${rule}`];
  plan.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${describeStep(step)}`));
  for (const problem of plan.blocked) lines.push(`  ! cannot plan: ${problem}`);
  return lines;
}

export type OutcomeStatus = 'repaired' | 'nothing-to-do' | 'not-repaired';

export interface SummaryRow {
  name: string;
  email: string;
  plan: RepairPlan;
  status: OutcomeStatus;
  reasons: string[];
  remaining: readonly unknown[];
}

export const STATUS_WORDS: Record<OutcomeStatus, string> = {
  repaired: 'repaired',
  'nothing-to-do': 'nothing to do',
  'not-repaired': 'NOT repaired',
};

function detailOf(row: SummaryRow): string {
  if (row.status === 'repaired') return 'verified: nothing left to do';
  if (row.status === 'nothing-to-do')
    return row.plan.match ? 'already right' : 'no postJit rule matches this user';
  return row.reasons.join('; ') || 'not verified';
}

/** The end-of-run table: one row per user, then the totals. */
export function formatSummary(rows: readonly SummaryRow[]): string[] {
  const table = rows.map((row) => [
    row.email || row.name,
    STATUS_WORDS[row.status],
    String(row.plan.steps.length),
    detailOf(row),
  ]);
  const header = ['user', 'result', 'steps', 'details'];
  const widths = header.map((h, col) =>
    Math.max(h.length, ...table.map((cells) => cells[col]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => (col === cells.length - 1 ? cell : cell.padEnd(widths[col]!)))
      .join('  ');
  const count = (status: OutcomeStatus) => rows.filter((row) => row.status === status).length;
  const users = `${rows.length} user${rows.length === 1 ? '' : 's'}`;
  return [
    line(header),
    ...table.map(line),
    `${users}: ${count('repaired')} repaired, ${count('not-repaired')} not repaired, ${count('nothing-to-do')} with nothing to do`,
  ];
}

/** "1h 02m", "3m 20s", "12s". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}
