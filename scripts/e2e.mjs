#!/usr/bin/env node
/**
 * `npm run test:e2e`: builds the renderer with Vite, then runs test/e2e/run.ts (through tsx) in
 * Debian's Chromium. Never downloads a browser: without /usr/bin/chromium it says so and fails.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.JIT_DOCTOR_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(
    `e2e: ${chromium} is missing; install Debian's chromium (apt-get install chromium).`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

try {
  const { build } = await import('vite');
  await build({
    root: join(root, 'renderer'),
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
  });
} catch (error) {
  console.error(
    `e2e: the renderer does not build: ${error instanceof Error ? error.message : error}`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const { register } = await import('tsx/esm/api');
register();
await import('../test/e2e/run.ts');
