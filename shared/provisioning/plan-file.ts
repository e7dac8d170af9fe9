/**
 * The reviewed repair plan as a file: what the command line and the app's "Export plan" write, and
 * what both apply (docs/cli.md, "Review before write"). Applying a plan file never does more than it
 * lists: each user's state is read again right before the writes that change it, and only the
 * steps that are both still needed and listed here, with the same before and after, are sent.
 */
import { ruleLabel, stepChange, describeStep } from './describe';
import { stepKey } from './plan';
import type { RepairPlan } from './types';

const PLAN_FILE_KIND = 'jit-doctor/repair-plan';

export interface PlanFileStep {
  /** stepKey(): what applying the plan matches the fresh plan against. */
  key: string;
  what: string;
  before: string;
  after: string;
}

interface PlanFileUser {
  id: string;
  name: string;
  email: string;
  department: string | null;
  createdAt: string | null;
  rule: string | null;
  steps: PlanFileStep[];
  /** What the configuration cannot plan for this user. */
  blocked: string[];
}

export interface PlanFile {
  kind: typeof PLAN_FILE_KIND;
  version: 1;
  createdAt: string;
  org: { name: string; region: string };
  users: PlanFileUser[];
}

export interface PlannedCandidate {
  user: { id: string; name: string; email: string; department?: string | null };
  plan: RepairPlan;
  createdAt?: string | null;
}

/** Why a file is not a plan that can be applied; `kind` lets each front end add its own advice. */
export class PlanFileError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-json' | 'not-a-plan' | 'other-org' = 'not-a-plan',
  ) {
    super(message);
  }
}

/** A plan's steps as a reviewer saw them: what each changes, from what, to what. */
export function planFileSteps(plan: RepairPlan): PlanFileStep[] {
  return plan.steps.map((step) => ({
    key: stepKey(step),
    what: describeStep(step),
    ...stepChange(step),
  }));
}

export function buildPlanFile(
  org: { name: string; region: string },
  candidates: readonly PlannedCandidate[],
  now: Date,
): PlanFile {
  return {
    kind: PLAN_FILE_KIND,
    version: 1,
    createdAt: now.toISOString(),
    org: { name: org.name, region: org.region },
    users: candidates.map(({ user, plan, createdAt }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      department: user.department ?? null,
      createdAt: createdAt ?? null,
      rule: ruleLabel(plan),
      steps: planFileSteps(plan),
      blocked: [...plan.blocked],
    })),
  };
}

export function planFileJson(file: PlanFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A spreadsheet cell: quoted when needed, and never read as a formula by Excel or Sheets. */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: (string | null)[]): string => cells.map(csvCell).join(',');

/** One row per step (a user with only blocked steps gets one row saying why). */
export function planFileCsv(file: PlanFile): string {
  const rows = [
    csvRow([
      'user id',
      'name',
      'email',
      'department',
      'created',
      'rule',
      'step',
      'before',
      'after',
    ]),
  ];
  for (const user of file.users) {
    const head = [user.id, user.name, user.email, user.department, user.createdAt, user.rule];
    for (const step of user.steps) rows.push(csvRow([...head, step.what, step.before, step.after]));
    for (const reason of user.blocked)
      rows.push(csvRow([...head, `cannot plan: ${reason}`, '', '']));
  }
  return `${rows.join('\r\n')}\r\n`;
}

const isText = (value: unknown): value is string => typeof value === 'string';

/** Reads a plan file, saying in one sentence what is wrong with one that is not. */
export function parsePlanFile(text: string, name: string): PlanFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PlanFileError(
      `${name} is not JSON; only a plan exported as JSON can be applied (a CSV plan is for reading only)`,
      'not-json',
    );
  }
  const file = value as Partial<PlanFile> | null;
  if (!file || typeof file !== 'object' || file.kind !== PLAN_FILE_KIND)
    throw new PlanFileError(
      `${name} is not a JIT Doctor repair plan (no "kind": "${PLAN_FILE_KIND}")`,
    );
  if (file.version !== 1)
    throw new PlanFileError(
      `${name} has plan version ${String(file.version)}; this version reads 1`,
    );
  if (!file.org || !isText(file.org.name) || !isText(file.org.region))
    throw new PlanFileError(
      `${name} does not name the org it was reviewed for (org.name, org.region)`,
    );
  if (!Array.isArray(file.users)) throw new PlanFileError(`${name} has no "users" list`);
  file.users.forEach((user, i) => {
    const where = `${name}: users[${i}]`;
    if (!user || !isText(user.id) || user.id === '') throw new PlanFileError(`${where} has no id`);
    if (!Array.isArray(user.steps) || !user.steps.every((s) => s && isText(s.key)))
      throw new PlanFileError(`${where} (${user.id}) has no list of steps with keys`);
  });
  return file as PlanFile;
}

/**
 * What applying a reviewed plan left unwritten for a user, and why: each list in words, `keys` the
 * stepKey() of every step named in them (so a re-read that still finds such a step to do does not
 * list it a second time).
 */
export interface Unwritten {
  /** Reviewed steps the org has changed under since the review: not written (never overwritten). */
  changed: string[];
  /** Steps the org needs now that the review did not list: not written (review again). */
  unreviewed: string[];
  /** Reviewed steps whose state could not be read again right before their write: not written. */
  unchecked: string[];
  keys: string[];
}

export const NOTHING_UNWRITTEN: Unwritten = {
  changed: [],
  unreviewed: [],
  unchecked: [],
  keys: [],
};

/**
 * A plan file is applied only to the org it was reviewed for. Org names differ between the app (a
 * profile's name) and the command line (the org's), so the region decides; both are named.
 */
export function checkPlanOrg(
  file: PlanFile,
  name: string,
  here: { name: string; region: string },
): void {
  if (file.org.region !== here.region)
    throw new PlanFileError(
      `${name} was reviewed for ${file.org.name} in ${file.org.region}, not for ${here.name} in ${here.region}`,
      'other-org',
    );
}

/** A fresh plan held against the reviewed one: only what was reviewed, unchanged, is written. */
export interface ReconciledPlan extends Unwritten {
  /** The fresh plan's steps that were reviewed and still read as reviewed. */
  plan: RepairPlan;
}

/**
 * The plan to apply for one user: re-planned against the org just now, limited to the steps that
 * were reviewed and whose before and after still read as they did then. A reviewed step the org no
 * longer needs is simply not there (already right); one whose starting point or target has moved
 * is reported as changed and left alone.
 */
export function reconcileWithReview(
  fresh: RepairPlan,
  reviewed: readonly PlanFileStep[],
): ReconciledPlan {
  const byKey = new Map(reviewed.map((step) => [step.key, step]));
  const result: ReconciledPlan = {
    ...NOTHING_UNWRITTEN,
    changed: [],
    unreviewed: [],
    keys: [],
    plan: fresh,
  };
  const steps = fresh.steps.filter((step) => {
    const key = stepKey(step);
    const seen = byKey.get(key);
    if (!seen) {
      result.unreviewed.push(describeStep(step));
      result.keys.push(key);
      return false;
    }
    const now = stepChange(step);
    if (now.before === seen.before && now.after === seen.after) return true;
    result.changed.push(
      `${seen.what} (reviewed: ${seen.before} → ${seen.after}; now: ${now.before} → ${now.after})`,
    );
    result.keys.push(key);
    return false;
  });
  return { ...result, plan: { ...fresh, steps } };
}

/** Both accounts of what was left unwritten, each step named once. */
export function mergeUnwritten(a: Unwritten, b: Unwritten): Unwritten {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    changed: union(a.changed, b.changed),
    unreviewed: union(a.unreviewed, b.unreviewed),
    unchecked: union(a.unchecked, b.unchecked),
    keys: union(a.keys, b.keys),
  };
}

/** What applying a reviewed plan left unwritten for a user, in sentences (app results, CLI summary). */
export function unwrittenReasons({
  changed,
  unreviewed,
  unchecked,
}: Pick<Unwritten, 'changed' | 'unreviewed' | 'unchecked'>): string[] {
  return [
    ...(changed.length > 0
      ? [`changed since the plan was reviewed, so not written: ${changed.join('; ')}`]
      : []),
    ...(unreviewed.length > 0
      ? [`not in the reviewed plan, so not done: ${unreviewed.join('; ')}`]
      : []),
    ...(unchecked.length > 0
      ? [`could not be checked again right before writing, so not written: ${unchecked.join('; ')}`]
      : []),
  ];
}
