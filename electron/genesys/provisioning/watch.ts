/**
 * Watch mode, the app's answer to the EventBridge → SQS → Lambda pipeline for orgs without AWS:
 * poll the audit log for users created since the last poll and repair them through the same
 * executor (one scheduler, one journal) until stopped.
 */
import { systemClock, wallDate, type Clock } from '../clock';
import type { Assessment } from './assess';
import type { RepairExecutor, RepairOutcome, ApplyOptions } from './executor';

export interface WatchOptions {
  executor: RepairExecutor;
  /** Users created from this instant on are watched. */
  since: Date;
  intervalMs: number;
  /** Stops the loop; a wave in progress finishes the steps already sent. */
  signal: AbortSignal;
  /** Plans only (--dry-run). */
  dryRun?: boolean;
  /** Attempts per user before it is reported and left alone; default 3. */
  maxAttempts?: number;
  /** Audit events can land late: each poll looks this far before the previous one; default 2 min. */
  lagMs?: number;
  /** Dates the polls and waits between them; default the system clock. */
  clock?: Clock;
  onPoll?(poll: { from: Date; to: Date; created: number; fresh: number }): void;
  onPlans?(assessments: readonly Assessment[]): void;
  onOutcomes?(outcomes: readonly RepairOutcome[]): void;
  onError?(error: unknown): void;
  applyOptions?: Omit<ApplyOptions, 'signal'>;
}

export interface WatchResult {
  polls: number;
  outcomes: Map<string, RepairOutcome>;
}

export async function watchNewUsers(options: WatchOptions): Promise<WatchResult> {
  const { executor, signal } = options;
  const clock = options.clock ?? systemClock;
  const maxAttempts = options.maxAttempts ?? 3;
  const lagMs = options.lagMs ?? 120_000;
  const settled = new Set<string>();
  const attempts = new Map<string, number>();
  const outcomes = new Map<string, RepairOutcome>();
  let from = options.since;
  let polls = 0;

  while (!signal.aborted) {
    const to = wallDate(clock);
    try {
      const created = await executor.usersCreatedBetween(new Date(from.getTime() - lagMs), to);
      const fresh = created.filter(
        (id) => !settled.has(id) && (attempts.get(id) ?? 0) < maxAttempts,
      );
      polls += 1;
      options.onPoll?.({ from, to, created: created.length, fresh: fresh.length });
      if (fresh.length > 0) {
        const assessments = await executor.assess(await executor.loadUsers(fresh));
        options.onPlans?.(assessments);
        if (options.dryRun) {
          for (const a of assessments) settled.add(a.user.id);
        } else {
          const wave = await executor.apply(assessments, { ...options.applyOptions, signal });
          for (const outcome of wave) {
            outcomes.set(outcome.userId, outcome);
            if (outcome.status === 'not-repaired')
              attempts.set(outcome.userId, (attempts.get(outcome.userId) ?? 0) + 1);
            else settled.add(outcome.userId);
          }
          options.onOutcomes?.(wave);
        }
      }
      from = to;
    } catch (error) {
      // A failed poll (network, token) is retried at the next interval, from the same instant.
      options.onError?.(error);
    }
    try {
      await clock.sleep(options.intervalMs, signal);
    } catch {
      break;
    }
  }
  return { polls, outcomes };
}
