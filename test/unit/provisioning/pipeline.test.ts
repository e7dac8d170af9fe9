import { describe, expect, it } from 'vitest';
import { findByUser } from '../../../electron/genesys/provisioning/lookup';
import { runPipeline } from '../../../electron/genesys/provisioning/pipeline';

interface Station {
  id: string;
  user: string;
}

/** An org of `total` stations listed 100 per page, counting the calls made. */
function stationsOrg(total: number) {
  const stations: Station[] = Array.from({ length: total }, (_, i) => ({
    id: `s${i}`,
    user: `u${i}`,
  }));
  const calls = { pages: 0, perUser: 0 };
  return {
    calls,
    lookup: {
      listPage: async (page: number) => {
        calls.pages += 1;
        return {
          items: stations.slice((page - 1) * 100, page * 100),
          pageCount: Math.ceil(total / 100),
        };
      },
      ofUser: async (user: string) => {
        calls.perUser += 1;
        return stations.filter((s) => s.user === user);
      },
      userOf: (s: Station) => s.user,
    },
  };
}

describe('finding stations or phones of many users', () => {
  it('asks per user for a couple of users', async () => {
    const org = stationsOrg(5000);
    const found = await findByUser(['u1', 'u4999'], org.lookup);
    expect(found.get('u4999')).toEqual([{ id: 's4999', user: 'u4999' }]);
    expect(org.calls).toEqual({ pages: 0, perUser: 2 });
  });

  it('lists the org when that takes fewer calls than asking per user', async () => {
    const org = stationsOrg(500);
    const users = Array.from({ length: 300 }, (_, i) => `u${i * 2}`).concat(['nobody']);
    const found = await findByUser(users, org.lookup);
    expect(org.calls).toEqual({ pages: 5, perUser: 0 });
    expect(found.get('u598')).toEqual([]);
    expect(found.get('u2')).toEqual([{ id: 's2', user: 'u2' }]);
    expect(found.get('nobody')).toEqual([]);
  });

  it('falls back to per-user calls when the org is much larger than the users asked', async () => {
    const org = stationsOrg(10_000);
    await findByUser(['u1', 'u2', 'u3', 'u4'], org.lookup);
    expect(org.calls).toEqual({ pages: 1, perUser: 4 });
  });
});

describe('the repair pipeline', () => {
  it('finishes written items in batches while others are still being written', async () => {
    const events: string[] = [];
    const items = Array.from({ length: 10 }, (_, i) => i);
    await runPipeline(items, {
      concurrency: 2,
      batchSize: () => 4,
      write: async (item) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        events.push(`write ${item}`);
      },
      finish: async (batch) => {
        events.push(`finish ${batch.join(',')}`);
      },
    });
    const finishes = events.filter((e) => e.startsWith('finish'));
    expect(
      finishes.flatMap((e) => e.slice(7).split(',').map(Number)).sort((a, b) => a - b),
    ).toEqual(items);
    // the first batch is finished before the last item is written
    expect(events.indexOf(finishes[0]!)).toBeLessThan(events.indexOf('write 9'));
  });

  it('stops taking items once aborted and still finishes the written ones', async () => {
    const stop = new AbortController();
    const finished: number[] = [];
    await runPipeline([1, 2, 3, 4, 5], {
      concurrency: 1,
      signal: stop.signal,
      batchSize: () => 100,
      write: async (item) => {
        if (item === 2) stop.abort();
      },
      finish: async (batch) => {
        finished.push(...batch);
      },
    });
    expect(finished).toEqual([1, 2]);
  });
});
