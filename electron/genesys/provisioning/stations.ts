/**
 * Default stations: Genesys Cloud creates a WebRTC phone's station asynchronously, so the stations
 * of many users are looked up together (one listing rather than a call per user), the ones not
 * there yet are looked up again after a growing pause until a minute has passed, and each found
 * station becomes its user's default with one PUT (retried by the adapter while the new station
 * refuses it with 400 or 409).
 *
 * The wait follows Genesys's Terraform provider (Terraform provider: assignUserToWebRtcPhone):
 * up to 60 s for the station of a new phone (util.WithRetries(ctx, 60*time.Second, …) around
 * GET /api/v2/stations?webRtcUserId=). Its pauses come from terraform-plugin-sdk's
 * retry.RetryContext (0.5 s doubling up to 10 s); that library is not in our reference mirror,
 * so the pause schedule is recalled, not checked. One lookup serves the whole batch, so a wait
 * costs at most about ten lookups however many users wait.
 *
 * The provider's WithRetries starts a timed-out wait over up to twice more
 * (util_retries.go, maxWithRetriesAttempts = 2), so it may wait 180 s in all. We stop at 60 s, the
 * one figure the provider gives for stations: the restart is WithRetries' generic handling of any
 * timeout, and here a batch's verification and report wait for its slowest station. A station
 * slower than that is a named, journaled failure ("run the repair again") that the next run or
 * redelivery finishes without repeating a write.
 */
import type { Clock } from '../clock';
import type { OrgPhone, OrgStation, GenesysAdapter } from '../adapter/types';
import type { Journal } from './journal';
import { findByUser } from './lookup';

export interface StationPolling {
  /** How long after the first lookup to keep looking for a station that is not there (org ms). */
  waitMs: number;
  /** Pause before the second lookup, doubled after each one (org ms)… */
  firstPauseMs: number;
  /** …up to this pause (org ms). */
  maxPauseMs: number;
}

export const DEFAULT_STATION_POLLING: StationPolling = {
  waitMs: 60_000,
  firstPauseMs: 500,
  maxPauseMs: 10_000,
};

export interface StationDeps {
  api: GenesysAdapter;
  journal: Journal;
  clock: Clock;
  /** In org ms; default DEFAULT_STATION_POLLING. */
  polling?: StationPolling;
  /** Real ms per org ms (the scheduler's time scale); default 1. */
  timeScale?: number;
  signal?: AbortSignal;
  onStepDone?(userId: string, step: string, ok: boolean): void;
  /**
   * No lookup before this instant (clock ms): when the newest phone of the batch is `waitMs` old,
   * so every station should be there and one lookup finds them all, instead of a lookup every few
   * seconds while they appear (on an org of 10,000 stations each listing costs 100 calls).
   */
  firstLookupAt?: number;
  /** The station listing's page count, once a listing told it. */
  pageCount?: () => number | undefined;
  /**
   * The WebRTC phone each user keeps, when known: only its station is made the default, never the
   * station of a duplicate another run made and has not removed yet.
   */
  phoneOf?(userId: string): OrgPhone | null | undefined;
}

/** The user's stations that may become the default: those of the phone the user keeps. */
function stationsOfPhone(stations: readonly OrgStation[], phone: OrgPhone | null | undefined) {
  if (!phone || phone.lineIds.length === 0) return stations;
  return stations.filter(
    (station) =>
      station.lineAppearanceId !== null && phone.lineIds.includes(station.lineAppearanceId),
  );
}

const STEP = 'default-station';

/** Makes each user's WebRTC station their default; resolves with the failure reason per user that did not get one. */
export async function assignDefaultStations(
  userIds: readonly string[],
  deps: StationDeps,
): Promise<Map<string, string>> {
  const { api, journal } = deps;
  const polling = deps.polling ?? DEFAULT_STATION_POLLING;
  const scale = deps.timeScale ?? 1;
  const failures = new Map<string, string>();
  for (const user of userIds) journal.record({ user, step: STEP, event: 'started' });

  const fail = (user: string, message: string) => {
    failures.set(user, message);
    journal.record({ user, step: STEP, event: 'failed', error: message });
    deps.onStepDone?.(user, STEP, false);
  };

  const makeDefault = async (user: string, station: OrgStation) => {
    try {
      await api.setDefaultStation(user, station.id);
      journal.record({ user, step: STEP, event: 'finished', detail: { stationId: station.id } });
      deps.onStepDone?.(user, STEP, true);
    } catch (error) {
      fail(user, message(error));
    }
  };
  const writes: Promise<void>[] = [];
  let pending = [...userIds];
  const wait = (deps.firstLookupAt ?? 0) - deps.clock.now();
  if (pending.length > 0 && wait > 0 && !deps.signal?.aborted)
    await deps.clock.sleep(wait, deps.signal).catch(() => undefined);
  const deadline = deps.clock.now() + polling.waitMs * scale;
  let pause = polling.firstPauseMs * scale;
  let lookupFailure: string | undefined;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > 0) {
      const left = deadline - deps.clock.now();
      if (left <= 0 || deps.signal?.aborted) break;
      // The last pause is cut to the deadline, so the final lookup happens right at it; a stop
      // ends the pause at once, and the stations still missing are left for the next run.
      const stopped = await deps.clock.sleep(Math.min(pause, left), deps.signal).then(
        () => false,
        () => true,
      );
      if (stopped) break;
      pause = Math.min(pause * 2, polling.maxPauseMs * scale);
    }
    let stations: Map<string, OrgStation[]>;
    lookupFailure = undefined;
    try {
      stations = await findByUser(
        pending,
        {
          listPage: (page) => api.stationsPage(page),
          ofUser: (id) => api.stationsOfUser(id),
          userOf: (station) => station.webRtcUserId,
        },
        deps.pageCount?.(),
      );
    } catch (error) {
      // A lookup that failed even after the adapter's retries is made again at the next pause: one
      // failed page of a listing does not fail every user waiting for a station.
      lookupFailure = `looking up the WebRTC station failed: ${message(error)}`;
      continue;
    }
    const usable = (user: string) =>
      stationsOfPhone(stations.get(user) ?? [], deps.phoneOf?.(user));
    const ready = pending.filter((user) => usable(user).length > 0);
    pending = pending.filter((user) => usable(user).length === 0);
    // The PUTs (and their retries while a new station refuses) run while the lookups go on.
    for (const user of ready) writes.push(makeDefault(user, usable(user)[0]!));
  }
  for (const user of pending)
    fail(
      user,
      deps.signal?.aborted
        ? 'stopped before the WebRTC station appeared'
        : lookupFailure
          ? `${lookupFailure}; run the repair again`
          : `the WebRTC station did not appear within ${Math.round(polling.waitMs / 1000)} s of looking for it; run the repair again`,
    );
  await Promise.all(writes);
  return failures;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
