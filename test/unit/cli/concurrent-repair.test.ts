/**
 * Two `jit-doctor repair --stuck --yes` processes against one org (the standalone fake org of
 * `npm run fake-org`, 300 stuck agents, time-scaled so that new stations appear within about a
 * real second instead of a minute): one repairs, the other refuses naming the holder, and the org's
 * own audit finds no agent with two phones.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'dist', 'cli', 'jit-doctor.mjs');

/** Real seconds per org second of the fake org: its 0–60 s station delays last at most 1.2 s. */
const TIME_SCALE = 0.02;

let folder: string;
let fakeOrg: ChildProcess | undefined;
let env: Record<string, string> = {};

/** Starts `npm run fake-org` and reads the KEY=value lines it prints. */
function startFakeOrg(agents: number, config: string): Promise<Record<string, string>> {
  fakeOrg = spawn(
    'npm',
    [
      'run',
      '-s',
      'fake-org',
      '--',
      '--agents',
      String(agents),
      '--rate-limit',
      '0',
      '--config-out',
      config,
      '--time-scale',
      String(TIME_SCALE),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  return new Promise((resolve, reject) => {
    let text = '';
    fakeOrg!.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const vars = Object.fromEntries(
        text
          .split('\n')
          .map((line) => /^([A-Z_]+)=(.+)$/.exec(line))
          .filter((m): m is RegExpExecArray => m !== null)
          .map((m) => [m[1]!, m[2]!]),
      );
      if (vars.JIT_DOCTOR_FAKE_ORG_AUDIT) resolve(vars);
    });
    fakeOrg!.on('exit', (code) => reject(new Error(`fake-org exited with ${code}`)));
  });
}

function repair(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'repair',
      '--stuck',
      '--yes',
      '--org',
      '--config',
      join(folder, 'config.json'),
      '--rate-limit',
      '6000',
    ],
    {
      env: { ...process.env, ...env, XDG_CONFIG_HOME: join(folder, 'app-data'), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'jd-concurrent-'));
  env = await startFakeOrg(300, join(folder, 'config.json'));
}, 60_000);

afterAll(() => {
  // npm runs the script in a process group of its own: stop all of it.
  if (fakeOrg?.pid) process.kill(-fakeOrg.pid, 'SIGTERM');
  rmSync(folder, { recursive: true, force: true });
});

describe('two repairs of one org at once', () => {
  it('leave no agent with two phones: the second refuses, naming the first', async () => {
    const runs = await Promise.all([repair(), repair()]);
    const done = runs.filter((r) => r.code === 0);
    const refused = runs.filter((r) => r.code === 1);
    expect(done, runs.map((r) => r.stderr).join('\n')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(done[0]!.stdout).toContain('300 users: 300 repaired, 0 not repaired');
    expect(refused[0]!.stdout).toBe('');
    expect(refused[0]!.stderr.trim()).toMatch(
      /^jit-doctor: another repair of http:\/\/127\.0\.0\.1:\d+ with client fake-[\w-]+ is running: jit-doctor repair --stuck, pid \d+ on .+, since .+; wait for it to finish or stop it \(or pass --wait to start when it is done\); nothing was applied$/,
    );

    const audit = (await (await fetch(env.JIT_DOCTOR_FAKE_ORG_AUDIT!)).json()) as Record<
      string,
      unknown
    >;
    expect(audit).toMatchObject({
      users: 300,
      phones: 300,
      duplicatePhones: 0,
      usersWithDuplicatePhones: [],
      notRepaired: 0,
    });
  }, 180_000);
});
