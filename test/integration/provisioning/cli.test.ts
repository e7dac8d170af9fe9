/**
 * `jit-doctor repair` end to end, the bundled CLI in a child process: the plan first, then the
 * applied and re-read result, and the exit codes of docs/cli.md. The applying run works on the demo
 * org started here, time-scaled (a new WebRTC station takes up to an org minute, about a real
 * second), reached with --org --api-base as any org is; the others on the CLI's own --demo org.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH, startDemoOrg } from '../../../electron/genesys/fake-org/demo';
import type { FakeOrg } from '../../../electron/genesys/fake-org/server';
import { readJournal } from '../../../electron/genesys/provisioning/journal';

const BIN = fileURLToPath(new URL('../../../dist/cli/jit-doctor.mjs', import.meta.url));
/** Real ms per org ms of the org started here: its 0–60 s station delays last at most 1.2 s. */
const TIME_SCALE = 0.02;

let org: FakeOrg;
beforeAll(async () => {
  org = await startDemoOrg({ timeScale: TIME_SCALE });
});
afterAll(async () => {
  await org?.stop();
});

/** Runs the CLI without blocking this process: the org it talks to may be served from here. */
function jitDoctor(args: string[], env: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'jit-doctor-cli-'));
  const child = spawn(process.execPath, [BIN, ...args], {
    // keep the default journal and the lock out of the real app data folder
    env: { ...process.env, XDG_CONFIG_HOME: home, HOME: home, APPDATA: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('jit-doctor repair', () => {
  it('shows the plan of a stuck agent, applies it and reports it verified', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'jit-doctor-cli-')), 'repair.jsonl');
    const run = await jitDoctor(
      [
        'repair',
        '--user',
        'emma.patel@acme.example',
        '--org',
        '--api-base',
        org.url,
        '--config',
        DEMO_CONFIG_PATH,
        '--yes',
        '--journal',
        journal,
      ],
      {
        GENESYSCLOUD_OAUTHCLIENT_ID: org.clientId,
        GENESYSCLOUD_OAUTHCLIENT_SECRET: org.clientSecret,
      },
    );
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(run.code, run.stderr).toBe(0);
    const plan = run.stdout.indexOf('1. add skill Customer_Service (1)');
    const result = run.stdout.indexOf('emma.patel@acme.example  repaired');
    expect(plan).toBeGreaterThan(0);
    expect(run.stdout).toContain('create a WebRTC phone on site Chicago');
    expect(result).toBeGreaterThan(plan);
    expect(run.stdout).toContain('verified: nothing left to do');
    const lines = readJournal(journal);
    expect(lines.filter((l) => l.event === 'finished').map((l) => l.step)).toContain('verify');
    // The org agrees: the agent's one WebRTC phone has the station that is now the default.
    const emma = [...org.state.users.values()].find((u) => u.email === 'emma.patel@acme.example')!;
    const phones = [...org.state.phones.values()].filter((p) => p.webRtcUserId === emma.id);
    expect(phones).toHaveLength(1);
    expect(org.state.stations().find((s) => s.webRtcUserId === emma.id)?.id).toBe(
      emma.defaultStationId,
    );
  });

  it('on the demo org, without --yes and without a terminal, plans and applies nothing (exit 1)', async () => {
    const run = await jitDoctor(['repair', '--stuck', '--since', '24h', '--demo']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/steps for \d+ users planned; nothing applied; pass --yes/);
  });

  it('refuses a missing org choice with one line and exit 2', async () => {
    const run = await jitDoctor(['repair', '--user', 'emma.patel@acme.example']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'jit-doctor: repair needs exactly one of --org (a live org) or --demo',
    );
  });
});
