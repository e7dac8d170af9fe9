/**
 * `renderer.repair-list-2000` (docs/benchmarks.md): the Repair screen's review of the 2,000-agent
 * demo org in Debian's Chromium, with the real main-process handlers. The org is read once, time-
 * scaled (the read is the org's time, not the renderer's); its reply is then handed to
 * the page again, a fresh copy each run, so each run times the renderer alone: from the reply
 * reaching the page to the list rendered, "Select all shown", and a department filter applied.
 *
 * `repair.demo-6-app-vs-cli`: the six-agent demo repaired by the app's job (the main-process
 * handlers, from "Find stuck agents" to the job's end) beside `jit-doctor repair --stuck --demo
 * --yes` as a whole process, interleaved, each on a fresh demo org; the goal is app ≤ 1.5 × CLI.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { invokeChannel, type RepairCandidate, type RepairJobView } from '../../shared/ipc';
import { APP_URL, ROOT, startHarness, type Harness } from '../e2e/harness';
import { openScreen } from '../e2e/steps';
import { median, ready, round } from './renderer';
import type { Benchmark } from './types';

const run = promisify(execFile);
const CLI = join(ROOT, 'dist/cli/jit-doctor.mjs');

/** Hands the page a fresh copy of the first findStuckAgents reply, noting when it arrives. */
const REPLAY = `(() => {
  const real = window.__jitDoctorInvoke;
  let first = null;
  window.__jitDoctorInvoke = async (channel, request) => {
    if (channel !== ${JSON.stringify(invokeChannel('findStuckAgents'))}) return real(channel, request);
    first ??= await real(channel, request);
    const copy = structuredClone(first);
    window.__replyAt = performance.now();
    return copy;
  };
})()`;

/**
 * ms from the reply reaching the page (or from `start`, when no reply is awaited) until `done`
 * (a page expression) holds after `start` (page code) ran.
 */
function timeUntil(page: Page, start: string, done: string, timeoutMs = 20_000): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const done = () => ${done};
    let started = 0;
    const finish = () => { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - (window.__replyAt ?? started)); };
    const observer = new MutationObserver(() => { if (done()) finish(); });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('not done within ${timeoutMs} ms: ' + ${JSON.stringify(done)})); }, ${timeoutMs});
    observer.observe(document.body, { attributes: true, childList: true, subtree: true, characterData: true });
    window.__replyAt = undefined;
    started = performance.now();
    ${start};
  })`) as Promise<number>;
}

const COUNT = `(document.querySelector('[data-testid="review-count"]')?.textContent ?? '')`;
const ROWS = `document.querySelectorAll('[data-testid="review-list"] [data-email]').length`;
const click = (label: string) =>
  `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(label)}).click()`;
const DEPARTMENT = `document.querySelector('[aria-label="Filter the agents"] select')`;
const chooseDepartment = (value: string) =>
  `(() => { const s = ${DEPARTMENT}; const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set; set.call(s, ${JSON.stringify(value)}); s.dispatchEvent(new Event('change', { bubbles: true })); })()`;

async function call<T>(harness: Harness, method: string, request: unknown): Promise<T> {
  const result = await harness.dispatch(method as never, APP_URL, request);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function listBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const skip = await ready(log);
  if (skip) return { skipped: skip };
  // The read is paced by the org's limit, not the renderer: an org minute in 3 s makes it seconds.
  const harness = await startHarness({ demoTimeScale: 0.05 });
  try {
    await call(harness, 'connectOrg', { profileId: null, demoStuckAgents: 2000 });
    const page = await harness.newPage();
    await page.evaluate(REPLAY);
    await openScreen(page, 'Repair');
    log('  reading the 2,000 stuck agents from the demo org once');
    const first = await timeUntil(
      page,
      click('Find stuck agents'),
      `/^2,000 of 2,000 shown/.test(${COUNT}) && ${ROWS} > 0`,
      600_000,
    );
    log(`  first list rendered ${Math.round(first)} ms after the org's reply`);
    const departments = await page.evaluate(
      `[...${DEPARTMENT}.options].map((o) => o.value).filter(Boolean)`,
    );
    const department = (departments as string[]).includes('Billing') ? 'Billing' : '';
    if (!department) throw new Error(`no Billing department to filter on: ${String(departments)}`);
    const render: number[] = [];
    const selectAll: number[] = [];
    const filter: number[] = [];
    for (let i = 0; i < 14; i++) {
      // A fresh list of the same 2,000 agents (filters reset, everyone chosen).
      render.push(
        await timeUntil(
          page,
          click('Find stuck agents'),
          `window.__replyAt !== undefined && /^2,000 of 2,000 shown/.test(${COUNT}) && ${ROWS} > 0`,
        ),
      );
      await timeUntil(page, click('Select none'), `/^0 of 2,000 shown/.test(${COUNT})`);
      selectAll.push(
        await timeUntil(page, click('Select all shown'), `/^2,000 of 2,000 shown/.test(${COUNT})`),
      );
      filter.push(
        await timeUntil(
          page,
          chooseDepartment(department),
          `/^\\d[\\d,]* of \\d[\\d,]* shown/.test(${COUNT}) && !/of 2,000 shown/.test(${COUNT})`,
        ),
      );
    }
    // Two warm-up runs: the first renders compile the page's code paths.
    const warm = (values: number[]) => round(median(values.slice(2)));
    const fields = {
      render_ms: warm(render),
      select_all_ms: warm(selectAll),
      filter_ms: warm(filter),
      agents: 2000,
      runs: render.length - 2,
    };
    return {
      median_ms: Math.max(fields.render_ms, fields.select_all_ms, fields.filter_ms),
      ...fields,
    };
  } finally {
    await harness.close();
  }
}

/** The app's job on a fresh demo org: find the stuck agents, repair them all, until the job ends. */
async function appRun(): Promise<number> {
  const harness = await startHarness();
  try {
    // From the demo org's start, as the CLI's run starts its own.
    const started = performance.now();
    await call(harness, 'connectOrg', { profileId: null });
    const stuck = await call<RepairCandidate[]>(harness, 'findStuckAgents', { sinceHours: 24 });
    await call(harness, 'startRepair', { userIds: stuck.map((c) => c.user.id) });
    for (;;) {
      const job = await call<RepairJobView | null>(harness, 'getRepairJob', {});
      if (job && (job.state === 'finished' || job.state === 'cancelled')) {
        if (job.counts.repaired !== stuck.length)
          throw new Error(`the app's job did not repair all: ${JSON.stringify(job.counts)}`);
        return performance.now() - started;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await harness.close();
  }
}

async function cliRun(): Promise<number> {
  const home = await mkdtemp(join(tmpdir(), 'jit-doctor-bench-cli-'));
  try {
    const started = performance.now();
    const { stdout } = await run(process.execPath, [CLI, 'repair', '--stuck', '--demo', '--yes'], {
      env: { ...process.env, XDG_CONFIG_HOME: home, APPDATA: home, HOME: home, NO_COLOR: '1' },
    });
    const elapsed = performance.now() - started;
    if (!/6 users: 6 repaired/.test(stdout))
      throw new Error(`the CLI did not repair all six: ${stdout.slice(-300)}`);
    return elapsed;
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

async function appVsCli(log: (line: string) => void): Promise<Record<string, unknown>> {
  const skip = await ready(log);
  if (skip) return { skipped: skip };
  if (!existsSync(CLI)) return { skipped: `no CLI bundle at ${CLI}: run npm run build:cli` };
  const app: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < 5; i++) {
    // Interleaved, so a drift in the machine's speed hits both alike.
    app.push(await appRun());
    cli.push(await cliRun());
    log(`  run ${i + 1}: app ${Math.round(app[i]!)} ms, CLI ${Math.round(cli[i]!)} ms`);
  }
  const appMs = round(median(app));
  const cliMs = round(median(cli));
  return {
    median_ms: appMs,
    cli_median_ms: cliMs,
    ratio: round(appMs / cliMs),
    agents: 6,
    runs: 5,
  };
}

export const repairAppBenchmarks: Benchmark[] = [
  { name: 'renderer.repair-list-2000', run: listBench },
  { name: 'repair.demo-6-app-vs-cli', run: appVsCli },
];
