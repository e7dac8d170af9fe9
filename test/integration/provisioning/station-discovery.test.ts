/**
 * Station discovery that does not burn the rate budget: on a brownfield org (3,000 users with
 * stations: a listing is 30 pages), the stations of 60 new phones, appearing 0–60 s after their
 * phone, are looked up once they all should exist, in one listing, instead of a listing every few
 * seconds while they appear.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { GENTLE_FAKE_ORG } from '../../../electron/genesys/fake-org/hardness';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';
import { auditStampedeOrg, stampedeSeed, STAMPEDE_POST_JIT } from './stampede-org';

const TIME_SCALE = 0.02; // an org minute lasts 1.2 s

let org: FakeOrg | undefined;
let connection: GenesysConnection | undefined;
afterEach(async () => {
  connection?.close();
  await org?.stop();
  org = connection = undefined;
});

describe('finding the stations of many new phones', () => {
  it('lists the stations once, when every one should exist, on an org of 3,000 stations', async () => {
    org = await startFakeOrg({
      seed: stampedeSeed(60, undefined, { brownfield: 3000 }),
      timeScale: TIME_SCALE,
      hardness: { ...GENTLE_FAKE_ORG, stationDelayMs: [0, 60_000] },
      rateLimit: false,
    });
    connection = await connectGenesys({
      apiBase: org.url,
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      scheduler: { timeScale: TIME_SCALE },
    });
    const journal = memoryJournal('stations');
    const executor = createRepairExecutor({
      api: createGenesysAdapter(connection),
      postJit: STAMPEDE_POST_JIT,
      journal,
      timeScale: TIME_SCALE,
    });
    const ids = await executor.usersCreatedBetween(new Date(0), new Date(Date.now() + 86_400_000));
    expect(ids).toHaveLength(60);
    const outcomes = await executor.apply(await executor.assess(await executor.loadUsers(ids)));
    expect(outcomes.filter((o) => o.status !== 'repaired')).toEqual([]);
    expect(auditStampedeOrg(org.state, journal.entries)).toEqual({
      notRepaired: [],
      duplicatePhones: 0,
      journalDisagreements: [],
    });
    // One page to learn the listing's size, then its 31 pages once (3,060 stations).
    const lookups = org.requests.filter((r) => r.operation === 'stations.list');
    expect(lookups.length).toBeLessThanOrEqual(32);
  });
});
