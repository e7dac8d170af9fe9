import { describe, expect, it } from 'vitest';
import type { RepairCandidate, RepairProgress, RepairResult } from '../../../shared/ipc';
import type { OrgConnection, RepairTally } from '../../../electron/main/ports';
import { createRepairService, estimateEtaSeconds } from '../../../electron/main/repair-service';

const candidate = (id: string, steps: number): RepairCandidate => ({
  user: { id, name: `User ${id}`, email: `${id}@acme.example` },
  plan: {
    userId: id,
    match: null,
    steps: Array.from({ length: steps }, () => ({
      kind: 'default-station' as const,
      reason: 'rule',
    })),
    blocked: [],
  },
  summary: `${steps} steps`,
  steps: [],
});

/** A scripted org: repair() waits for the test to release each user. */
function scriptedOrg() {
  const release: (() => void)[] = [];
  const org: OrgConnection = {
    kind: 'demo',
    name: 'demo',
    region: 'mypurecloud.com',
    bundledConfig: null,
    directory: async () => {
      throw new Error('unused');
    },
    ssoProviders: async () => [],
    findCandidates: async () => [candidate('a', 2)],
    createdSince: async () => [candidate('a', 2), candidate('b', 0), candidate('c', 1)],
    async repair(ids, _config, { signal, onProgress }) {
      const results: RepairResult[] = [];
      for (const [i, id] of ids.entries()) {
        if (signal.aborted) {
          results.push({ userId: id, name: id, outcome: 'cancelled', message: 'cancelled' });
          continue;
        }
        await new Promise<void>((resolve) => release.push(resolve));
        results.push({ userId: id, name: id, outcome: 'repaired', message: 'ok' });
        onProgress({ usersDone: i + 1, usersTotal: ids.length, failed: 0 } satisfies RepairTally);
      }
      return results;
    },
    journal: async () => [],
    close: async () => {},
  };
  return { org, release };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('repair jobs', () => {
  it('lists only the recent users with something to do', async () => {
    const { org } = scriptedOrg();
    const service = createRepairService({
      org: async () => org,
      config: async () => ({}),
      emit: () => {},
      clock: () => new Date('2026-11-23T09:00:00Z'),
      newId: () => 'job',
    });
    expect((await service.stuck(24)).map((c) => c.user.id)).toEqual(['a', 'c']);
  });

  it('reports progress with an ETA from the pace so far, then the results', async () => {
    const { org, release } = scriptedOrg();
    let now = 0;
    const events: RepairProgress[] = [];
    const service = createRepairService({
      org: async () => org,
      config: async () => ({}),
      emit: (p) => events.push(p),
      clock: () => new Date(now),
      newId: () => 'job-1',
    });
    expect(await service.start(['a', 'b', 'a'])).toEqual({ jobId: 'job-1' });
    expect(events.at(-1)).toMatchObject({ total: 2, done: 0, etaSeconds: null, state: 'running' });
    await expect(service.start(['c'])).rejects.toMatchObject({ code: 'busy' });
    now = 4_000;
    await flush();
    release.shift()!();
    await flush();
    expect(events.at(-1)).toMatchObject({ done: 1, etaSeconds: 4, state: 'running' });
    release.shift()!();
    await flush();
    await flush();
    expect(events.at(-1)).toMatchObject({ done: 2, failed: 0, state: 'finished' });
    expect(events.at(-1)!.results.map((r) => r.outcome)).toEqual(['repaired', 'repaired']);
  });

  it('cancels: users not started are reported cancelled', async () => {
    const { org, release } = scriptedOrg();
    const events: RepairProgress[] = [];
    const service = createRepairService({
      org: async () => org,
      config: async () => ({}),
      emit: (p) => events.push(p),
      clock: () => new Date(0),
      newId: () => 'job-2',
    });
    await service.start(['a', 'b', 'c']);
    await flush();
    expect(service.cancel('other')).toEqual({ cancelled: false });
    expect(service.cancel('job-2')).toEqual({ cancelled: true });
    release.shift()!();
    await flush();
    await flush();
    const last = events.at(-1)!;
    expect(last.state).toBe('cancelled');
    expect(last.results.map((r) => r.outcome)).toEqual(['repaired', 'cancelled', 'cancelled']);
  });

  it('says so when no org is connected', async () => {
    const service = createRepairService({
      org: async () => null,
      config: async () => ({}),
      emit: () => {},
      clock: () => new Date(0),
      newId: () => 'x',
    });
    await expect(service.search('jane')).rejects.toMatchObject({ code: 'org-unavailable' });
  });

  it('estimates the time left from the pace so far', () => {
    expect(estimateEtaSeconds(0, 10, 5_000)).toBeNull();
    expect(estimateEtaSeconds(5, 10, 5_000)).toBe(5);
    expect(estimateEtaSeconds(10, 10, 5_000)).toBe(0);
  });
});
