/**
 * The repair executor over the real SDK and HTTP against the fake org: injected 5xx, resets and
 * timeouts, and a repair process killed with SIGKILL at a random point then run again. Every agent
 * must end repaired, with exactly one WebRTC phone, and the journal must agree with the org.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectGenesys } from '../../../electron/genesys/connection';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { createOrgCatalog } from '../../../electron/genesys/provisioning/catalog';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import {
  memoryJournal,
  readJournal,
  type JournalEntry,
} from '../../../electron/genesys/provisioning/journal';
import { runRepairChild } from './run-repair-child';
import { auditStampedeOrg, stampedeSeed, STAMPEDE_POST_JIT } from './stampede-org';

const AGENTS = 40;
const TIME_SCALE = 0.02; // an org minute lasts 1.2 s
const FAULTS = { seed: 7, errorRate: 0.05, resetRate: 0.03, timeoutRate: 0.02 };

let org: FakeOrg | undefined;
afterEach(async () => {
  await org?.stop();
  org = undefined;
});

async function stampedeOrg(faults = FAULTS): Promise<FakeOrg> {
  org = await startFakeOrg({
    seed: stampedeSeed(AGENTS),
    timeScale: TIME_SCALE,
    faults,
  });
  return org;
}

/** What the org and the journal must agree on once the repair is over. */
function expectAllRepaired(fake: FakeOrg, entries: readonly JournalEntry[]): void {
  expect(fake.state.users.size).toBe(AGENTS);
  expect(auditStampedeOrg(fake.state, entries)).toEqual({
    notRepaired: [],
    duplicatePhones: 0,
    journalDisagreements: [],
  });
}

describe('repairing a stampede against the fake org', () => {
  it('repairs every agent through 5xx, resets and timeouts, never making a second phone', async () => {
    const fake = await stampedeOrg();
    const connection = await connectGenesys({
      apiBase: fake.url,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      timeoutMs: 500,
      scheduler: { timeScale: TIME_SCALE, maxAttempts: 8 },
    });
    // Phone creates that reach the org but whose answer is lost: they must be found, not resent.
    fake.faults.inject({
      kind: 'timeout',
      operation: 'telephony.phones.create',
      phase: 'after',
      times: 2,
    });
    fake.faults.inject({
      kind: 'reset',
      operation: 'telephony.phones.create',
      phase: 'after',
      times: 2,
    });
    try {
      const journal = memoryJournal('faults');
      const executor = createRepairExecutor({
        api: createGenesysAdapter(connection),
        postJit: STAMPEDE_POST_JIT,
        journal,
        timeScale: TIME_SCALE,
      });
      const ids = await executor.usersCreatedBetween(
        new Date(0),
        new Date(Date.now() + 86_400_000),
      );
      const outcomes = await executor.apply(await executor.assess(await executor.loadUsers(ids)));
      expect(outcomes.filter((o) => o.status !== 'repaired')).toEqual([]);
      const faulted = fake.requests.filter((r) => r.fault);
      expect(faulted.some((r) => r.fault?.kind === 'timeout')).toBe(true);
      expect(faulted.some((r) => r.fault?.kind === 'reset')).toBe(true);
      expect(faulted.some((r) => r.fault?.kind === 'error')).toBe(true);
      expectAllRepaired(fake, journal.entries);
      expect(connection.scheduler.stats().recovered).toBeGreaterThanOrEqual(4);
    } finally {
      connection.close();
    }
  });

  it('closes a step the journal left in flight when the org shows it done, without redoing it', async () => {
    const fake = await stampedeOrg({ seed: 1, errorRate: 0, resetRate: 0, timeoutRate: 0 });
    const connection = await connectGenesys({
      apiBase: fake.url,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      scheduler: { timeScale: TIME_SCALE },
    });
    try {
      const api = createGenesysAdapter(connection);
      const [agent] = await api.usersByIds([[...fake.state.users.keys()][0]!], {
        roles: false,
        locations: false,
      });
      const journal = memoryJournal('after-crash');
      const first = createRepairExecutor({ api, postJit: STAMPEDE_POST_JIT, journal });
      const [assessment] = await first.assess([agent!]);
      const phoneStep = assessment!.plan.steps.find((step) => step.kind === 'webrtc-phone')!;
      expect(phoneStep).toBeDefined();
      // The previous run sent the phone create and died before journaling the answer.
      const history: JournalEntry[] = [
        { at: '', run: 'dead', user: agent!.id, step: 'webrtc-phone', event: 'started' },
      ];
      const phonesBefore = fake.state.phones.size;
      if (phoneStep.kind !== 'webrtc-phone') throw new Error('expected a phone step');
      const setup = await createOrgCatalog(api).phoneSetup(phoneStep);
      if (!setup.ok) throw new Error(setup.missing);
      await api.createWebRtcPhone(
        { name: `WebRTC ${agent!.email}`, userId: agent!.id, ...setup.value },
        async () => undefined,
      );
      expect(fake.state.phones.size).toBe(phonesBefore + 1);

      const rerun = createRepairExecutor({
        api,
        postJit: STAMPEDE_POST_JIT,
        journal,
        history,
        timeScale: TIME_SCALE,
      });
      const [outcome] = await rerun.apply(await rerun.assess([agent!]));
      expect(outcome!.status).toBe('repaired');
      expect(fake.state.phones.size).toBe(phonesBefore + 1);
      const closing = journal.entries.find((e) => e.step === 'webrtc-phone');
      expect(closing).toMatchObject({ event: 'finished', detail: { recovered: true } });
    } finally {
      connection.close();
    }
  });

  it('resumes after a kill -9 at a random point with nothing lost or duplicated', async () => {
    const fake = await stampedeOrg();
    const journalPath = join(mkdtempSync(join(tmpdir(), 'jit-doctor-repair-')), 'repair.jsonl');
    const writes = () => fake.requests.filter((r) => r.applied).length;
    // 40 agents make about 120 writes (skills, phone, default station): die anywhere before the end.
    const killAfter = Number(process.env.KILL_AFTER ?? 10 + Math.floor(Math.random() * 100));

    const first = runRepairChild(fake, journalPath, { timeScale: TIME_SCALE });
    const killed = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        if (writes() >= killAfter) {
          clearInterval(timer);
          first.child.kill('SIGKILL');
          resolve(true);
        }
      }, 2);
      void first.done.then(() => {
        clearInterval(timer);
        resolve(false);
      });
    });
    const firstRun = await first.done;
    expect(killed, `the first run ended before ${killAfter} writes: ${firstRun.output}`).toBe(true);
    expect(firstRun.signal).toBe('SIGKILL');
    const afterKill = readJournal(journalPath);
    expect(afterKill.length).toBeGreaterThan(0);
    const unfinished = [...fake.state.users.values()].filter((u) => !u.defaultStationId);
    expect(unfinished.length, 'the kill left agents to repair').toBeGreaterThan(0);

    const second = await runRepairChild(fake, journalPath, { timeScale: TIME_SCALE }).done;
    expect(second.code, second.output).toBe(0);
    expect(JSON.parse(second.output.trim().split('\n').pop()!)).not.toHaveProperty('not-repaired');
    expectAllRepaired(fake, readJournal(journalPath));
  }, 120_000);
});
