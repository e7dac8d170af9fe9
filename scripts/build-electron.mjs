#!/usr/bin/env node
/**
 * Bundles the Electron main process (with the engine, adapter and services it uses) and the
 * preload into dist/electron with esbuild. `electron` stays external: the runtime provides it.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeValidators } from './build-validators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
writeValidators();
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  // Some dependencies read import.meta.url; in the CJS bundle it is the bundle's own file URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...common,
  entryPoints: { main: join(root, 'electron/main/main.ts') },
  outdir: join(root, 'dist/electron'),
  outExtension: { '.js': '.cjs' },
});

// The preload runs sandboxed: it may require only 'electron', so everything else is bundled in.
await build({
  ...common,
  entryPoints: { preload: join(root, 'electron/preload/preload.ts') },
  outdir: join(root, 'dist/electron'),
  outExtension: { '.js': '.cjs' },
  target: 'chrome130',
  platform: 'browser',
});
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
