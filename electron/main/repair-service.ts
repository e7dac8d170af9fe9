/**
 * Repair from the app. The job belongs to the main process, not to a screen: it survives
 * navigation and a window reload (the renderer asks `job()` when it mounts), one runs at a time
 * (claimed synchronously, so two quick starts cannot both run), and while it runs the org it
 * writes to cannot be switched or deleted (`busyReason()`).
 *
 * Review before write: the users listed last (stuck agents, a search, or a plan file) are kept with
 * the steps the person reviewed; a job applies exactly those steps, each user read again right
 * before its writes (electron/genesys/provisioning/reviewed.ts, as `jit-doctor repair --from-plan`).
 */
import type { JitDoctorConfig } from '../../shared/config/types';
import type {
  InputTextView,
  PlanFileReview,
  PlanFormat,
  RepairCandidate,
  RepairJobView,
  RepairOutcomeView,
  RepairPreview,
  RepairResult,
} from '../../shared/ipc';
import {
  expectedCalls,
  remainingSeconds,
  secondsAtLimit,
} from '../../shared/provisioning/estimate';
import { describeStep, summarisePlan } from '../../shared/provisioning';
import {
  buildPlanFile,
  checkPlanOrg,
  parsePlanFile,
  planFileCsv,
  planFileJson,
  planFileSteps,
  PlanFileError,
  reconcileWithReview,
  unwrittenReasons,
  type PlanFileStep,
} from '../../shared/provisioning/plan-file';
import { AppError } from '../../shared/errors';
import type { OrgConnection } from './ports';
import { wallDate, type Clock } from '../genesys/clock';
import { DEFAULT_STATION_POLLING } from '../genesys/provisioning/stations';

export interface RepairService {
  search(query: string): Promise<RepairCandidate[]>;
  stuck(sinceHours: number): Promise<RepairCandidate[]>;
  /** These users re-planned now; those with something left are listed for review. */
  recheck(userIds: readonly string[]): Promise<RepairCandidate[]>;
  preview(userIds: readonly string[]): Promise<RepairPreview>;
  exportPlan(userIds: readonly string[], format: PlanFormat): Promise<string | null>;
  /** A plan file the person picks, its users listed for review as it lists them; null when cancelled. */
  openPlan(): Promise<PlanFileReview | null>;
  start(userIds: readonly string[]): Promise<RepairJobView>;
  cancel(jobId: string): RepairJobView | null;
  /** The running job, or the last one; null when none ran since the app started. */
  job(): RepairJobView | null;
  /** Why the org cannot be changed now (a job is writing to it); null when it can. */
  busyReason(): string | null;
}

/** Events go out at most this often (plus every change of state), so 2,000 results stay cheap. */
const EMIT_EVERY_MS = 250;

const ZERO_COUNTS: Record<RepairOutcomeView, number> = {
  repaired: 0,
  'already-right': 0,
  failed: 0,
  'not-started': 0,
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function createRepairService(deps: {
  org: () => Promise<OrgConnection | null>;
  /** The configuration whose postJit rules drive plans. */
  config: () => Promise<JitDoctorConfig>;
  emit: (job: RepairJobView) => void;
  /** Writes a file where the person chooses; the path, or null when cancelled. */
  save: (defaultName: string, text: string) => Promise<string | null>;
  /** A plan file the person chooses, read; null when cancelled. */
  open: () => Promise<InputTextView | null>;
  clock: Clock;
  newId: () => string;
  log?: (line: string) => void;
}): RepairService {
  /** The users listed last, with the plan the person reviewed, and the org they were read from. */
  const listed = new Map<string, RepairCandidate>();
  /** Users listed from a plan file: the steps the file lists, which the job holds the org against. */
  const fromFile = new Map<string, readonly PlanFileStep[]>();
  let listedOrg: OrgConnection | null = null;
  let current: { view: RepairJobView; controller: AbortController } | null = null;
  let starting = false;
  let sentUpTo = 0;
  let lastEmit = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const connected = async (): Promise<OrgConnection> => {
    const org = await deps.org();
    if (!org) throw new AppError('org-unavailable', 'No org is connected: choose one in Settings.');
    return org;
  };

  const needsRules = (config: JitDoctorConfig) => {
    if ((config.postJit?.rules.length ?? 0) === 0)
      throw new AppError(
        'config-invalid',
        'The configuration has no post-JIT rules, so nothing can be planned: add postJit rules on the Configuration screen.',
      );
  };

  /**
   * A new listing replaces the plans of the users it lists; the others' stay reviewable, as long
   * as the org is the same: a listing from another org is forgotten.
   */
  const remember = (
    org: OrgConnection,
    candidates: RepairCandidate[],
    reviewed?: ReadonlyMap<string, readonly PlanFileStep[]>,
  ) => {
    if (org !== listedOrg) {
      listed.clear();
      fromFile.clear();
    }
    listedOrg = org;
    for (const c of candidates) {
      listed.set(c.user.id, c);
      const steps = reviewed?.get(c.user.id);
      if (steps) fromFile.set(c.user.id, steps);
      else fromFile.delete(c.user.id);
    }
    return candidates;
  };

  /** A plan file's problem in one sentence, with what to do in the app. */
  const planProblem = (error: PlanFileError) =>
    new AppError(
      'bad-request',
      `${error.message}: ${
        error.kind === 'other-org'
          ? 'connect to that org in Settings, or export a plan from the org connected now.'
          : 'open a plan exported as JSON ("Export plan (JSON)" here, or jit-doctor repair --plan-out plan.json).'
      }`,
    );

  /** The reviewed candidates of these users, read from this org. */
  const reviewedOf = (userIds: readonly string[], org: OrgConnection) => {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) throw new AppError('bad-request', 'Choose at least one user.');
    if (org !== listedOrg)
      throw new AppError(
        'bad-request',
        'The agents were listed from another org than the one connected now: find the stuck agents (or search) again.',
      );
    const unknown = unique.filter((id) => !listed.has(id));
    if (unknown.length > 0)
      throw new AppError(
        'bad-request',
        `${plural(unknown.length, 'user')} chosen ${unknown.length === 1 ? 'was' : 'were'} not in the list reviewed: find the stuck agents (or search) again.`,
      );
    return unique.map((id) => listed.get(id)!);
  };

  const isRunning = () =>
    current !== null && (current.view.state === 'running' || current.view.state === 'cancelling');

  /** Sends the job with the results new since the last event. */
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!current) return;
    const { view } = current;
    lastEmit = deps.clock.now();
    deps.emit({ ...view, resultsFrom: sentUpTo, results: view.results.slice(sentUpTo) });
    sentUpTo = view.results.length;
  };
  const publish = (now = false) => {
    const wait = EMIT_EVERY_MS - (deps.clock.now() - lastEmit);
    if (now || wait <= 0) return flush();
    timer ??= setTimeout(flush, wait);
  };

  const snapshot = (): RepairJobView | null =>
    current ? { ...current.view, resultsFrom: 0, results: [...current.view.results] } : null;

  return {
    async search(query) {
      const trimmed = query.trim();
      if (trimmed.length < 2) return [];
      const config = await deps.config();
      const org = await connected();
      return remember(org, await org.findCandidates(trimmed, config));
    },

    async stuck(sinceHours) {
      const config = await deps.config();
      needsRules(config);
      const since = new Date(deps.clock.wallNow() - sinceHours * 3_600_000);
      const org = await connected();
      const found = await org.createdSince(since, config);
      return remember(
        org,
        found.filter((c) => c.plan.steps.length > 0 || c.plan.blocked.length > 0),
      );
    },

    async recheck(userIds) {
      const config = await deps.config();
      needsRules(config);
      const org = await connected();
      if (userIds.length === 0) return remember(org, []);
      const found = await org.candidatesFor(userIds, config);
      return remember(
        org,
        found.filter((c) => c.plan.steps.length > 0 || c.plan.blocked.length > 0),
      );
    },

    async preview(userIds) {
      const org = await connected();
      const chosen = reviewedOf(userIds, org);
      const writes = chosen.reduce((n, c) => n + c.plan.steps.length, 0);
      const createsPhones = chosen.some((c) => c.plan.steps.some((s) => s.kind === 'webrtc-phone'));
      const { limitPerMinute } = org.rateBudget();
      return {
        org: { kind: org.kind, name: org.name, region: org.region },
        users: chosen.length,
        writes,
        blocked: chosen.filter((c) => c.plan.blocked.length > 0).length,
        seconds: secondsAtLimit(expectedCalls(chosen.length, writes), limitPerMinute),
        stationWaitSeconds: createsPhones ? DEFAULT_STATION_POLLING.waitMs / 1000 : 0,
        rateLimitPerMinute: limitPerMinute,
      };
    },

    async exportPlan(userIds, format) {
      const org = await connected();
      const chosen = reviewedOf(userIds, org);
      const file = buildPlanFile(org, chosen, wallDate(deps.clock));
      const stamp = file.createdAt.replace(/[:]/g, '-').replace(/\..*$/, '');
      return deps.save(
        `jit-doctor-plan-${stamp}.${format}`,
        format === 'json' ? planFileJson(file) : planFileCsv(file),
      );
    },

    async openPlan() {
      const picked = await deps.open();
      if (!picked) return null;
      const org = await connected();
      let file;
      try {
        file = parsePlanFile(picked.text, picked.name);
        checkPlanOrg(file, picked.name, org);
      } catch (error) {
        if (error instanceof PlanFileError) throw planProblem(error);
        throw error;
      }
      const config = await deps.config();
      needsRules(config);
      const reviewed = new Map<string, readonly PlanFileStep[]>();
      for (const user of file.users) if (!reviewed.has(user.id)) reviewed.set(user.id, user.steps);
      const fresh = await org.candidatesFor([...reviewed.keys()], config);
      const found = new Map(fresh.map((c) => [c.user.id, c]));
      const notes: PlanFileReview['notes'] = [];
      const candidates: RepairCandidate[] = [];
      let alreadyDone = 0;
      for (const [id, steps] of reviewed) {
        const listedUser = file.users.find((u) => u.id === id)!;
        const now = found.get(id);
        if (!now) {
          notes.push({
            userId: id,
            name: listedUser.name,
            email: listedUser.email,
            text: 'not in the org any more (deleted since the review?): nothing will be written',
          });
          continue;
        }
        const limited = reconcileWithReview(now.plan, steps);
        for (const text of unwrittenReasons(limited))
          notes.push({ userId: id, name: now.user.name, email: now.user.email, text });
        if (limited.plan.steps.length === 0) {
          alreadyDone += limited.changed.length + limited.unreviewed.length === 0 ? 1 : 0;
          continue;
        }
        candidates.push({
          ...now,
          plan: limited.plan,
          summary: summarisePlan(limited.plan),
          steps: limited.plan.steps.map(describeStep),
          createdAt: now.createdAt ?? listedUser.createdAt,
        });
      }
      remember(org, candidates, reviewed);
      return {
        file: picked.name,
        reviewedAt: file.createdAt,
        org: file.org,
        candidates,
        alreadyDone,
        notes,
      };
    },

    async start(userIds) {
      // Claimed before the first await: a second start in the same tick is refused.
      if (starting || isRunning())
        throw new AppError('busy', 'A repair is already running: wait for it or cancel it.');
      starting = true;
      let org: OrgConnection;
      let config: JitDoctorConfig;
      let chosen: RepairCandidate[];
      try {
        org = await connected();
        chosen = reviewedOf(userIds, org);
        config = await deps.config();
        needsRules(config);
      } finally {
        starting = false;
      }
      const controller = new AbortController();
      const total = chosen.reduce((n, c) => n + c.plan.steps.length, 0);
      const view: RepairJobView = {
        jobId: deps.newId(),
        org: { kind: org.kind, name: org.name, region: org.region },
        state: 'running',
        startedAt: wallDate(deps.clock).toISOString(),
        endedAt: null,
        users: chosen.length,
        steps: { done: 0, total },
        etaSeconds: null,
        counts: { ...ZERO_COUNTS },
        problem: null,
        resultsFrom: 0,
        results: [],
      };
      current = { view, controller };
      sentUpTo = 0;
      const { signal } = controller;
      const callsAtStart = org.rateBudget().callsSent;
      const seen = new Set<string>();
      const ids = chosen.map((c) => c.user.id);
      const names = new Map(chosen.map((c) => [c.user.id, c.user.name]));

      const estimate = () => {
        const budget = org.rateBudget();
        view.etaSeconds = remainingSeconds({
          stepsDone: view.steps.done,
          stepsTotal: view.steps.total,
          users: view.users - view.results.length,
          callsSoFar: budget.callsSent - callsAtStart,
          limitPerMinute: budget.limitPerMinute,
        });
      };
      const add = (result: RepairResult) => {
        if (seen.has(result.userId)) return;
        seen.add(result.userId);
        view.results.push({ ...result, name: names.get(result.userId) || result.name });
        view.counts[result.outcome] += 1;
      };
      const end = (problem: string | null) => {
        // Whoever the job never reached is "not started", whatever the reason it ended.
        for (const id of ids)
          add({
            userId: id,
            name: id,
            outcome: 'not-started',
            message: problem ? `not started: ${problem}` : 'not started: the job stopped first',
          });
        view.state = signal.aborted ? 'cancelled' : 'finished';
        view.problem = problem;
        view.etaSeconds = 0;
        view.endedAt = wallDate(deps.clock).toISOString();
        publish(true);
      };

      estimate();
      publish(true);
      void org
        .repair(ids, config, {
          signal,
          // A plan file's users are held against the file; a listing's against what it showed.
          reviewed: new Map(
            chosen.map((c) => [c.user.id, fromFile.get(c.user.id) ?? planFileSteps(c.plan)]),
          ),
          onSteps: (done, planned) => {
            // The fresh re-read may plan fewer steps than reviewed (some already done).
            view.steps = { done, total: planned };
            estimate();
            publish();
          },
          onResult: (result) => {
            add(result);
            publish();
          },
        })
        .then(
          (results) => {
            for (const result of results) add(result);
            end(null);
          },
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            deps.log?.(`repair ${view.jobId}: ${message}`);
            end(`the job stopped: ${message}`);
          },
        );
      return snapshot()!;
    },

    cancel(jobId) {
      if (!current || current.view.jobId !== jobId) return null;
      if (current.view.state === 'running') {
        current.controller.abort();
        current.view.state = 'cancelling';
        publish(true);
      }
      return snapshot();
    },

    job: snapshot,

    busyReason() {
      if (starting) return 'A repair is starting: wait a moment before changing the org.';
      if (!isRunning() || !current) return null;
      const { view } = current;
      return `A repair is writing to ${view.org.kind === 'demo' ? 'the demo org' : view.org.name} (${view.results.length} of ${plural(view.users, 'user')} done): cancel it on the Repair screen, or wait for it to end, before changing the org.`;
    },
  };
}
