/**
 * A bulk read of many users when the org leaves expansions out of some answers (the hard fake
 * org's dropped expands): the users read again are gathered across pages, so a read of 600 users
 * costs its 6 pages and a few re-reads, not a re-read per page; and every user comes back with
 * what was asked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { GENTLE_FAKE_ORG } from '../../../electron/genesys/fake-org/hardness';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';
import { stampedeSeed, STAMPEDE_POST_JIT } from './stampede-org';

const AGENTS = 600;
const TIME_SCALE = 0.02;

let org: FakeOrg | undefined;
let connection: GenesysConnection | undefined;
afterEach(async () => {
  connection?.close();
  await org?.stop();
  org = connection = undefined;
});

describe('reading many users when answers leave expansions out', () => {
  it('reads again the users missing an expansion in few calls gathered across pages', async () => {
    org = await startFakeOrg({
      seed: stampedeSeed(AGENTS),
      timeScale: TIME_SCALE,
      hardness: { ...GENTLE_FAKE_ORG, expandDropRate: 0.05 },
    });
    connection = await connectGenesys({
      apiBase: org.url,
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      scheduler: { timeScale: TIME_SCALE },
    });
    const executor = createRepairExecutor({
      api: createGenesysAdapter(connection),
      postJit: STAMPEDE_POST_JIT,
      journal: memoryJournal('rereads'),
    });
    const ids = [...org.state.users.keys()];
    const users = await executor.loadUsers(ids);

    expect(users.map((u) => u.id).sort()).toEqual([...ids].sort());
    // Each agent of this seed has its default WebRTC station unset and no skills: what a dropped
    // `station` or `skills` would also read as. Compare with the org itself.
    for (const user of users) {
      const held = org.state.users.get(user.id)!;
      expect(user.skills.length).toBe(held.skills.size);
    }
    const reads = org.requests.filter((r) => r.operation === 'users.list');
    const rereads = reads.length - AGENTS / 100;
    // About 30 users of 600 lose an expansion, a few of them again when read again: one re-read
    // per page would be at least 6 calls, gathered they are one call per round.
    expect(rereads).toBeGreaterThan(0);
    expect(rereads).toBeLessThan(AGENTS / 100);
  });
});
