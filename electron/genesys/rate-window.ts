/**
 * The org rate limit as a bucket of `limit` tokens in which every spent token comes back exactly
 * one window after it was spent (a sliding window). Unlike a refill-per-second bucket, this never
 * lets more than `limit` calls into ANY window of that length, which is what Genesys Cloud counts
 * ("300 requests per minute per token"), so a steady workload can use the whole limit without a 429.
 */
export interface RateWindowOptions {
  limit: number;
  windowMs: number;
  /** Extra share of the window each token stays out, absorbing network jitter between our send
   *  time and the server's arrival time. Default 0.02 (1.2 s of a minute). */
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

export class RateWindow {
  private spent: number[] = [];
  private head = 0;
  private pausedUntil = 0;
  private limitNow: number;
  private readonly holdMs: number;

  constructor(private readonly options: RateWindowOptions) {
    if (!(options.limit >= 1)) throw new Error('rate limit must be at least 1 call per window');
    if (!(options.windowMs > 0)) throw new Error('rate window must be positive');
    this.limitNow = Math.floor(options.limit);
    this.holdMs = options.windowMs * (1 + (options.safetyMargin ?? 0.02));
  }

  get limit(): number {
    return this.limitNow;
  }

  /** Calls counted in the current window. */
  inWindow(now: number): number {
    this.expire(now);
    return this.spent.length - this.head;
  }

  /** Milliseconds until a call may be sent; 0 means now. */
  waitMs(now: number): number {
    this.expire(now);
    const paused = Math.max(0, this.pausedUntil - now);
    if (this.spent.length - this.head < this.limitNow) return paused;
    const oldest = this.spent[this.spent.length - this.limitNow] ?? now;
    return Math.max(paused, oldest + this.holdMs - now, 1);
  }

  /** Takes a token; call only when waitMs(now) is 0. */
  take(now: number): void {
    this.spent.push(now);
  }

  /** A 429 or the headers say stop: nobody sends until `until`. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  get pausedUntilMs(): number {
    return this.pausedUntil;
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
    const ours = this.inWindow(now);
    const foreign = headers.count - ours;
    // Someone else spends this token's budget: count their calls so our window stays honest.
    for (let i = 0; i < foreign; i += 1) this.spent.push(now);
    const allowed = headers.allowed ?? this.limitNow;
    if (foreign > 0 && headers.count >= allowed && headers.resetMs !== undefined) {
      this.pause(now + headers.resetMs);
      return headers.resetMs;
    }
    return 0;
  }

  private expire(now: number): void {
    while (this.head < this.spent.length && this.spent[this.head]! + this.holdMs <= now)
      this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.spent.length) {
      this.spent = this.spent.slice(this.head);
      this.head = 0;
    }
    // keep only what the limit needs: anything older than the last `limit` cannot block a call
    const excess = this.spent.length - this.head - this.limitNow * 2;
    if (excess > 0) this.head += excess;
  }
}
