/**
 * Files the commands cannot read or write end in one plain line and exit 2, the same wording in
 * every command: "no such file", never an errno code or Node's "ENOENT: ..., open '...'".
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeWriteError } from '../../../electron/cli/input';
import { fsFailure as describeFsError } from '../../../shared/fs-failure';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'dist', 'cli', 'jit-doctor.mjs');
const MISSING_DIR = join(ROOT, 'test', 'no-such-folder');

function cli(...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
  });
  return { status: result.status, stderr: result.stderr };
}

const errno = (code: string) => Object.assign(new Error(`${code}: raw node text`), { code });

describe('file error wording', () => {
  it('says what went wrong reading and writing', () => {
    expect(describeFsError(errno('ENOENT'))).toBe('no such file');
    expect(describeWriteError(errno('ENOENT'))).toBe('its folder does not exist');
    expect(describeWriteError(errno('EACCES'))).toBe('permission denied');
  });

  it('repair names a missing configuration in one line', () => {
    const config = join(MISSING_DIR, 'config.json');
    const out = cli('repair', '--user', 'a@b.example', '--demo', '--dry-run', '--config', config);
    expect(out.status).toBe(2);
    expect(out.stderr.trim()).toBe(
      `jit-doctor: cannot read the configuration ${config}: no such file`,
    );
  });

  it('snapshot says the folder of --out is missing', () => {
    const target = join(MISSING_DIR, 'snapshot.json');
    const out = cli('snapshot', '--demo', '--out', target);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(`cannot write ${target}: its folder does not exist`);
    expect(out.stderr).not.toMatch(/ENOENT|^\s+at /m);
  });
});

describe('devices and pipes', () => {
  it('diagnose /dev/zero and --config /dev/zero stop at the cap with one line, exit 2', () => {
    const input = cli('diagnose', '/dev/zero');
    expect(input.status).toBe(2);
    expect(input.stderr.trim()).toBe(
      'jit-doctor: the input /dev/zero gives more than 256 MiB (a device or a pipe that does not end?); give a file',
    );
    const config = cli('diagnose', '/dev/null', '--config', '/dev/zero');
    expect(config.status).toBe(2);
    expect(config.stderr).toContain('the configuration /dev/zero gives more than 256 MiB');
  });
});
