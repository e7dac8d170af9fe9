/** Stuck agents: finding them, reviewing and running their repair, and the journal of past jobs. */
import type { DirectoryUser } from '../directory/types';
import type { RepairPlan } from '../provisioning/types';
import { id, none, text, type RequestShapes } from './common';

/** A user with the repair plan the rules give it. */
export interface RepairCandidate {
  user: Pick<DirectoryUser, 'id' | 'name' | 'email'> & Partial<DirectoryUser>;
  plan: RepairPlan;
  /** One line ("3 steps", "nothing to do", "blocked"). */
  summary: string;
  /** Each step in words, in order. */
  steps: string[];
  /** "rule 2: department Sales"; null when no rule matches. */
  rule: string | null;
  /** ISO time the org created the user, when known (the stuck-agent finder knows it). */
  createdAt: string | null;
}

/**
 * How a user's repair ended: repaired (verified), already right (nothing was needed), failed
 * (with the reason), or not started (the job was cancelled or stopped before reaching the user).
 */
export type RepairOutcomeView = 'repaired' | 'already-right' | 'failed' | 'not-started';

export interface RepairResult {
  userId: string;
  name: string;
  outcome: RepairOutcomeView;
  /** What happened, in words (the reason when failed). */
  message: string;
}

type RepairJobState = 'running' | 'cancelling' | 'finished' | 'cancelled';

/**
 * A repair job as the main process runs it. Events carry only the results new since the previous
 * event (`resultsFrom` is the index of the first one); `getRepairJob` returns them all.
 */
export interface RepairJobView {
  jobId: string;
  org: { kind: 'demo' | 'org'; name: string; region: string };
  state: RepairJobState;
  startedAt: string;
  endedAt: string | null;
  /** Users in the job. */
  users: number;
  /** Plan steps done (finished or failed) and planned. */
  steps: { done: number; total: number };
  /** Seconds left at the org's rate budget; null until known. */
  etaSeconds: number | null;
  counts: Record<RepairOutcomeView, number>;
  /** Why the job could not run at all (the org went away); null otherwise. */
  problem: string | null;
  resultsFrom: number;
  results: RepairResult[];
}

/** What the confirmation names before anything is written. */
export interface RepairPreview {
  org: { kind: 'demo' | 'org'; name: string; region: string };
  users: number;
  /** Plan steps that write to the org. */
  writes: number;
  /** Users whose plan is partly blocked by a configuration gap. */
  blocked: number;
  /** Estimated seconds at the current rate limit. */
  seconds: number;
  /** How long, beyond `seconds`, the new WebRTC phones' stations may take to appear (0: no phone is created). */
  stationWaitSeconds: number;
  rateLimitPerMinute: number;
}

export type PlanFormat = 'json' | 'csv';

/** A plan file opened for review: its users as the org reads them now, limited to what it lists. */
export interface PlanFileReview {
  /** The file's name. */
  file: string;
  /** When the plan was exported, and for which org. */
  reviewedAt: string;
  org: { name: string; region: string };
  /** Users with reviewed steps still to write, each limited to those steps (listed for review). */
  candidates: RepairCandidate[];
  /** Users of the plan with nothing left to write as reviewed. */
  alreadyDone: number;
  /** What the file lists that will not be written, and why, per user. */
  notes: { userId: string; name: string; email: string; text: string }[];
}

/** One step of a journaled job, in words. */
export interface JournalStepView {
  time: string;
  userId: string;
  /** The user's name when the journal knows it. */
  name: string | null;
  /** What the step does ("add skill Sales (3)"). */
  what: string;
  before: string | null;
  after: string | null;
  outcome: 'done' | 'failed' | 'in flight';
  /** Why it failed. */
  error: string | null;
}

/** One repair job as the journal recorded it; its steps are read a page at a time. */
export interface JournalJobView {
  run: string;
  org: string;
  region: string | null;
  startedAt: string;
  endedAt: string | null;
  users: number;
  /** Users of the job it did not verify (never reached, failed, or cut off): what a resume re-checks. */
  unverified: number;
  /** Steps the job journaled, and how many of them did not end done (failed or in flight). */
  stepCount: number;
  notDone: number;
}

export type JournalOutcomeFilter = 'any' | JournalStepView['outcome'];

/** A page of one job's steps: those whose user's name or id contains `user`, with that outcome. */
export interface JournalStepsRequest {
  run: string;
  user: string;
  outcome: JournalOutcomeFilter;
  offset: number;
  limit: number;
}

export interface JournalStepsPage {
  run: string;
  /** Steps of the job that match the filter (the page is `steps`, from `offset`). */
  total: number;
  offset: number;
  steps: JournalStepView[];
}

export interface RepairInvokes {
  /** Users whose name, email or id contains the query, each with its plan. */
  searchUsers: { request: { query: string }; reply: RepairCandidate[] };
  /** Users created in the last `sinceHours` whose plan is not empty. */
  findStuckAgents: { request: { sinceHours: number }; reply: RepairCandidate[] };
  /** What repairing these users (of those last listed) writes, where, and how long it takes. */
  previewRepair: { request: { userIds: string[] }; reply: RepairPreview };
  /**
   * Opens a plan file (exported here or by `jit-doctor repair --plan-out`), refused when it is for
   * another org; its users, re-read and limited to the steps it lists, become the list to review.
   * Null when the person cancels the file picker.
   */
  openRepairPlan: { request: void; reply: PlanFileReview | null };
  /** Saves the reviewed plan of these users (of those last listed) as JSON or CSV; the path, or null. */
  exportRepairPlan: { request: { userIds: string[]; format: PlanFormat }; reply: string | null };
  /**
   * Starts repairing these users with exactly the steps reviewed when they were listed, re-checked
   * against the org before each write; progress arrives as events. Refused while a job runs.
   */
  startRepair: { request: { userIds: string[] }; reply: RepairJobView };
  /** Asks the job to stop before its next write; the job says "cancelling" at once. */
  cancelRepair: { request: { jobId: string }; reply: RepairJobView | null };
  /** The running job, or the last one since the app started; null when none. */
  getRepairJob: { request: void; reply: RepairJobView | null };
  /** The journal's jobs (every org's, newest first), read from disk: no org connection needed. */
  readJournal: { request: { limit: number }; reply: JournalJobView[] };
  /** One page of a journaled job's steps, filtered by user and outcome. */
  readJournalSteps: { request: JournalStepsRequest; reply: JournalStepsPage };
  /**
   * Re-plans, against the org now, the users a journaled job did not verify, and lists those with
   * something left to do for review (as findStuckAgents does).
   */
  resumeJob: { request: { run: string }; reply: RepairCandidate[] };
  /** Saves the journal's jobs as JSON or CSV; the path, or null when cancelled. */
  exportJournal: { request: { format: PlanFormat }; reply: string | null };
}

export const REPAIR_SHAPES: RequestShapes<RepairInvokes> = {
  searchUsers: { query: text(200) },
  findStuckAgents: { sinceHours: { type: 'number', min: 0, max: 24 * 30 } },
  previewRepair: { userIds: { type: 'array', of: id, max: 50_000 } },
  openRepairPlan: none,
  exportRepairPlan: {
    userIds: { type: 'array', of: id, max: 50_000 },
    format: { type: 'enum', values: ['json', 'csv'] },
  },
  startRepair: { userIds: { type: 'array', of: id, max: 50_000 } },
  cancelRepair: { jobId: id },
  getRepairJob: none,
  readJournal: { limit: { type: 'number', min: 1, max: 10_000, integer: true } },
  readJournalSteps: {
    run: id,
    user: text(200),
    outcome: { type: 'enum', values: ['any', 'done', 'failed', 'in flight'] },
    offset: { type: 'number', min: 0, max: 100_000_000, integer: true },
    limit: { type: 'number', min: 1, max: 1_000, integer: true },
  },
  resumeJob: { run: id },
  exportJournal: { format: { type: 'enum', values: ['json', 'csv'] } },
};

export interface RepairEvents {
  repairProgress: RepairJobView;
}
