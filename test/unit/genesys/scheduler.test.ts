import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../electron/genesys/clock';
import { GenesysApiError } from '../../../electron/genesys/errors';
import { CallScheduler, type ApiResponse } from '../../../electron/genesys/scheduler';

const ok = <T>(body: T, headers: Record<string, string> = {}): Promise<ApiResponse<T>> =>
  Promise.resolve({ status: 200, headers, body });

const httpError = (status: number, headers: Record<string, string> = {}, code = 'x') =>
  new GenesysApiError({ operation: 'test', kind: 'http', status, code, headers });

function setup(options: ConstructorParameters<typeof CallScheduler>[0] = {}) {
  const clock = new ManualClock();
  const scheduler = new CallScheduler({ clock, random: () => 0.5, safetyMargin: 0, ...options });
  return { clock, scheduler };
}

describe('CallScheduler rate window', () => {
  it('sends no more than the limit in any window and starts the rest as tokens come back', async () => {
    const { clock, scheduler } = setup({ limit: 5, windowMs: 1000, concurrency: 100 });
    const sentAt: number[] = [];
    const calls = Array.from({ length: 12 }, (_, i) =>
      scheduler.call({ operation: 'users.get' }, () => {
        sentAt.push(clock.now());
        return ok(i);
      }),
    );
    await clock.advance(0);
    expect(sentAt).toHaveLength(5);
    await clock.advance(999);
    expect(sentAt).toHaveLength(5);
    await clock.advance(1);
    expect(sentAt).toHaveLength(10);
    await clock.advance(1000);
    expect(await Promise.all(calls)).toEqual([...Array(12).keys()]);
    expect(sentAt.filter((t) => t < 1000)).toHaveLength(5);
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    const { clock, scheduler } = setup({ limit: 100, concurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    const calls = Array.from({ length: 6 }, () =>
      scheduler.call({ operation: 'users.get' }, async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await clock.sleep(10);
        inFlight -= 1;
        return { status: 200, headers: {}, body: 1 };
      }),
    );
    await clock.advance(100);
    await Promise.all(calls);
    expect(peak).toBe(2);
  });

  it('pauses the whole bucket for Retry-After after a 429 and then resends (the 429 changed nothing)', async () => {
    const { clock, scheduler } = setup({ limit: 100, concurrency: 1 });
    const sentAt: number[] = [];
    let first = true;
    const limited = scheduler.call({ operation: 'users.create', retry: 'never' }, () => {
      sentAt.push(clock.now());
      if (first) {
        first = false;
        return Promise.reject(
          httpError(429, { 'retry-after': '2' }, 'too.many.requests.retry.after'),
        );
      }
      return ok('created');
    });
    const other = scheduler.call({ operation: 'users.get' }, () => {
      sentAt.push(clock.now());
      return ok('read');
    });
    await clock.advance(1999);
    expect(sentAt).toEqual([0]);
    await clock.advance(1);
    await expect(limited).resolves.toBe('created');
    await expect(other).resolves.toBe('read');
    expect(sentAt).toEqual([0, 2000, 2000]);
    expect(scheduler.stats().http429).toBe(1);
  });

  it('reads a Retry-After date on the injected wall clock', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));
    const scheduler = new CallScheduler({ clock, random: () => 0.5, safetyMargin: 0, limit: 100 });
    let calls = 0;
    const result = scheduler.call({ operation: 'x' }, () =>
      ++calls === 1
        ? Promise.reject(httpError(429, { 'retry-after': 'Mon, 23 Nov 2026 09:00:04 GMT' }))
        : ok('done'),
    );
    await clock.advance(3999);
    expect(calls).toBe(1);
    await clock.advance(1);
    await expect(result).resolves.toBe('done');
  });

  it('scales Retry-After by the time scale', async () => {
    const { clock, scheduler } = setup({ limit: 100, timeScale: 0.01 });
    let calls = 0;
    const result = scheduler.call({ operation: 'x' }, () =>
      ++calls === 1 ? Promise.reject(httpError(429, { 'retry-after': '3' })) : ok('done'),
    );
    await clock.advance(29);
    expect(calls).toBe(1);
    await clock.advance(1);
    await expect(result).resolves.toBe('done');
  });

  it('counts calls other processes made with the same token (inin-ratelimit-count)', async () => {
    const { clock, scheduler } = setup({ limit: 10, windowMs: 1000, concurrency: 10 });
    // the server counted 12 calls for this token; we made one
    const headers = {
      'inin-ratelimit-count': '12',
      'inin-ratelimit-allowed': '10',
      'inin-ratelimit-reset': '1',
    };
    await scheduler.call({ operation: 'x' }, () => ok(1, headers));
    const sentAt: number[] = [];
    const next = [1, 2].map(() =>
      scheduler.call({ operation: 'x' }, () => {
        sentAt.push(clock.now());
        return ok(1);
      }),
    );
    await clock.advance(999);
    expect(sentAt).toEqual([]);
    await clock.advance(1);
    await Promise.all(next);
    expect(sentAt).toEqual([1000, 1000]);
  });

  it('ignores a server count within a few calls of its own (answers processed late)', async () => {
    const { clock, scheduler } = setup({ limit: 10, windowMs: 1000, concurrency: 10 });
    await scheduler.call({ operation: 'x' }, () => ok(1, { 'inin-ratelimit-count': '3' }));
    const sent = vi.fn(() => ok(1));
    const next = Array.from({ length: 9 }, () => scheduler.call({ operation: 'x' }, sent));
    await clock.advance(0);
    expect(sent).toHaveBeenCalledTimes(9);
    await Promise.all(next);
  });

  it('adopts a lower limit announced by inin-ratelimit-allowed for that endpoint only', async () => {
    const { clock, scheduler } = setup({ limit: 300 });
    await scheduler.call({ operation: 'x' }, () =>
      ok(1, { 'inin-ratelimit-allowed': '2', 'inin-ratelimit-count': '1' }),
    );
    expect(scheduler.endpointWindow('x')?.limit).toBe(2);
    expect(scheduler.window.limit).toBe(300);
    // x waits for its own window; y is not held back behind it
    const sent: string[] = [];
    const calls = ['x', 'x', 'x', 'y', 'y'].map((operation) =>
      scheduler.call({ operation }, () => {
        sent.push(operation);
        return ok(1);
      }),
    );
    await clock.advance(10);
    expect(sent).toEqual(['x', 'x', 'y', 'y']);
    await clock.advance(61_000);
    await Promise.all(calls);
    expect(sent).toEqual(['x', 'x', 'y', 'y', 'x']);
  });
});

describe('CallScheduler retries', () => {
  it('retries a 5xx with capped exponential backoff and reports the attempts when it gives up', async () => {
    const { clock, scheduler } = setup({ maxAttempts: 3, backoffBaseMs: 100, backoffCapMs: 150 });
    const sentAt: number[] = [];
    const retries: number[] = [];
    scheduler.on('retry', (event) => retries.push(event.delayMs));
    const result = scheduler.call({ operation: 'users.get' }, () => {
      sentAt.push(clock.now());
      return Promise.reject(httpError(502));
    });
    const settled = result.catch((error: unknown) => error);
    await clock.advance(1000);
    const error = (await settled) as GenesysApiError;
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.status).toBe(502);
    expect(error.attempts).toBe(3);
    // random 0.5 × min(cap, base·2^(n-1)): 50, then 75 (capped at 150)
    expect(retries).toEqual([50, 75]);
    expect(sentAt).toEqual([0, 50, 125]);
  });

  it('retries a 408 (the server timed out on the request before acting on it), even a create', async () => {
    const { clock, scheduler } = setup();
    let calls = 0;
    const recheck = vi.fn(() => Promise.resolve(undefined));
    const result = scheduler.call({ operation: 'x', retry: 'recheck', recheck }, () =>
      ++calls === 1 ? Promise.reject(httpError(408)) : ok('created'),
    );
    await clock.advance(10_000);
    await expect(result).resolves.toBe('created');
    expect(calls).toBe(2);
    expect(recheck).not.toHaveBeenCalled();
  });

  it('does not retry a 400, 403, 404 or 409', async () => {
    const { clock, scheduler } = setup();
    for (const status of [400, 403, 404, 409]) {
      const send = vi.fn(() => Promise.reject(httpError(status)));
      const result = scheduler
        .call({ operation: 'x' }, send)
        .catch((e: GenesysApiError) => e.status);
      await clock.advance(10_000);
      expect(await result).toBe(status);
      expect(send).toHaveBeenCalledTimes(1);
    }
  });

  it('retries the statuses a call says mean "not yet", n × base apart without jitter, up to its attempts', async () => {
    const { clock, scheduler } = setup({ backoffBaseMs: 500 });
    const sentAt: number[] = [];
    // A new station refuses its default-station PUT three times (400, 409, 400), then takes it.
    const answers = [400, 409, 400];
    const put = scheduler.call(
      { operation: 'users.defaultStation.put', retryStatuses: [400, 409], maxAttempts: 10 },
      () => {
        sentAt.push(clock.now());
        const status = answers.shift();
        return status ? Promise.reject(httpError(status)) : ok('done');
      },
    );
    await clock.advance(10_000);
    await expect(put).resolves.toBe('done');
    expect(sentAt).toEqual([0, 500, 1_500, 3_000]);

    // A 404 that never ends fails after the call's own attempts; a status it did not list, at once.
    const create = vi.fn(() => Promise.reject(httpError(404)));
    const created = scheduler
      .call({ operation: 'telephony.phones.create', retryStatuses: [404], maxAttempts: 3 }, create)
      .catch((e: GenesysApiError) => e);
    await clock.advance(10_000);
    expect(await created).toMatchObject({ status: 404, attempts: 3 });
    const other = vi.fn(() => Promise.reject(httpError(409)));
    const refused = scheduler
      .call({ operation: 'telephony.phones.create', retryStatuses: [404] }, other)
      .catch((e: GenesysApiError) => e.status);
    await clock.advance(10_000);
    expect(await refused).toBe(409);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('rechecks an ambiguous POST instead of resending it, and returns what the recheck found', async () => {
    const { clock, scheduler } = setup();
    const send = vi.fn(() =>
      Promise.reject(new GenesysApiError({ operation: 'users.create', kind: 'connection-reset' })),
    );
    const recheck = vi.fn(() => Promise.resolve({ id: 'u1' }));
    const result = scheduler.call({ operation: 'users.create', retry: 'recheck', recheck }, send);
    await clock.advance(10_000);
    await expect(result).resolves.toEqual({ id: 'u1' });
    expect(send).toHaveBeenCalledTimes(1);
    expect(scheduler.stats().recovered).toBe(1);
  });

  it('resends an ambiguous POST only after the recheck found nothing', async () => {
    const { clock, scheduler } = setup();
    let calls = 0;
    const send = () =>
      ++calls === 1
        ? Promise.reject(new GenesysApiError({ operation: 'users.create', kind: 'timeout' }))
        : ok({ id: 'u2' });
    const recheck = vi.fn(() => Promise.resolve(undefined));
    const result = scheduler.call({ operation: 'users.create', retry: 'recheck', recheck }, send);
    await clock.advance(10_000);
    await expect(result).resolves.toEqual({ id: 'u2' });
    expect(recheck).toHaveBeenCalledTimes(1);
    expect(calls).toBe(2);
  });

  it('never resends a non-retryable write after an ambiguous failure, but does after a 503', async () => {
    const { clock, scheduler } = setup();
    const ambiguous = vi.fn(() => Promise.reject(httpError(500)));
    const result = scheduler
      .call({ operation: 'x', retry: 'never' }, ambiguous)
      .catch((e: GenesysApiError) => e);
    await clock.advance(10_000);
    expect(((await result) as GenesysApiError).message).toMatch(/temporary failure/);
    expect(ambiguous).toHaveBeenCalledTimes(1);

    let calls = 0;
    const refused = scheduler.call({ operation: 'x', retry: 'never' }, () =>
      ++calls === 1 ? Promise.reject(httpError(503)) : ok('done'),
    );
    await clock.advance(10_000);
    await expect(refused).resolves.toBe('done');
  });

  it('logs in again once after a 401 and repeats the call', async () => {
    const onUnauthorized = vi.fn(() => Promise.resolve());
    const { clock, scheduler } = setup({ onUnauthorized });
    let calls = 0;
    const result = scheduler.call({ operation: 'x' }, () =>
      ++calls === 1 ? Promise.reject(httpError(401)) : ok('ok'),
    );
    await clock.advance(0);
    await expect(result).resolves.toBe('ok');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});

describe('CallScheduler cancellation and progress', () => {
  it('cancels a queued call without sending it', async () => {
    const { clock, scheduler } = setup({ limit: 1, windowMs: 1000 });
    const controller = new AbortController();
    const send = vi.fn(() => ok(1));
    await scheduler.call({ operation: 'x' }, send);
    const queued = scheduler
      .call({ operation: 'x', signal: controller.signal }, send)
      .catch((e: GenesysApiError) => e.kind);
    controller.abort();
    await clock.advance(2000);
    expect(await queued).toBe('cancelled');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('lets go of its wait for the window once the calls waiting for it are cancelled', async () => {
    const { clock, scheduler } = setup({ limit: 1, windowMs: 60_000 });
    const controller = new AbortController();
    const send = vi.fn(() => ok(1));
    await scheduler.call({ operation: 'x' }, send);
    const queued = [1, 2].map((n) =>
      scheduler
        .call({ operation: 'x', signal: controller.signal }, () => ok(n))
        .catch((e: GenesysApiError) => e.kind),
    );
    await clock.advance(0);
    expect(clock.pendingSleeps).toBe(1); // the window reopens in a minute
    controller.abort();
    expect(await Promise.all(queued)).toEqual(['cancelled', 'cancelled']);
    expect(clock.pendingSleeps).toBe(0);
    // a call queued afterwards still waits for the window, then goes
    const later = scheduler.call({ operation: 'x' }, () => ok('later'));
    await clock.advance(59_999);
    expect(clock.pendingSleeps).toBe(1);
    await clock.advance(1);
    await expect(later).resolves.toBe('later');
    expect(clock.pendingSleeps).toBe(0);
  });

  it('cancels a call waiting to retry', async () => {
    const { clock, scheduler } = setup({ backoffBaseMs: 1000 });
    const controller = new AbortController();
    const send = vi.fn(() => Promise.reject(httpError(503)));
    const result = scheduler
      .call({ operation: 'x', signal: controller.signal }, send)
      .catch((e: GenesysApiError) => e.kind);
    await clock.advance(10);
    controller.abort();
    expect(await result).toBe('cancelled');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('reports queue depth and completion through progress events and idle()', async () => {
    const { clock, scheduler } = setup({ limit: 2, windowMs: 1000 });
    const seen: number[] = [];
    scheduler.on('progress', (p) => seen.push(p.queued));
    const calls = [1, 2, 3, 4].map((n) => scheduler.call({ operation: 'x' }, () => ok(n)));
    expect(Math.max(...seen)).toBe(2); // two sent at once, two waiting for the window
    const idle = scheduler.idle();
    await clock.advance(1000);
    await idle;
    await Promise.all(calls);
    expect(scheduler.progress()).toEqual({ queued: 0, inFlight: 0, completed: 4, failed: 0 });
  });
});
