import { afterEach, describe, expect, it } from 'vitest';
import { GenesysApiError } from '../../../electron/genesys/errors';
import { startHarness, type Harness } from './helpers';

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

async function newUser(harness: Harness, email: string) {
  const home = await harness.api.authorization.homeDivision();
  return harness.api.users.create({ name: 'Agent', email, divisionId: home.id! });
}

describe('injected faults against the real SDK', () => {
  it('waits out a 429 for its Retry-After, then succeeds', async () => {
    h = await startHarness({ timeScale: 0.01 }, fast);
    h.org.faults.inject({ kind: 'rate-limit', operation: 'users.get', retryAfterSeconds: 20 });
    const started = performance.now();
    const user = await h.api.users.get('u-sam');
    expect(user.name).toBe('Sam Lead');
    expect(performance.now() - started).toBeGreaterThanOrEqual(195); // 20 org s × 0.01
    expect(h.org.requests.filter((r) => r.operation === 'users.get').map((r) => r.status)).toEqual([
      429, 200,
    ]);
    expect(h.api.connection.scheduler.stats().http429).toBe(1);
  });

  it('answers past the limit with 429, Retry-After and inin-ratelimit headers the scheduler obeys', async () => {
    h = await startHarness(
      { timeScale: 0.01, rateLimit: { limit: 5, windowMs: 60_000 } },
      {
        ...fast,
        scheduler: { timeScale: 0.01, limit: 50 }, // deliberately unaware of the lower limit
      },
    );
    const users = await Promise.all(Array.from({ length: 12 }, () => h!.api.users.get('u-sam')));
    expect(users).toHaveLength(12);
    const limited = h.org.requests.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // it learned the org's limit from inin-ratelimit-allowed
    expect(h.api.connection.scheduler.window.limit).toBe(5);
  });

  it('retries a 5xx and a reset on reads', async () => {
    h = await startHarness({}, fast);
    h.org.faults.inject({ kind: 'error', status: 502, operation: 'users.get' });
    h.org.faults.inject({ kind: 'reset', operation: 'users.get' });
    expect((await h.api.users.get('u-sam')).id).toBe('u-sam');
    expect(h.org.requests.filter((r) => r.operation === 'users.get').map((r) => r.status)).toEqual([
      502, 0, 200,
    ]);
  });

  it('retries a call that timed out', async () => {
    h = await startHarness({}, { ...fast, timeoutMs: 150 });
    h.org.faults.inject({ kind: 'timeout', operation: 'routing.skills.list' });
    const skills = await h.api.routing.skills();
    expect(skills.entities).toHaveLength(3);
    expect(h.org.requests.filter((r) => r.operation === 'routing.skills.list')).toHaveLength(2);
  });

  it('does not create a user twice when the answer to the create is lost', async () => {
    h = await startHarness({}, fast);
    h.org.faults.inject({ kind: 'reset', operation: 'users.create', phase: 'after' });
    const user = await newUser(h, 'lost.answer@acme.example');
    expect(user.email).toBe('lost.answer@acme.example');
    expect(posts(h, '/api/v2/users')).toHaveLength(1);
    expect(
      [...h.org.state.users.values()].filter((u) => u.email === 'lost.answer@acme.example'),
    ).toHaveLength(1);
  });

  it('sends the create again when the recheck shows it never happened', async () => {
    h = await startHarness({}, fast);
    h.org.faults.inject({ kind: 'error', status: 500, operation: 'users.create', phase: 'before' });
    await newUser(h, 'again@acme.example');
    expect(posts(h, '/api/v2/users').map((r) => r.status)).toEqual([500, 200]);
  });

  it('does not create a second WebRTC phone when the create timed out after it happened', async () => {
    h = await startHarness({}, { ...fast, timeoutMs: 150 });
    const site = (await h.api.telephony.sites({ name: 'Chicago' })).entities![0]!;
    const base = (await h.api.telephony.phoneBaseSettings({ name: 'WebRTC Phone' })).entities![0]!;
    h.org.faults.inject({ kind: 'timeout', operation: 'telephony.phones.create', phase: 'after' });
    const phone = await h.api.telephony.createPhone({
      name: 'Sam WebRTC 2',
      site: { id: site.id },
      phoneBaseSettings: { id: base.id! },
      lines: [{ name: 'Sam', lineBaseSettings: { id: base.lines[0]!.id } }],
      webRtcUser: { id: 'u-sam' },
    });
    expect(phone.name).toBe('Sam WebRTC 2');
    expect(posts(h, '/api/v2/telephony/providers/edges/phones')).toHaveLength(1);
    expect([...h.org.state.phones.values()].filter((p) => p.webRtcUserId === 'u-sam')).toHaveLength(
      2,
    ); // seeded + new
  });

  it('reports a write it may not repeat, with the reason', async () => {
    h = await startHarness({}, fast);
    const site = (await h.api.telephony.sites({ name: 'Chicago' })).entities![0]!;
    const base = (await h.api.telephony.phoneBaseSettings({ name: 'WebRTC Phone' })).entities![0]!;
    h.org.faults.inject({ kind: 'reset', operation: 'telephony.phones.create', phase: 'after' });
    // A desk phone has no WebRTC user to recheck by: it is never resent.
    const error = await h.api.telephony
      .createPhone({
        name: 'Desk',
        site: { id: site.id },
        phoneBaseSettings: { id: base.id! },
        lines: [{ name: 'Desk', lineBaseSettings: { id: base.lines[0]!.id } }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect((error as GenesysApiError).kind).toBe('connection-reset');
    expect((error as GenesysApiError).message).toMatch(/may still have been applied/);
    expect(posts(h, '/api/v2/telephony/providers/edges/phones')).toHaveLength(1);
  });

  it('retries a 404 for a role that has not propagated yet when granting it', async () => {
    h = await startHarness({}, fast);
    const role = (await h.api.authorization.roles({ name: 'Agent_Tier1' })).entities![0]!;
    const home = await h.api.authorization.homeDivision();
    h.org.faults.inject({
      kind: 'error',
      status: 404,
      operation: 'authorization.grants.bulkAdd',
      times: 2,
    });
    await h.api.authorization.bulkAdd('u-sam', [{ roleId: role.id!, divisionId: home.id! }]);
    expect(
      h.org.requests
        .filter((r) => r.operation === 'authorization.grants.bulkAdd')
        .map((r) => r.status),
    ).toEqual([404, 404, 204]);
  });
});
