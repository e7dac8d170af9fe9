/**
 * Commands under trouble: `snapshot --out` never replaces a file without --force nor writes into a
 * device or folder, and `repair --watch` refuses an interval that would burn the rate limit. Each
 * refusal is one line, before any org is read. In-process (runCli with a recording io), as a
 * spawned `jit-doctor` would run them, without paying a process start per command.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jitDoctor } from './in-process';

async function cli(...args: string[]) {
  const run = await jitDoctor(args);
  return { status: run.code, stdout: run.stdout, stderr: run.stderr.trim() };
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'jd-trouble-'));
  // The repair lock and the default journal live in the app data folder: keep them out of the real one.
  vi.stubEnv('XDG_CONFIG_HOME', join(folder, 'app-data'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(folder, { recursive: true, force: true });
});

describe('snapshot --out', () => {
  it('keeps an existing file unless --force, and then replaces it whole', async () => {
    const out = join(folder, 'snapshot.json');
    writeFileSync(out, 'precious\n');
    expect(await cli('snapshot', '--demo', '--out', out)).toMatchObject({
      status: 2,
      stderr: `jit-doctor: ${out} already exists; use --force to replace it`,
    });
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    expect((await cli('snapshot', '--demo', '--out', out, '--force')).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ org: { name: 'acme-contact' } });
  });

  it('refuses devices and folders, even with --force', async () => {
    expect(await cli('snapshot', '--demo', '--out', '/dev/null', '--force')).toMatchObject({
      status: 2,
      stderr:
        'jit-doctor: /dev/null is not a regular file (a device, pipe or socket); give a file name to write',
    });
    expect(await cli('snapshot', '--demo', '--out', folder)).toMatchObject({
      status: 2,
      stderr: `jit-doctor: ${folder} is a folder; give a file name to write`,
    });
  });
});

describe('repair --watch --interval', () => {
  it('refuses polling faster than every 5 seconds', async () => {
    for (const interval of ['0.001s', '4s']) {
      const out = await cli(
        'repair',
        '--stuck',
        '--watch',
        '--yes',
        '--demo',
        '--interval',
        interval,
      );
      expect(out.status, interval).toBe(2);
      expect(out.stderr).toBe(
        `jit-doctor: --interval must be at least 5s (got "${interval}"): every poll reads the org's audit log and counts against the rate limit the repairs need`,
      );
    }
  });
});

describe('repair --journal', () => {
  it('refuses a journal path that is a folder or a device, before any write', async () => {
    for (const [path, what] of [
      [folder, 'a folder'],
      ['/dev/full', 'not a regular file'],
    ] as const) {
      const out = await cli('repair', '--stuck', '--yes', '--demo', '--journal', path);
      expect(out.status, path).toBe(2);
      expect(out.stderr).toBe(
        `jit-doctor: the repair journal ${path} is ${what}; pass --journal FILE`,
      );
      expect(out.stdout).toBe('');
    }
  });
});
