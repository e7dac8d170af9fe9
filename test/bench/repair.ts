/**
 * `repair.stampede-2000` and `repair.stampede-2000-roles` (docs/benchmarks.md): 2,000 agents just
 * created by JIT, repaired against the hard fake org (stations appearing 0–60 s after their phone,
 * dropped expansions, brand-new users unknown for seconds, refused default-station PUTs, late
 * audits) on a brownfield org of 10,000 users who already have phones and stations, enforcing 300
 * requests per org minute with an org minute lasting 3 real seconds (timeScale 0.05), light
 * injected faults (5xx, resets, timeouts), and the repair process killed with SIGKILL at a random
 * point, then run again after the rate window has passed. The `-roles` variant's rules also move
 * every agent to a division and grant it a role there.
 *
 * Calls and writes are counted by the fake org, not by the client: calls are every API request
 * received (429s and faulted ones included), writes the successful changes. The theoretical
 * minimum is counted per step from the org itself (see `minimumSteps`) and printed step by step.
 * Elapsed time counts the two runs' API activity, not process start-up or the pause between them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PostJitConfig } from '../../shared/config/types';
import { drawSpan, unitHash, type Span } from '../../electron/genesys/fake-org/hardness';
import { startFakeOrg, type FakeOrg } from '../../electron/genesys/fake-org/server';
import { readJournal } from '../../electron/genesys/provisioning/journal';
import {
  auditStampedeOrg,
  stampedeSeed,
  STAMPEDE_POST_JIT,
  STAMPEDE_ROLES_POST_JIT,
} from '../integration/provisioning/stampede-org';
import type { Benchmark } from './types';

const AGENTS = 2000;
const BROWNFIELD = 10_000;
const PAGE = 100;
const TIME_SCALE = 0.05;
const LIMIT = 300;
const WINDOW_REAL_MS = 60_000 * TIME_SCALE;
/**
 * The client's per-request timeout: the SDK's 16 s in org time (0.8 s), but not under 1 s, so that
 * a loaded machine's slow answers are not taken for lost ones. A request the org leaves hanging
 * (an injected timeout) holds up what waits for it this long, as 16 s would on a real org; the
 * 5 s it was before stood for 100 s of org time.
 */
const CLIENT_TIMEOUT_REAL_MS = Math.max(16_000 * TIME_SCALE, 1_000);
const FAULTS = { seed: 11, errorRate: 0.003, resetRate: 0.002, timeoutRate: 0.001 };
const READ_POSTS = new Set(['users.search', 'audits.realtimeQuery', 'locations.search']);
type RequestLogEntry = FakeOrg['requests'][number];
const CHILD = fileURLToPath(
  new URL('../integration/provisioning/repair-child.ts', import.meta.url),
);

interface Run {
  /** Real ms from the run's first API request to its last answer. */
  activeMs: number;
  /** The run's API requests. */
  requests: RequestLogEntry[];
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function apiRequests(org: FakeOrg) {
  return org.requests.filter((r) => r.operation !== 'oauth.token');
}

function isWrite(request: FakeOrg['requests'][number]): boolean {
  if (request.method === 'GET' || READ_POSTS.has(request.operation)) return false;
  return request.status >= 200 && request.status < 300;
}

/** Runs the repair in a child process; `killWhen` returning true kills it with SIGKILL. */
function runRepairProcess(
  org: FakeOrg,
  journal: string,
  rules: 'plain' | 'roles',
  killWhen?: () => boolean,
): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      REPAIR_API_BASE: org.url,
      REPAIR_CLIENT_ID: org.clientId,
      REPAIR_CLIENT_SECRET: org.clientSecret,
      REPAIR_JOURNAL: journal,
      REPAIR_TIME_SCALE: String(TIME_SCALE),
      REPAIR_TIMEOUT_MS: String(CLIENT_TIMEOUT_REAL_MS),
      REPAIR_RULES: rules,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const before = org.requests.length;
  const watch = killWhen
    ? setInterval(() => {
        if (killWhen() && child.exitCode === null) child.kill('SIGKILL');
      }, 50)
    : undefined;
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      // Let the org see the connections of a killed process close.
      setTimeout(() => {
        const requests = org.requests.slice(before).filter((r) => r.operation !== 'oauth.token');
        const first = Math.min(...requests.map((r) => r.receivedAt));
        const last = Math.max(...requests.map((r) => r.answeredAt ?? r.receivedAt));
        resolve({ activeMs: last - first, requests, code, signal, output });
      }, 100);
    }),
  );
}

/** Where a run's time went, seen from the org: each instant falls in one of three states. */
interface TimeSplit {
  /** The org had counted close to the limit in the last window: only the rate limit held the run. */
  rateBoundS: number;
  /** Calls in flight, budget left: the run waited for answers (latency, the concurrency cap). */
  answerBoundS: number;
  /** Nothing in flight, budget left: the run waited for something else (stations, backoff, start). */
  idleS: number;
  /** The longest idle stretches: when (s from the run's start), how long, and the call that ended it. */
  longestIdle: string[];
  /** Calls the org received in each successive rate window of the run. */
  perWindow: number[];
}

function splitTime(requests: RequestLogEntry[]): TimeSplit {
  const start = Math.min(...requests.map((r) => r.receivedAt));
  const end = Math.max(...requests.map((r) => r.answeredAt ?? r.receivedAt));
  const received = requests.map((r) => r.receivedAt).sort((a, b) => a - b);
  const answered = requests.map((r) => r.answeredAt ?? end).sort((a, b) => a - b);
  const byReceipt = [...requests].sort((a, b) => a.receivedAt - b.receivedAt);
  const STEP = 5;
  // "Close to the limit": within the client's concurrency of it (calls in flight hold tokens).
  const spent = LIMIT - 8;
  let [rateBound, answerBound, idle] = [0, 0, 0];
  let [sent, done, windowStart] = [0, 0, 0];
  const stretches: { from: number; ms: number; next: string }[] = [];
  let idleFrom: number | undefined;
  for (let t = start; t < end; t += STEP) {
    while (sent < received.length && received[sent]! <= t) sent += 1;
    while (done < answered.length && answered[done]! <= t) done += 1;
    while (windowStart < sent && received[windowStart]! <= t - WINDOW_REAL_MS) windowStart += 1;
    const inFlight = sent - done;
    const inWindow = sent - windowStart;
    const isIdle = inWindow < spent && inFlight === 0;
    if (inWindow >= spent) rateBound += STEP;
    else if (inFlight > 0) answerBound += STEP;
    else idle += STEP;
    if (isIdle && idleFrom === undefined) idleFrom = t;
    if (!isIdle && idleFrom !== undefined) {
      stretches.push({
        from: idleFrom - start,
        ms: t - idleFrom,
        next: byReceipt[sent - 1]!.operation,
      });
      idleFrom = undefined;
    }
  }
  const perWindow = Array.from({ length: Math.ceil((end - start) / WINDOW_REAL_MS) }, () => 0);
  for (const at of received) perWindow[Math.floor((at - start) / WINDOW_REAL_MS)]! += 1;
  return {
    perWindow,
    rateBoundS: rateBound / 1000,
    answerBoundS: answerBound / 1000,
    idleS: idle / 1000,
    longestIdle: stretches
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 4)
      .map(
        (s) => `${(s.ms / 1000).toFixed(2)} s at ${(s.from / 1000).toFixed(1)} s, then ${s.next}`,
      ),
  };
}

/** One step of the theoretical minimum: how many calls, and why that many. */
interface MinimumStep {
  step: string;
  calls: number;
  counted: string;
}

const pages = (items: number) => Math.ceil(items / PAGE);

/** Real ms the rate limit needs to let this many calls through. */
const paceMs = (calls: number) => (calls / LIMIT) * WINDOW_REAL_MS;

/**
 * The fewest calls these rules can be carried out with, step by step, counted from the org: what
 * must be read (in the largest pages the API gives) and one call per write the API has no bulk
 * form of.
 */
function minimumSteps(org: FakeOrg, postJit: PostJitConfig, agents: string[]): MinimumStep[] {
  const services = new Map<string, number>();
  const agentSet = new Set(agents);
  for (const audit of org.state.audits)
    if (agentSet.has(audit.entity.id))
      services.set(audit.serviceName, (services.get(audit.serviceName) ?? 0) + 1);
  const names = new Set<string>();
  for (const rule of postJit.rules) {
    for (const skill of rule.skills ?? []) names.add(`skill ${skill.name}`);
    for (const role of rule.roles ?? []) names.add(`role ${role}`);
    if (rule.division) names.add(`division ${rule.division}`);
  }
  if (postJit.phone) names.add('site').add('phone base settings (with their lines)');
  const n = agents.length;
  const stations = org.state.stations().length;
  const refusals = unavoidableRefusals(org, agentSet);
  const steps: MinimumStep[] = [
    {
      step: 'find the new users',
      calls: [...services.values()].reduce((sum, count) => sum + pages(count), 0),
      counted: `audit query, ${PAGE} per page, per audit service (${[...services].map(([service, count]) => `${service} ${count}`).join(', ')})`,
    },
    { step: 'read the users', calls: pages(n), counted: `${PAGE} users by id per call` },
    { step: 'look up the names', calls: names.size, counted: [...names].join(', ') },
    {
      step: 'phones the agents already have',
      calls: pages(n),
      counted: `phones listed by name, ${PAGE} names per call`,
    },
    {
      step: 'division',
      calls: postJit.rules.some((r) => r.division) ? pages(n) : 0,
      counted: `one move per division and ${PAGE} users`,
    },
    {
      step: 'roles',
      calls: postJit.rules.some((r) => r.roles?.length) ? pages(n) : 0,
      counted: `one grant per role, division and ${PAGE} users`,
    },
    {
      step: 'skills',
      calls: n,
      counted: 'one bulk PATCH per agent (the API has no multi-user form)',
    },
    { step: 'WebRTC phone', calls: n, counted: 'one create per agent' },
    {
      step: 'find the new stations',
      calls: Math.min(pages(stations), n),
      counted: `one listing of all ${stations} stations once every new one exists, ${PAGE} per page`,
    },
    {
      step: 'default station',
      calls: n + refusals,
      counted: `one PUT per agent, and again after each of the ${refusals} refusals a client cannot avoid (the hard fake org refuses PUTs to ${org.state.hardness.stationNotReadyRate * 100} % of new stations for ${spanWords(org.state.hardness.stationNotReadyMs)} after they appear; counted for one listing once the last new station exists, then one PUT per agent at the rate limit, oldest phone first)`,
    },
    {
      step: 'verify',
      calls: pages(n),
      counted: `re-read ${PAGE} users per call (a WebRTC default station proves the phone)`,
    },
  ];
  return steps.filter((step) => step.calls > 0);
}

/**
 * The default-station PUTs no client can avoid. The hard fake org refuses PUTs to some new stations
 * for a while after they appear (hardness.ts), whoever asks and however often: a client that PUTs
 * later is not refused. The minimum schedule lists the stations once, when the last new one has
 * appeared, then makes one PUT per agent at the rate limit, oldest phone first (the stations that
 * may still be settling are those of the newest phones); a PUT that meets a station still not
 * ready is refused and sent again after (i+1)·500 ms, as the Terraform provider and the adapter do.
 */
function unavoidableRefusals(org: FakeOrg, agents: Set<string>): number {
  const { state } = org;
  const phones = [...state.phones.values()].filter(
    (phone) => phone.webRtcUserId && agents.has(phone.webRtcUserId),
  );
  const listedAt = Math.max(...phones.map((phone) => phone.stationVisibleAtMs));
  const slotMs = WINDOW_REAL_MS / LIMIT;
  let count = 0;
  phones.forEach((phone, slot) => {
    const readyAt = state.stationNotReadyUntil(state.stationIdOf(phone.id));
    let at = listedAt + slot * slotMs;
    for (let attempt = 1; readyAt !== undefined && at < readyAt; attempt += 1) {
      count += 1;
      at += attempt * 500 * state.timeScale;
    }
  });
  return count;
}

function spanWords(span: Span): string {
  const seconds = (ms: number) => `${ms / 1000}`;
  return typeof span === 'number'
    ? `${seconds(span)} s (org time)`
    : `${seconds(span[0])}–${seconds(span[1])} s (org time)`;
}

/** The longest station delay the org drew for the phones the repair created (org seconds). */
function stationDelayMaxS(org: FakeOrg, agents: Set<string>): number {
  const { hardness } = org.state;
  let max = 0;
  for (const phone of org.state.phones.values()) {
    if (!phone.webRtcUserId || !agents.has(phone.webRtcUserId)) continue;
    const delay = drawSpan(hardness.stationDelayMs, unitHash(hardness.seed, 'station', phone.id));
    max = Math.max(max, delay / 1000);
  }
  return max;
}

async function stampede(
  rules: 'plain' | 'roles',
  log: (line: string) => void,
): Promise<Record<string, unknown>> {
  const postJit = rules === 'roles' ? STAMPEDE_ROLES_POST_JIT : STAMPEDE_POST_JIT;
  const org = await startFakeOrg({
    seed: stampedeSeed(AGENTS, undefined, { brownfield: BROWNFIELD }),
    timeScale: TIME_SCALE,
    faults: FAULTS,
  });
  const orgUsers = org.state.users.size - AGENTS;
  const agents = [...org.state.users.values()]
    .filter((user) => user.department !== 'Back_Office')
    .map((user) => user.id);
  const folder = mkdtempSync(join(tmpdir(), 'jit-doctor-bench-repair-'));
  const journal = join(folder, 'repair.jsonl');
  try {
    // Plans need about three writes per agent; die somewhere between 20 % and 70 % of them.
    const killAfter = Math.round(AGENTS * 3 * (0.2 + Math.random() * 0.5));
    const writes = () => org.requests.filter((r) => r.applied).length;
    log(
      `  ${AGENTS} agents on an org of ${orgUsers} users, ${LIMIT} requests per ${WINDOW_REAL_MS / 1000} s; SIGKILL after ${killAfter} writes`,
    );
    const first = await runRepairProcess(org, journal, rules, () => writes() >= killAfter);
    if (first.signal !== 'SIGKILL')
      throw new Error(`the first run was not killed: ${first.output.slice(-500)}`);
    // The operator reruns it: after the org's rate window has forgotten the killed process's calls.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_REAL_MS));
    const second = await runRepairProcess(org, journal, rules);
    if (second.code !== 0) throw new Error(`the rerun failed: ${second.output.slice(-500)}`);

    const requests = apiRequests(org);
    for (const [name, run] of [
      ['killed run', first],
      ['rerun', second],
    ] as const) {
      const split = splitTime(run.requests);
      log(
        `  ${name}: ${run.requests.length} calls in ${(run.activeMs / 1000).toFixed(1)} s; held by the rate limit ${split.rateBoundS.toFixed(1)} s, waiting for answers ${split.answerBoundS.toFixed(1)} s, nothing in flight ${split.idleS.toFixed(1)} s`,
      );
      log(`    calls per ${WINDOW_REAL_MS / 1000} s window: ${split.perWindow.join(' ')}`);
      for (const stretch of split.longestIdle) log(`    idle ${stretch}`);
    }
    const calls = requests.length;
    const written = requests.filter(isWrite).length;
    const elapsedMs = first.activeMs + second.activeMs;
    const audit = auditStampedeOrg(org.state, readJournal(journal), postJit);
    for (const problem of [...audit.notRepaired, ...audit.journalDisagreements].slice(0, 5))
      log(`  ${problem}`);
    const minimum = minimumSteps(org, postJit, agents);
    const minimumCalls = minimum.reduce((sum, step) => sum + step.calls, 0);
    log('  minimum calls, step by step:');
    for (const step of minimum) log(`    ${step.step}: ${step.calls} (${step.counted})`);
    const byOperation = new Map<string, number[]>();
    for (const request of requests) {
      const times = byOperation.get(request.operation) ?? [];
      if (request.answeredAt !== undefined) times.push(request.answeredAt - request.receivedAt);
      else times.push(Number.NaN);
      byOperation.set(request.operation, times);
    }
    log(
      `  time: ${(elapsedMs / 1000).toFixed(1)} s of API activity (both runs, first request to last answer; not process start-up or the pause between the runs); the rate limit lets the ${calls} calls made through in ${(paceMs(calls) / 1000).toFixed(1)} s (time_vs_minimum: pacing of the calls made), the ${minimumCalls} of the minimum in ${(paceMs(minimumCalls) / 1000).toFixed(1)} s (time_vs_minimum_calls)`,
    );
    log('  calls made, by operation (and how long the org took to answer, real ms):');
    for (const [operation, times] of [...byOperation].sort((a, b) => b[1].length - a[1].length)) {
      const answered = times.filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
      const mean = answered.reduce((sum, t) => sum + t, 0) / Math.max(1, answered.length);
      const p90 = answered[Math.floor(answered.length * 0.9)] ?? 0;
      log(`    ${operation}: ${times.length} (mean ${mean.toFixed(1)}, p90 ${p90.toFixed(1)})`);
    }
    return {
      calls_per_agent: calls / AGENTS,
      writes_per_agent: written / AGENTS,
      overhead_per_agent: (calls - written) / AGENTS,
      minimum_calls_per_agent: minimumCalls / AGENTS,
      minimum_counted_as: Object.fromEntries(
        minimum.map((step) => [step.step, `${step.calls}: ${step.counted}`]),
      ),
      time_vs_minimum: elapsedMs / paceMs(calls),
      time_vs_minimum_calls: elapsedMs / paceMs(minimumCalls),
      http_429: requests.filter((r) => r.status === 429).length,
      agents_failed: audit.notRepaired.length,
      duplicate_phones: audit.duplicatePhones,
      journal_disagreements: audit.journalDisagreements.length,
      org_users: orgUsers,
      station_delay_max_s: stationDelayMaxS(org, new Set(agents)),
      faults_injected: requests.filter((r) => r.fault).length,
      killed_after_writes: killAfter,
      elapsed_s: elapsedMs / 1000,
    };
  } finally {
    await org.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export const repairBenchmarks: Benchmark[] = [
  { name: 'repair.stampede-2000', run: (log) => stampede('plain', log) },
  { name: 'repair.stampede-2000-roles', run: (log) => stampede('roles', log) },
];
