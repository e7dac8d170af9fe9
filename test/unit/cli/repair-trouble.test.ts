/**
 * Commands under trouble: `snapshot --out` never replaces a file without --force nor writes into a
 * device or folder, and `repair --watch` refuses an interval that would burn the rate limit. Each
 * refusal is one line, before any org is read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'dist', 'cli', 'jit-doctor.mjs');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: join(folder, 'app-data') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'jd-trouble-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('snapshot --out', () => {
  it('keeps an existing file unless --force, and then replaces it whole', () => {
    const out = join(folder, 'snapshot.json');
    writeFileSync(out, 'precious\n');
    expect(cli('snapshot', '--demo', '--out', out)).toMatchObject({
      status: 2,
      stderr: `jit-doctor: ${out} already exists; use --force to replace it`,
    });
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    expect(cli('snapshot', '--demo', '--out', out, '--force').status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ org: { name: 'acme-contact' } });
  });

  it('refuses devices and folders, even with --force', () => {
    expect(cli('snapshot', '--demo', '--out', '/dev/null', '--force')).toMatchObject({
      status: 2,
      stderr:
        'jit-doctor: /dev/null is not a regular file (a device, pipe or socket); give a file name to write',
    });
    expect(cli('snapshot', '--demo', '--out', folder)).toMatchObject({
      status: 2,
      stderr: `jit-doctor: ${folder} is a folder; give a file name to write`,
    });
  });
});

describe('repair --watch --interval', () => {
  it('refuses polling faster than every 5 seconds', () => {
    for (const interval of ['0.001s', '4s']) {
      const out = cli('repair', '--stuck', '--watch', '--yes', '--demo', '--interval', interval);
      expect(out.status, interval).toBe(2);
      expect(out.stderr).toBe(
        `jit-doctor: --interval must be at least 5s (got "${interval}"): every poll reads the org's audit log and counts against the rate limit the repairs need`,
      );
    }
  });
});

describe('repair --journal', () => {
  it('refuses a journal path that is a folder or a device, before any write', () => {
    for (const [path, what] of [
      [folder, 'a folder'],
      ['/dev/full', 'not a regular file'],
    ] as const) {
      const out = cli('repair', '--stuck', '--yes', '--demo', '--journal', path);
      expect(out.status, path).toBe(2);
      expect(out.stderr).toBe(
        `jit-doctor: the repair journal ${path} is ${what}; pass --journal FILE`,
      );
      expect(out.stdout).toBe('');
    }
  });
});
