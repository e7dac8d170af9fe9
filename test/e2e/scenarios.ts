/** What the e2e run checks, in order: each scenario leaves the app where the next one starts. */
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { manyValuesResponse } from '../bench/diagnose';
import { allViolations, axeBothThemes, seriousViolations } from './axe';
import { readSample, ROOT } from './harness';
import { repair2000 } from './repair-2000';
import type { Scenario } from './scenario';
import { VERDICT_HEADLINES, type VerdictCategory } from '../../shared/report/verdict';
import { configInUse, expect, openScreen, pasteAnywhere, useConfig } from './steps';
import { departmentPair } from '../fixtures/compare/department-pair';
import { BIG_JOB, writeBigJournal } from '../fixtures/journal/big-journal';
import { diagnoseScenarios, firstLaunchScenarios } from './scenarios-diagnose';
import { jitScenarios } from './scenarios-jit';
import { metadataScenarios } from './scenarios-metadata';

const NEAR_MISS = '011-claim-namespace-near-miss-department';
const SCREENS = ['Diagnose', 'Compare', 'History', 'Configuration', 'Repair', 'Settings'];

const IDP_CERT = readFileSync(join(ROOT, 'test/fixtures/keys/idp.crt'), 'utf8').replace(
  /-----[A-Z ]+-----|\s+/g,
  '',
);
const IDP_METADATA = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example/metadata-issuer"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${IDP_CERT}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>`;

const sampleConfig = (name: string) =>
  readFile(join(ROOT, 'test/fixtures/samples', name, 'config.json'), 'utf8');

export const scenarios: Scenario[] = [
  {
    name: 'the renderer bundle carries no engine, SDK, XML-DSig library or key',
    async run() {
      const assets = join(ROOT, 'dist/renderer/assets');
      const bundle = (
        await Promise.all(
          (await readdir(assets))
            .filter((f) => f.endsWith('.js'))
            .map((f) => readFile(join(assets, f), 'utf8')),
        )
      ).join('\n');
      for (const marker of [
        'purecloud-platform-client',
        'loginClientCredentialsGrant',
        'xml-crypto',
        'SignedXml',
        'DOMParser:',
        'BEGIN PRIVATE KEY',
        'BEGIN RSA PRIVATE KEY',
        'safeStorage',
      ]) {
        expect(!bundle.includes(marker), `the renderer bundle must not contain ${marker}`);
      }
      expect(
        !bundle.includes('jsxDEV'),
        "the renderer is built for production (React's development build is several times slower)",
      );
    },
  },
  {
    name: 'first launch shows the paste prompt and the org',
    async run({ page, screenshot }) {
      await page.getByText('Paste a SAML response anywhere').waitFor();
      await page.getByRole('status', { name: 'Connected org' }).getByText(/org/).waitFor();
      await screenshot('01-diagnose-empty');
    },
  },
  ...firstLaunchScenarios,
  {
    name: 'repair: a stuck demo agent is reviewed, confirmed in a modal, repaired, then right; the others cancelled and resumed from the journal; no rules and an unreachable org said so; a skill the org lacks fails users with the reason; axe on every state, minor included, light and dark',
    async run({ page, screenshot }) {
      const axe: string[] = [];
      const check = async (state: string) => axe.push(...(await axeBothThemes(page, state)));
      await openScreen(page, 'Repair');
      // Without post-JIT rules there is nothing to judge agents by: it says so, not "none stuck".
      const config = await configInUse(page);
      expect(config, 'a configuration is in use before the repair scenario');
      try {
        await useConfig(page, { text: await sampleConfig(NEAR_MISS), source: 'near-miss.json' });
        await page.getByRole('button', { name: 'Find stuck agents' }).click();
        await page.getByRole('alert').getByRole('button', { name: 'Open Configuration' }).waitFor();
        await screenshot('05-repair-no-rules');
        await check('no post-JIT rules');
      } finally {
        await useConfig(page, config);
      }

      await page.getByRole('button', { name: 'Find stuck agents' }).click();
      const list = page.getByTestId('review-list');
      await list.waitFor();
      const email = (await list.locator('[data-email]').first().getAttribute('data-email')) ?? '';
      expect(email.includes('@'), 'a stuck agent is listed with its email');
      await screenshot('05-repair-review');
      await check('review');

      await page.getByLabel('Name, email or id').fill(email);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const state = page.getByTestId('user-state');
      await state.waitFor();
      await state.getByText(/Plan: \d+ steps?/).waitFor();
      await state.getByRole('button', { name: /^Repair / }).click();
      const confirm = page.getByRole('dialog', { name: /^Write to the demo org acme-contact\?/ });
      await confirm.waitFor();
      await confirm.getByText('mypurecloud.com').waitFor();
      await screenshot('05-repair-confirm');
      await check('confirmation');
      // A stray Enter lands on Cancel; Escape closes the dialog: nothing is written.
      expect(
        await page.evaluate('document.activeElement?.textContent === "Cancel"'),
        'the confirmation opens with Cancel focused',
      );
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached' });
      await state.getByRole('button', { name: /^Repair / }).click();
      await confirm.getByRole('button', { name: 'Repair 1 user' }).click();
      const progress = page.getByTestId('repair-progress');
      // The demo org is as slow as Genesys Cloud: a new WebRTC station takes up to a minute.
      await page.locator('[data-testid="repair-progress"][data-state="running"]').waitFor();
      await screenshot('05-repair-running');
      await check('running');
      await progress
        .getByRole('heading', { name: /^Repair finished/ })
        .waitFor({ timeout: 150_000 });
      const outcome = await progress
        .getByTestId('repair-results')
        .getByRole('row')
        .nth(1)
        .innerText();
      expect(/repaired/.test(outcome), `the agent is repaired, got: ${outcome}`);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await state.getByText('Plan: nothing to do').waitFor();
      await screenshot('05-repair-single-done');
      await check('one user repaired');

      // The others: started, then cancelled; what the cancel left is resumed from the journal.
      await page.getByRole('button', { name: 'Find stuck agents' }).click();
      const bulk = page.getByRole('button', { name: /^Repair \d+ chosen/ });
      await bulk.waitFor();
      await bulk.click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^Repair \d+ users?$/ })
        .click();
      await progress.getByText(/ · [1-9]\d* of \d+ steps/).waitFor({ timeout: 120_000 });
      await progress.getByRole('button', { name: 'Cancel' }).click();
      // "Cancelling…" at once, unless the job has already stopped (six users stop in a moment; the
      // 2,000-agent scenario checks the cancelling state itself).
      await progress
        .getByRole('button', { name: 'Cancelling…' })
        .or(progress.getByRole('heading', { name: /^Repair cancelled/ }))
        .waitFor({ timeout: 1_000 });
      await progress
        .getByRole('heading', { name: /^Repair cancelled/ })
        .waitFor({ timeout: 150_000 });
      await screenshot('05-repair-cancelled');
      await check('cancelled');

      await page.getByRole('button', { name: 'Show the journal' }).click();
      const resume = page
        .getByRole('button', { name: /^Resume: re-check the \d+ users? this job did not verify/ })
        .first();
      await resume.waitFor();
      await screenshot('05-repair-journal');
      await check('journal');
      await resume.click();
      await bulk.waitFor();
      await screenshot('05-repair-resumed');
      await check('resumed review');
      await bulk.click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /^Repair \d+ users?$/ })
        .click();
      await progress.getByRole('progressbar').waitFor();
      await progress
        .getByRole('heading', { name: /^Repair finished/ })
        .waitFor({ timeout: 200_000 });
      const counts = await progress.getByRole('list', { name: 'Results so far' }).innerText();
      expect(/\b0\s+failed/.test(counts), `every stuck agent is repaired: ${counts}`);
      await page.getByRole('button', { name: 'Refresh the journal' }).click();
      await page
        .locator('.journal-job')
        .first()
        .getByText(/before|→/)
        .first()
        .waitFor();
      await screenshot('05-repair-bulk-done');
      await check('done');
      await page.getByRole('button', { name: 'Find stuck agents' }).click();
      await page.getByTestId('no-stuck').waitFor();
      await check('no stuck agent left');

      // An org that cannot be reached: Repair says which and why; the journal still opens.
      await openScreen(page, 'Settings');
      await page.getByLabel('Name', { exact: true }).fill('Acme without a secret');
      await page.getByLabel('Region').fill('mypurecloud.de');
      await page.getByLabel('Client id').fill('client-unreachable');
      await page.getByRole('button', { name: 'Save profile' }).click();
      const profile = page.getByRole('listitem').filter({ hasText: 'Acme without a secret' });
      await profile.getByRole('button', { name: 'Use' }).click();
      await page.getByRole('alert').waitFor();
      await openScreen(page, 'Repair');
      await page.getByRole('button', { name: 'Find stuck agents' }).click();
      await page
        .getByRole('alert')
        .getByText(/Acme without a secret.*no client secret/)
        .waitFor();
      await screenshot('05-repair-org-unreachable');
      await check('org unreachable');
      await page.getByRole('button', { name: 'Show the journal' }).click();
      await page.locator('.journal-job').first().waitFor();
      await check('journal with the org unreachable');
      await openScreen(page, 'Settings');
      await profile.getByRole('button', { name: 'Delete' }).click();
      await profile.waitFor({ state: 'detached' });
      // The profile in use is gone: the app is back on the demo org.
      await page
        .getByRole('listitem')
        .filter({ hasText: '6 stuck agents' })
        .getByRole('button', { name: 'Use' })
        .and(page.locator('[disabled]'))
        .waitFor();
      await page
        .getByRole('status', { name: 'Connected org' })
        .getByText(/^Demo org/)
        .waitFor();

      // A rule granting a skill the org lacks: the job ends, and says who failed and why.
      const demo = (await page.evaluate('window.jitDoctor.demoConfig()')) as {
        value: { text: string; source: string };
      };
      const lacking = JSON.parse(demo.value.text) as {
        postJit: { rules: { skills: { name: string; proficiency: number }[] }[] };
      };
      lacking.postJit.rules[0]!.skills.push({ name: 'No_Such_Skill', proficiency: 1 });
      try {
        await useConfig(page, { text: JSON.stringify(lacking), source: 'lacking-skill.json' });
        await openScreen(page, 'Repair');
        await page.getByRole('button', { name: 'Find stuck agents' }).click();
        await bulk.click();
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /^Repair \d+ users?$/ })
          .click();
        await progress.getByRole('progressbar').waitFor();
        await progress
          .getByRole('heading', { name: /^Repair finished/ })
          .waitFor({ timeout: 200_000 });
        const ended = await progress.getByRole('list', { name: 'Results so far' }).innerText();
        expect(/\b[1-9]\d*\s+failed/.test(ended), `the lacking skill fails users: ${ended}`);
        await progress
          .locator('[role="row"].outcome-failed')
          .filter({ hasText: /No_Such_Skill" does not exist in the org/ })
          .first()
          .waitFor();
        await screenshot('05-repair-done-with-failures');
        await check('finished with failures');
      } finally {
        await useConfig(page, config);
      }
      expect(axe.length === 0, `axe on the repair states:\n${axe.join('\n')}`);
    },
  },
  {
    name: 'configuration: JSON is validated inline and saved; imports merge after a preview',
    async run({ page, screenshot }) {
      await openScreen(page, 'Configuration');
      await page.getByRole('tab', { name: 'JSON' }).click();
      const editor = page.getByLabel('Configuration JSON');
      await editor.fill('{ "sso": { "clockSkewSeconds": "ten" } }');
      await page
        .locator('.validation.bad')
        .getByText(/clockSkewSeconds/)
        .waitFor();
      await editor.fill(await sampleConfig(NEAR_MISS));
      await page.locator('.validation.ok').waitFor();
      await page.getByText('Unsaved changes').waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page
        .getByRole('alert')
        .getByText(/^Saved/)
        .waitFor();
      await page.getByRole('heading', { name: /Configuration\s+Saved/ }).waitFor();
      await page
        .getByRole('button', { name: /^Active configuration: Entra ID \(Azure AD\) - employees/ })
        .waitFor();
      await page.getByRole('button', { name: 'Import from org…' }).click();
      const providers = page.getByRole('region', { name: 'SSO providers in the org' });
      await providers.getByText('Azure AD - employees').waitFor();
      await page.locator('summary', { hasText: 'Import IdP metadata' }).click();
      await page.getByLabel('Metadata XML (EntityDescriptor)').fill(IDP_METADATA);
      await page.getByRole('button', { name: 'Import issuer and certificates…' }).click();
      const preview = page.getByRole('region', {
        name: 'Merge IdP metadata into the configuration',
      });
      await preview.getByRole('rowheader', { name: 'sso.issuer' }).waitFor();
      await preview.getByRole('button', { name: 'Merge' }).click();
      await page
        .getByRole('alert')
        .getByText(/settings? changed/)
        .waitFor();
      await page.getByRole('tab', { name: 'Form' }).click();
      await page.getByLabel('Issuer', { exact: true }).waitFor();
      expect(
        (await page.getByLabel('Issuer', { exact: true }).inputValue()) ===
          'https://idp.example/metadata-issuer',
        'the metadata issuer is in the form',
      );
      await screenshot('04-configuration-imported');
      await page.getByRole('tab', { name: 'JSON' }).click();
      // Back to the saved text by hand: nothing is unsaved any more.
      await editor.fill(await sampleConfig(NEAR_MISS));
      await page.locator('.validation.ok').waitFor();
      await page.getByRole('heading', { name: /Configuration\s+Saved/ }).waitFor();
      await page.getByRole('tab', { name: 'Form' }).click();
      const issuer = await page.getByLabel('Issuer', { exact: true }).inputValue();
      expect(
        issuer.startsWith('https://sts.windows.net/'),
        `the form shows the saved issuer, got ${issuer}`,
      );
      await screenshot('04-configuration');
    },
  },
  {
    name: 'configuration: a preset merges after a preview that keeps issuer, certificates and rules; leaving with unsaved edits asks; Open file stays',
    async run({ page, harness, screenshot }) {
      await openScreen(page, 'Configuration');
      await page.getByLabel('Preset').selectOption({ label: 'Okta' });
      const preview = page.getByRole('region', { name: /^Merge preset Okta/ });
      await preview.getByRole('rowheader', { name: 'attributeMapping.email' }).waitFor();
      expect(
        (await preview.getByRole('rowheader', { name: 'sso.issuer' }).count()) === 0 &&
          (await preview.getByRole('rowheader', { name: 'sso.certificates' }).count()) === 0,
        'the preset leaves the issuer and the certificates alone',
      );
      await preview.getByText(/setting.* would change; \d+ stay/).waitFor();
      await screenshot('04-configuration-preset-preview');
      await preview.getByRole('button', { name: 'Merge' }).click();
      await page.getByText('Unsaved changes').waitFor();
      // Closing the window now asks as well.
      const asked = new Promise<string>((resolve) => {
        page.once('dialog', (dialog) => {
          resolve(dialog.type());
          void dialog.dismiss();
        });
        setTimeout(() => resolve('no question within 5 s'), 5_000);
      });
      await page.close({ runBeforeUnload: true });
      const question = await asked;
      expect(question === 'beforeunload', `closing with unsaved edits asks, got ${question}`);
      expect(!page.isClosed(), 'the window stays when the person stays');
      await page.getByRole('tab', { name: 'Form' }).click();
      expect(
        (await page.getByLabel('Issuer', { exact: true }).inputValue()).startsWith(
          'https://sts.windows.net/',
        ),
        'the issuer survives the preset',
      );
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Diagnose', exact: true })
        .click();
      const ask = page.getByRole('alertdialog', { name: 'Unsaved configuration changes' });
      await ask.waitFor();
      await screenshot('04-configuration-leave-asks');
      await ask.getByRole('button', { name: 'Stay' }).click();
      await page.getByText('Unsaved changes').waitFor();
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Compare', exact: true })
        .click();
      await ask.getByRole('button', { name: 'Discard changes' }).click();
      await openScreen(page, 'Configuration');
      await page.getByRole('heading', { name: /Configuration\s+Saved/ }).waitFor();
      harness.dialogQueue.push({
        name: 'acme.json',
        text: (await sampleConfig(NEAR_MISS)).replace(
          '"name": "Entra ID (Azure AD) - employees"',
          '"name": "Acme from a file"',
        ),
      });
      await page.getByRole('button', { name: 'Open file…' }).click();
      await page.getByText(/Opened acme.json/).waitFor();
      expect(
        (await page.getByRole('heading', { name: /^Configuration/, level: 1 }).count()) === 1,
        'Open file… stays on Configuration',
      );
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('heading', { name: /Configuration\s+Saved/ }).waitFor();
      await page.getByRole('button', { name: /^Active configuration: Acme from a file/ }).waitFor();
    },
  },
  {
    name: 'diagnose: a pasted response gets a verdict, a finding highlights its element, a redacted export names nobody',
    async run({ page, harness, screenshot }) {
      await openScreen(page, 'Diagnose');
      await page.getByLabel('As of').fill('2026-11-23T09:00:00');
      await pasteAnywhere(page, await readSample(NEAR_MISS));
      const verdict = page.getByTestId('verdict');
      await verdict.getByText('Will fail in Genesys Cloud').waitFor();
      const show = page.locator('li[data-code="CLAIM_NEAR_MISS"] button[aria-pressed]');
      await show.click();
      expect((await show.getAttribute('aria-pressed')) === 'true', 'the finding is selected');
      const lit = page.locator('.xml-row.lit').first();
      await lit.waitFor();
      const text = await lit.innerText();
      expect(/Attribute/.test(text), `the highlighted XML is the attribute, got: ${text}`);
      await page.getByRole('heading', { name: 'Signature' }).waitFor();
      await page.getByText('Valid: verified with a configured certificate').waitFor();
      await page.getByText(/^Within the validity window at 2026-11-23 09:00:00 UTC/).waitFor();
      await screenshot('02-diagnose-report');
      await page.getByRole('button', { name: 'Export redacted report…' }).click();
      await page.getByText(/Redacted report saved to/).waitFor();
      const exported = harness.saved.at(-1)!;
      expect(exported.name.endsWith('-redacted.json'), `redacted file name, got ${exported.name}`);
      expect(!exported.text.includes('jane.doe@acme.example'), 'the redacted report names nobody');
      expect(
        JSON.parse(exported.text).summary.verdict === 'fail',
        'the redacted report keeps the verdict',
      );
    },
  },
  {
    name: 'compare: the claim table highlights the near miss and copies the expected name',
    async run({ page, screenshot }) {
      await openScreen(page, 'Compare');
      const table = page.getByTestId('claim-table');
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'department' }) });
      await row.waitFor();
      await row.getByText('other namespace').waitFor();
      expect(
        (await row.locator('mark.diff').count()) > 0,
        'the received claim has highlighted characters',
      );
      await row.getByRole('button', { name: /Copy the expected claim name/ }).click();
      await screenshot('03-compare');
    },
  },
  {
    name: 'compare: two messages as the CLI compares them (renamed Department, escaped characters, as of the IssueInstant, missing email), saved by identity',
    async run({ page, harness, screenshot }) {
      const { a, b } = departmentPair();
      await openScreen(page, 'Compare');
      await page.getByLabel('Message A').fill(a);
      await page.getByLabel('Message B').fill(b);
      await page.getByRole('button', { name: 'Compare A and B' }).click();
      const two = page.getByTestId('two-table');
      await two.waitFor();
      const renamed = two.getByRole('row').filter({ hasText: 'name (case)' });
      await renamed.waitFor();
      expect(
        (await renamed.locator('mark.diff').allInnerTexts()).join('|') === 'd|D',
        'department vs Department: the one differing letter is marked on each side',
      );
      const title = two.getByRole('row').filter({ hasText: 'Senior' });
      expect(
        (await title.innerText()).includes('Senior\\u202fAgent\\u200e'),
        `U+202F and U+200E are escaped, got ${await title.innerText()}`,
      );
      await two.getByText('EMP\\u200912345').waitFor();
      const sides = await page.locator('.pair-sides [data-category]').allInnerTexts();
      expect(
        sides.length === 2 && sides.every((text) => text.length > 4),
        `each side shows its verdict in the engine's words, got ${sides.join(' | ')}`,
      );
      await page.getByRole('button', { name: 'Evaluate as of its IssueInstant' }).click();
      await page.getByText(/Evaluated as of .*2026/).waitFor();
      const onlyB = page.getByRole('region', { name: 'Findings only in B' });
      const missing = onlyB.locator('[data-code="CLAIM_MISSING"]');
      await missing.waitFor();
      expect(/email/.test(await missing.innerText()), "B's missing email claim is shown as such");
      const onlyA = page.getByRole('region', { name: 'Findings only in A' });
      expect(
        (await onlyA.locator('[data-code^="TIME_"]').count()) === 0 &&
          (await onlyB.locator('[data-code^="TIME_"]').count()) === 0,
        'as of the IssueInstant, neither message is expired',
      );
      await missing.click();
      await screenshot('03-compare-two-messages');
      await page.getByRole('button', { name: 'Save comparison…' }).click();
      await page.getByText(/Comparison saved to/).waitFor();
      const comparison = JSON.parse(harness.saved.at(-1)!.text) as { kind: string };
      expect(comparison.kind === 'pair', 'Compare saves the comparison on screen');
      // Diagnose still saves its own report, not the comparison made after it.
      await openScreen(page, 'Diagnose');
      await page.getByRole('button', { name: 'Save report…' }).click();
      await page.getByText(/^Report saved to/).waitFor();
      const report = JSON.parse(harness.saved.at(-1)!.text) as {
        messages: { source: string }[];
      };
      expect(
        report.messages[0]?.source === 'pasted',
        `Diagnose saves the report on screen, got ${report.messages[0]?.source}`,
      );
    },
  },
  {
    name: 'history: every diagnosed message is listed; reopen one, compare two, keep redacted, clear',
    async run({ page, harness, screenshot }) {
      await openScreen(page, 'History');
      const table = page.getByRole('table', { name: 'Diagnosed messages' });
      const rowB = table.getByRole('row').filter({ hasText: 'Message B · Response' }).first();
      await rowB.waitFor();
      expect(
        /jane\.doe@acme\.example/.test(await rowB.innerText()) &&
          /sts\.windows\.net/.test(await rowB.innerText()),
        `the row names the user and the IdP, got ${await rowB.innerText()}`,
      );
      await table.getByRole('row').filter({ hasText: 'pasted · Response' }).first().waitFor();
      // Each row's verdict is the engine's category in its words, not a bare pass/fail.
      const badge = rowB.locator('[data-category]');
      const category = (await badge.getAttribute('data-category')) as VerdictCategory;
      expect(
        (await badge.innerText()) === VERDICT_HEADLINES[category],
        `the row shows its verdict category, got ${category}: ${await badge.innerText()}`,
      );
      await screenshot('07-history');
      const rowA = table.getByRole('row').filter({ hasText: 'Message A · Response' }).first();
      await rowA.getByRole('checkbox').check();
      await rowB.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Compare the two chosen' }).click();
      await page.getByText('From the history:').first().waitFor();
      await page.getByRole('button', { name: 'Compare A and B' }).click();
      await page.getByTestId('two-table').getByText('name (case)').waitFor();
      await openScreen(page, 'History');
      await rowB.getByRole('button', { name: /^Reopen/ }).click();
      await page.getByTestId('verdict').waitFor();
      await page.getByRole('button', { name: 'Save report…' }).click();
      await page.getByText(/^Report saved to/).waitFor();
      expect(
        JSON.parse(harness.saved.at(-1)!.text).messages[0].source === 'Message B',
        'a reopened message is the report on screen, and saves as such',
      );
      await openScreen(page, 'History');
      await page.getByLabel(/Keep them redacted/).click();
      await table.getByText('redacted').first().waitFor();
      expect(!/jane\.doe/.test(await table.innerText()), 'kept redacted, the history names nobody');
      await page.getByLabel(/Keep them redacted/).click();
      await page
        .getByLabel(/Keep them redacted/)
        .and(page.locator(':not(:checked)'))
        .waitFor();
      await page.getByRole('button', { name: 'Clear history' }).click();
      await page.getByText(/No message yet/).waitFor();
    },
  },
  {
    name: 'diagnose: the 20,000-value assertion renders virtualised and scrolls to its last value',
    async run({ page, screenshot }) {
      const before = Number(await page.locator('main').getAttribute('data-diagnoses'));
      await pasteAnywhere(page, Buffer.from(manyValuesResponse()).toString('base64'));
      await page
        .locator(`main[data-diagnoses="${before + 1}"]`)
        .getByTestId('verdict')
        .waitFor();
      await page
        .getByRole('heading', { name: /Attributes/ })
        .getByText(/20\d{3} values/)
        .waitFor();
      const rendered = await page.locator('.vbody .vrow').count();
      const xmlRows = await page.locator('.xml-row').count();
      expect(
        rendered < 100 && xmlRows < 200,
        `lists are virtualised (${rendered} table rows, ${xmlRows} XML rows in the DOM)`,
      );
      const body = page.getByRole('rowgroup', { name: 'Attribute values' });
      await body.evaluate((element: { scrollTop: number; scrollHeight: number }) => {
        element.scrollTop = element.scrollHeight;
      });
      await body.getByText('group-19999').waitFor();
      const xml = page.getByRole('region', { name: 'Decoded XML' });
      await xml.evaluate((element: { scrollTop: number; scrollHeight: number }) => {
        element.scrollTop = element.scrollHeight;
      });
      await xml.getByText('</samlp:Response>').waitFor();
      await screenshot('02-diagnose-20k-values');
    },
  },
  ...diagnoseScenarios,
  ...jitScenarios,
  ...metadataScenarios,
  {
    name: 'settings: a profile secret is stored encrypted and never shown; the theme follows the choice',
    async run({ page, harness, screenshot }) {
      await openScreen(page, 'Settings');
      await page.getByLabel('Name', { exact: true }).fill('Acme production');
      await page.getByLabel('Region').fill('mypurecloud.ie');
      await page.getByLabel('Client id').fill('client-123');
      await page.getByLabel(/Client secret/).fill('s3cr3t-value');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.getByText('secret stored (encrypted)').waitFor();
      const stored = await readFile(join(harness.folder, 'org-profiles.json'), 'utf8');
      expect(!stored.includes('s3cr3t-value'), 'the secret is not on disk in clear');
      const html = await page.content();
      expect(!html.includes('s3cr3t-value'), 'the secret is not in the page');
      await page.getByLabel('Dark').check();
      await page.locator('html[data-theme="dark"]').waitFor();
      await screenshot('06-settings-dark');
      await page.getByLabel('Follow the system').check();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('alert').getByText('Settings saved.').waitFor();
      await screenshot('06-settings');
    },
  },
  {
    name: 'settings: Check permissions lists each permission the rules need, held or not, with what it is for',
    async run({ page, screenshot }) {
      await openScreen(page, 'Settings');
      const card = page.getByRole('region', { name: 'Permissions' });
      const check = card.getByRole('button', { name: 'Check permissions' });
      const status = card.getByRole('status');
      const before = await configInUse(page);
      try {
        // A configuration without post-JIT rules: only finding and reading users is checked.
        await useConfig(page, { text: await sampleConfig(NEAR_MISS), source: 'near-miss.json' });
        await check.click();
        await status
          .getByText(/^All 2 permissions the rules need are present on the demo org\.$/)
          .waitFor();
        await card
          .getByText(/has no post-JIT rules: only what finding and reading users needs/)
          .waitFor();

        // With the demo org's own rules (the configuration in use is put back afterwards).
        const demo = (await page.evaluate('window.jitDoctor.demoConfig()')) as {
          value: { text: string; source: string };
        };
        await useConfig(page, demo.value);
        await check.click();
        await status
          .getByText(/^All \d+ permissions the rules need are present on the demo org\.$/)
          .waitFor();
        await card.getByText(/post-JIT rules of demo configuration$/).waitFor();
        const rows = card.getByRole('row');
        expect((await rows.count()) >= 5, 'a row per permission the demo rules need');
        const skills = card.getByRole('row', { name: /routing:skill:assign/ });
        await skills.getByText('present').waitFor();
        await skills.getByText('add the skills a rule grants (at most 50 per call)').waitFor();
        await card
          .getByRole('row', { name: /telephony:plugin:all/ })
          .getByText('present')
          .waitFor();
        const problems = await allViolations(page);
        expect(problems.length === 0, problems.join('\n'));
        await screenshot('06-settings-permissions');
        // The card alone too: the page's fixed footer covers part of it in a full-page shot.
        await card.screenshot({
          path: join(ROOT, 'test/e2e/screenshots/06-permissions-card.png'),
        });
      } finally {
        if (before) await useConfig(page, before);
      }
    },
  },
  {
    name: 'security: the CSP refuses inline script and a foreign page cannot call the API',
    expectedConsoleErrors: /Content Security Policy/,
    async run({ page, harness }) {
      // An injected inline script must not run: the CSP reports the violated directive instead.
      const inline = await page.evaluate(`new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.appendChild(script);
        setTimeout(() => resolve(window.__inlineRan ? 'ran' : 'no report'), 1000);
      })`);
      expect(
        String(inline).startsWith('script-src'),
        `inline script must be refused by the CSP, got ${String(inline)}`,
      );
      const foreign = await harness.context.newPage();
      await foreign.goto('data:text/html,<title>foreign</title>');
      const reply = (await foreign.evaluate(`window.jitDoctor.getSettings()`)) as {
        ok: boolean;
        error?: { code: string };
      };
      await foreign.close();
      expect(
        !reply.ok && reply.error?.code === 'untrusted-sender',
        `a foreign page is refused, got ${JSON.stringify(reply)}`,
      );
    },
  },
  {
    name: 'accessibility: no serious or critical axe violation on any screen',
    async run({ page }) {
      const problems: string[] = [];
      for (const screen of SCREENS) {
        await openScreen(page, screen);
        await page.waitForTimeout(150);
        for (const line of await seriousViolations(page)) problems.push(`${screen}: ${line}`);
      }
      expect(problems.length === 0, problems.join('\n'));
    },
  },
  {
    name: 'accessibility: Compare, History and Configuration have no axe violation, minor ones included, in both themes',
    async run({ page }) {
      const problems: string[] = [];
      for (const theme of ['light', 'dark']) {
        await page.evaluate(`document.documentElement.dataset.theme = '${theme}'`);
        for (const screen of ['Compare', 'History', 'Configuration']) {
          await openScreen(page, screen);
          await page.waitForTimeout(150);
          for (const line of await allViolations(page))
            problems.push(`${theme} ${screen}: ${line}`);
        }
      }
      await page.evaluate(`document.documentElement.dataset.theme = 'system'`);
      expect(problems.length === 0, problems.join('\n'));
    },
  },
  {
    name: 'journal: a job of 99,950 steps opens at once, a page of 100 steps at a time, filtered in the main process',
    async run({ page, harness, screenshot }) {
      const path = join(harness.folder, 'journals', 'repair-big.jsonl');
      writeBigJournal(path, new Date().toISOString());
      try {
        await openScreen(page, 'Repair');
        const journal = page.getByRole('region', { name: 'Journal' });
        await journal.getByRole('button', { name: /^(Show|Refresh) the journal$/ }).click();
        const job = journal.locator(`.journal-job[data-run="${BIG_JOB.run}"]`);
        const pageOf = job.getByTestId('journal-page');
        const total = BIG_JOB.steps.toLocaleString('en');
        await pageOf.getByText(`Steps 1–100 of ${total}`).waitFor({ timeout: 60_000 });
        const rows = job.getByRole('row');
        expect((await rows.count()) === 101, `one page of steps, got ${await rows.count()} rows`);
        await job.getByRole('button', { name: 'Next 100' }).click();
        await pageOf.getByText(`Steps 101–200 of ${total}`).waitFor();
        await job
          .getByRole('row', { name: /Agent 100\b/ })
          .first()
          .waitFor();
        await journal.getByLabel('Outcome').selectOption('failed');
        // A new filter starts at its first page: the 50 refused steps, one page.
        await job.getByRole('row', { name: /Agent 0\b.*refused/ }).waitFor();
        expect(
          (await rows.count()) === BIG_JOB.failed + 1 && (await pageOf.count()) === 0,
          `the failed steps alone, got ${await rows.count()} rows`,
        );
        await journal.getByLabel('Outcome').selectOption('any');
        await pageOf.getByText(`Steps 1–100 of ${total}`).waitFor();
        await screenshot('05-repair-journal-100k');
        const problems = await axeBothThemes(page, 'journal of 99,950 steps');
        expect(problems.length === 0, problems.join('\n'));
      } finally {
        await rm(path, { force: true });
      }
    },
  },
  // Last: it runs in a harness of its own (a time-scaled demo org of 2,000 stuck agents).
  repair2000,
];
