/**
 * `repair.stampede-2000` (docs/benchmarks.md): 2,000 agents just created by JIT, repaired against the
 * fake org enforcing 300 requests per org minute, with an org minute lasting 3 real seconds
 * (timeScale 0.05), light injected faults (5xx, resets, timeouts) and the repair process killed
 * with SIGKILL at a random point, then run again after the rate window has passed.
 *
 * Calls and writes are counted by the fake org, not by the client: calls are every API request
 * received (429s and faulted ones included), writes the successful changes the plans asked for.
 * Elapsed time counts the two runs' API activity, not process start-up or the pause between them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOrg, type FakeOrg } from '../../electron/genesys/fake-org/server';
import { readJournal } from '../../electron/genesys/provisioning/journal';
import { auditStampedeOrg, stampedeSeed } from '../integration/provisioning/stampede-org';
import type { Benchmark } from './types';

const AGENTS = 2000;
const TIME_SCALE = 0.05;
const LIMIT = 300;
const WINDOW_REAL_MS = 60_000 * TIME_SCALE;
const FAULTS = { seed: 11, errorRate: 0.003, resetRate: 0.002, timeoutRate: 0.001 };
const READ_POSTS = new Set(['users.search', 'audits.realtimeQuery', 'locations.search']);
const CHILD = fileURLToPath(
  new URL('../integration/provisioning/repair-child.ts', import.meta.url),
);

interface Run {
  /** Real ms from the run's first API request to its last. */
  activeMs: number;
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
function runRepairProcess(org: FakeOrg, journal: string, killWhen?: () => boolean): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      REPAIR_API_BASE: org.url,
      REPAIR_CLIENT_ID: org.clientId,
      REPAIR_CLIENT_SECRET: org.clientSecret,
      REPAIR_JOURNAL: journal,
      REPAIR_TIME_SCALE: String(TIME_SCALE),
      REPAIR_TIMEOUT_MS: '5000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const before = apiRequests(org).length;
  let firstAt = 0;
  let lastAt = 0;
  let seen = before;
  const watch = setInterval(() => {
    const now = apiRequests(org).length;
    if (now > seen) {
      const at = performance.now();
      if (firstAt === 0) firstAt = at;
      lastAt = at;
      seen = now;
    }
    if (killWhen?.() && child.exitCode === null) child.kill('SIGKILL');
  }, 5);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      resolve({ activeMs: lastAt - firstAt, code, signal, output });
    }),
  );
}

async function stampede(log: (line: string) => void): Promise<Record<string, unknown>> {
  const org = await startFakeOrg({
    seed: stampedeSeed(AGENTS),
    timeScale: TIME_SCALE,
    faults: FAULTS,
  });
  const folder = mkdtempSync(join(tmpdir(), 'jit-doctor-bench-repair-'));
  const journal = join(folder, 'repair.jsonl');
  try {
    // Plans need about three writes per agent; die somewhere between 20 % and 70 % of them.
    const killAfter = Math.round(AGENTS * 3 * (0.2 + Math.random() * 0.5));
    const writes = () => org.requests.filter((r) => r.applied).length;
    log(
      `  ${AGENTS} agents, ${LIMIT} requests per ${WINDOW_REAL_MS / 1000} s; SIGKILL after ${killAfter} writes`,
    );
    const first = await runRepairProcess(org, journal, () => writes() >= killAfter);
    if (first.signal !== 'SIGKILL')
      throw new Error(`the first run was not killed: ${first.output}`);
    // The operator reruns it: after the org's rate window has forgotten the killed process's calls.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_REAL_MS));
    const second = await runRepairProcess(org, journal);
    if (second.code !== 0) throw new Error(`the rerun failed: ${second.output.slice(-500)}`);

    const requests = apiRequests(org);
    const calls = requests.length;
    const written = requests.filter(isWrite).length;
    const elapsedMs = first.activeMs + second.activeMs;
    const audit = auditStampedeOrg(org.state, readJournal(journal));
    for (const problem of [...audit.notRepaired, ...audit.journalDisagreements].slice(0, 5))
      log(`  ${problem}`);
    return {
      calls_per_agent: calls / AGENTS,
      writes_per_agent: written / AGENTS,
      overhead_per_agent: (calls - written) / AGENTS,
      time_vs_minimum: elapsedMs / ((calls / LIMIT) * WINDOW_REAL_MS),
      http_429: requests.filter((r) => r.status === 429).length,
      agents_failed: audit.notRepaired.length,
      duplicate_phones: audit.duplicatePhones,
      journal_disagreements: audit.journalDisagreements.length,
      faults_injected: requests.filter((r) => r.fault).length,
      killed_after_writes: killAfter,
      elapsed_s: elapsedMs / 1000,
      scale: `${LIMIT} req per ${WINDOW_REAL_MS / 1000} s`,
    };
  } finally {
    await org.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export const repairBenchmarks: Benchmark[] = [{ name: 'repair.stampede-2000', run: stampede }];
