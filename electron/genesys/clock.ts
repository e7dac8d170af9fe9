/**
 * The one clock of the Node side: every time reading of the scheduler, the connection, the journal,
 * the lock, the watch, the executor, the CLI, the app's services and the fake org comes from here,
 * injected, so tests advance time by hand instead of sleeping and a whole run can be time-scaled
 * (an org minute becomes three real seconds). ESLint forbids `Date.now()`, `new Date()` and
 * `performance.now()` anywhere else.
 */
export interface Clock {
  /** Milliseconds, monotonic: for durations, pacing and timeouts. */
  now(): number;
  /** Epoch milliseconds: for dates compared with the world's (token expiry, Retry-After dates). */
  wallNow(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The clock's wall time as a Date: what a report, a journal line, a lock or a history entry is
 * dated with.
 */
export function wallDate(clock: Pick<Clock, 'wallNow'>): Date {
  return new Date(clock.wallNow());
}

export const systemClock: Clock = {
  now: () => performance.now(),
  wallNow: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

interface PendingSleep {
  at: number;
  resolve: () => void;
}

/** A clock that only moves when told to: `advance(ms)` wakes every sleeper whose time has come. */
export class ManualClock implements Clock {
  private current = 0;
  private sleepers: PendingSleep[] = [];

  /** `wallStart`: the epoch milliseconds wallNow() reads while no time has passed. */
  constructor(private readonly wallStart = 0) {}

  now(): number {
    return this.current;
  }

  wallNow(): number {
    return this.wallStart + this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const entry: PendingSleep = { at: this.current + Math.max(0, ms), resolve };
      this.sleepers.push(entry);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== entry);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Moves time forward, waking sleepers in time order and letting their continuations run. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await flushMicrotasks();
      const next = this.sleepers.filter((s) => s.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.current = Math.max(this.current, next.at);
      this.sleepers = this.sleepers.filter((s) => s !== next);
      next.resolve();
    }
    this.current = target;
    await flushMicrotasks();
  }

  get pendingSleeps(): number {
    return this.sleepers.length;
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

/** mulberry32: a tiny seeded generator, so backoff jitter and injected faults repeat run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
