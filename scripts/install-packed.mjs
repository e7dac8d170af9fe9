#!/usr/bin/env node
/**
 * Packs the CLI as users get it (`npm pack`) and installs the tarball into an empty folder, away
 * from the clone: what a command reads at run time must be in the package. Prints the path of the
 * installed `jit-doctor` on stdout (logs go to stderr). Used by .ci/run and the cli.cold-start bench.
 *
 *   node scripts/install-packed.mjs [FOLDER]     (default: a new temporary folder)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function installPacked(folder = mkdtempSync(join(tmpdir(), 'jit-doctor-packed-'))) {
  const target = resolve(folder);
  mkdirSync(target, { recursive: true });
  if (readdirSync(target).length > 0) throw new Error(`${target} is not empty`);
  const packs = join(target, 'pack');
  mkdirSync(packs);
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  execFileSync(npm, ['pack', '--pack-destination', packs, ...quiet], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(packs).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  const prefix = join(target, 'install');
  mkdirSync(prefix);
  // the dependencies come from the registry, through the cache `npm ci` filled
  execFileSync(
    npm,
    ['install', '--prefix', prefix, '--prefer-offline', ...quiet, join(packs, tarball)],
    { cwd: prefix, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const bin = join(prefix, 'node_modules', '.bin', 'jit-doctor');
  if (!existsSync(bin)) throw new Error(`the package installed no ${bin}`);
  return bin;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    process.stdout.write(`${installPacked(process.argv[2])}\n`);
  } catch (error) {
    process.stderr.write(`install-packed: ${error instanceof Error ? error.message : error}\n`);
    process.exitCode = 1;
  }
}
