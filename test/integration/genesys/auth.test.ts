import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/genesys/clock';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { connectGenesys } from '../../../electron/genesys/connection';
import { startHarness, failureOf, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const tokenRequests = (harness: Harness) =>
  harness.org.requests.filter((r) => r.path === '/oauth/token');

describe('OAuth client credentials', () => {
  it('sends Basic credentials and grant_type=client_credentials to /oauth/token', async () => {
    h = await startHarness();
    expect(tokenRequests(h)).toHaveLength(1);
    expect(tokenRequests(h)[0]!.status).toBe(200);
  });

  it('with a 300 s token (the shortest an org allows) logs in once, not before every call', async () => {
    h = await startHarness({ tokenLifetimeSeconds: 300 });
    for (let i = 0; i < 5; i += 1) await h.api.user('u-sam', []);
    expect(tokenRequests(h)).toHaveLength(1);
  });

  it('renews a 300 s token once half its lifetime has passed on the injected clock', async () => {
    let now = Date.parse('2026-11-23T09:00:00Z');
    h = await startHarness(
      { tokenLifetimeSeconds: 300 },
      { clock: { ...systemClock, wallNow: () => now } },
    );
    await h.api.user('u-sam', []);
    now += 149_000;
    await h.api.user('u-sam', []);
    expect(tokenRequests(h)).toHaveLength(1);
    now += 2_000;
    await h.api.user('u-sam', []);
    expect(tokenRequests(h)).toHaveLength(2);
  });

  it('logs in again after a 401 for a revoked token and repeats the call', async () => {
    h = await startHarness();
    h.org.revokeTokens();
    const user = await h.api.user('u-sam', []);
    expect(user?.id).toBe('u-sam');
    expect(h.org.requests.filter((r) => r.operation === 'users.get').map((r) => r.status)).toEqual([
      401, 200,
    ]);
    expect(tokenRequests(h)).toHaveLength(2);
  });

  it('retires an older connection: one org connection per process (the SDK client is a singleton)', async () => {
    h = await startHarness();
    const second = await connectGenesys({
      apiBase: h.org.url,
      clientId: h.org.clientId,
      clientSecret: h.org.clientSecret,
    });
    const error = await failureOf(h.api.user('u-sam', []));
    expect(error.message).toMatch(/replaced by a newer one/);
    expect((await createGenesysAdapter(second).user('u-sam', []))?.id).toBe('u-sam');
    second.close();
  });
});
