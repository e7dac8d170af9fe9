/**
 * Default stations: Genesys Cloud creates a WebRTC phone's station asynchronously, so the stations
 * of many users are looked up together (one listing rather than a call per user), the ones not
 * there yet are polled again with a growing pause, and each found station becomes its user's
 * default with one PUT.
 */
import type { Clock } from '../clock';
import type { OrgStation, GenesysAdapter } from '../adapter/types';
import type { Journal } from './journal';
import { findByUser } from './lookup';

export interface StationPolling {
  /** Lookups after the first before giving up on a station. */
  retries: number;
  /** Pause before the first retry, doubled each time (org ms). */
  firstPauseMs: number;
}

export const DEFAULT_STATION_POLLING: StationPolling = { retries: 6, firstPauseMs: 500 };

export interface StationDeps {
  api: GenesysAdapter;
  journal: Journal;
  clock: Clock;
  polling?: StationPolling;
  signal?: AbortSignal;
  onStepDone?(userId: string, step: string, ok: boolean): void;
}

const STEP = 'default-station';

/** Makes each user's WebRTC station their default; resolves with the failure reason per user that did not get one. */
export async function assignDefaultStations(
  userIds: readonly string[],
  deps: StationDeps,
): Promise<Map<string, string>> {
  const { api, journal } = deps;
  const polling = deps.polling ?? DEFAULT_STATION_POLLING;
  const failures = new Map<string, string>();
  for (const user of userIds) journal.record({ user, step: STEP, event: 'started' });

  const fail = (user: string, message: string) => {
    failures.set(user, message);
    journal.record({ user, step: STEP, event: 'failed', error: message });
    deps.onStepDone?.(user, STEP, false);
  };

  let pending = [...userIds];
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > 0) {
      if (attempt > polling.retries || deps.signal?.aborted) break;
      await deps.clock.sleep(polling.firstPauseMs * 2 ** (attempt - 1));
    }
    let stations: Map<string, OrgStation[]>;
    try {
      stations = await findByUser(pending, {
        listPage: (page) => api.stationsPage(page),
        ofUser: (id) => api.stationsOfUser(id),
        userOf: (station) => station.webRtcUserId,
      });
    } catch (error) {
      for (const user of pending)
        fail(user, `looking up the WebRTC station failed: ${message(error)}`);
      return failures;
    }
    const ready = pending.filter((user) => (stations.get(user) ?? []).length > 0);
    pending = pending.filter((user) => (stations.get(user) ?? []).length === 0);
    await Promise.all(
      ready.map(async (user) => {
        const station = stations.get(user)![0]!;
        try {
          await api.setDefaultStation(user, station.id);
          journal.record({
            user,
            step: STEP,
            event: 'finished',
            detail: { stationId: station.id },
          });
          deps.onStepDone?.(user, STEP, true);
        } catch (error) {
          fail(user, message(error));
        }
      }),
    );
  }
  const waited = polling.firstPauseMs * (2 ** polling.retries - 1);
  for (const user of pending)
    fail(
      user,
      deps.signal?.aborted
        ? 'stopped before the WebRTC station appeared'
        : `the WebRTC station did not appear within ${Math.round(waited / 1000)} s of org time; run the repair again`,
    );
  return failures;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
