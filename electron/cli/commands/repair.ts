/**
 * `jit-doctor repair` (spec/cli.md): plan first, apply with --yes or after a y/N prompt, show
 * progress for bulk runs, end with a summary table; exit 1 when a user is left not fully repaired.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { parseConfig } from '../../../shared/config/load';
import type { PostJitConfig } from '../../../shared/config/types';
import {
  formatDuration,
  formatPlan,
  formatSummary,
  STATUS_WORDS,
  userLabel,
} from '../../../shared/provisioning/format';
import { systemClock } from '../../genesys/clock';
import { createGenesysAdapter } from '../../genesys/adapter';
import type { Assessment } from '../../genesys/provisioning/assess';
import {
  createRepairExecutor,
  type RepairExecutor,
  type RepairOutcome,
  type RepairProgress,
} from '../../genesys/provisioning/executor';
import {
  memoryJournal,
  openJournal,
  readJournal,
  type Journal,
} from '../../genesys/provisioning/journal';
import {
  RepairLockBusy,
  waitForRepairLock,
  type RepairLock,
} from '../../genesys/provisioning/lock';
import { watchNewUsers } from '../../genesys/provisioning/watch';
import { UsageError } from '../errors';
import { readTextFile } from '../input';
import type { OpenedOrg } from '../org';

interface RepairOptions {
  user?: string;
  stuck?: boolean;
  since: string;
  watch?: boolean;
  interval: string;
  config?: string;
  org?: boolean;
  demo?: boolean;
  apiBase?: string;
  dryRun?: boolean;
  yes?: boolean;
  journal?: string;
  wait?: boolean;
  rateLimit: string;
}

/** --watch polls no more often than this: each poll costs requests the repairs need. */
const MIN_WATCH_INTERVAL_MS = 5_000;

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "24h", "30s", "90m", "2d" → milliseconds. */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/i.exec(text.trim());
  if (!match || Number(match[1]) <= 0)
    throw new UsageError(`${option} takes a duration such as 30s, 15m, 24h or 2d (got "${text}")`);
  return Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
}

function checkOptions(options: RepairOptions): void {
  if (Boolean(options.user) === Boolean(options.stuck))
    throw new UsageError('repair needs exactly one of --user EMAIL|ID or --stuck');
  if (Boolean(options.org) === Boolean(options.demo))
    throw new UsageError('repair needs exactly one of --org (a live org) or --demo');
  if (options.watch && !options.stuck) throw new UsageError('--watch goes with --stuck');
  if (options.watch && !options.yes && !options.dryRun)
    throw new UsageError('--watch repairs without asking: pass --yes (or --dry-run to only plan)');
  parseDuration(options.since, '--since');
  if (parseDuration(options.interval, '--interval') < MIN_WATCH_INTERVAL_MS)
    throw new UsageError(
      `--interval must be at least ${MIN_WATCH_INTERVAL_MS / 1000}s (got "${options.interval}"): every poll reads the org's audit log and counts against the rate limit the repairs need`,
    );
  parseRateLimit(options.rateLimit);
}

/** --rate-limit: a whole number of requests per minute, as the app's setting takes it. */
function parseRateLimit(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 100_000)
    throw new UsageError(
      `--rate-limit takes a whole number of requests per minute from 1 to 100000 (got "${text}")`,
    );
  return value;
}

function loadPostJit(path: string): PostJitConfig {
  const postJit = parseConfig(readTextFile(path, 'configuration'), path).postJit;
  if (!postJit || postJit.rules.length === 0)
    throw new UsageError(`${path} has no postJit.rules: there is nothing to repair against`);
  return postJit;
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
function defaultJournalPath(org: OpenedOrg): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9.-]+/g, '_');
  const clientId = process.env.GENESYSCLOUD_OAUTHCLIENT_ID?.trim() ?? '';
  const key = org.demo ? 'demo' : `${safe(org.connection.target)}-${safe(clientId)}`;
  return join(appDataFolder(), 'journals', `repair-${key}.jsonl`);
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
): Promise<RepairLock | null> {
  if (org.demo || options.dryRun) return null;
  const what = `jit-doctor repair ${options.user ? '--user' : options.watch ? '--stuck --watch' : '--stuck'}`;
  try {
    const lock = await waitForRepairLock({
      folder: join(appDataFolder(), 'locks'),
      target: org.connection.target,
      clientId: process.env.GENESYSCLOUD_OAUTHCLIENT_ID?.trim() ?? '',
      what,
      signal: options.wait ? signal : AbortSignal.abort(),
      onWaiting: (busy) => err(`waiting: ${busy.message} (Ctrl-C gives up)`),
    });
    if (lock.tookOverStale) err(lock.tookOverStale);
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

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/** A one-line progress bar with ETA on a terminal's stderr; silent elsewhere. */
function progressBar(enabled: boolean): (progress: RepairProgress) => void {
  if (!enabled) return () => {};
  const started = Date.now();
  let last = 0;
  return ({ stepsDone, stepsTotal, usersDone, usersTotal, failedSteps }) => {
    const now = Date.now();
    if (now - last < 100 && stepsDone < stepsTotal) return;
    last = now;
    const share = stepsTotal === 0 ? 1 : stepsDone / stepsTotal;
    const filled = Math.round(share * 24);
    const eta =
      share > 0 && share < 1
        ? ` ETA ${formatDuration(((now - started) / share) * (1 - share))}`
        : '';
    const failed = failedSteps > 0 ? ` ${failedSteps} failed` : '';
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(24 - filled)}] ${stepsDone}/${stepsTotal} steps, ${usersDone}/${usersTotal} users${failed}${eta}   `,
    );
    if (stepsDone >= stepsTotal) process.stderr.write('\n');
  };
}

function printPlans(assessments: readonly Assessment[], showSettled: boolean): void {
  for (const a of assessments) {
    if (!showSettled && a.plan.steps.length === 0 && a.plan.blocked.length === 0) continue;
    for (const line of formatPlan({ name: a.user.name, email: a.user.email, plan: a.plan }))
      out(line);
    out();
  }
}

function printOutcomes(outcomes: readonly RepairOutcome[]): void {
  for (const line of formatSummary(outcomes)) out(line);
}

/** Users to consider: one by id or email, or those created since --since. */
async function usersToRepair(executor: RepairExecutor, options: RepairOptions) {
  if (options.user) {
    const user = await executor.findUser(options.user);
    if (!user) throw new UsageError(`no user ${options.user} in the org`);
    return [user];
  }
  const sinceMs = parseDuration(options.since, '--since');
  const to = new Date();
  const ids = await executor.usersCreatedBetween(new Date(to.getTime() - sinceMs), to);
  out(`${ids.length} user${ids.length === 1 ? '' : 's'} created in the last ${options.since}.`);
  out();
  return executor.loadUsers(ids);
}

/** Ctrl-C stops starting new work; steps already sent finish and are journaled. A second one quits. */
function stopOnInterrupt(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    err(
      '\nstopping after the steps in flight (Ctrl-C again to quit at once; the journal stays consistent)',
    );
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}

async function repairOnce(
  executor: RepairExecutor,
  options: RepairOptions,
  signal: AbortSignal,
): Promise<number> {
  const assessments = await executor.assess(await usersToRepair(executor, options));
  const stuck = assessments.filter((a) => a.plan.steps.length > 0 || a.plan.blocked.length > 0);
  printPlans(assessments, Boolean(options.user));
  if (stuck.length === 0) {
    out(options.user ? 'Nothing to do.' : 'No stuck users: nothing to do.');
    return 0;
  }
  const steps = stuck.reduce((sum, a) => sum + a.plan.steps.length, 0);
  const users = `${stuck.length} user${stuck.length === 1 ? '' : 's'}`;
  if (options.dryRun) {
    out(`Dry run: ${steps} steps for ${users} planned, nothing applied.`);
    return 0;
  }
  if (!options.yes) {
    if (!process.stdin.isTTY) {
      out(`${steps} steps for ${users} planned; nothing applied; pass --yes to apply.`);
      return 1;
    }
    if (!(await confirm(`Apply ${steps} steps for ${users}?`))) {
      out('Nothing applied.');
      return 1;
    }
  }
  out(`Applying ${steps} steps for ${users} ...`);
  const bar = progressBar(Boolean(process.stderr.isTTY) && stuck.length > 1);
  const outcomes = await executor.apply(
    assessments.filter((a) => stuck.includes(a)),
    {
      onProgress: bar,
      signal,
    },
  );
  out();
  out('Re-read from the org:');
  printOutcomes(outcomes);
  return outcomes.some((o) => o.status === 'not-repaired') ? 1 : 0;
}

async function repairWatching(
  executor: RepairExecutor,
  options: RepairOptions,
  signal: AbortSignal,
): Promise<number> {
  const intervalMs = parseDuration(options.interval, '--interval');
  const since = new Date(Date.now() - parseDuration(options.since, '--since'));
  err(
    `watching for users created since ${since.toISOString()} every ${options.interval}; Ctrl-C stops`,
  );
  const result = await watchNewUsers({
    executor,
    since,
    intervalMs,
    signal,
    dryRun: options.dryRun,
    sleep: (ms, s) => systemClock.sleep(ms, s),
    onPlans: (assessments) => printPlans(assessments, false),
    onOutcomes: (outcomes) => {
      for (const o of outcomes)
        out(
          `${new Date().toISOString()}  ${userLabel(o)}: ${STATUS_WORDS[o.status]}${o.reasons.length ? ` (${o.reasons.join('; ')})` : ''}`,
        );
    },
    onError: (error) =>
      err(`poll failed, retrying at the next interval: ${(error as Error).message}`),
  });
  out();
  const outcomes = [...result.outcomes.values()];
  if (outcomes.length > 0) printOutcomes(outcomes);
  out(`${result.polls} polls.`);
  return outcomes.some((o) => o.status === 'not-repaired') ? 1 : 0;
}

async function runRepair(options: RepairOptions): Promise<number> {
  checkOptions(options);
  // loaded on demand, like every command's org: the Genesys SDK costs a cold start that diagnose need not pay
  const { openOrg } = await import('../org');
  const org = await openOrg({
    org: options.org,
    demo: options.demo,
    apiBase: options.apiBase,
    rateLimitPerMinute: parseRateLimit(options.rateLimit),
  });
  let journal: Journal | undefined;
  let lock: RepairLock | null = null;
  const interrupt = stopOnInterrupt();
  try {
    const configPath = options.config ?? org.demoConfigPath;
    if (!configPath) throw new UsageError('repair --org needs --config FILE with postJit rules');
    const postJit = loadPostJit(configPath);
    lock = await takeRepairLock(org, options, interrupt.signal);
    const journalPath = options.journal ?? defaultJournalPath(org);
    const history = options.dryRun ? [] : readJournal(journalPath);
    journal = options.dryRun ? undefined : openJournal(journalPath);
    const target = journal ?? memoryJournal('dry-run');
    let applied = false;
    const executor = createRepairExecutor({
      api: createGenesysAdapter(org.connection),
      postJit,
      journal: {
        ...target,
        record(entry) {
          applied = true;
          target.record(entry);
        },
      },
      history,
    });
    // One user is looked up first, so an unknown one is an error alone, not after a plan header.
    const user = options.user ? await executor.findUser(options.user) : undefined;
    if (options.user && !user) throw new UsageError(`no user ${options.user} in the org`);
    out(
      `Repair plan for ${org.description}, rules from ${configPath}${options.dryRun ? ' (dry run)' : ''}:`,
    );
    out();
    const code = options.watch
      ? await repairWatching(executor, options, interrupt.signal)
      : await repairOnce(executor, options, interrupt.signal);
    if (journal && applied) err(`journal: ${journal.path}`);
    return code;
  } finally {
    interrupt.dispose();
    journal?.close();
    lock?.release();
    await org.close();
  }
}

export function registerRepair(program: Command): void {
  program
    .command('repair')
    .description(
      'plan and apply the post-JIT setup (skills, WebRTC phone, default station, utilization) of stuck agents',
    )
    .option('--user <email-or-id>', 'repair one user')
    .option('--stuck', 'repair every user created recently whose plan is not empty')
    .option('--since <duration>', 'with --stuck: how far back to look (30m, 24h, 7d)', '24h')
    .option('--watch', 'with --stuck: keep polling for new users and repair them until Ctrl-C')
    .option('--interval <duration>', 'with --watch: time between polls (at least 5s)', '30s')
    .option(
      '--config <file>',
      'configuration with postJit rules (default with --demo: the demo config)',
    )
    .option('--org', 'connect to the live org (GENESYSCLOUD_OAUTHCLIENT_ID, _SECRET, _REGION)')
    .option('--demo', 'use the embedded demo org')
    .option('--api-base <url>', 'send API calls to this origin (a fake org, a proxy)')
    .option('--dry-run', 'print the plan, apply nothing')
    .option('--yes', 'apply without asking')
    .option('--journal <file>', 'append the step journal here (default: the app data folder)')
    .option(
      '--wait',
      'when another repair of the same org and client runs, wait for it instead of refusing',
    )
    .option(
      '--rate-limit <per-minute>',
      "API requests per minute for this OAuth client (the org's limit)",
      '300',
    )
    .action(async (options: RepairOptions) => {
      process.exitCode = await runRepair(options);
    });
}
