/**
 * `npm run test:e2e`: the app's screens in Debian's Chromium against the real main-process
 * handlers, one vitest test per scenario, in order (each leaves the app where the next starts).
 * Screenshots go to test/e2e/screenshots; a failed scenario leaves `failed-<name>.png` there.
 * Without Chromium on the machine the run is one skipped test that says why.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumMissing, ROOT, startHarness, type Harness } from './harness';
import type { ScenarioContext } from './scenario';
import { fullPageShot } from './steps';
import { scenarios } from './scenarios';

const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');
const missing = chromiumMissing();

if (missing) it('the app in Chromium', (context) => context.skip(missing));

describe.skipIf(missing)('the app in Chromium', () => {
  let harness: Harness | undefined;
  let context: ScenarioContext;
  /** Page errors and unexpected console errors seen during the running scenario. */
  const problems: string[] = [];
  let expected: RegExp | undefined;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    harness = await startHarness();
    const page = await harness.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error' || expected?.test(message.text())) return;
      problems.push(`console error: ${message.text()}`);
    });
    context = {
      harness,
      page,
      screenshot: (name) => fullPageShot(page, join(SCREENSHOTS, `${name}.png`)),
    };
  });

  afterAll(async () => {
    await harness?.close();
  });

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      problems.length = 0;
      expected = scenario.expectedConsoleErrors;
      try {
        await scenario.run(context);
        if (problems.length > 0) throw new Error(problems.join('\n'));
      } catch (error) {
        await context.screenshot(`failed-${scenario.name.replace(/\W+/g, '-')}`).catch(() => {});
        throw error;
      }
    });
  }
});
