/**
 * `npm run test:e2e`: the app's screens in Debian's Chromium against the real main-process
 * handlers. Prints one line per test and a closing `N passed, M failed`; exits non-zero on failure.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, startHarness, type Harness } from './harness';
import { scenarios } from './scenarios';

export interface Scenario {
  name: string;
  /** Console errors this scenario provokes on purpose. */
  expectedConsoleErrors?: RegExp;
  run(context: ScenarioContext): Promise<void>;
}

export interface ScenarioContext {
  harness: Harness;
  page: Page;
  screenshot(name: string): Promise<void>;
}

const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');

async function main(): Promise<number> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const harness = await startHarness();
  let passed = 0;
  let failed = 0;
  try {
    const page = await harness.newPage();
    const problems: string[] = [];
    let expected: RegExp | undefined;
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error' || expected?.test(message.text())) return;
      problems.push(`console error: ${message.text()}`);
    });
    const context: ScenarioContext = {
      harness,
      page,
      screenshot: async (name) => {
        await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      },
    };
    for (const scenario of scenarios) {
      const started = performance.now();
      problems.length = 0;
      expected = scenario.expectedConsoleErrors;
      try {
        await scenario.run(context);
        if (problems.length > 0) throw new Error(problems.join('\n'));
        passed += 1;
        console.log(`ok   ${scenario.name} (${Math.round(performance.now() - started)} ms)`);
      } catch (error) {
        failed += 1;
        console.log(
          `FAIL ${scenario.name}\n     ${(error as Error).message.split('\n').join('\n     ')}`,
        );
        await context.screenshot(`failed-${scenario.name.replace(/\W+/g, '-')}`).catch(() => {});
      }
    }
  } finally {
    await harness.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exitCode = await main().catch((error: unknown) => {
  console.log(`e2e: ${(error as Error).message}`);
  console.log('0 passed, 1 failed');
  return 1;
});
