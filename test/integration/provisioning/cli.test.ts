/**
 * `jit-doctor repair` end to end against the embedded demo org (in memory, one run each): the
 * plan first, then the applied and re-read result, and the exit codes of docs/cli.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../../electron/genesys/provisioning/journal';

const BIN = fileURLToPath(new URL('../../../dist/cli/jit-doctor.mjs', import.meta.url));

function jitDoctor(args: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'jit-doctor-cli-'));
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    // The demo org is as slow as Genesys Cloud: a new WebRTC station takes up to a minute.
    timeout: 150_000,
    // keep the default journal out of the real app data folder
    env: { ...process.env, XDG_CONFIG_HOME: home, HOME: home, APPDATA: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, home };
}

describe('jit-doctor repair on the demo org', () => {
  it('shows the plan of a stuck agent, applies it and reports it verified', () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'jit-doctor-cli-')), 'repair.jsonl');
    const run = jitDoctor([
      'repair',
      '--user',
      'emma.patel@acme.example',
      '--demo',
      '--yes',
      '--journal',
      journal,
    ]);
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
  }, 150_000);

  it('without --yes and without a terminal, plans and applies nothing (exit 1)', () => {
    const run = jitDoctor(['repair', '--stuck', '--since', '24h', '--demo']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/steps for \d+ users planned; nothing applied; pass --yes/);
  });

  it('refuses a missing org choice with one line and exit 2', () => {
    const run = jitDoctor(['repair', '--user', 'emma.patel@acme.example']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'jit-doctor: repair needs exactly one of --org (a live org) or --demo',
    );
  });
});
