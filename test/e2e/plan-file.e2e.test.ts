/**
 * Applying a plan file in the app (issue 10): the stuck agents of the demo org are listed and their
 * plan exported as JSON; a reviewer edits the file (drops a user, and a step of another); the file
 * is opened with "Apply a plan file…", listed as it lists the users with what it leaves out said
 * user by user, confirmed and applied exactly; the step left out is said once in the results. A
 * plan for another org is refused, naming both. A harness of its own, on a fresh demo org scaled in
 * time (an org minute in 6 s) so the stations appear quickly. Screenshots: test/e2e/screenshots/
 * 08-plan-file-*.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import type { PlanFile } from '../../shared/provisioning/plan-file';
import { allViolations } from './axe';
import { CHROMIUM, ROOT, startHarness, type Harness } from './harness';
import { expect, fullPageShot, openScreen } from './steps';

const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');

describe.skipIf(!existsSync(CHROMIUM))('a plan file in the app', () => {
  it('is exported, edited, opened, listed as it says, applied exactly; another org’s is refused', async () => {
    const harness = await startHarness({ demoTimeScale: 0.1 });
    const page = await harness.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    const screenshot = (name: string) => fullPageShot(page, join(SCREENSHOTS, `${name}.png`));
    try {
      await applyPlanFile(harness, page, screenshot);
      expect(problems.length === 0, problems.join('\n'));
    } catch (error) {
      await screenshot('failed-plan-file').catch(() => {});
      throw error;
    } finally {
      await harness.close();
    }
  });
});

async function applyPlanFile(
  harness: Harness,
  page: Page,
  screenshot: (name: string) => Promise<void>,
) {
  await page.getByRole('status', { name: 'Connected org' }).getByText(/org/).waitFor();
  await openScreen(page, 'Repair');
  await page.getByRole('button', { name: 'Find stuck agents' }).click();
  await page
    .getByTestId('review-count')
    .getByText(/^6 of 6 shown chosen/)
    .waitFor();
  await page.getByRole('button', { name: 'Export plan (JSON)' }).click();
  for (let i = 0; i < 50 && harness.saved.length === 0; i++) await page.waitForTimeout(100);
  const exported = harness.saved.find((f) => f.name.endsWith('.json'));
  expect(exported, 'the plan is exported as JSON');

  // The reviewer leaves Grace out, and Emma's Order_Tracking skill.
  const plan = JSON.parse(exported.text) as PlanFile;
  const emma = plan.users.find((u) => u.email === 'emma.patel@acme.example');
  expect(emma, 'Emma is in the plan');
  expect(
    emma.steps.some((s) => s.key === 'skill:Order_Tracking'),
    'Emma gets Order_Tracking',
  );
  emma.steps = emma.steps.filter((s) => s.key !== 'skill:Order_Tracking');
  plan.users = plan.users.filter((u) => u.email !== 'grace.novak@acme.example');
  harness.dialogQueue.push({ name: 'reviewed-plan.json', text: JSON.stringify(plan) });
  await page.getByRole('button', { name: 'Apply a plan file…' }).click();
  const opened = page.getByTestId('plan-file');
  await opened.getByText(/5 users listed below/).waitFor();
  await page
    .getByTestId('review-count')
    .getByText(/^5 of 5 shown chosen/)
    .waitFor();
  const notes = await page.getByTestId('plan-file-notes').innerText();
  expect(
    notes.includes('Emma Patel') &&
      notes.includes('not in the reviewed plan, so not done: add skill Order_Tracking (1)'),
    `the step left out is said: ${notes}`,
  );
  expect(!(await page.getByTestId('review-list').innerText()).includes('Grace'), 'no Grace');
  await screenshot('08-plan-file-opened');
  const violations = await allViolations(page);
  expect(violations.length === 0, `axe on the opened plan: ${violations.join('\n')}`);

  await page.getByRole('button', { name: 'Repair 5 chosen…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Write to the demo org acme-contact?' });
  await confirm.getByText('5 users', { exact: true }).waitFor();
  await screenshot('08-plan-file-confirm');
  await confirm.getByRole('button', { name: 'Repair 5 users' }).click();
  const progress = page.getByTestId('repair-progress');
  await progress.getByRole('heading', { name: /^Repair finished/ }).waitFor({ timeout: 240_000 });
  await screenshot('08-plan-file-applied');
  const emmaResult = await progress.getByRole('row').filter({ hasText: 'Emma Patel' }).innerText();
  expect(
    (emmaResult.match(/Order_Tracking/g) ?? []).length === 1 &&
      emmaResult.includes('not in the reviewed plan, so not done: add skill Order_Tracking (1)'),
    `Emma's left-out step is said once, with why: ${emmaResult}`,
  );
  expect(
    (await progress.getByRole('row').filter({ hasText: 'Grace' }).count()) === 0,
    'Grace, left out of the file, is not in the job',
  );

  // A plan reviewed for another org is refused before anything is read or written.
  harness.dialogQueue.push({
    name: 'prod-plan.json',
    text: JSON.stringify({ ...plan, org: { name: 'Prod', region: 'mypurecloud.ie' } }),
  });
  await page.getByRole('button', { name: 'Apply a plan file…' }).click();
  await page
    .getByRole('alert')
    .getByText(
      'prod-plan.json was reviewed for Prod in mypurecloud.ie, not for acme-contact in mypurecloud.com: connect to that org in Settings, or export a plan from the org connected now.',
    )
    .waitFor();
  await screenshot('08-plan-file-other-org');
}
