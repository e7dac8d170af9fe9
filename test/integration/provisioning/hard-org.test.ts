/**
 * The repair against the fake org at its hardest on each point where Genesys Cloud differs from a
 * kind API (electron/genesys/fake-org/hardness.ts): a station that appears late in its minute, a
 * default-station PUT refused while the station settles, a phone create for a user the phone API
 * does not know yet, user reads that leave an expansion out, and creation audits that arrive late
 * and under SCIM. Each org turns one of these to its extreme; time runs 50 times fast.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { GENTLE_FAKE_ORG, type FakeOrgHardness } from '../../../electron/genesys/fake-org/hardness';
import { createJitUser } from '../../../electron/genesys/fake-org/routes-users';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';
import { auditStampedeOrg, stampedeSeed, STAMPEDE_POST_JIT } from './stampede-org';

const TIME_SCALE = 0.02; // an org minute lasts 1.2 s
const AGENTS = 12;

let org: FakeOrg | undefined;
let connection: GenesysConnection | undefined;
afterEach(async () => {
  connection?.close();
  await org?.stop();
  org = connection = undefined;
});

/** A fake org hard on one point only, and a repair executor on it. */
async function orgHardOn(
  hardness: Partial<FakeOrgHardness>,
  agents = AGENTS,
  timeScale = TIME_SCALE,
) {
  org = await startFakeOrg({
    seed: stampedeSeed(agents),
    timeScale,
    hardness: { ...GENTLE_FAKE_ORG, ...hardness },
    rebaseTo: Date.now(),
  });
  connection = await connectGenesys({
    apiBase: org.url,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
    scheduler: { timeScale },
  });
  const journal = memoryJournal('hard-org');
  const api = createGenesysAdapter(connection);
  const executor = createRepairExecutor({
    api,
    postJit: STAMPEDE_POST_JIT,
    journal,
    timeScale,
  });
  return { org, api, executor, journal };
}

const allTime = (): [Date, Date] => [new Date(0), new Date(Date.now() + 86_400_000)];

describe('a repair against the hard fake org', () => {
  it('waits most of a minute for WebRTC stations that appear late, with few lookups', async () => {
    // Every station appears 50 s (org time) after its phone: beyond the old 31 s of polling.
    const { org, executor, journal } = await orgHardOn({ stationDelayMs: 50_000 });
    const ids = await executor.usersCreatedBetween(...allTime());
    const outcomes = await executor.apply(await executor.assess(await executor.loadUsers(ids)));

    expect(outcomes.map((o) => [o.email, o.status, o.reasons])).toEqual(
      outcomes.map((o) => [o.email, 'repaired', []]),
    );
    expect(auditStampedeOrg(org.state, journal.entries)).toEqual({
      notRepaired: [],
      duplicatePhones: 0,
      journalDisagreements: [],
    });
    // One batch waits together: each lookup is one listing for all agents, paused 0.5 s doubling
    // up to 10 s (org time): lookups at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 25.5, …, 55.5 and 60 s.
    const lookups = org.requests.filter((r) => r.operation === 'stations.list');
    expect(lookups.length).toBeLessThanOrEqual(11);
  });

  it('gives up on a station that never appears after a minute, saying so', async () => {
    const { executor } = await orgHardOn({ stationDelayMs: 10 * 60_000 }, 3);
    const ids = await executor.usersCreatedBetween(...allTime());
    const outcomes = await executor.apply(await executor.assess(await executor.loadUsers(ids)));
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('not-repaired');
      expect(outcome.reasons).toContain(
        'default-station: the WebRTC station did not appear within 60 s of looking for it; run the repair again',
      );
    }
  });

  it('repeats the default-station PUT that a new station refuses with 400 or 409', async () => {
    // Every station refuses for 10-15 s (org time) after it appears, at once here: time at a
    // tenth of real, so the refusals outlast the phone creates and the lookup on a busy machine.
    const { org, executor, journal } = await orgHardOn(
      { stationNotReadyRate: 1, stationNotReadyMs: [10_000, 15_000] },
      AGENTS,
      0.1,
    );
    const ids = await executor.usersCreatedBetween(...allTime());
    const outcomes = await executor.apply(await executor.assess(await executor.loadUsers(ids)));

    expect(outcomes.filter((o) => o.status !== 'repaired')).toEqual([]);
    const puts = org.requests.filter((r) => r.operation === 'users.defaultStation.put');
    const refused = puts.filter((r) => r.status === 400 || r.status === 409);
    expect(new Set(refused.map((r) => r.status))).toEqual(new Set([400, 409]));
    expect(puts.filter((r) => r.status === 204)).toHaveLength(AGENTS);
    expect(auditStampedeOrg(org.state, journal.entries).journalDisagreements).toEqual([]);
  });

  it('repeats the phone create that 404s for a user created seconds ago', async () => {
    // Time at a tenth of real: the 20 s (org time) the phone API does not know the user last 2 s,
    // longer than the reads and writes before the phone create take on a busy machine.
    const { org, executor, journal } = await orgHardOn({ newUserLagMs: 20_000 }, 0, 0.1);
    const user = createJitUser(org.state, {
      name: 'Brand New',
      email: 'brand.new@acme.example',
      divisionId: [...org.state.divisions.values()][0]!.id,
      department: 'Tech_Support',
    });
    const [outcome] = await executor.apply(
      await executor.assess(await executor.loadUsers([user.id])),
    );

    expect(outcome).toMatchObject({ status: 'repaired', reasons: [] });
    const creates = org.requests.filter((r) => r.operation === 'telephony.phones.create');
    expect(creates[0]!.status).toBe(404);
    expect(creates.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    expect(org.state.phones.size).toBe(1);
    expect(journal.entries.filter((e) => e.event === 'failed')).toEqual([]);
  });

  it('finds a user created seconds ago by id, though GET /users/{id} answers 404 at first', async () => {
    const { org, executor } = await orgHardOn({ newUserLagMs: 4_000 }, 0);
    const user = createJitUser(org.state, {
      name: 'Brand New',
      email: 'brand.new@acme.example',
      divisionId: [...org.state.divisions.values()][0]!.id,
    });
    expect((await executor.findUser(user.id))?.email).toBe('brand.new@acme.example');
    const gets = org.requests.filter((r) => r.operation === 'users.get').map((r) => r.status);
    expect(gets[0]).toBe(404);
    expect(gets.at(-1)).toBe(200);
  });

  it('reads again the users whose answer left out an expansion, never planning from it', async () => {
    const { org, api, executor } = await orgHardOn({ expandDropRate: 0.3 });
    const ids = [...org.state.users.keys()];
    const users = await api.usersByIds(ids, { roles: true, locations: false });
    // Every agent of this seed holds one role: a dropped `authorization` would read as "no
    // roles" (null), a dropped `skills` as "no skills".
    expect(users.map((u) => u.roles)).toEqual(ids.map(() => ['Communicate_User']));
    const reads = org.requests.filter((r) => r.operation === 'users.list');
    expect(reads.length).toBeGreaterThan(1);
    const outcomes = await executor.apply(await executor.assess(await executor.loadUsers(ids)));
    expect(outcomes.filter((o) => o.status !== 'repaired')).toEqual([]);
  });

  it('finds users whose creation is audited under SCIM, and audit records that arrive late', async () => {
    const { org, executor } = await orgHardOn({ scimShare: 0.5, auditLagMs: 20_000 }, 0);
    const home = [...org.state.divisions.values()][0]!.id;
    const created = Array.from({ length: 8 }, (_, i) =>
      createJitUser(org.state, {
        name: `Agent ${i}`,
        email: `agent.${i}@acme.example`,
        divisionId: home,
      }),
    );
    const services = new Set(org.state.audits.map((a) => a.serviceName));
    expect(services).toEqual(new Set(['Directory', 'SCIM']));
    // Right after creation some records have not arrived; 20 s (org time) later all have.
    await new Promise((resolve) => setTimeout(resolve, 20_000 * TIME_SCALE + 50));
    const ids = await executor.usersCreatedBetween(...allTime());
    expect(new Set(ids)).toEqual(new Set(created.map((u) => u.id)));
  });
});
