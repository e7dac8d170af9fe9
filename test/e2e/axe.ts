/** Accessibility: axe-core injected into the page (through CDP, so the app's CSP stays strict). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let source: Promise<string> | null = null;

/** Serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return violations(page, ['serious', 'critical']);
}

/** Every violation, minor ones included, on the page as it is now, one line each. */
export async function allViolations(page: Page): Promise<string[]> {
  return violations(page, ['minor', 'moderate', 'serious', 'critical']);
}

async function violations(page: Page, impacts: readonly string[]): Promise<string[]> {
  source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const has = await page.evaluate(() => 'axe' in globalThis);
  if (!has) await page.evaluate(await source);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target),
    }));
  });
  return violations
    .filter((v) => v.impact === null || impacts.includes(v.impact))
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes)}`);
}

/**
 * Every violation, minor ones included, in the light then the dark theme, each line naming the
 * state and the theme; the theme in use before is put back.
 */
export async function axeBothThemes(page: Page, state: string): Promise<string[]> {
  const lines: string[] = [];
  const before = await page.evaluate('document.documentElement.dataset.theme ?? "system"');
  for (const theme of ['light', 'dark']) {
    await page.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
    for (const line of await allViolations(page)) lines.push(`${state} (${theme}): ${line}`);
  }
  await page.evaluate(`document.documentElement.dataset.theme = ${JSON.stringify(before)}`);
  return lines;
}
