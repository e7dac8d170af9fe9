/**
 * The Repair screen at full size (issue 10): the demo org with 2,000 stuck agents, time-scaled (an
 * org minute lasts 3 s, its 300-call limit and station delays scaled alike) in a harness of its
 * own, so the review is read in seconds; then repaired at 20 calls an org minute so the job runs
 * long enough to be left and found again. Filter to one department, deselect some, export the plan,
 * apply it, go to Diagnose and back mid-run (the top-bar indicator and the progress stay), try to
 * switch the org (refused), cancel ("Cancelling…" at once), and resume from the journal. axe finds
 * no violation, minor ones included, on any of these states (reading the org too), light or dark.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PlanFile } from '../../shared/provisioning/plan-file';
import { axeBothThemes } from './axe';
import { ROOT, startHarness, type Harness } from './harness';
import type { Scenario } from './scenario';
import { expect, openScreen } from './steps';

/** An org minute in 3 s. */
const TIME_SCALE = 0.05;

const count = (page: Page) => page.getByTestId('review-count').innerText();

/** "1,234" → 1234 */
const numberIn = (text: string, pattern: RegExp) => {
  const match = pattern.exec(text);
  if (!match) throw new Error(`"${text}" does not match ${pattern}`);
  return Number(match[1]!.replace(/,/g, ''));
};

async function setRateLimit(page: Page, perMinute: number) {
  await openScreen(page, 'Settings');
  await page.getByLabel('API rate limit (requests per minute)').fill(String(perMinute));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('alert').getByText('Settings saved.').waitFor();
}

export const repair2000: Scenario = {
  name: 'repair at 9 AM: 2,000 stuck agents filtered, deselected, exported, applied, left and found again, org switch refused, cancelled, resumed',
  async run() {
    const harness = await startHarness({ demoTimeScale: TIME_SCALE });
    try {
      await stampede(harness);
    } catch (error) {
      const page = harness.context.pages().at(-1);
      await page
        ?.screenshot({ path: join(ROOT, 'test/e2e/screenshots', 'failed-repair-2000.png') })
        .catch(() => {});
      throw error;
    } finally {
      await harness.close();
    }
  },
};

async function stampede(harness: Harness) {
  const page = await harness.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  /** The window as it is, scrolled to the top or to the review list (`atReview`). */
  const screenshot = async (name: string, atReview = false) => {
    if (atReview) await page.getByTestId('review-count').scrollIntoViewIfNeeded();
    else await page.evaluate('window.scrollTo(0, 0)');
    // The window as the person sees it: the list and the results are long.
    await page.screenshot({
      path: join(ROOT, 'test/e2e/screenshots', `${name}.png`),
    });
  };
  const axe: string[] = [];
  await openScreen(page, 'Settings');
  const bigDemo = page.getByRole('listitem').filter({ hasText: 'Demo org at 9 AM' });
  await bigDemo.getByRole('button', { name: 'Use' }).click();
  await page
    .getByRole('alert')
    .getByText(/^Connected to /)
    .waitFor({ timeout: 60_000 });

  await openScreen(page, 'Repair');
  await page.getByRole('button', { name: 'Find stuck agents' }).click();
  await page.getByTestId('review-reading').waitFor();
  axe.push(...(await axeBothThemes(page, 'reading the org')));
  // Leaving while the org is read loses nothing: the list is there on return.
  await openScreen(page, 'Diagnose');
  await openScreen(page, 'Repair');
  await page
    .getByTestId('review-count')
    .getByText(/^2,000 of 2,000 shown chosen/)
    .waitFor({ timeout: 120_000 });
  await screenshot('07-repair-2000-review');
  axe.push(...(await axeBothThemes(page, 'review of 2,000')));

  await page
    .getByRole('search', { name: 'Filter the agents' })
    .getByRole('combobox', { name: /^Department/ })
    .selectOption('Billing');
  const billing = numberIn(await count(page), /^([\d,]+) of \1 shown chosen/);
  expect(billing > 20 && billing < 2000, `one department is a part of the 2,000: ${billing}`);
  const rows = page.getByTestId('review-list').getByRole('row');
  for (let i = 1; i <= 3; i++) await rows.nth(i).getByRole('checkbox').uncheck();
  const chosen = billing - 3;
  await page
    .getByTestId('review-count')
    .getByText(
      new RegExp(`^${chosen.toLocaleString('en')} of ${billing.toLocaleString('en')} shown chosen`),
    )
    .waitFor();
  await screenshot('07-repair-2000-filtered');

  await page.getByRole('button', { name: 'Export plan (JSON)' }).click();
  for (let i = 0; i < 50 && !harness.saved.some((f) => f.name.endsWith('.json')); i++)
    await page.waitForTimeout(100);
  const exported = harness.saved.find((f) => f.name.endsWith('.json'));
  expect(exported, 'the plan is exported as JSON');
  const plan = JSON.parse(exported.text) as PlanFile;
  expect(
    plan.users.length === chosen && plan.users.every((u) => u.department === 'Billing'),
    `the plan holds the ${chosen} chosen Billing agents, got ${plan.users.length}`,
  );

  // Slow enough to be left and found again; the list waits on the Repair screen meanwhile.
  await setRateLimit(page, 20);
  await openScreen(page, 'Repair');
  await page
    .getByTestId('review-count')
    .getByText(new RegExp(`^${chosen.toLocaleString('en')} of`))
    .waitFor();
  await page.getByRole('button', { name: /^Repair [\d,]+ chosen/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Write to the demo org acme-contact?' });
  await confirm.getByText(`${chosen.toLocaleString('en')} users`, { exact: true }).waitFor();
  await screenshot('07-repair-2000-confirm');
  axe.push(...(await axeBothThemes(page, 'confirmation')));
  await confirm
    .getByRole('button', { name: `Repair ${chosen.toLocaleString('en')} users` })
    .click();
  const progress = page.getByTestId('repair-progress');
  // The first steps end before the first users (a user ends with its verification).
  await progress.getByText(/ · [1-9][\d,]* of [\d,]+ steps/).waitFor({ timeout: 120_000 });
  await screenshot('07-repair-2000-running');
  axe.push(...(await axeBothThemes(page, 'running')));

  await openScreen(page, 'Diagnose');
  const indicator = page.getByTestId('repair-indicator');
  await indicator.getByText(/^Repairing \d+\/[\d,]+/).waitFor();
  await screenshot('07-repair-2000-indicator-on-diagnose');
  await indicator.click();
  await page
    .getByRole('button', { name: 'Repair', exact: true })
    .and(page.locator('[aria-current="page"]'))
    .waitFor();
  await progress.getByRole('progressbar').waitFor();

  await openScreen(page, 'Settings');
  // Still running (the top bar says so): the switch below must be refused, not merely late.
  await page
    .getByTestId('repair-indicator')
    .getByText(/^Repairing /)
    .waitFor();
  await page
    .getByRole('listitem')
    .filter({ hasText: '6 stuck agents' })
    .getByRole('button', { name: 'Use' })
    .click();
  await page.getByRole('alert').waitFor();
  const refusal = await page.getByRole('alert').innerText();
  expect(
    /A repair is writing to the demo org .*cancel it on the Repair screen, or wait for it to end/.test(
      refusal,
    ),
    `switching the org mid-run is refused with the reason, got: ${refusal}`,
  );
  await screenshot('07-repair-2000-org-switch-refused');
  await page.getByTestId('repair-indicator').click();

  await progress.getByRole('button', { name: 'Cancel' }).click();
  // At once, before the main process has answered.
  await progress.getByRole('button', { name: 'Cancelling…' }).waitFor({ timeout: 1_000 });
  await screenshot('07-repair-2000-cancelling');
  axe.push(...(await axeBothThemes(page, 'cancelling')));
  await progress.getByRole('heading', { name: /^Repair cancelled/ }).waitFor({ timeout: 60_000 });
  const counts = await progress.getByRole('list', { name: 'Results so far' }).innerText();
  const notStarted = numberIn(counts, /([\d,]+)\s+not started/);
  expect(notStarted > 0, `a cancelled job leaves some agents not started: ${counts}`);
  // Those never started are not counted done, and the bar does not jump to its end.
  const line = await progress.getByText(/ users done · /).innerText();
  expect(
    numberIn(line, /^([\d,]+) of/) === chosen - notStarted && !/(\d+) of \1 steps/.test(line),
    `a cancelled job counts what it did: ${line} (${notStarted} not started)`,
  );
  // Those it reached but did not finish say the cancel stopped them, and what is left.
  const partly = await progress.locator('[role="row"].outcome-failed').allInnerTexts();
  expect(
    partly.every((row) => /stopped by the cancel before it was done: /.test(row)),
    `a user the cancel stopped part-way says so: ${partly.find((row) => !/stopped by the cancel/.test(row))}`,
  );
  // Every user's result is listed, virtualised: a few rows in the page, the last one a key away.
  const results = progress.getByTestId('repair-results');
  const listed = Number(await results.getAttribute('aria-rowcount')) - 1;
  const inPage = await results.getByRole('row').count();
  expect(
    listed === chosen && inPage < 60,
    `the results list all ${chosen} users (${listed}), ${inPage} rows of them in the page`,
  );
  await results.getByRole('rowgroup', { name: 'Results' }).focus();
  await page.keyboard.press('End');
  await results.locator(`[role="row"][aria-rowindex="${listed + 1}"]`).waitFor();
  await page.keyboard.press('Home');
  await results.locator('[role="row"][aria-rowindex="2"]').waitFor();
  await screenshot('07-repair-2000-cancelled');
  axe.push(...(await axeBothThemes(page, 'cancelled')));

  await page.getByRole('button', { name: 'Show the journal' }).click();
  await page
    .getByRole('button', { name: /^Resume: re-check the [\d,]+ users? this job did not verify/ })
    .first()
    .click();
  const left = numberIn(
    await page
      .getByTestId('review-count')
      .getByText(/ shown chosen/)
      .innerText(),
    /^([\d,]+) of/,
  );
  expect(
    left > 0 && left <= chosen,
    `the resumed review lists what the job left: ${left} of ${chosen}`,
  );
  await screenshot('07-repair-2000-resumed', true);
  axe.push(...(await axeBothThemes(page, 'resumed review')));
  expect(axe.length === 0, `axe on the repair states:\n${axe.join('\n')}`);
  expect(problems.length === 0, problems.join('\n'));
}
