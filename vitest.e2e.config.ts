import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: the renderer in Debian's Chromium (test/e2e). One file whose scenarios run in
 * order on one page; the timeout is a guard against a hung browser, not a performance check.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
