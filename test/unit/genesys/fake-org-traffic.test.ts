import { describe, expect, it } from 'vitest';
import { FakeRateLimiter, FaultPlan } from '../../../electron/genesys/fake-org/traffic';

describe('the fake org rate limit', () => {
  it('admits `limit` calls per sliding window, then answers with Retry-After in org seconds', () => {
    const limiter = new FakeRateLimiter({ limit: 3, windowMs: 60_000 }, 0.05); // window: 3 real s
    const at = [0, 100, 200].map((now) => limiter.admit('t', now));
    expect(at.map((d) => d.allowed)).toEqual([true, true, true]);
    expect(at[2]!.headers).toEqual({
      'inin-ratelimit-count': '3',
      'inin-ratelimit-allowed': '3',
      'inin-ratelimit-reset': '56', // the oldest call leaves the window 2800 ms (56 org s) later
    });
    const refused = limiter.admit('t', 1500);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(30); // the first call leaves the window at 3000 ms = 30 org s later
    expect(limiter.admit('other-token', 1500).allowed).toBe(true);
    expect(limiter.admit('t', 3001).allowed).toBe(true);
  });
});

describe('fault injection', () => {
  it('repeats the same faults for the same seed', () => {
    const run = () => {
      const plan = new FaultPlan({ seed: 9, errorRate: 0.2, resetRate: 0.1, timeoutRate: 0.05 });
      return Array.from({ length: 200 }, () => plan.decide('users.get')?.kind ?? 'none');
    };
    const first = run();
    expect(run()).toEqual(first);
    const share = (kind: string) => first.filter((k) => k === kind).length / first.length;
    expect(share('error')).toBeGreaterThan(0.1);
    expect(share('error')).toBeLessThan(0.3);
    expect(share('reset')).toBeGreaterThan(0.03);
  });

  it('never answers 503 after a change was applied (a 503 means "not taken on")', () => {
    const plan = new FaultPlan({ seed: 1, errorRate: 1, afterApplyShare: 1 });
    const statuses = new Set(Array.from({ length: 100 }, () => plan.decide('x')!.status));
    expect(statuses.has(503)).toBe(false);
  });

  it('runs scripted faults for one operation, in order, before random ones', () => {
    const plan = new FaultPlan();
    plan.inject({ kind: 'rate-limit', operation: 'users.create', retryAfterSeconds: 2 });
    plan.inject({ kind: 'reset', operation: 'users.create', phase: 'after' });
    expect(plan.decide('users.get')).toBeUndefined();
    expect(plan.decide('users.create')).toMatchObject({
      kind: 'rate-limit',
      status: 429,
      retryAfterSeconds: 2,
    });
    expect(plan.decide('users.create')).toMatchObject({ kind: 'reset', phase: 'after' });
    expect(plan.decide('users.create')).toBeUndefined();
  });
});
