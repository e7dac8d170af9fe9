/**
 * How long a repair takes at the org's rate limit. Writes dominate: each plan step is one call
 * (skills are batched, so this errs long), and the reads around them (bulk user reads, the station
 * listing, the verifying re-read) cost about 0.3 calls per user, the overhead the
 * `repair.stampede-2000` benchmark holds the executor to.
 */
const READ_CALLS_PER_USER = 0.3;

/** Calls a job of `users` users and `steps` plan steps is expected to make. */
export function expectedCalls(users: number, steps: number): number {
  return steps + users * READ_CALLS_PER_USER;
}

/** Seconds `calls` calls take at `limitPerMinute` (the limiter never goes faster). */
export function secondsAtLimit(calls: number, limitPerMinute: number): number {
  return Math.ceil((Math.max(0, calls) * 60) / Math.max(1, limitPerMinute));
}

/**
 * Seconds left in a running job: the steps not done yet, at the calls per step the job has spent
 * so far (reads included), at the rate limit. Before the first step, the expected ratio.
 */
export function remainingSeconds(job: {
  stepsDone: number;
  stepsTotal: number;
  users: number;
  callsSoFar: number;
  limitPerMinute: number;
}): number {
  const perStep =
    job.stepsDone > 0
      ? job.callsSoFar / job.stepsDone
      : expectedCalls(job.users, job.stepsTotal) / Math.max(1, job.stepsTotal);
  return secondsAtLimit((job.stepsTotal - job.stepsDone) * perStep, job.limitPerMinute);
}
