/**
 * The repair executor: read users in bulk, plan, apply every plan through the one scheduler,
 * make the WebRTC stations the defaults once they appear, then re-read and verify. The same
 * executor serves `repair --user`, `repair --stuck`, the watch loop and the Lambda.
 */
import type { PostJitConfig } from '../../../shared/config/types';
import {
  describeStep,
  stepKey,
  type PlanStep,
  type RepairPlan,
} from '../../../shared/provisioning';
import { systemClock, type Clock } from '../clock';
import type {
  AgentUtilization,
  OrgPhone,
  OrgUser,
  GenesysAdapter,
  UserExpand,
} from '../adapter/types';
import { applyUserPlan, type AppliedUser } from './apply';
import { assessUsers, expandFor, type Assessment } from './assess';
import { applyBatchSteps } from './batch-writes';
import { createOrgCatalog } from './catalog';
import { journalKey, lastEvents, wasInFlight, type Journal, type JournalEntry } from './journal';
import { assignDefaultStations, DEFAULT_STATION_POLLING, type StationPolling } from './stations';
import {
  checkCreatedPhones,
  createPhoneFinder,
  DUPLICATE_PHONE_STEP,
  type PhoneCheck,
} from './phones';
import { runPipeline } from './pipeline';
import { readUsers, verifyUsers, type Verification } from './verify';

export interface RepairExecutorOptions {
  api: GenesysAdapter;
  postJit: PostJitConfig | undefined;
  journal: Journal;
  /** The journal's lines from earlier runs, read before this run appends to it. */
  history?: readonly JournalEntry[];
  clock?: Clock;
  /** Real ms per org ms (the scheduler's time scale), applied to the wait for stations. */
  timeScale?: number;
  stationPolling?: StationPolling;
  /** Users whose writes run at once (the scheduler still paces the calls); default 24. */
  concurrency?: number;
}

export type RepairStatus = 'repaired' | 'nothing-to-do' | 'not-repaired';

export interface RepairOutcome {
  userId: string;
  name: string;
  email: string;
  /** The plan as shown before applying. */
  plan: RepairPlan;
  status: RepairStatus;
  /** Why the user is not fully repaired, for people. */
  reasons: string[];
  /** Steps the verification found still missing. */
  remaining: PlanStep[];
  /** True when the run stopped (cancelled) before sending any of this user's writes. */
  notStarted?: boolean;
}

interface RepairProgress {
  stepsDone: number;
  stepsTotal: number;
  usersDone: number;
  usersTotal: number;
  failedSteps: number;
}

export interface ApplyOptions {
  onProgress?(progress: RepairProgress): void;
  /** Each user's outcome as soon as it is known (verified, or settled without writes). */
  onOutcome?(outcome: RepairOutcome): void;
  /** Stops starting new users; steps already sent finish and are journaled. */
  signal?: AbortSignal;
  /**
   * Applying a reviewed plan (reviewed.ts): called right before the writes of these users, it
   * reads them again and answers their assessments limited to the steps that may still be
   * written (same order). Without it, the plans are written as assessed.
   */
  recheck?(group: readonly Assessment[]): Promise<Assessment[]>;
}

export interface RepairExecutor {
  readonly expand: UserExpand;
  findUser(idOrEmail: string): Promise<OrgUser | null>;
  loadUsers(ids: readonly string[]): Promise<OrgUser[]>;
  /** Ids of users created in [from, to), oldest first, without repeats. */
  usersCreatedBetween(from: Date, to: Date): Promise<string[]>;
  assess(users: readonly OrgUser[]): Promise<Assessment[]>;
  apply(assessments: readonly Assessment[], options?: ApplyOptions): Promise<RepairOutcome[]>;
}

function outcomeOf(
  assessment: Assessment,
  status: RepairStatus,
  reasons: string[],
  remaining: PlanStep[] = [],
): RepairOutcome {
  const { user, plan } = assessment;
  return { userId: user.id, name: user.name, email: user.email, plan, status, reasons, remaining };
}

/** Why a reviewed plan's default station was not set (the reason, in the review's words, is given apart). */
const STATION_NOT_WRITTEN = 'not written: the user changed since the plan was reviewed';

/** How an outcome's reasons list the steps a verification found still missing. */
export const STILL_TO_DO = 'still to do: ';

/** Calls from which one station lookup is worth waiting for every station of the batch. */
const COSTLY_STATION_LOOKUP = 5;

export function createRepairExecutor(options: RepairExecutorOptions): RepairExecutor {
  const { api, postJit, journal } = options;
  const clock = options.clock ?? systemClock;
  const scale = options.timeScale ?? 1;
  const catalog = createOrgCatalog(api);
  const stationWaitMs = (options.stationPolling ?? DEFAULT_STATION_POLLING).waitMs * scale;
  const phones = createPhoneFinder(api);
  const expand = expandFor(postJit);
  const history = lastEvents(options.history ?? []);
  const unverified = new Set<string>();
  for (const entry of history.values()) unverified.add(entry.user);
  for (const entry of history.values())
    if (entry.step === 'verify' && entry.event === 'finished') unverified.delete(entry.user);
  const unsettledByUser = new Map<string, JournalEntry[]>();
  for (const entry of history.values()) {
    if (entry.event === 'finished') continue;
    unsettledByUser.set(entry.user, [...(unsettledByUser.get(entry.user) ?? []), entry]);
  }

  /**
   * Steps an earlier run left unconfirmed but that the org shows done (the process died between
   * the write and its journal line) are closed in the journal, with what the org holds.
   */
  function reconcile({ user, plan, phone: assessed }: Assessment, kept?: OrgPhone): void {
    const phone = kept ?? assessed;
    const planned = new Set(plan.steps.map(stepKey));
    for (const entry of unsettledByUser.get(user.id) ?? []) {
      // A duplicate phone's removal is not a plan step: the org, not the journal, says if it is done.
      if (planned.has(entry.step) || entry.step === 'verify' || entry.step === DUPLICATE_PHONE_STEP)
        continue;
      const detail: Record<string, string | boolean> = { recovered: true };
      if (entry.step === 'webrtc-phone' && phone) detail.phoneId = phone.id;
      if (entry.step === 'default-station' && user.defaultStation)
        detail.stationId = user.defaultStation.id;
      journal.record({ user: user.id, step: entry.step, event: 'finished', detail });
      history.set(journalKey(user.id, entry.step), { ...entry, event: 'finished' });
    }
    // A user an earlier run touched but never verified, and whose fresh read shows nothing left,
    // is verified by that read.
    if (plan.steps.length === 0 && plan.blocked.length === 0 && unverified.has(user.id)) {
      journal.record({
        user: user.id,
        step: 'verify',
        event: 'finished',
        detail: { reread: true },
      });
      unverified.delete(user.id);
    }
  }

  async function apply(
    assessments: readonly Assessment[],
    { onProgress, onOutcome, signal, recheck }: ApplyOptions = {},
  ): Promise<RepairOutcome[]> {
    const active = assessments.filter((a) => a.plan.steps.length > 0);
    /** Each user's assessment as last checked: what its writes, station and outcome go by. */
    const latest = new Map(assessments.map((a) => [a.user.id, a]));
    const now = (assessment: Assessment) => latest.get(assessment.user.id) ?? assessment;
    const progress: RepairProgress = {
      stepsDone: 0,
      stepsTotal: active.reduce((sum, a) => sum + a.plan.steps.length + 1, 0),
      usersDone: 0,
      usersTotal: active.length,
      failedSteps: 0,
    };
    const onStepDone = (_user: string, _step: string, ok: boolean) => {
      progress.stepsDone += 1;
      if (!ok) progress.failedSteps += 1;
      onProgress?.({ ...progress });
    };
    onProgress?.({ ...progress });
    // An earlier run that created phones and stopped before its check after creating leaves the
    // check to this run, before anything else is written. The check comes before a station is
    // made the default, so a user whose default-station step the journal shows was checked.
    const leftUnchecked = new Map<string, OrgPhone | null>();
    const byUser = new Map(assessments.map((a) => [a.user.id, a]));
    for (const { user } of assessments)
      if (
        unverified.has(user.id) &&
        history.has(journalKey(user.id, 'webrtc-phone')) &&
        !history.has(journalKey(user.id, 'default-station'))
      )
        leftUnchecked.set(user.id, null);
    // The assessment's phone listing came after the stopped run's creates: it serves as the look.
    const kept = signal?.aborted
      ? new Map<string, PhoneCheck>()
      : await checkCreatedPhones(
          leftUnchecked,
          { api, journal, phones },
          (user) => byUser.get(user)?.phones,
        );
    for (const [user, check] of kept) {
      const line = history.get(journalKey(user, 'webrtc-phone'));
      if (!check.ok || line?.event !== 'finished' || line.detail?.phoneId === check.phone.id)
        continue;
      // The phone the journal names was the duplicate removed: the journal names the one kept.
      journal.record({
        user,
        step: 'webrtc-phone',
        event: 'finished',
        detail: { phoneId: check.phone.id, found: true },
      });
    }
    for (const assessment of assessments) {
      const check = kept.get(assessment.user.id);
      reconcile(assessment, check?.ok ? check.phone : undefined);
    }
    /** The group read again right before its writes; the steps no longer to write leave the count. */
    const checked = async (group: readonly Assessment[]): Promise<Assessment[]> => {
      if (!recheck || group.length === 0 || signal?.aborted) return [...group];
      const fresh = await recheck(group);
      const dropped = group.reduce(
        (n, a, i) => n + a.plan.steps.length - fresh[i]!.plan.steps.length,
        0,
      );
      if (dropped > 0) {
        progress.stepsTotal -= dropped;
        onProgress?.({ ...progress });
      }
      return fresh;
    };

    const applied = new Map<string, AppliedUser>();
    const stationFailures = new Map<string, string>();
    const verified = new Map<string, Verification>();
    // Stations are found by listing them; a batch should be large enough that the listing's
    // pages stay a small share of its calls (twenty users per page at least: a twentieth of a call
    // per agent, where a batch's own writes are about three).
    let stationPages: number | undefined;
    const stationApi: GenesysAdapter = {
      ...api,
      async stationsPage(pageNumber) {
        const page = await api.stationsPage(pageNumber);
        stationPages = Math.max(stationPages ?? 1, page.pageCount);
        return page;
      },
      // A reviewed plan's station is set up to a minute after its user's check: checked again.
      async setDefaultStation(userId, stationId) {
        const current = latest.get(userId);
        if (recheck && current) {
          const steps = current.plan.steps.filter((step) => step.kind === 'default-station');
          const phone = applied.get(userId)?.phone ?? current.phone;
          const [fresh] = await recheck([{ ...current, phone, plan: { ...current.plan, steps } }]);
          if (fresh!.plan.steps.length === 0) {
            if (fresh!.state.defaultStation) return; // someone made it the default meanwhile
            throw new Error(STATION_NOT_WRITTEN);
          }
        }
        return api.setDefaultStation(userId, stationId);
      },
    };
    // When the phones were created this run (clock ms): their stations are looked up once all
    // should exist.
    const phoneAt = new Map<string, number>();
    const stationCount = active.filter((a) =>
      a.plan.steps.some((step) => step.kind === 'default-station'),
    ).length;
    // Many stations to find: one page tells how large the listing is, so the batches can be sized
    // to it from the first one (on a brownfield org of 10,000 stations, 100 pages).
    if (stationCount >= 50 && !signal?.aborted)
      await stationApi.stationsPage(1).catch(() => undefined);

    const outcomeFor = (listed: Assessment): RepairOutcome => {
      const assessment = now(listed);
      const { plan, user } = assessment;
      if (plan.steps.length === 0) {
        return plan.blocked.length === 0
          ? outcomeOf(assessment, 'nothing-to-do', [])
          : outcomeOf(assessment, 'not-repaired', [...plan.blocked]);
      }
      const result = applied.get(user.id);
      const check = verified.get(user.id);
      if (!result?.started)
        return {
          ...outcomeOf(assessment, 'not-repaired', ['stopped before this user was repaired']),
          notStarted: true,
        };
      if (!check) return outcomeOf(assessment, 'not-repaired', ['stopped before it was verified']);
      const stationFailure = stationFailures.get(user.id);
      const reasons = [
        ...(check.error ? [check.error] : []),
        ...plan.blocked,
        ...(check.remaining.length > 0
          ? [
              ...result.failures.map((f) => `${f.step}: ${f.message}`),
              ...(stationFailure ? [`default-station: ${stationFailure}`] : []),
              `${STILL_TO_DO}${check.remaining.map(describeStep).join('; ')}`,
            ]
          : []),
      ];
      const repaired = !check.error && check.remaining.length === 0 && plan.blocked.length === 0;
      return outcomeOf(
        assessment,
        repaired ? 'repaired' : 'not-repaired',
        reasons,
        check.remaining,
      );
    };
    /**
     * What verification need not read again: the utilization a PUT answered with, or the one
     * assessment read when no write touched it. Only a failed PUT leaves the state to be read.
     */
    const utilizationKnown = (batch: readonly Assessment[]) => {
      const known = new Map<string, AgentUtilization | null>();
      for (const { user, plan, desired, utilization } of batch.map(now)) {
        if (!desired?.utilization) continue;
        const written = applied.get(user.id)?.utilization;
        if (written !== undefined) known.set(user.id, written);
        else if (plan.blocked.length === 0 && !plan.steps.some((s) => s.kind === 'utilization'))
          known.set(user.id, utilization);
      }
      return known;
    };
    /**
     * A lookup that costs many calls (a listing of many pages, or many users asked one by one)
     * is made once, when the newest phone of the batch is a station wait old and every station
     * should be there; a cheap one polls from the start (a Lambda repairing two agents).
     */
    const firstStationLookupAt = (users: readonly Assessment[]): number | undefined => {
      if (Math.min(stationPages ?? 1, users.length) < COSTLY_STATION_LOOKUP) return undefined;
      return Math.max(...users.map((a) => phoneAt.get(a.user.id) ?? -Infinity)) + stationWaitMs;
    };
    const reported = new Map<string, RepairOutcome>();
    const report = (assessment: Assessment) => {
      const outcome = outcomeFor(assessment);
      reported.set(assessment.user.id, outcome);
      onOutcome?.(outcome);
    };
    for (const assessment of assessments)
      if (assessment.plan.steps.length === 0) report(assessment);

    // Division moves and role grants go out for every user first, many users per call.
    const batchKinds = new Set<string>(['division', 'role']);
    const batchUsers = await checked(
      active.filter((a) => a.plan.steps.some((step) => batchKinds.has(step.kind))),
    );
    for (const a of batchUsers) latest.set(a.user.id, a);
    const batched = await applyBatchSteps(batchUsers, {
      api,
      catalog,
      journal,
      onStepDone,
      signal,
    });

    await runPipeline(active, {
      concurrency: options.concurrency ?? 24,
      signal,
      batchSize: () => Math.max(50, Math.ceil(active.length / 8), 20 * (stationPages ?? 1)),
      async write(listed) {
        // A user's own writes (the batched ones above are sent) go out right after its check.
        const current = now(listed);
        const sentSteps = current.plan.steps.filter((step) => batchKinds.has(step.kind));
        const ownSteps = current.plan.steps.filter((step) => !batchKinds.has(step.kind));
        let perUser: Assessment = { ...current, plan: { ...current.plan, steps: ownSteps } };
        if (ownSteps.length > 0) {
          [perUser] = (await checked([perUser])) as [Assessment];
          const steps = [...sentSteps, ...perUser.plan.steps];
          latest.set(perUser.user.id, { ...perUser, plan: { ...perUser.plan, steps } });
        }
        const result = await applyUserPlan(perUser, {
          api,
          catalog,
          phones,
          journal,
          wasInFlight: (user, step) => wasInFlight(history, user, step),
          onStepDone,
          signal,
        });
        const { id } = perUser.user;
        if (perUser.plan.steps.some((step) => step.kind === 'webrtc-phone'))
          phoneAt.set(id, clock.now());
        result.failures.unshift(...(batched.failures.get(id) ?? []));
        if (batched.sent.has(id)) result.started = true;
        applied.set(id, result);
        progress.usersDone += 1;
      },
      async finish(batch) {
        // The check after creating, for the whole batch at once (phones.ts): a duplicate another
        // run made is removed before a station is made the default. A cancelled run removes
        // nothing; the next run checks (its journal shows these users unverified).
        const created = new Map<string, OrgPhone>();
        for (const { user } of batch) {
          const phone = applied.get(user.id)?.createdPhone;
          if (phone) created.set(user.id, phone);
        }
        const phoneChecks = signal?.aborted
          ? new Map<string, PhoneCheck>()
          : await checkCreatedPhones(created, { api, journal, phones });
        for (const [user, check] of phoneChecks) {
          const result = applied.get(user)!;
          if (!check.ok) {
            journal.record({ user, step: 'webrtc-phone', event: 'failed', error: check.error });
            result.failures.push({ step: 'webrtc-phone', message: check.error });
            result.phone = null;
          } else if (check.phone.id !== created.get(user)!.id) {
            journal.record({
              user,
              step: 'webrtc-phone',
              event: 'finished',
              detail: { phoneId: check.phone.id, found: true },
            });
            result.phone = check.phone;
          }
        }
        // A cancelled run sends no further write: stations wait for the next run.
        const stationUsers = batch.map(now).filter((a) => {
          if (signal?.aborted) return false;
          const wantsDefault = a.plan.steps.some((step) => step.kind === 'default-station');
          return wantsDefault && (applied.get(a.user.id)?.phone != null || a.state.webRtcPhone);
        });
        const failures = await assignDefaultStations(
          stationUsers.map((a) => a.user.id),
          {
            api: stationApi,
            journal,
            clock,
            polling: options.stationPolling,
            timeScale: scale,
            signal,
            onStepDone,
            firstLookupAt: firstStationLookupAt(stationUsers),
            pageCount: () => stationPages,
            phoneOf: (user) => applied.get(user)?.phone,
          },
        );
        for (const [user, reason] of failures) stationFailures.set(user, reason);
        // Nor is it re-read: its users are "stopped before it was verified", for the next run.
        const checks = signal?.aborted
          ? []
          : await verifyUsers(
              batch.map((a) => a.user.id),
              { api, postJit, journal, expand, knownUtilization: utilizationKnown(batch) },
            );
        for (const check of checks) verified.set(check.userId, check);
        for (const assessment of batch) report(assessment);
      },
    });
    // Every planned step ended, or was left for the next run: the bar ends full, unless cancelled.
    if (!signal?.aborted) onProgress?.({ ...progress, stepsDone: progress.stepsTotal });

    return assessments.map(
      (assessment) => reported.get(assessment.user.id) ?? outcomeFor(assessment),
    );
  }

  return {
    expand,
    findUser: (idOrEmail) => api.findUser(idOrEmail, expand),
    loadUsers: (ids) => readUsers(api, ids, expand),
    async usersCreatedBetween(from, to) {
      const created = await api.usersCreatedBetween(from, to);
      return [...new Set(created.map((entry) => entry.userId))];
    },
    assess: (users) => assessUsers(users, { api, catalog, postJit }),
    apply,
  };
}
