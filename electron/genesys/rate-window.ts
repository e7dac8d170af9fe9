/**
 * The org rate limit as a bucket of `limit` tokens in which every spent token comes back exactly
 * one window after its call was answered (a sliding window). Unlike a refill-per-second bucket,
 * this never lets more than `limit` calls into ANY window of that length, which is what Genesys
 * Cloud counts ("300 requests per minute per token"), so a steady workload can use the whole limit
 * without a 429.
 *
 * A token is dated by the answer, not the send: the server counted the call at some moment between
 * the two, and only the answer is a moment we know is not earlier. Calls in flight hold their token.
 */
export interface RateWindowOptions {
  limit: number;
  windowMs: number;
  /** Extra share of the window each token stays out, absorbing clock and network jitter.
   *  Default 0.01 (0.6 s of a minute). */
  safetyMargin?: number;
}

export interface RateLimitHeaders {
  /** Calls the server counted in its current window (for this token, from every process). */
  count?: number;
  /** The limit the server applies. */
  allowed?: number;
  /** Milliseconds until the server's window frees up. */
  resetMs?: number;
}

/** Returned by `take`: call it when the call's answer (or failure) arrives. */
export type ReleaseToken = (now: number) => void;

export class RateWindow {
  /** Answer times of calls still counted, ascending (answers arrive in time order). */
  private answered: number[] = [];
  private head = 0;
  private inFlight = 0;
  private pausedUntil = 0;
  private limitNow: number;
  private readonly holdMs: number;

  constructor(options: RateWindowOptions) {
    if (!(options.limit >= 1)) throw new Error('rate limit must be at least 1 call per window');
    if (!(options.windowMs > 0)) throw new Error('rate window must be positive');
    this.limitNow = Math.floor(options.limit);
    this.holdMs = options.windowMs * (1 + (options.safetyMargin ?? 0.01));
  }

  get limit(): number {
    return this.limitNow;
  }

  /** The person changed the limit (Settings): calls already counted stay counted. */
  setLimit(limit: number): void {
    if (!(limit >= 1)) throw new Error('rate limit must be at least 1 call per window');
    this.limitNow = Math.floor(limit);
  }

  /** Calls counted now: in flight plus answered within the window. */
  inWindow(now: number): number {
    this.expire(now);
    return this.inFlight + this.answered.length - this.head;
  }

  /**
   * Milliseconds until a call may be sent: 0 means now; `undefined` means every token is held
   * by a call in flight, so the next answer (not the clock) frees one.
   */
  waitMs(now: number): number | undefined {
    const used = this.inWindow(now);
    const paused = Math.max(0, this.pausedUntil - now);
    if (used < this.limitNow) return paused;
    const answeredCount = this.answered.length - this.head;
    const needed = used - this.limitNow + 1; // tokens that must come back
    if (needed > answeredCount) return paused > 0 ? paused : undefined;
    const freedAt = this.answered[this.head + needed - 1]! + this.holdMs;
    return Math.max(paused, freedAt - now, 1);
  }

  /** Takes a token for a call about to be sent; call only when waitMs(now) is 0. */
  take(): ReleaseToken {
    this.inFlight += 1;
    let released = false;
    return (now) => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.record(now);
    };
  }

  /** A 429 or the headers say stop: nobody sends until `until`. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /**
   * Learns from `inin-ratelimit-*`: a lower limit than configured is adopted, calls other processes
   * made with the same token are counted as ours, and a full server window pauses the bucket.
   * Returns the pause it imposed (ms), if any.
   */
  observe(now: number, headers: RateLimitHeaders): number {
    if (headers.allowed !== undefined && headers.allowed >= 1 && headers.allowed < this.limitNow)
      this.limitNow = Math.floor(headers.allowed);
    if (headers.count === undefined) return 0;
    // Our count is never below the server's for our own calls (we count longer, from a later
    // moment), except by a few calls when answers are processed late; beyond that slack, the excess
    // is someone else spending this token's budget: count their calls so our window stays honest.
    const slack = Math.max(2, Math.ceil(this.limitNow * 0.02));
    const foreign = headers.count - this.inWindow(now) - slack;
    for (let i = 0; i < foreign; i += 1) this.record(now);
    const allowed = headers.allowed ?? this.limitNow;
    if (foreign > 0 && headers.count >= allowed && headers.resetMs !== undefined) {
      this.pause(now + headers.resetMs);
      return headers.resetMs;
    }
    return 0;
  }

  private record(now: number): void {
    const last = this.answered[this.answered.length - 1];
    // keeps the list sorted even if a caller's clock reading lags a little
    this.answered.push(last !== undefined && last > now ? last : now);
  }

  private expire(now: number): void {
    while (this.head < this.answered.length && this.answered[this.head]! + this.holdMs <= now)
      this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.answered.length) {
      this.answered = this.answered.slice(this.head);
      this.head = 0;
    }
  }
}
