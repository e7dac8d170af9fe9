/** What an e2e scenario is: a named walk through the app, run in order by app.e2e.test.ts. */
import type { Page } from 'playwright-core';
import type { Harness } from './harness';

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
