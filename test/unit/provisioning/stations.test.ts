/**
 * The wait for WebRTC stations (electron/genesys/provisioning/stations.ts) on a clock moved by
 * hand: when it looks, how long it keeps looking, and that a station found early becomes the
 * default while the others are still awaited.
 */
import { describe, expect, it } from 'vitest';
import type { GenesysAdapter, OrgPhone, OrgStation } from '../../../electron/genesys/adapter/types';
import { ManualClock } from '../../../electron/genesys/clock';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';
import { assignDefaultStations } from '../../../electron/genesys/provisioning/stations';

/** An org whose station for each user appears at a given time; PUTs take `putMs` each. */
function orgWithStations(clock: ManualClock, appearAt: Record<string, number>, putMs = 0) {
  const lookups: [string, number][] = [];
  const puts: [string, number][] = [];
  const api = {
    async stationsOfUser(userId: string): Promise<OrgStation[]> {
      lookups.push([userId, clock.now()]);
      const at = appearAt[userId];
      return at !== undefined && clock.now() >= at
        ? [
            {
              id: `station-${userId}`,
              webRtcUserId: userId,
              type: 'inin_webrtc_softphone',
              lineAppearanceId: null,
            },
          ]
        : [];
    },
    async stationsPage() {
      throw new Error('two users or fewer are looked up one by one');
    },
    async setDefaultStation(userId: string) {
      await clock.sleep(putMs);
      puts.push([userId, clock.now()]);
    },
  } as unknown as GenesysAdapter;
  return { api, lookups, puts };
}

async function run(clock: ManualClock, promise: Promise<Map<string, string>>, spanMs: number) {
  await clock.advance(spanMs);
  return promise;
}

const times = (entries: [string, number][], user: string) =>
  entries.filter(([u]) => u === user).map(([, at]) => at);

describe('waiting for WebRTC stations', () => {
  it('looks at 0, 0.5, 1.5, 3.5, 7.5, 15.5 s, then every 10 s, and makes the station the default once found', async () => {
    const clock = new ManualClock();
    const { api, lookups, puts } = orgWithStations(clock, { ana: 40_000 });
    const journal = memoryJournal('stations');
    const failures = await run(
      clock,
      assignDefaultStations(['ana'], { api, journal, clock }),
      70_000,
    );

    expect(failures).toEqual(new Map());
    expect(times(lookups, 'ana')).toEqual([
      0, 500, 1_500, 3_500, 7_500, 15_500, 25_500, 35_500, 45_500,
    ]);
    expect(puts).toEqual([['ana', 45_500]]);
    expect(journal.entries.map((e) => e.event)).toEqual(['started', 'finished']);
  });

  it('gives up a minute after it began looking, with one last look at the minute', async () => {
    const clock = new ManualClock();
    const { api, lookups } = orgWithStations(clock, {});
    const failures = await run(
      clock,
      assignDefaultStations(['ben'], { api, journal: memoryJournal('stations'), clock }),
      120_000,
    );

    expect(times(lookups, 'ben')).toEqual([
      0, 500, 1_500, 3_500, 7_500, 15_500, 25_500, 35_500, 45_500, 55_500, 60_000,
    ]);
    expect(failures.get('ben')).toBe(
      'the WebRTC station did not appear within 60 s of looking for it; run the repair again',
    );
  });

  it('keeps looking for the others while a found station’s PUT is still being retried', async () => {
    const clock = new ManualClock();
    // Ana's PUT takes 20 s (a new station refusing it for a while); Ben's station comes at 20 s.
    const { api, lookups, puts } = orgWithStations(clock, { ana: 0, ben: 20_000 }, 20_000);
    const failures = await run(
      clock,
      assignDefaultStations(['ana', 'ben'], { api, journal: memoryJournal('stations'), clock }),
      70_000,
    );

    expect(failures).toEqual(new Map());
    expect(times(lookups, 'ben')).toEqual([0, 500, 1_500, 3_500, 7_500, 15_500, 25_500]);
    expect(puts).toEqual([
      ['ana', 20_000],
      ['ben', 45_500],
    ]);
  });

  it('runs the same minute in org time on a time-scaled clock', async () => {
    const clock = new ManualClock();
    const { api, lookups } = orgWithStations(clock, {});
    await run(
      clock,
      assignDefaultStations(['ben'], {
        api,
        journal: memoryJournal('stations'),
        clock,
        timeScale: 0.1,
      }),
      12_000,
    );
    expect(times(lookups, 'ben').at(-1)).toBe(6_000);
    expect(times(lookups, 'ben')).toHaveLength(11);
  });

  it("makes the station of the phone the user keeps the default, not a duplicate's still listed", async () => {
    const clock = new ManualClock();
    const station = (id: string, line: string): OrgStation => ({
      id,
      webRtcUserId: 'ana',
      type: 'inin_webrtc_softphone',
      lineAppearanceId: line,
    });
    const puts: string[] = [];
    const api = {
      // Another run's phone (line-2) is listed first; its removal has not reached the listing yet.
      async stationsOfUser() {
        return [station('station-2', 'line-2'), station('station-1', 'line-1')];
      },
      async setDefaultStation(_user: string, stationId: string) {
        puts.push(stationId);
      },
    } as unknown as GenesysAdapter;
    const kept: OrgPhone = {
      id: 'phone-1',
      name: 'WebRTC ana',
      webRtcUserId: 'ana',
      siteId: null,
      dateCreated: null,
      lineIds: ['line-1'],
    };
    const failures = await assignDefaultStations(['ana'], {
      api,
      journal: memoryJournal('stations'),
      clock,
      phoneOf: () => kept,
    });
    expect(failures).toEqual(new Map());
    expect(puts).toEqual(['station-1']);
  });

  it('looks again after a lookup that failed, and names the failure only if every lookup failed', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const puts: string[] = [];
    const flaky = {
      async stationsOfUser(userId: string): Promise<OrgStation[]> {
        calls += 1;
        if (userId === 'ben' || calls === 1) throw new Error('HTTP 503');
        return [
          { id: `station-${userId}`, webRtcUserId: userId, type: null, lineAppearanceId: null },
        ];
      },
      async setDefaultStation(userId: string) {
        puts.push(userId);
      },
    } as unknown as GenesysAdapter;
    const failures = await run(
      clock,
      assignDefaultStations(['ana'], { api: flaky, journal: memoryJournal('stations'), clock }),
      70_000,
    );
    expect(failures).toEqual(new Map());
    expect(puts).toEqual(['ana']);

    const down = await run(
      clock,
      assignDefaultStations(['ben'], { api: flaky, journal: memoryJournal('stations'), clock }),
      70_000,
    );
    expect(down.get('ben')).toBe(
      'looking up the WebRTC station failed: HTTP 503; run the repair again',
    );
  });
});
