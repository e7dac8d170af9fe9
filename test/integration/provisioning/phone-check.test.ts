/**
 * The check after creating a WebRTC phone (phones.ts: checkCreatedPhones) is made for a whole batch
 * of users at once, some time after their creates. A run stopped in between (SIGKILL, a Lambda
 * timeout) leaves the check to the next run: the journal shows the phone created and the user
 * never verified, and the rerun looks before anything else, removing a duplicate another machine
 * made meanwhile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal, type JournalEntry } from '../../../electron/genesys/provisioning/journal';
import { DUPLICATE_PHONE_STEP, phoneNameFor } from '../../../electron/genesys/provisioning/phones';
import { webRtcPhoneFor } from '../genesys/helpers';
import { auditStampedeOrg, stampedeSeed, STAMPEDE_POST_JIT } from './stampede-org';

const TIME_SCALE = 0.02;

let org: FakeOrg | undefined;
let connection: GenesysConnection | undefined;
afterEach(async () => {
  connection?.close();
  connection = undefined;
  await org?.stop();
  org = undefined;
});

describe('the check after creating a phone, left to the next run', () => {
  it('removes the duplicate a stopped run never checked, and the journal names the phone kept', async () => {
    org = await startFakeOrg({
      seed: stampedeSeed(1),
      timeScale: TIME_SCALE,
      hardness: { stationDelayMs: 0, newUserLagMs: 0, stationNotReadyRate: 0 },
    });
    connection = await connectGenesys({
      apiBase: org.url,
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      scheduler: { timeScale: TIME_SCALE },
    });
    const api = createGenesysAdapter(connection);
    const agentId = [...org.state.users.keys()][0]!;
    const wanted = await webRtcPhoneFor(api, agentId, phoneNameFor(agentId));
    // Another machine's phone, then the stopped run's own, created before its check.
    const other = await api.createWebRtcPhone(wanted, async () => undefined);
    const own = await api.createWebRtcPhone(wanted, async () => undefined);
    const history: JournalEntry[] = [
      { at: '', run: 'stopped', user: agentId, step: 'webrtc-phone', event: 'started' },
      {
        at: '',
        run: 'stopped',
        user: agentId,
        step: 'webrtc-phone',
        event: 'finished',
        detail: { phoneId: own.id },
      },
    ];

    const journal = memoryJournal('rerun');
    const before = org.requests.length;
    const rerun = createRepairExecutor({
      api,
      postJit: STAMPEDE_POST_JIT,
      journal,
      history,
      timeScale: TIME_SCALE,
    });
    const outcomes = await rerun.apply(await rerun.assess(await rerun.loadUsers([agentId])));

    expect(outcomes.map((o) => o.status)).toEqual(['repaired']);
    const phones = [...org.state.phones.values()].filter((p) => p.webRtcUserId === agentId);
    expect(phones.map((p) => p.id)).toEqual([other.id]);
    expect(
      journal.entries.filter((e) => e.step === DUPLICATE_PHONE_STEP).map((e) => e.event),
    ).toEqual(['started', 'finished']);
    // The assessment's lookup of the user's phones came after the creates: it served as the look.
    const byName = org.requests
      .slice(before)
      .filter((r) => r.operation === 'telephony.phones.list' && r.query.includes('name='));
    expect(byName).toEqual([]);
    expect(auditStampedeOrg(org.state, [...history, ...journal.entries])).toEqual({
      notRepaired: [],
      duplicatePhones: 0,
      journalDisagreements: [],
    });
  });

  it('does not look again at the phones of users an earlier run verified', async () => {
    org = await startFakeOrg({
      seed: stampedeSeed(1),
      timeScale: TIME_SCALE,
      hardness: { stationDelayMs: 0, newUserLagMs: 0, stationNotReadyRate: 0 },
    });
    connection = await connectGenesys({
      apiBase: org.url,
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      scheduler: { timeScale: TIME_SCALE },
    });
    const api = createGenesysAdapter(connection);
    const agentId = [...org.state.users.keys()][0]!;
    const journal = memoryJournal('first');
    const firstRun = createRepairExecutor({
      api,
      postJit: STAMPEDE_POST_JIT,
      journal,
      timeScale: TIME_SCALE,
    });
    await firstRun.apply(await firstRun.assess(await firstRun.loadUsers([agentId])));
    const before = org.requests.length;

    const rerun = createRepairExecutor({
      api,
      postJit: STAMPEDE_POST_JIT,
      journal: memoryJournal('rerun'),
      history: journal.entries,
      timeScale: TIME_SCALE,
    });
    const outcomes = await rerun.apply(await rerun.assess(await rerun.loadUsers([agentId])));

    expect(outcomes.map((o) => o.status)).toEqual(['nothing-to-do']);
    const lookups = org.requests
      .slice(before)
      .filter((r) => r.operation === 'telephony.phones.list');
    expect(lookups).toEqual([]);
  });
});
