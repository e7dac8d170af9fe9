/**
 * `jit-doctor repair` (docs/cli.md): plan first, apply with --yes or after a y/N prompt, show
 * progress for bulk runs, end with a summary table; exit 1 when a user is left not fully repaired.
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseConfig } from '../../../shared/config/load';
import { fsFailure } from '../../../shared/fs-failure';
import type { JitDoctorConfig, PostJitConfig } from '../../../shared/config/types';
import {
  formatPlan,
  formatSummary,
  STATUS_WORDS,
  userLabel,
  type SummaryRow,
} from '../../../shared/provisioning/format';
import {
  buildPlanFile,
  checkPlanOrg,
  parsePlanFile,
  planFileCsv,
  planFileJson,
  PlanFileError,
  unwrittenReasons,
  type PlanFile,
} from '../../../shared/provisioning/plan-file';
import { wallDate, type Clock } from '../../genesys/clock';
import { createGenesysAdapter } from '../../genesys/adapter';
import { withSignal } from '../../genesys/cancellable';
import { GenesysApiError } from '../../genesys/errors';
import type { Assessment } from '../../genesys/provisioning/assess';
import type { GenesysAdapter, OrgUser } from '../../genesys/adapter/types';
import {
  createRepairExecutor,
  type RepairExecutor,
  type RepairOutcome,
} from '../../genesys/provisioning/executor';
import {
  memoryJournal,
  openJournal,
  readJournalSteps,
  type Journal,
  type JournalEntry,
} from '../../genesys/provisioning/journal';
import {
  stoppingJournal,
  WritesStopped,
  type StoppingJournal,
} from '../../genesys/provisioning/stopping-journal';
import {
  RepairLockBusy,
  waitForRepairLock,
  type RepairLock,
} from '../../genesys/provisioning/lock';
import { watchNewUsers } from '../../genesys/provisioning/watch';
import {
  reviewedApply,
  withoutExplained,
  type ReviewedApply,
} from '../../genesys/provisioning/reviewed';
import { journalFileName } from '../../genesys/provisioning/org-files';
import { UsageError } from '../errors';
import { readTextFile } from '../input';
import type { CliIo, CommandIo } from '../io';
import type { OpenedOrg } from '../org';
import { durationOption, orgOptions, type Duration } from '../options';
import { checkOutputFile, writeFileAtomically } from '../output';
import { terminalProgress } from '../progress';

interface RepairOptions {
  user?: string;
  stuck?: boolean;
  /** Write the reviewed plan here (JSON, or CSV for a .csv name) and apply nothing. */
  planOut?: string;
  force?: boolean;
  /** Apply exactly this reviewed plan, each write re-checked against the org. */
  fromPlan?: string;
  /** With --demo: stuck agents in the demo org. */
  demoSize?: number;
  since: Duration;
  watch?: boolean;
  interval: Duration;
  config?: string;
  org?: boolean;
  demo?: boolean;
  apiBase?: string;
  dryRun?: boolean;
  yes?: boolean;
  journal?: string;
  wait?: boolean;
  rateLimit: number;
}

/** How long one request may take (the SDK's timeout): the longest a stopping run waits. */
const REQUEST_TIMEOUT_MS = 16_000;

/** --watch polls no more often than this: each poll costs requests the repairs need. */
const MIN_WATCH_INTERVAL_MS = 5_000;

/** What commander cannot say: one of each pair is required, and --watch applies without asking. */
function checkOptions(options: RepairOptions): void {
  const sources = [options.user, options.stuck, options.fromPlan].filter(Boolean).length;
  if (sources !== 1)
    throw new UsageError(
      options.fromPlan
        ? '--from-plan applies the users of the plan: leave out --user, --stuck and --watch'
        : 'repair needs exactly one of --user EMAIL|ID, --stuck or --from-plan FILE',
    );
  if (!options.org && !options.demo)
    throw new UsageError('repair needs exactly one of --org (a live org) or --demo');
  if (options.demoSize !== undefined && !options.demo)
    throw new UsageError('--demo-size goes with --demo');
  if (options.planOut) {
    if (options.watch)
      throw new UsageError('--plan-out writes one plan for review; it does not go with --watch');
    if (options.yes)
      throw new UsageError(
        '--plan-out applies nothing: leave out --yes, review the file, then apply it with --from-plan FILE',
      );
  }
  if (options.force && !options.planOut) throw new UsageError('--force goes with --plan-out');
  if (options.watch && !options.yes && !options.dryRun)
    throw new UsageError('--watch repairs without asking: pass --yes (or --dry-run to only plan)');
  if (options.interval.ms < MIN_WATCH_INTERVAL_MS)
    throw new UsageError(
      `--interval must be at least ${MIN_WATCH_INTERVAL_MS / 1000}s (got "${options.interval.text}"): every poll reads the org's audit log and counts against the rate limit the repairs need`,
    );
}

/** --demo-size: a whole number of stuck agents (the demo org says which sizes it holds). */
function parseDemoSize(text: string): number {
  if (!/^\d+$/.test(text.trim()))
    throw new InvalidArgumentError('expected a whole number of stuck agents, such as 2000');
  return Number(text);
}

/** --rate-limit: a whole number of requests per minute, as the app's setting takes it. */
function parseRateLimit(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 100_000)
    throw new InvalidArgumentError(
      'expected a whole number of requests per minute from 1 to 100000',
    );
  return value;
}

function loadConfig(path: string): JitDoctorConfig & { postJit: PostJitConfig } {
  const config = parseConfig(readTextFile(path, 'configuration'), path);
  const postJit = config.postJit;
  if (!postJit || postJit.rules.length === 0)
    throw new UsageError(`${path} has no postJit.rules: there is nothing to repair against`);
  return { ...config, postJit };
}

/** A plan file's problem as one line, with what to do from the command line. */
function planFileUsage(error: PlanFileError): UsageError {
  const advice = {
    'not-json': 'export it with --plan-out plan.json',
    'not-a-plan': 'export one with --plan-out plan.json',
    'other-org': 'export a plan from this org (--plan-out) and review it',
  }[error.kind];
  return new UsageError(`${error.message}: ${advice}`);
}

/** --from-plan: the reviewed plan, or one line saying what is wrong with the file. */
function readPlanFile(path: string): PlanFile {
  try {
    return parsePlanFile(readTextFile(path, 'repair plan'), path);
  } catch (error) {
    if (error instanceof PlanFileError) throw planFileUsage(error);
    throw error;
  }
}

/** The org as a plan file names it: the app's plans and the CLI's compare by region. */
function planOrg(org: OpenedOrg, config: JitDoctorConfig): { name: string; region: string } {
  return {
    name: org.orgName ?? config.organizationName ?? org.connection.target,
    region: org.region ?? config.region ?? org.connection.target,
  };
}

/**
 * The journal's last line of every step (what a resume needs), read piece by piece so a journal of
 * any size is no obstacle; a path that is a folder or a device is refused before any write.
 */
function readJournalAt(path: string): JournalEntry[] {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsageError(`cannot read the repair journal ${path}: ${fsFailure(error)}`);
  }
  if (!stats.isFile())
    throw new UsageError(
      `the repair journal ${path} is ${stats.isDirectory() ? 'a folder' : 'not a regular file'}; pass --journal FILE`,
    );
  try {
    return readJournalSteps(path);
  } catch (error) {
    throw new UsageError(`cannot read the repair journal ${path}: ${fsFailure(error)}`);
  }
}

function openJournalAt(path: string, steps: readonly JournalEntry[], clock: Clock): Journal {
  try {
    return openJournal(path, { steps, clock });
  } catch (error) {
    throw new UsageError(
      `cannot open the repair journal ${path}: ${fsFailure(error)}; nothing was applied`,
    );
  }
}

/** Where the app keeps its data (the same folder Electron's userData uses). */
function appDataFolder(): string {
  const env = process.env;
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'jit-doctor');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'jit-doctor');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'jit-doctor');
}

/** One journal per org and OAuth client, named as the desktop app names it, so both resume each other's runs. */
function defaultJournalPath(org: OpenedOrg, env: CliIo['env']): string {
  const clientId = env.GENESYSCLOUD_OAUTHCLIENT_ID?.trim() ?? '';
  const owner = org.demo ? 'demo' : { target: org.connection.target, clientId };
  return join(appDataFolder(), 'journals', journalFileName(owner));
}

/**
 * One repair per org and OAuth client at a time, across the CLI, --watch and the app: the lock is
 * taken before the org is assessed, so a second run plans from what the first one left. The demo
 * org lives inside this process, so there is nothing to share a lock with.
 */
async function takeRepairLock(
  org: OpenedOrg,
  options: RepairOptions,
  signal: AbortSignal,
  io: CliIo,
  lines: Lines,
): Promise<RepairLock | null> {
  if (org.demo || options.dryRun) return null;
  const what = `jit-doctor repair ${options.user ? '--user' : options.watch ? '--stuck --watch' : '--stuck'}`;
  try {
    const lock = await waitForRepairLock({
      folder: join(appDataFolder(), 'locks'),
      target: org.connection.target,
      clientId: io.env.GENESYSCLOUD_OAUTHCLIENT_ID?.trim() ?? '',
      what,
      clock: io.clock,
      signal: options.wait ? signal : AbortSignal.abort(),
      onWaiting: (busy) => lines.err(`waiting: ${busy.message} (Ctrl-C gives up)`),
    });
    if (lock.tookOverStale) lines.err(lock.tookOverStale);
    return lock;
  } catch (error) {
    if (error instanceof RepairLockBusy)
      throw new UsageError(
        `${error.message}${options.wait ? '' : ' (or pass --wait to start when it is done)'}; nothing was applied`,
        1,
      );
    throw error;
  }
}

/** The command's writers: lines on stdout, lines on stderr. */
interface Lines {
  out(line?: string): void;
  err(line: string): void;
}

const linesOf = (io: CliIo): Lines => ({
  out: (line = '') => io.out(`${line}\n`),
  err: (line) => io.err(`${line}\n`),
});

function printPlans(lines: Lines, assessments: readonly Assessment[], showSettled: boolean): void {
  for (const a of assessments) {
    if (!showSettled && a.plan.steps.length === 0 && a.plan.blocked.length === 0) continue;
    for (const line of formatPlan({ name: a.user.name, email: a.user.email, plan: a.plan }))
      lines.out(line);
    lines.out();
  }
}

function printOutcomes(lines: Lines, outcomes: readonly SummaryRow[]): void {
  for (const line of formatSummary(outcomes)) lines.out(line);
}

/** The users of a run and their plans, with what the plan file and the summary need besides. */
interface Planned {
  assessments: Assessment[];
  /** userId → when the audit log saw it created (--stuck), for the plan file. */
  createdAt: ReadonlyMap<string, string>;
  /** --from-plan: the review each write is held against, and what it left unwritten so far. */
  review?: ReviewedApply;
  /** --from-plan: users of the plan the org no longer has. */
  missing: { id: string; name: string; email: string }[];
}

/** Users to consider: the one already looked up, or those created since --since. */
async function plannedFromOrg(
  executor: RepairExecutor,
  api: GenesysAdapter,
  options: RepairOptions,
  user: OrgUser | undefined,
  io: CliIo,
  lines: Lines,
): Promise<Planned> {
  const createdAt = new Map<string, string>();
  let users: OrgUser[];
  if (user) users = [user];
  else {
    const to = wallDate(io.clock);
    const created = await api.usersCreatedBetween(new Date(to.getTime() - options.since.ms), to);
    for (const entry of created)
      if (!createdAt.has(entry.userId)) createdAt.set(entry.userId, entry.at);
    lines.out(
      `${createdAt.size} user${createdAt.size === 1 ? '' : 's'} created in the last ${options.since.text}.`,
    );
    lines.out();
    users = await executor.loadUsers([...createdAt.keys()]);
  }
  return { assessments: await executor.assess(users), createdAt, missing: [] };
}

/**
 * --from-plan: the plan's users read from the org now and planned again; only the steps that were
 * reviewed and still read as reviewed are kept (plan-file.ts), the rest is reported. The apply
 * checks each user again right before its writes (reviewed.ts).
 */
async function plannedFromFile(
  executor: RepairExecutor,
  review: ReviewedApply,
  file: PlanFile,
  path: string,
  lines: Lines,
): Promise<Planned> {
  const ids = [...new Set(file.users.map((u) => u.id))];
  lines.out(
    `${ids.length} user${ids.length === 1 ? '' : 's'} in ${path}, reviewed ${file.createdAt} for ${file.org.name} (${file.org.region}); re-read from the org now.`,
  );
  lines.out();
  const users = await executor.loadUsers(ids);
  const found = new Set(users.map((u) => u.id));
  const assessments = (await executor.assess(users)).map(review.limit);
  const missing = file.users
    .filter((u, i) => !found.has(u.id) && ids.indexOf(u.id) === i)
    .map(({ id, name, email }) => ({ id, name, email }));
  return { assessments, createdAt: new Map(), review, missing };
}

/** What a --from-plan run left unwritten for this user so far, in sentences. */
const unwrittenOf = (planned: Planned, userId: string): string[] =>
  planned.review ? unwrittenReasons(planned.review.unwritten(userId)) : [];

/**
 * The summary rows: each outcome with what was left unwritten (each step said once: a drifted
 * step is not also "still to do"), then the users the org lost.
 */
function summaryRows(planned: Planned, outcomes: readonly RepairOutcome[]): SummaryRow[] {
  const rows: SummaryRow[] = outcomes.map((outcome) => {
    const reasons = unwrittenOf(planned, outcome.userId);
    if (!planned.review || reasons.length === 0) return outcome;
    const explained = withoutExplained(outcome, planned.review.unwritten(outcome.userId));
    // Whatever was written, the user is not as the rules want: the rest needs a new review.
    return { ...explained, status: 'not-repaired', reasons: [...explained.reasons, ...reasons] };
  });
  for (const user of planned.missing)
    rows.push({
      name: user.name,
      email: user.email || user.id,
      plan: { userId: user.id, match: null, steps: [], blocked: [] },
      status: 'not-repaired',
      reasons: ['not in the org any more (deleted since the review?): nothing written'],
      remaining: [],
    });
  return rows;
}

/** --plan-out: the plan as reviewed here, in the format the app exports (plan-file.ts). */
function writePlanFile(
  path: string,
  planned: Planned,
  stuck: readonly Assessment[],
  org: { name: string; region: string },
  now: Date,
): void {
  const file = buildPlanFile(
    org,
    stuck.map((a) => ({
      user: {
        id: a.user.id,
        name: a.state.name ?? a.user.name,
        email: a.state.email ?? a.user.email,
        department: a.state.department ?? null,
      },
      plan: a.plan,
      createdAt: planned.createdAt.get(a.user.id) ?? null,
    })),
    now,
  );
  writeFileAtomically(path, /\.csv$/i.test(path) ? planFileCsv(file) : planFileJson(file));
}

/** Ctrl-C stops starting new work; steps already sent finish and are journaled. A second one quits. */
function stopOnInterrupt(io: CliIo, lines: Lines): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const dispose = io.onInterrupt(() => {
    if (controller.signal.aborted) process.exit(130);
    lines.err(
      '\nstopping after the steps in flight (Ctrl-C again to quit at once; the journal stays consistent)',
    );
    controller.abort();
  });
  return { signal: controller.signal, dispose };
}

async function repairOnce(
  planned: Planned,
  options: RepairOptions,
  context: { executor: RepairExecutor; org: { name: string; region: string } },
  signal: AbortSignal,
  io: CliIo,
  lines: Lines,
): Promise<number> {
  const { assessments, missing } = planned;
  const stuck = assessments.filter((a) => a.plan.steps.length > 0 || a.plan.blocked.length > 0);
  printPlans(lines, assessments, Boolean(options.user));
  const unwritten = new Set(
    assessments.filter((a) => unwrittenOf(planned, a.user.id).length > 0).map((a) => a.user.id),
  );
  for (const a of assessments)
    for (const reason of unwrittenOf(planned, a.user.id))
      lines.out(`${userLabel(a.user)}: ${reason}`);
  for (const user of missing) lines.out(`${userLabel(user)}: not in the org any more`);
  if (unwritten.size + missing.length > 0) lines.out();
  const leftOut = unwritten.size + missing.length > 0 ? 1 : 0;
  if (options.planOut) {
    if (stuck.length === 0) {
      lines.out(`No stuck users: nothing to do; ${options.planOut} not written.`);
      return 0;
    }
    writePlanFile(options.planOut, planned, stuck, context.org, wallDate(io.clock));
    const steps = stuck.reduce((sum, a) => sum + a.plan.steps.length, 0);
    lines.out(
      `Plan of ${steps} steps for ${stuck.length} user${stuck.length === 1 ? '' : 's'} written to ${options.planOut}; nothing applied.`,
    );
    lines.out(
      /\.csv$/i.test(options.planOut)
        ? 'A CSV plan is for reading; export JSON to apply it with --from-plan.'
        : `Review it, then apply exactly it: jit-doctor repair --from-plan ${options.planOut} ${options.demo ? '--demo' : '--org'}${options.config ? ` --config ${options.config}` : ''}`,
    );
    return 0;
  }
  if (stuck.length === 0) {
    if (options.fromPlan) {
      lines.out(
        leftOut
          ? `Nothing of ${options.fromPlan} is left to apply as reviewed.`
          : `Every step of ${options.fromPlan} is already done: nothing to do.`,
      );
      const settled = assessments
        .filter((a) => unwritten.has(a.user.id))
        .map((a): RepairOutcome => ({
          userId: a.user.id,
          name: a.user.name,
          email: a.user.email,
          plan: a.plan,
          status: 'nothing-to-do',
          reasons: [],
          remaining: [],
        }));
      if (leftOut) printOutcomes(lines, summaryRows(planned, settled));
      return leftOut;
    }
    lines.out(options.user ? 'Nothing to do.' : 'No stuck users: nothing to do.');
    return 0;
  }
  const steps = stuck.reduce((sum, a) => sum + a.plan.steps.length, 0);
  const users = `${stuck.length} user${stuck.length === 1 ? '' : 's'}`;
  if (options.dryRun) {
    lines.out(`Dry run: ${steps} steps for ${users} planned, nothing applied.`);
    return 0;
  }
  if (!options.yes) {
    if (!io.stdin.isTTY) {
      lines.out(`${steps} steps for ${users} planned; nothing applied; pass --yes to apply.`);
      return 1;
    }
    if (!(await io.confirm(`Apply ${steps} steps for ${users}?`))) {
      lines.out('Nothing applied.');
      return 1;
    }
  }
  lines.out(`Applying ${steps} steps for ${users} ...`);
  if (stuck.some((a) => a.plan.steps.some((step) => step.kind === 'webrtc-phone')))
    lines.out(
      "A new WebRTC phone's station can take up to a minute to appear in Genesys Cloud; the default station is set once it does.",
    );
  const bar = stuck.length > 1 ? terminalProgress(io, 'repair') : undefined;
  const outcomes = await context.executor.apply(
    assessments.filter((a) => stuck.includes(a) || unwritten.has(a.user.id)),
    {
      onProgress: bar
        ? ({ stepsDone, stepsTotal, usersDone, usersTotal, failedSteps }) =>
            bar.update(
              stepsDone,
              stepsTotal,
              `${stepsDone}/${stepsTotal} steps, ${usersDone}/${usersTotal} users${failedSteps > 0 ? `, ${failedSteps} failed` : ''}`,
            )
        : undefined,
      signal,
      recheck: planned.review?.recheck,
    },
  );
  bar?.clear();
  lines.out();
  lines.out('Re-read from the org:');
  const rows = summaryRows(planned, outcomes);
  printOutcomes(lines, rows);
  return rows.some((o) => o.status === 'not-repaired') ? 1 : 0;
}

async function repairWatching(
  executor: RepairExecutor,
  options: RepairOptions,
  signal: AbortSignal,
  io: CliIo,
  lines: Lines,
): Promise<number> {
  const since = new Date(io.clock.wallNow() - options.since.ms);
  lines.err(
    `watching for users created since ${since.toISOString()} every ${options.interval.text}; Ctrl-C stops`,
  );
  const result = await watchNewUsers({
    executor,
    since,
    intervalMs: options.interval.ms,
    signal,
    dryRun: options.dryRun,
    clock: io.clock,
    onPlans: (assessments) => printPlans(lines, assessments, false),
    onOutcomes: (outcomes) => {
      for (const o of outcomes)
        lines.out(
          `${wallDate(io.clock).toISOString()}  ${userLabel(o)}: ${STATUS_WORDS[o.status]}${o.reasons.length ? ` (${o.reasons.join('; ')})` : ''}`,
        );
    },
    onError: (error) => {
      if (!(error instanceof WritesStopped))
        lines.err(`poll failed, retrying at the next interval: ${(error as Error).message}`);
    },
  });
  lines.out();
  const outcomes = [...result.outcomes.values()];
  if (outcomes.length > 0) printOutcomes(lines, outcomes);
  lines.out(`${result.polls} polls.`);
  return outcomes.some((o) => o.status === 'not-repaired') ? 1 : 0;
}

async function runRepair(options: RepairOptions, io: CliIo): Promise<number> {
  checkOptions(options);
  const lines = linesOf(io);
  // Files are checked before the org is read: a long read must not end in a refusal.
  if (options.planOut) checkOutputFile(options.planOut, Boolean(options.force));
  const reviewedPlan = options.fromPlan ? readPlanFile(options.fromPlan) : undefined;
  // Only a run that may write takes the lock and journals: a dry run and --plan-out read.
  const planOnly = Boolean(options.dryRun || options.planOut);
  // loaded on demand, like every command's org: the Genesys SDK costs a cold start that diagnose need not pay
  const { openOrg } = await import('../org');
  const org = await openOrg({
    org: options.org,
    demo: options.demo,
    apiBase: options.apiBase,
    env: io.env,
    rateLimitPerMinute: options.rateLimit,
    demoSize: options.demoSize,
  });
  let journal: Journal | undefined;
  let guarded: StoppingJournal | undefined;
  let lock: RepairLock | null = null;
  const interrupt = stopOnInterrupt(io, lines);
  try {
    const configPath = options.config ?? org.demoConfigPath;
    if (!configPath) throw new UsageError('repair --org needs --config FILE with postJit rules');
    const config = loadConfig(configPath);
    const here = planOrg(org, config);
    if (reviewedPlan)
      try {
        checkPlanOrg(reviewedPlan, options.fromPlan!, here);
      } catch (error) {
        if (error instanceof PlanFileError) throw planFileUsage(error);
        throw error;
      }
    lock = planOnly ? null : await takeRepairLock(org, options, interrupt.signal, io, lines);
    const journalPath = options.journal ?? defaultJournalPath(org, io.env);
    const history = planOnly ? [] : readJournalAt(journalPath);
    journal = planOnly ? undefined : openJournalAt(journalPath, history, io.clock);
    // Ctrl-C, or a journal that can no longer be written, stops every write not yet started.
    const stop = new AbortController();
    interrupt.signal.addEventListener('abort', () => stop.abort(), { once: true });
    guarded =
      journal &&
      stoppingJournal(journal, stop.signal, (reason) => {
        lines.err(`\njit-doctor: ${reason}: stopping before the next write`);
        stop.abort();
      });
    const target = guarded ?? memoryJournal('dry-run', undefined, io.clock);
    let applied = false;
    // A stop cancels what still waits in the rate limiter's queue: Ctrl-C ends the run in about
    // the time one request takes, with what was applied.
    const api = createGenesysAdapter(withSignal(org.connection, stop.signal));
    const executor = createRepairExecutor({
      api,
      postJit: config.postJit,
      journal: {
        path: target.path,
        run: target.run,
        close: () => target.close(),
        record(entry) {
          applied = true;
          target.record(entry);
        },
      },
      history,
    });
    // One user is looked up once, first, so an unknown one is an error alone, not after a plan header.
    const user = options.user ? await executor.findUser(options.user) : undefined;
    if (options.user && !user) throw new UsageError(`no user ${options.user} in the org`);
    lines.out(
      `Repair plan for ${org.description}, rules from ${configPath}${options.dryRun ? ' (dry run)' : options.planOut ? ' (for review: nothing is applied)' : ''}:`,
    );
    lines.out();
    let code: number;
    try {
      if (options.watch) code = await repairWatching(executor, options, stop.signal, io, lines);
      else {
        const planned = reviewedPlan
          ? await plannedFromFile(
              executor,
              reviewedApply(new Map(reviewedPlan.users.map((u) => [u.id, u.steps])), {
                api,
                postJit: config.postJit,
                expand: executor.expand,
              }),
              reviewedPlan,
              options.fromPlan!,
              lines,
            )
          : await plannedFromOrg(executor, api, options, user ?? undefined, io, lines);
        code = await repairOnce(planned, options, { executor, org: here }, stop.signal, io, lines);
      }
    } catch (error) {
      // A stop while the org was still being read cancels those reads: nothing was applied.
      const cancelled =
        error instanceof GenesysApiError && error.kind === 'cancelled' && stop.signal.aborted;
      if (!(error instanceof WritesStopped) && !cancelled) throw error;
      code = 1;
    }
    if (guarded && stop.signal.aborted) {
      // Requests already sent finish (and are noted) before the summary: wait for the queue to
      // drain, or for as long as one request may take; what is still queued then is dropped (its
      // step is journaled as started, so the next run re-checks it before writing anything).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        org.connection.scheduler.idle(),
        new Promise((resolve) => (timer = setTimeout(resolve, REQUEST_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      const { steps, users } = guarded.appliedSoFar();
      const done = `${steps} step${steps === 1 ? '' : 's'} for ${users} user${users === 1 ? '' : 's'} applied before stopping; no step was started after it`;
      if (guarded.failure) {
        lines.err(
          `jit-doctor: ${guarded.failure}: ${done}. Free space (or pass --journal FILE elsewhere) and run the same command again: it re-checks what was in flight and does nothing twice.`,
        );
        return 1;
      }
      lines.out(`Stopped: ${done}. Run the same command again to finish.`);
    }
    if (journal && applied) lines.err(`journal: ${journal.path}`);
    return code;
  } finally {
    interrupt.dispose();
    (guarded ?? journal)?.close();
    lock?.release();
    await org.close();
  }
}

export function registerRepair(program: Command, io: CommandIo): void {
  const [apiBase, org, demo] = orgOptions({
    org: 'connect to the live org (GENESYSCLOUD_OAUTHCLIENT_ID, _SECRET, _REGION)',
    demo: 'use the embedded demo org',
  });
  program
    .command('repair')
    .description(
      'plan and apply the post-JIT setup (skills, WebRTC phone, default station, utilization) of stuck agents',
    )
    .addOption(new Option('--user <email-or-id>', 'repair one user').conflicts('stuck'))
    .option('--stuck', 'repair every user created recently whose plan is not empty')
    .option(
      '--plan-out <file>',
      'write the plan for review (JSON, or CSV for a .csv name) and apply nothing',
    )
    .option('--force', 'with --plan-out: replace the file when it exists')
    .option(
      '--from-plan <file>',
      'apply exactly a reviewed plan (JSON from --plan-out or the app), each write re-checked against the org',
    )
    .addOption(
      durationOption(
        '--since <duration>',
        'with --stuck: how far back to look (30m, 24h, 7d)',
        '24h',
      ),
    )
    .addOption(
      new Option(
        '--watch',
        'with --stuck: keep polling for new users and repair them until Ctrl-C',
      ).implies({ stuck: true }),
    )
    .addOption(
      durationOption(
        '--interval <duration>',
        'with --watch: time between polls (at least 5s)',
        '30s',
      ),
    )
    .option(
      '--config <file>',
      'configuration with postJit rules (default with --demo: the demo config)',
    )
    .addOption(apiBase)
    .addOption(org)
    .addOption(demo)
    .addOption(
      new Option(
        '--demo-size <stuck-agents>',
        'with --demo: stuck agents in the demo org (6 to 5000; the app offers 2000)',
      ).argParser(parseDemoSize),
    )
    .option('--dry-run', 'print the plan, apply nothing')
    .option('--yes', 'apply without asking')
    .option('--journal <file>', 'append the step journal here (default: the app data folder)')
    .option(
      '--wait',
      'when another repair of the same org and client runs, wait for it instead of refusing',
    )
    .addOption(
      new Option(
        '--rate-limit <per-minute>',
        "API requests per minute for this OAuth client (the org's limit)",
      )
        .argParser(parseRateLimit)
        .default(300),
    )
    .action(async (options: RepairOptions) => {
      io.setExitCode(await runRepair(options, io));
    });
}
