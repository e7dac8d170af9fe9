#!/usr/bin/env node
/**
 * `npm run build:lambda -- --config my-config.json`: bundles the repair Lambda
 * (electron/lambda/handler.ts) into dist/lambda/index.cjs and copies the configuration beside it as
 * jit-doctor.json, the folder deploy/aws/template.yaml deploys (docs/lambda.md).
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/lambda');
const args = process.argv.slice(2);
const configAt = args.indexOf('--config');
const config = configAt >= 0 ? args[configAt + 1] : undefined;
if (configAt >= 0 && !config) {
  console.error('build-lambda: --config needs the path of your configuration (with postJit rules)');
  process.exit(2);
}
if (config) {
  if (!existsSync(config)) {
    console.error(`build-lambda: no such file: ${config}`);
    process.exit(2);
  }
  try {
    JSON.parse(readFileSync(config, 'utf8'));
  } catch {
    console.error(
      `build-lambda: ${config} is not JSON; check it with: jit-doctor config check ${config}`,
    );
    process.exit(2);
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { index: join(root, 'electron/lambda/handler.ts') },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir: out,
  outExtension: { '.js': '.cjs' },
  logLevel: 'warning',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
if (config) copyFileSync(resolve(config), join(out, 'jit-doctor.json'));
console.log(
  `built ${join('dist/lambda', 'index.cjs')}` +
    (config
      ? ` with ${config} as jit-doctor.json`
      : '; add your configuration as dist/lambda/jit-doctor.json (or pass --config FILE)'),
);
