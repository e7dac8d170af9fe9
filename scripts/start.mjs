#!/usr/bin/env node
/**
 * `npm start`: builds the renderer and the Electron bundles, then launches Electron. The Electron
 * binary is fetched on first start; where it cannot be (no network), says so in one line, points
 * to the command line, and exits non-zero.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fail = (line) => {
  console.error(`jit-doctor: ${line}`);
  process.exit(1);
};

/**
 * Where the installed Electron binary is, read the way electron's index.js does, but without
 * requiring it: that require downloads the binary on first use and throws a stack trace when it cannot.
 */
function electronBinary() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Electron's own installer fetches the binary (what a first `require('electron')` would do). */
function fetchElectron() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const installer = join(packageDir, 'install.js');
    if (!existsSync(installer)) return null;
    if (process.stderr.isTTY)
      console.error('jit-doctor: fetching the Electron binary (first start) ...');
    spawnSync(process.execPath, [installer], {
      cwd: packageDir,
      stdio: 'ignore',
      timeout: 180_000,
    });
  } catch {
    // Reported below as "not installed".
  }
  return electronBinary();
}

const binary = electronBinary() ?? fetchElectron();
if (!binary) {
  fail(
    'the Electron binary could not be fetched on this machine, so the desktop app cannot open; use the command line instead: npx jit-doctor --help',
  );
}

for (const [label, args] of [
  ['renderer', [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']],
  ['main process', [join(root, 'scripts/build-electron.mjs')]],
]) {
  const built = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) fail(`the ${label} does not build (see above)`);
}

const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
child.on('error', (error) => fail(`Electron could not start: ${error.message}`));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
