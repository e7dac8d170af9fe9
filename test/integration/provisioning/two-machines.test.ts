/**
 * Two machines repairing the same agents at once (a laptop and a Lambda instance, or two Lambda
 * instances given the same redelivered message): each has its own connection, journal and lock,
 * so nothing local stops them. The org must still end with one WebRTC phone per agent, a
 * duplicate one of them made must be removed and journaled, and each journal must name the phone
 * and the default station the org ends with (under load the other machine's duplicate can show
 * its station first: that station must not become the default).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGenesysAdapter, type GenesysAdapter } from '../../../electron/genesys/adapter';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import {
  journalKey,
  lastEvents,
  memoryJournal,
  readJournal,
  type Journal,
} from '../../../electron/genesys/provisioning/journal';
import {
  DUPLICATE_PHONE_STEP,
  keepOnePhone,
  phoneNameFor,
} from '../../../electron/genesys/provisioning/phones';
import { startHarness, webRtcPhoneFor, type Harness } from '../genesys/helpers';
import { runRepairChild } from './run-repair-child';
import { auditStampedeOrg, stampedeSeed, STAMPEDE_POST_JIT } from './stampede-org';

const AGENTS = 30;
const TIME_SCALE = 0.02;

let org: FakeOrg | undefined;
const connections: GenesysConnection[] = [];
let harness: Harness | undefined;
afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  await org?.stop();
  org = undefined;
  await harness?.stop();
  harness = undefined;
});

/** A connection of its own (its own token): one process holds one connection at a time. */
async function connect(fake: FakeOrg): Promise<GenesysConnection> {
  const connection = await connectGenesys({
    apiBase: fake.url,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    scheduler: { timeScale: TIME_SCALE },
  });
  connections.push(connection);
  return connection;
}

function executorOn(
  connection: GenesysConnection,
  journal: Journal,
  wrap = (api: GenesysAdapter) => api,
) {
  return createRepairExecutor({
    api: wrap(createGenesysAdapter(connection)),
    postJit: STAMPEDE_POST_JIT,
    journal,
    timeScale: TIME_SCALE,
  });
}

async function assessAll(executor: ReturnType<typeof createRepairExecutor>) {
  const ids = await executor.usersCreatedBetween(new Date(0), new Date(Date.now() + 86_400_000));
  return executor.assess(await executor.loadUsers(ids));
}

function phonesPerUser(fake: FakeOrg): Map<string, string[]> {
  const byUser = new Map<string, string[]>();
  for (const phone of fake.state.phones.values())
    if (phone.webRtcUserId)
      byUser.set(phone.webRtcUserId, [...(byUser.get(phone.webRtcUserId) ?? []), phone.id]);
  return byUser;
}

describe('two machines repairing the same agents', () => {
  it('ends with one phone per agent when two processes planned a phone before either created one', async () => {
    org = await startFakeOrg({
      seed: stampedeSeed(AGENTS),
      timeScale: TIME_SCALE,
    });
    const folder = mkdtempSync(join(tmpdir(), 'jit-doctor-two-machines-'));
    const journals = [join(folder, 'laptop.jsonl'), join(folder, 'lambda.jsonl')];
    // Separate processes, journals and lock folders: nothing local stops them.
    const machines = journals.map((path) =>
      runRepairChild(org!, path, { timeScale: TIME_SCALE, waitAfterAssess: true }),
    );
    try {
      // Both read the org before either writes: every plan of both says "create a WebRTC phone".
      await Promise.all(machines.map((m) => m.assessed));
      expect(org.state.phones.size).toBe(0);
      for (const m of machines) m.go();
      const ends = await Promise.all(machines.map((m) => m.done));
      for (const end of ends) {
        expect(end.code, end.output).toBe(0);
        expect(JSON.parse(end.output.trim().split('\n').pop()!)).toEqual({ repaired: AGENTS });
      }
    } finally {
      for (const m of machines) if (m.child.exitCode === null) m.child.kill('SIGKILL');
    }
    const phones = phonesPerUser(org);
    expect(phones.size).toBe(AGENTS);
    expect([...phones.values()].filter((ids) => ids.length !== 1)).toEqual([]);
    const entries = journals.map((path) => readJournal(path));
    for (const journal of entries)
      expect(auditStampedeOrg(org.state, journal)).toEqual({
        notRepaired: [],
        duplicatePhones: 0,
        journalDisagreements: [],
      });
    // Every phone is named after its user's id, whichever machine made it.
    for (const phone of org.state.phones.values())
      expect(phone.name).toBe(phoneNameFor(phone.webRtcUserId!));
    // Each phone deleted is one a journal says it removed.
    const deleted = org.requests.filter(
      (r) => r.operation === 'telephony.phones.delete' && r.status === 204,
    );
    const removed = new Set(
      entries
        .flat()
        .filter((e) => e.step === DUPLICATE_PHONE_STEP && e.event === 'finished')
        .map((e) => e.detail?.removed),
    );
    expect(deleted).toHaveLength(removed.size);
  }, 60_000);

  it('removes the phone it made when the other machine made one at the same moment, and journals it', async () => {
    org = await startFakeOrg({
      seed: stampedeSeed(AGENTS),
      timeScale: TIME_SCALE,
    });
    // The second machine plans first, and its lookups before each create find nothing (it looked
    // at the very moment the first was creating); only its own phone makes later lookups see them.
    const created = new Set<string>();
    const blind = (api: GenesysAdapter): GenesysAdapter => ({
      ...api,
      async createWebRtcPhone(phone, recheck) {
        const made = await api.createWebRtcPhone(phone, recheck);
        created.add(phone.name);
        return made;
      },
      async phonesNamed(names) {
        const seen = names.filter((name) => created.has(name));
        return seen.length > 0 ? api.phonesNamed(seen) : [];
      },
    });
    const secondJournal = memoryJournal('second');
    const secondPlans = await assessAll(executorOn(await connect(org), secondJournal, blind));
    connections.pop()!.close();

    const first = executorOn(await connect(org), memoryJournal('first'));
    const firstOutcomes = await first.apply(await assessAll(first));
    expect(firstOutcomes.every((o) => o.status === 'repaired')).toBe(true);
    connections.pop()!.close();
    const kept = new Map([...phonesPerUser(org)].map(([user, ids]) => [user, ids[0]!]));

    const second = executorOn(await connect(org), secondJournal, blind);
    const secondOutcomes = await second.apply(secondPlans);
    expect(secondOutcomes.filter((o) => o.status !== 'repaired')).toEqual([]);
    const phones = phonesPerUser(org);
    expect([...phones.values()].filter((ids) => ids.length !== 1)).toEqual([]);
    // The phone kept is the one whose station the first machine made the default.
    for (const [user, ids] of phones) expect(ids[0]).toBe(kept.get(user));

    const last = lastEvents(secondJournal.entries);
    expect(kept.size).toBe(AGENTS);
    for (const [user, phoneId] of kept) {
      const removal = secondJournal.entries.filter(
        (e) => e.user === user && e.step === DUPLICATE_PHONE_STEP,
      );
      expect(removal.map((e) => e.event)).toEqual(['started', 'finished']);
      expect(removal[0]!.before).toMatch(/^2 WebRTC phones named "WebRTC /);
      expect(removal[0]!.after).toBe(`one WebRTC phone: ${phoneId}`);
      expect(removal[1]!.detail?.kept).toBe(phoneId);
      expect(last.get(journalKey(user, 'webrtc-phone'))?.detail?.phoneId).toBe(phoneId);
    }
  });

  it("makes its own phone's station the default, not the station of the other machine's phone that appeared first", async () => {
    org = await startFakeOrg({
      seed: stampedeSeed(1),
      timeScale: TIME_SCALE,
      hardness: { stationDelayMs: 0, stationNotReadyRate: 0, newUserLagMs: 0 },
    });
    const fake = org;
    const [agent] = [...fake.state.users.values()].filter((u) => u.department);
    // When this machine first looks for its station, the other machine has just created its phone
    // (after this one's check for a second phone saw none), whose station is there at once; the
    // station of this machine's phone appears a moment later. (One connection per process: the
    // other machine's calls go through this one's.)
    let other: GenesysAdapter | undefined;
    let theirs: string | undefined;
    const otherCreates = async (api: GenesysAdapter) => {
      if (theirs) return;
      const ours = [...fake.state.phones.values()].find((p) => p.webRtcUserId === agent!.id)!;
      ours.stationVisibleAtMs = fake.state.clock.now() + 30_000 * TIME_SCALE;
      const wanted = await webRtcPhoneFor(api, agent!.id, phoneNameFor(agent!.id));
      theirs = (await api.createWebRtcPhone(wanted, async () => undefined)).id;
    };
    const late = (api: GenesysAdapter): GenesysAdapter => {
      other = api;
      return {
        ...api,
        async stationsPage(page) {
          await otherCreates(api);
          return api.stationsPage(page);
        },
        async stationsOfUser(userId) {
          await otherCreates(api);
          return api.stationsOfUser(userId);
        },
      };
    };
    const journal = memoryJournal('first');
    const first = executorOn(await connect(fake), journal, late);
    const outcomes = await first.apply(await assessAll(first));
    expect(outcomes.map((o) => [o.status, ...o.reasons])).toEqual([['repaired']]);
    const ours = lastEvents(journal.entries).get(journalKey(agent!.id, 'webrtc-phone'))?.detail
      ?.phoneId;
    expect(theirs).toBeDefined();
    expect(ours).not.toBe(theirs);
    // The default is the station of the phone this machine kept and journaled…
    expect(fake.state.users.get(agent!.id)!.defaultStationId).toBe(
      fake.state.stationIdOf(String(ours)),
    );
    // …so the other machine, seeing two phones, keeps the same one and removes its own.
    const second = other!;
    const phones = (await second.phonesNamed([phoneNameFor(agent!.id)])).filter(
      (p) => p.webRtcUserId === agent!.id,
    );
    expect(phones).toHaveLength(2);
    const kept = await keepOnePhone(agent!.id, phones, {
      api: second,
      journal: memoryJournal('second'),
    });
    expect(kept.id).toBe(ours);
    expect(auditStampedeOrg(fake.state, journal.entries)).toEqual({
      notRepaired: [],
      duplicatePhones: 0,
      journalDisagreements: [],
    });
  });
});

describe('keeping one of two phones', () => {
  it("keeps the phone whose station is the user's default, even when it is the newer one", async () => {
    harness = await startHarness({ hardness: { stationDelayMs: 0 } });
    const { api } = harness;
    const [user] = await api.usersByIds(['u-sam'], { roles: false, locations: false });
    const wanted = await webRtcPhoneFor(api, user!.id, phoneNameFor(user!.id));
    await api.createWebRtcPhone(wanted, async () => undefined);
    const newer = await api.createWebRtcPhone(wanted, async () => undefined);
    const station = (await api.stationsOfUser(user!.id)).find((s) =>
      newer.lineIds.includes(s.lineAppearanceId ?? ''),
    );
    await api.setDefaultStation(user!.id, station!.id);

    const ours = (await api.phonesNamed([wanted.name])).filter((p) => p.webRtcUserId === user!.id);
    expect(ours).toHaveLength(2);
    const journal = memoryJournal('keep');
    const kept = await keepOnePhone(user!.id, ours, { api, journal });
    expect(kept.id).toBe(newer.id);
    expect((await api.phonesNamed([wanted.name])).map((p) => p.id)).toEqual([newer.id]);
    expect(journal.entries.map((e) => [e.step, e.event])).toEqual([
      [DUPLICATE_PHONE_STEP, 'started'],
      [DUPLICATE_PHONE_STEP, 'finished'],
    ]);
  });
});
