/**
 * A repair whose journal fills the disk, or that is stopped (Ctrl-C), sends no write it has not
 * journaled as started: after the stop only requests already under way finish. Checked against the
 * fake org's own request log over the real SDK.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { withSignal } from '../../../electron/genesys/cancellable';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal, type Journal } from '../../../electron/genesys/provisioning/journal';
import {
  stoppingJournal,
  WritesStopped,
} from '../../../electron/genesys/provisioning/stopping-journal';
import { STAMPEDE_POST_JIT, stampedeSeed } from '../../integration/provisioning/stampede-org';

const READS = new Set(['users.search', 'audits.realtimeQuery', 'locations.search', 'oauth.token']);
let org: FakeOrg | undefined;
let connection: GenesysConnection | undefined;
afterEach(async () => {
  connection?.close();
  await org?.stop();
  org = connection = undefined;
});

/** A journal on a disk that fills up after `room` lines (or never). */
function disk(room = Infinity) {
  const lines = memoryJournal('disk');
  const journal: Journal = {
    path: '/var/jd/repair.jsonl',
    run: 'r',
    record(entry) {
      if (lines.entries.length >= room)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
        });
      lines.record(entry);
    },
    close() {},
  };
  return { journal, lines: lines.entries };
}

async function repair(
  journal: Journal,
  stop: AbortController,
  onFinished?: () => void,
  { limit = 100_000, cancelQueued = false } = {},
) {
  org = await startFakeOrg({ seed: stampedeSeed(60), rebaseTo: Date.now(), rateLimit: false });
  connection = await connectGenesys({
    apiBase: org.url,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
    scheduler: { limit },
  });
  const failures: string[] = [];
  const guarded = stoppingJournal(
    {
      ...journal,
      record(entry) {
        journal.record(entry);
        if (entry.event === 'finished') onFinished?.();
      },
    },
    stop.signal,
    (reason) => {
      failures.push(reason);
      stop.abort();
    },
  );
  const executor = createRepairExecutor({
    api: createGenesysAdapter(cancelQueued ? withSignal(connection, stop.signal) : connection),
    postJit: STAMPEDE_POST_JIT,
    journal: guarded,
  });
  const assessments = await executor.assess(await executor.loadUsers([...org.state.users.keys()]));
  await executor.apply(assessments, { signal: stop.signal }).catch((error: unknown) => {
    if (!(error instanceof WritesStopped)) throw error;
  });
  const queuedAfterApply = connection.scheduler.progress().queued;
  await connection.scheduler.idle();
  const writes = org.requests.filter(
    (r) => r.applied && r.method !== 'GET' && !READS.has(r.operation),
  ).length;
  return { guarded, failures, writes, queuedAfterApply };
}

describe('a repair that must stop', () => {
  it('sends nothing it could not journal when the disk fills, and says what it applied', async () => {
    const { journal, lines } = disk(120);
    const { guarded, failures, writes } = await repair(journal, new AbortController());
    expect(failures).toEqual([
      'the repair journal /var/jd/repair.jsonl cannot be written (the disk is full)',
    ]);
    const started = lines.filter((l) => l.event === 'started').length;
    // Every write the org took was journaled as started first (a grouped write has several).
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(started);
    expect(org!.state.phones.size).toBeLessThan(60);
    const { steps, users } = guarded.appliedSoFar();
    expect(steps).toBeGreaterThanOrEqual(
      lines.filter((l) => l.event === 'finished' && l.step !== 'verify').length,
    );
    expect(users).toBeGreaterThan(0);
  });

  it('starts no write once stopped: only requests under way finish', async () => {
    const { journal, lines } = disk();
    const stop = new AbortController();
    let finished = 0;
    const { failures } = await repair(journal, stop, () => {
      if (++finished === 40) stop.abort();
    });
    expect(failures).toEqual([]);
    expect(finished).toBeGreaterThanOrEqual(40);
    // After the 40th step finished, no step started.
    let count = 0;
    const afterStop = lines.filter((l) => {
      if (l.event === 'finished') count += 1;
      return count >= 40 && l.event === 'started';
    });
    expect(afterStop).toEqual([]);
    expect(org!.state.phones.size).toBeLessThan(60);
  });

  it(
    'cancels what still waits for the rate limit, so a stop ends without waiting for the window',
    { timeout: 30_000 },
    async () => {
      const { journal, lines } = disk();
      const stop = new AbortController();
      let finished = 0;
      // 60 requests a minute: once the window is spent, the queued calls would wait for it to reopen.
      const { queuedAfterApply } = await repair(
        journal,
        stop,
        () => {
          if (++finished === 20) stop.abort();
        },
        { limit: 60, cancelQueued: true },
      );
      expect(queuedAfterApply).toBe(0);
      // The writes that were queued at the stop never reached the org: their steps are journaled as
      // failed with the cancellation, so the next run re-checks them before writing anything.
      const cancelled = lines.filter(
        (l) => l.event === 'failed' && /cancelled/.test(l.error ?? ''),
      );
      expect(cancelled.length).toBeGreaterThan(0);
      expect(org!.state.phones.size).toBeLessThan(60);
    },
  );
});
