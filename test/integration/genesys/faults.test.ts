import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, webRtcPhoneFor, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Fast backoff for tests: an org second lasts 10 ms. */
const fast = { scheduler: { timeScale: 0.01 }, timeoutMs: 400 };

function posts(harness: Harness, path: string) {
  return harness.org.requests.filter((r) => r.method === 'POST' && r.path === path);
}

describe('injected faults against the real SDK', () => {
  it('waits out a 429 for its Retry-After, then succeeds', async () => {
    h = await startHarness({ timeScale: 0.01 }, fast);
    h.org.faults.inject({ kind: 'rate-limit', operation: 'users.get', retryAfterSeconds: 20 });
    const started = performance.now();
    const user = await h.api.user('u-sam', []);
    expect(user?.name).toBe('Sam Lead');
    expect(performance.now() - started).toBeGreaterThanOrEqual(195); // 20 org s × 0.01
    expect(h.org.requests.filter((r) => r.operation === 'users.get').map((r) => r.status)).toEqual([
      429, 200,
    ]);
    expect(h.connection.scheduler.stats().http429).toBe(1);
  });

  it('answers past the limit with 429, Retry-After and inin-ratelimit headers the scheduler obeys', async () => {
    h = await startHarness(
      { timeScale: 0.01, rateLimit: { limit: 5, windowMs: 60_000 } },
      {
        ...fast,
        scheduler: { timeScale: 0.01, limit: 50 }, // deliberately unaware of the lower limit
      },
    );
    const users = await Promise.all(Array.from({ length: 12 }, () => h!.api.user('u-sam', [])));
    expect(users).toHaveLength(12);
    const limited = h.org.requests.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // it learned the endpoint's limit from inin-ratelimit-allowed
    expect(h.connection.scheduler.endpointWindow('users.get')?.limit).toBe(5);
  });

  it("keeps one endpoint's lower inin-ratelimit-allowed to that endpoint", async () => {
    h = await startHarness(
      {
        timeScale: 0.01,
        rateLimit: { limit: 300, windowMs: 60_000, perOperation: { 'routing.skills.list': 3 } },
      },
      { ...fast, scheduler: { timeScale: 0.01, limit: 300 } },
    );
    await Promise.all(Array.from({ length: 6 }, () => h!.api.skillsListing(1)));
    await Promise.all(Array.from({ length: 40 }, () => h!.api.user('u-sam', [])));
    const scheduler = h.connection.scheduler;
    expect(scheduler.endpointWindow('routing.skills.list')?.limit).toBe(3);
    expect(scheduler.window.limit).toBe(300);
    expect(scheduler.endpointWindow('users.get')).toBeUndefined();
    expect(
      h.org.requests.filter((r) => r.operation === 'users.get' && r.status === 429),
    ).toHaveLength(0);
  });

  it('retries a 5xx and a reset on reads', async () => {
    h = await startHarness({}, fast);
    h.org.faults.inject({ kind: 'error', status: 502, operation: 'users.get' });
    h.org.faults.inject({ kind: 'reset', operation: 'users.get' });
    expect((await h.api.user('u-sam', []))?.id).toBe('u-sam');
    expect(h.org.requests.filter((r) => r.operation === 'users.get').map((r) => r.status)).toEqual([
      502, 0, 200,
    ]);
  });

  it('retries a call that timed out', async () => {
    h = await startHarness({}, { ...fast, timeoutMs: 150 });
    h.org.faults.inject({ kind: 'timeout', operation: 'routing.skills.list' });
    const skills = await h.api.skillsListing(1);
    expect(skills.entities).toHaveLength(3);
    expect(h.org.requests.filter((r) => r.operation === 'routing.skills.list')).toHaveLength(2);
  });

  it('does not create a second WebRTC phone when the create timed out after it happened', async () => {
    h = await startHarness({}, { ...fast, timeoutMs: 150 });
    const wanted = await webRtcPhoneFor(h.api, 'u-sam', 'Sam WebRTC 2');
    h.org.faults.inject({ kind: 'timeout', operation: 'telephony.phones.create', phase: 'after' });
    const phone = await h.api.createWebRtcPhone(wanted, async () =>
      (await h!.api.phonesOfUser('u-sam')).find((p) => p.name === wanted.name),
    );
    expect(phone.name).toBe('Sam WebRTC 2');
    expect(posts(h, '/api/v2/telephony/providers/edges/phones')).toHaveLength(1);
    expect([...h.org.state.phones.values()].filter((p) => p.webRtcUserId === 'u-sam')).toHaveLength(
      2,
    ); // seeded + new
  });
  it('retries a 404 for a role that has not propagated yet when granting it', async () => {
    h = await startHarness({}, fast);
    const role = (await h.api.rolesNamed('Agent_Tier1'))[0]!;
    const home = (await h.api.divisionsNamed('Home'))[0]!;
    h.org.faults.inject({
      kind: 'error',
      status: 404,
      operation: 'authorization.grants.bulkAdd',
      times: 2,
    });
    await h.api.grantRoles('u-sam', [role.id], home.id);
    expect(
      h.org.requests
        .filter((r) => r.operation === 'authorization.grants.bulkAdd')
        .map((r) => r.status),
    ).toEqual([404, 404, 204]);
  });
});
