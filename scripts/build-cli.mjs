#!/usr/bin/env node
/**
 * Bundles the command line into dist/cli with esbuild (run by `npm ci`/`npm pack` through the
 * `prepare` script, and by the test setup). The engine and the small pure-JS libraries go into the
 * bundle, so a cold start reads one file; the Genesys SDK and playwright-core stay packages of
 * their own and are loaded only by the commands that use them (code splitting + dynamic import).
 */
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeValidators } from './build-validators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/cli');

export async function buildCli({ quiet = false } = {}) {
  writeValidators();
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { 'jit-doctor': join(root, 'electron/cli/bin.ts') },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.mjs' },
    // chunks beside the entry: resources/ is two levels up from every file (electron/resources.ts)
    chunkNames: '[name]-[hash]',
    external: ['purecloud-platform-client-v2', 'playwright-core'],
    // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __jitDoctorRequire } from 'node:module'; const require = __jitDoctorRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'warning',
  });
  chmodSync(join(outdir, 'jit-doctor.mjs'), 0o755);
  if (!quiet) console.log('built dist/cli/jit-doctor.mjs');
}

/** vitest's globalSetup: the tests that run the command as a process run the bundle of today's source. */
export async function setup() {
  await buildCli({ quiet: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
