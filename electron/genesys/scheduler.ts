/**
 * The one queue every Genesys Cloud call goes through: the org rate limit (RateWindow), a
 * concurrency cap, 429 Retry-After and `inin-ratelimit-*` headers, retries with capped exponential
 * backoff and full jitter, and no blind repeat of a write that may already have happened.
 */
import { systemClock, type Clock } from './clock';
import type {
  ApiResponse,
  CallOptions,
  SchedulerEvents,
  SchedulerOptions,
  SchedulerProgress,
  SchedulerStats,
} from './scheduler-types';
import { GenesysApiError } from './errors';
import { RateWindow, type RateLimitHeaders, type ReleaseToken } from './rate-window';

export type * from './scheduler-types';

type Listener<K extends keyof SchedulerEvents> = (event: SchedulerEvents[K]) => void;

interface Task {
  options: CallOptions<unknown>;
  send: () => Promise<ApiResponse<unknown>>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  attempts: number;
  rateLimited: number;
  reauthenticated: boolean;
}

export class CallScheduler {
  readonly window: RateWindow;

  /** The window of an endpoint that announced a lower limit of its own, if any. */
  endpointWindow(operation: string): RateWindow | undefined {
    return this.endpointWindows.get(operation);
  }
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly scale: number;
  private readonly queue: Task[] = [];
  private readonly listeners = new Map<keyof SchedulerEvents, Set<Listener<never>>>();
  private readonly counters = { sent: 0, retries: 0, http429: 0, recovered: 0 };
  private inFlight = 0;
  /** Calls between a failed attempt and their next one (backoff, re-login, recheck). */
  private recovering = 0;
  private completed = 0;
  private failed = 0;
  /** The pump's wait for a window to reopen: cancelled as soon as nothing is left queued. */
  private pumpWait: AbortController | undefined;
  private idleWaiters: (() => void)[] = [];
  private readonly watched = new WeakMap<AbortSignal, Set<Task>>();
  /**
   * Endpoints whose answers state a lower limit than the org's (`inin-ratelimit-allowed`): each
   * gets its own window, so one slow endpoint never lowers the budget of every other call.
   */
  private readonly endpointWindows = new Map<string, RateWindow>();

  constructor(private readonly options: SchedulerOptions = {}) {
    this.scale = options.timeScale ?? 1;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.window = new RateWindow({
      limit: options.limit ?? 300,
      windowMs: (options.windowMs ?? 60_000) * this.scale,
      safetyMargin: options.safetyMargin,
    });
  }

  /** A new rate limit (Settings), applied to the calls still queued. */
  setLimit(limit: number): void {
    this.window.setLimit(limit);
    this.changed();
  }

  /** Queues one call; resolves with the response body or rejects with a GenesysApiError. */
  call<T>(options: CallOptions<T>, send: () => Promise<ApiResponse<T>>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (options.signal?.aborted) return reject(cancelled(options.operation));
      const task: Task = {
        options: options as CallOptions<unknown>,
        send,
        resolve: resolve as (value: unknown) => void,
        reject,
        attempts: 0,
        rateLimited: 0,
        reauthenticated: false,
      };
      if (options.signal) this.watch(options.signal, task);
      this.queue.push(task);
      this.changed();
    });
  }

  on<K extends keyof SchedulerEvents>(event: K, listener: Listener<K>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as Listener<never>);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener<never>);
  }

  progress(): SchedulerProgress {
    return {
      queued: this.queue.length + this.recovering,
      inFlight: this.inFlight,
      completed: this.completed,
      failed: this.failed,
    };
  }

  stats(): SchedulerStats {
    return { ...this.progress(), ...this.counters };
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private emit<K extends keyof SchedulerEvents>(event: K, payload: SchedulerEvents[K]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as Listener<K>)(payload);
  }

  private changed(): void {
    this.emit('progress', this.progress());
    // Nothing left to send (done, or dropped by a stop): the wait, up to a window long, goes too,
    // so a stopped repair leaves no timer behind to hold the process open.
    if (this.queue.length === 0 && this.pumpWait) {
      this.pumpWait.abort();
      this.pumpWait = undefined;
    }
    if (this.isIdle()) {
      const waiters = this.idleWaiters.splice(0);
      for (const wake of waiters) wake();
    }
    this.pump();
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0 && this.recovering === 0;
  }

  /** One listener per signal, however many calls share it (a bulk run cancels with one signal). */
  private watch(signal: AbortSignal, task: Task): void {
    let tasks = this.watched.get(signal);
    if (!tasks) {
      const watchedTasks = new Set<Task>();
      tasks = watchedTasks;
      this.watched.set(signal, watchedTasks);
      signal.addEventListener(
        'abort',
        () => {
          for (const queued of watchedTasks) this.dropQueued(queued);
          watchedTasks.clear();
        },
        { once: true },
      );
    }
    tasks.add(task);
  }

  private dropQueued(task: Task): void {
    const index = this.queue.indexOf(task);
    if (index < 0) return; // in flight or sleeping: handled where it resumes
    this.queue.splice(index, 1);
    this.failed += 1;
    task.reject(cancelled(task.options.operation));
    this.changed();
  }

  /** Starts as many queued calls as the concurrency cap and the rate windows allow. */
  private pump(): void {
    if (this.pumpWait) return;
    while (this.queue.length > 0 && this.inFlight < (this.options.concurrency ?? 8)) {
      const now = this.clock.now();
      const wait = this.window.waitMs(now);
      if (wait === undefined) return; // every token is in flight: the next answer pumps again
      const next = wait > 0 ? { wait } : this.nextSendable(now);
      if (next.index === undefined) {
        if (next.wait === undefined) return; // an endpoint's tokens are all in flight
        const waiting = new AbortController();
        this.pumpWait = waiting;
        void this.clock.sleep(next.wait, waiting.signal).then(
          () => {
            if (this.pumpWait !== waiting) return; // cancelled meanwhile
            this.pumpWait = undefined;
            this.pump();
          },
          () => {}, // cancelled: changed() already let go of it
        );
        return;
      }
      const [task] = this.queue.splice(next.index, 1) as [Task];
      const releaseOrg = this.window.take();
      const releaseEndpoint = this.endpointWindows.get(task.options.operation)?.take();
      this.inFlight += 1;
      void this.attempt(task, (at) => {
        releaseOrg(at);
        releaseEndpoint?.(at);
      });
    }
  }

  /** The first queued call its endpoint's window lets through now, or how long until one is. */
  private nextSendable(now: number): { index?: number; wait?: number } {
    let wait: number | undefined;
    for (let index = 0; index < this.queue.length; index += 1) {
      const endpoint = this.endpointWindows.get(this.queue[index]!.options.operation);
      const endpointWait = endpoint ? endpoint.waitMs(now) : 0;
      if (endpointWait === 0) return { index };
      if (endpointWait !== undefined) wait = Math.min(wait ?? endpointWait, endpointWait);
    }
    return { wait };
  }

  private async attempt(task: Task, release: ReleaseToken): Promise<void> {
    task.attempts += 1;
    this.counters.sent += 1;
    const { operation } = task.options;
    try {
      await this.options.beforeSend?.();
      const response = await task.send();
      release(this.clock.now());
      this.learn(operation, response.headers);
      this.settle(task, () => task.resolve(response.body), true);
    } catch (raw) {
      release(this.clock.now());
      const error = raw instanceof GenesysApiError ? raw : unexpected(operation, raw);
      this.learn(operation, error.headers);
      this.inFlight -= 1;
      this.recovering += 1;
      try {
        await this.recover(task, error);
      } finally {
        this.recovering -= 1;
        this.changed();
      }
    }
  }

  private settle(task: Task, finish: () => void, inFlight: boolean, ok = true): void {
    if (task.options.signal) this.watched.get(task.options.signal)?.delete(task);
    if (inFlight) this.inFlight -= 1;
    if (ok) this.completed += 1;
    else this.failed += 1;
    finish();
    this.changed();
  }

  /** Decides what a failure means: wait and resend, recheck, or report. */
  private async recover(task: Task, error: GenesysApiError): Promise<void> {
    const { operation, signal } = task.options;
    const fail = (reason: GenesysApiError) => {
      reason.attempts = task.attempts;
      this.settle(task, () => task.reject(reason), false, false);
    };
    if (signal?.aborted) return fail(cancelled(operation));

    if (error.kind === 'http' && error.status === 429) {
      this.counters.http429 += 1;
      task.rateLimited += 1;
      const pauseMs = this.retryAfterMs(error.headers) ?? this.backoffMs(task.rateLimited);
      this.window.pause(this.clock.now() + pauseMs);
      this.emit('rate-limited', { operation, pauseMs, source: 'retry-after' });
      if (task.rateLimited > (this.options.maxRateLimitRetries ?? 8)) return fail(error);
      task.attempts -= 1; // a 429 was refused before any work: it does not use up an attempt
      return this.requeue(task);
    }
    if (
      error.kind === 'http' &&
      error.status === 401 &&
      !task.reauthenticated &&
      this.options.onUnauthorized
    ) {
      task.reauthenticated = true;
      try {
        await this.options.onUnauthorized();
      } catch (loginError) {
        return fail(loginError instanceof GenesysApiError ? loginError : error);
      }
      return this.requeue(task);
    }
    const notYet =
      error.kind === 'http' && (task.options.retryStatuses ?? []).includes(error.status ?? 0);
    const attempts = task.options.maxAttempts ?? this.options.maxAttempts ?? 5;
    if (!(isTransient(error) || notYet) || task.attempts >= attempts) return fail(error);

    const policy = task.options.retry ?? 'idempotent';
    if (!error.certainlyNotApplied && policy === 'never') return fail(error);
    // "Not yet" is the entity settling, not the server overloaded: a steady pause that grows by
    // the base each time, without jitter (Terraform provider: util.RetryWhen, (i+1)·500 ms).
    const delayMs = notYet
      ? (this.options.backoffBaseMs ?? 500) * this.scale * task.attempts
      : this.backoffMs(task.attempts);
    this.counters.retries += 1;
    this.emit('retry', { operation, attempt: task.attempts + 1, reason: error.message, delayMs });
    try {
      await this.clock.sleep(delayMs, signal);
    } catch {
      return fail(cancelled(operation));
    }
    if (!error.certainlyNotApplied && policy === 'recheck') {
      if (!task.options.recheck) return fail(error);
      let found: unknown;
      try {
        found = await task.options.recheck();
      } catch (recheckError) {
        return fail(recheckError instanceof GenesysApiError ? recheckError : error);
      }
      if (found !== undefined) {
        this.counters.recovered += 1;
        return this.settle(task, () => task.resolve(found), false);
      }
    }
    this.requeue(task);
  }

  /** A retried call goes to the front: it has waited longest. */
  private requeue(task: Task): void {
    this.queue.unshift(task);
  }

  private learn(operation: string, headers: Record<string, string>): void {
    const observed = parseRateLimitHeaders(headers, this.scale);
    if (observed.count === undefined && observed.allowed === undefined) return;
    const now = this.clock.now();
    let endpoint = this.endpointWindows.get(operation);
    if (!endpoint && observed.allowed !== undefined && observed.allowed < this.window.limit) {
      endpoint = new RateWindow({
        limit: observed.allowed,
        windowMs: (this.options.windowMs ?? 60_000) * this.scale,
        safetyMargin: this.options.safetyMargin,
      });
      this.endpointWindows.set(operation, endpoint);
    }
    // An endpoint's own limit and count say nothing about the org-wide budget of other calls.
    const pauseMs = endpoint ? endpoint.observe(now, observed) : this.window.observe(now, observed);
    if (pauseMs > 0) this.emit('rate-limited', { operation, pauseMs, source: 'headers' });
  }

  private retryAfterMs(headers: Record<string, string>): number | undefined {
    const value = headers['retry-after'];
    if (value === undefined) return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000 * this.scale);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - this.clock.wallNow());
  }

  private backoffMs(attempt: number): number {
    const base = (this.options.backoffBaseMs ?? 500) * this.scale;
    const cap = (this.options.backoffCapMs ?? 30_000) * this.scale;
    return this.random() * Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  }
}

/**
 * Failures worth another attempt: the server or the network, not the request. A 408 is the server
 * timing out on the request before acting on it: Genesys's Terraform provider retries it wherever
 * it retries at all (util_retries.go: IsStatus400, IsStatus404, IsStatus409 and IsStatus412 all
 * count http.StatusRequestTimeout).
 */
function isTransient(error: GenesysApiError): boolean {
  if (error.kind === 'timeout' || error.kind === 'connection-reset' || error.kind === 'unreachable')
    return true;
  if (error.kind !== 'http' || error.status === undefined) return false;
  return error.status === 408 || error.status >= 500;
}

function parseRateLimitHeaders(headers: Record<string, string>, timeScale = 1): RateLimitHeaders {
  const number = (name: string) => {
    const value = headers[name];
    if (value === undefined) return undefined;
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const reset = number('inin-ratelimit-reset');
  return {
    count: number('inin-ratelimit-count'),
    allowed: number('inin-ratelimit-allowed'),
    resetMs: reset === undefined ? undefined : reset * 1000 * timeScale,
  };
}

function cancelled(operation: string): GenesysApiError {
  return new GenesysApiError({ operation, kind: 'cancelled' });
}

function unexpected(operation: string, raw: unknown): GenesysApiError {
  return new GenesysApiError({
    operation,
    kind: 'invalid-request',
    serverMessage: raw instanceof Error ? raw.message : String(raw),
  });
}
