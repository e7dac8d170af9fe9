/** The scheduler's public types: call options, responses, options, progress and events. */
import type { Clock } from './clock';

/** How a call may be repeated after a failure that may have hidden its effect (timeout, reset, 5xx). */
type RetryPolicy =
  /** Reads and writes that converge (PUT, bulk PATCH, grants): send again. */
  | 'idempotent'
  /** A POST that creates something: ask `recheck` whether it took effect before sending again. */
  | 'recheck'
  /** Never repeat after an ambiguous failure; report it instead. */
  | 'never';

export interface CallOptions<T> {
  /** Stable operation name (`users.create`), used in errors, events and the permission hint. */
  operation: string;
  retry?: RetryPolicy;
  /**
   * For `retry: 'recheck'`: looks at the org (through the scheduler) and returns the result when
   * the earlier attempt did take effect, or undefined when it did not and the call may be resent.
   */
  recheck?: () => Promise<T | undefined>;
  /**
   * HTTP statuses that mean "not yet" for this call, retried with the same backoff: a 404 for a
   * role, division or user created moments ago, a 400 or 409 from a default-station PUT while the
   * new station settles. Such a refusal changed nothing, so even a create is simply resent,
   * after a pause of n × `backoffBaseMs` before attempt n + 1 (no jitter).
   */
  retryStatuses?: readonly number[];
  /** Attempts for this call (transient failures and `retryStatuses`); default the scheduler's `maxAttempts`. */
  maxAttempts?: number;
  signal?: AbortSignal;
}

/** What `send` resolves with: the SDK's extended response. */
export interface ApiResponse<T> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface SchedulerOptions {
  /** Calls per window; default 300 (the Genesys Cloud default per client-credentials token). */
  limit?: number;
  /** Window length in org time; default 60 000 ms. */
  windowMs?: number;
  /** Real ms per org ms: 0.05 runs an org minute in 3 s. Scales the window, Retry-After and backoff. */
  timeScale?: number;
  safetyMargin?: number;
  /** Calls in flight at once; default 8. */
  concurrency?: number;
  /** Attempts per call for 5xx, timeouts and resets; default 5. */
  maxAttempts?: number;
  /** 429s tolerated per call before it fails; default 8. */
  maxRateLimitRetries?: number;
  /** Backoff before retry n is random(0, min(cap, base·2ⁿ)) (full jitter), in org ms. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  clock?: Clock;
  random?: () => number;
  /** Runs before each attempt (the connection refreshes its token here). */
  beforeSend?: () => Promise<void>;
  /** Runs after a 401 once per call, then the call is repeated (a 401 never changed anything). */
  onUnauthorized?: () => Promise<void>;
}

export interface SchedulerProgress {
  queued: number;
  inFlight: number;
  completed: number;
  failed: number;
}

export interface SchedulerStats extends SchedulerProgress {
  /** HTTP attempts sent. */
  sent: number;
  retries: number;
  http429: number;
  /** Ambiguous writes resolved by their recheck instead of a resend. */
  recovered: number;
}

export interface SchedulerEvents {
  progress: SchedulerProgress;
  retry: { operation: string; attempt: number; reason: string; delayMs: number };
  'rate-limited': { operation: string; pauseMs: number; source: 'retry-after' | 'headers' };
}
