/**
 * Diagnose at a glance, as a newcomer and an admin see it: the first-launch samples, the verdict of
 * what is not a login (garbage, a request) and of what must not be trusted, a dropped HAR with two
 * responses, find in the XML view, and the validity timeline in a narrow window. Each scenario
 * also runs axe (minor violations included) on the state it leaves, in both themes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { captureHar } from '../../shared/capture/har';
import { axeBothThemes } from './axe';
import { readSample, ROOT } from './harness';
import type { Scenario } from './scenario';
import { expect, openScreen, pasteAnywhere } from './steps';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(locator: Locator): Promise<Box[]> {
  const found: Box[] = [];
  for (const element of await locator.all()) {
    const box = await element.boundingBox();
    if (box && box.width > 0 && box.height > 0) found.push(box);
  }
  return found;
}

/** Pairs of boxes that draw over each other, as "i/j" lines. */
function overlapping(found: Box[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < found.length; i++)
    for (let j = i + 1; j < found.length; j++)
      if (overlap(found[i]!, found[j]!)) pairs.push(`${i}/${j}`);
  return pairs;
}

const SHOTS = join(ROOT, 'test/e2e/screenshots');

/** What a person sees without scrolling (the full-page shots of long reports are too tall to read). */
async function viewportShot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** axe, minor violations included, on the page as it is now, light then dark: none. */
async function noViolations(page: Page, state: string): Promise<void> {
  const problems = await axeBothThemes(page, state);
  expect(problems.length === 0, `axe on Diagnose:\n${problems.join('\n')}`);
}

/** Waits for the verdict of the next diagnosis (the counter on <main> moves on). */
async function nextVerdict(page: Page, act: () => Promise<void>): Promise<Locator> {
  const before = Number(await page.locator('main').getAttribute('data-diagnoses'));
  await act();
  const verdict = page
    .locator(`main[data-diagnoses="${before + 1}"]`)
    .getByTestId('verdict')
    .first();
  await verdict.waitFor();
  return verdict;
}

/** Drops files on the window as a person drags them from the file manager. */
async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    for (const f of ${JSON.stringify(files)}) data.items.add(new File([f.text], f.name));
    const target = document.querySelector('main');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  })()`);
}

/** The XML rows in the DOM never draw over each other (wrapped lines take their own height). */
async function expectRowsApart(page: Page): Promise<void> {
  const rows = await boxes(page.locator('.xml-row'));
  expect(rows.length > 5, `XML rows are rendered, got ${rows.length}`);
  const drawnOver = rows.flatMap((box, i) =>
    i > 0 && box.y < rows[i - 1]!.y + rows[i - 1]!.height - 0.5 ? [i] : [],
  );
  expect(drawnOver.length === 0, `XML rows drawn over the row above: ${drawnOver.join(', ')}`);
}

/** The row ends up inside the scrolling view (the virtualiser may take a frame or two). */
async function expectInView(view: Locator, row: Locator): Promise<void> {
  await row.waitFor();
  let inside = false;
  for (let i = 0; i < 20 && !inside; i++) {
    const [r, v] = await Promise.all([row.boundingBox(), view.boundingBox()]);
    inside = !!r && !!v && r.y >= v.y && r.y + Math.min(r.height, 20) <= v.y + v.height;
    if (!inside) await view.page().waitForTimeout(50);
  }
  expect(inside, 'the current match is scrolled into the view');
}

/** Two logins posted to Genesys Cloud in one capture, the second by another subject with the same email. */
async function twoLoginsHar(): Promise<string> {
  const folder = join(ROOT, 'test/fixtures/cases/map-029-batch-same-email-two-subjects');
  const responses = await Promise.all(
    ['input.xml', 'input2.xml'].map((file) => readFile(join(folder, file), 'utf8')),
  );
  const har = captureHar(
    responses.map((xml, i) => ({
      time: `2026-11-23T08:5${8 + i}:00.000Z`,
      parameter: 'SAMLResponse' as const,
      binding: 'post' as const,
      url: 'https://login.mypurecloud.com/saml',
      value: Buffer.from(xml).toString('base64'),
      relayState: null,
      blocked: false,
    })),
    { name: 'e2e', version: '1' },
  );
  return JSON.stringify(har, null, 2);
}

/** Right after first launch: "Try a sample", before anything else was diagnosed. */
export const firstLaunchScenarios: Scenario[] = [
  {
    name: 'first launch: Try a sample diagnoses three signed messages, each with its verdict and what it shows',
    async run({ page, screenshot }) {
      await noViolations(page, 'first launch');
      const verdict = await nextVerdict(page, () =>
        page.getByRole('button', { name: 'Try a sample' }).click(),
      );
      expect(
        (await verdict.getAttribute('data-category')) === 'untrusted',
        `the wrapped sample decides the verdict, got ${await verdict.getAttribute('data-category')}`,
      );
      await verdict.getByText('Must not be trusted', { exact: true }).waitFor();
      const list = page.getByRole('region', { name: '3 messages' });
      const items = list.getByRole('listitem');
      expect((await items.count()) === 3, `three samples are listed, got ${await items.count()}`);
      const headlines = await list.locator('.badge').allInnerTexts();
      for (const wanted of [
        /No problems found|Works, with warnings/,
        /Will fail in Genesys Cloud/,
        /Must not be trusted/,
      ])
        expect(
          headlines.some((h) => wanted.test(h)),
          `a sample is ${wanted.source}: ${headlines.join(' | ')}`,
        );
      const lines = await list.locator('.message-shows').allInnerTexts();
      expect(
        lines.length === 3 && lines.every((line) => line.length > 20),
        `each sample says what it shows: ${lines.join(' | ')}`,
      );
      // The first one is open: its signed XML has wrapped lines that never draw over the next.
      await page.getByRole('region', { name: 'Decoded XML' }).waitFor();
      await expectRowsApart(page);
      await screenshot('01-diagnose-samples');
      const theme = await page.evaluate('document.documentElement.dataset.theme');
      await page.evaluate(`document.documentElement.dataset.theme = 'dark'`);
      await viewportShot(page, '01-diagnose-samples-dark');
      await page.evaluate(`document.documentElement.dataset.theme = ${JSON.stringify(theme)}`);
      await noViolations(page, 'samples');
      const wrapped = items.filter({ hasText: 'Must not be trusted' }).getByRole('button');
      await wrapped.click();
      const findings = page.locator('li[data-code]');
      await findings.first().waitFor();
      expect(
        (await findings.first().getAttribute('data-code')) === 'SIGNATURE_WRAPPING',
        `the wrapping finding leads, got ${await findings.first().getAttribute('data-code')}`,
      );
      await screenshot('01-diagnose-sample-wrapped');
    },
  },
];

/** After a configuration is saved and "As of" is set to 2026-11-23 09:00 UTC. */
export const diagnoseScenarios: Scenario[] = [
  {
    name: 'diagnose: garbage is not a SAML message, an AuthnRequest alone is a request, a wrapped assertion with a wrong issuer must not be trusted (security first)',
    async run({ page, screenshot }) {
      await openScreen(page, 'Diagnose');
      let verdict = await nextVerdict(page, () =>
        pasteAnywhere(page, 'Hello, here is the login that failed this morning: see attached'),
      );
      expect(
        (await verdict.getAttribute('data-category')) === 'not-saml',
        `garbage: ${await verdict.innerText()}`,
      );
      await verdict.getByText('Not a SAML message', { exact: true }).waitFor();
      await screenshot('02-diagnose-garbage');
      await noViolations(page, 'garbage');

      verdict = await nextVerdict(page, async () =>
        pasteAnywhere(
          page,
          await readSample('117-enc-redirect-binding-authnrequest-deflated', 'input.b64'),
        ),
      );
      expect(
        (await verdict.getAttribute('data-category')) === 'not-a-response',
        `an AuthnRequest alone: ${await verdict.innerText()}`,
      );
      await verdict.getByText('A request, not a response', { exact: true }).waitFor();
      expect(
        !(await verdict.getAttribute('class'))!.includes('verdict-pass'),
        'a request alone is not shown as a pass',
      );
      await screenshot('02-diagnose-authnrequest');
      await noViolations(page, 'AuthnRequest');

      // The Okta XSW3 sample under the active Entra configuration: wrapped AND the wrong issuer.
      verdict = await nextVerdict(page, async () =>
        pasteAnywhere(page, await readSample('091-attack-xsw3')),
      );
      expect(
        (await verdict.getAttribute('data-category')) === 'untrusted',
        `wrapped with an issuer mismatch: ${await verdict.innerText()}`,
      );
      await verdict.getByText('Must not be trusted', { exact: true }).waitFor();
      await verdict.getByText(/_evil_assertion_ID/).waitFor();
      const codes = await page
        .locator('li[data-code]')
        .evaluateAll((items) =>
          items.map((item) => (item as unknown as { dataset: { code: string } }).dataset.code),
        );
      const wrapping = codes.indexOf('SIGNATURE_WRAPPING');
      const issuer = codes.indexOf('ISSUER_MISMATCH');
      expect(
        wrapping === 0 && issuer > wrapping,
        `the wrapping finding leads, the issuer mismatch follows: ${codes.join(', ')}`,
      );
      await viewportShot(page, '02-diagnose-wrapped-issuer-mismatch');
      await noViolations(page, 'wrapped');
    },
  },
  {
    name: 'diagnose: a dropped HAR with two responses lists both with their verdicts and checks them against each other, in the app’s words',
    async run({ page, screenshot }) {
      const verdict = await nextVerdict(page, async () =>
        dropFiles(page, [{ name: 'two-logins.har', text: await twoLoginsHar() }]),
      );
      const list = page.getByRole('region', { name: '2 messages' });
      const items = list.getByRole('listitem');
      expect((await items.count()) === 2, `both responses are listed, got ${await items.count()}`);
      for (const item of await items.all()) {
        const text = await item.innerText();
        expect(
          /two-logins\.har#\d/.test(text) && /Response/.test(text),
          `a listed message: ${text}`,
        );
        expect((await item.locator('.badge').count()) === 1, `each has its verdict: ${text}`);
      }
      const across = page.getByRole('region', { name: 'Across these messages' });
      await across.locator('[data-code="UNIQUE_BATCH_DUPLICATE"]').first().waitFor();
      const shown = await page.locator('main').innerText();
      const flag = /(^|\s)--[a-z]/m.exec(shown);
      expect(
        flag === null,
        `no command-line option is shown: …${shown.slice(flag?.index ?? 0, (flag?.index ?? 0) + 60)}`,
      );
      expect(!/Not checked/.test(await verdict.innerText()), 'the batch checks ran');
      await items.nth(1).getByRole('button').click();
      await list.locator('.message-item.open').filter({ hasText: 'two-logins.har#1' }).waitFor();
      await screenshot('02-diagnose-har-two-responses');
      await viewportShot(page, '02-diagnose-har-two-responses-top');
      await noViolations(page, 'HAR');
    },
  },
  {
    name: 'diagnose: Ctrl/Cmd+F finds in the XML view, steps through the matches and brings each into view',
    async run({ page }) {
      await nextVerdict(page, async () =>
        pasteAnywhere(page, await readSample('001-entra-assertion-signed-pysaml2')),
      );
      const xml = page.getByRole('region', { name: 'Decoded XML' });
      await xml.waitFor();
      await xml.click();
      await page.keyboard.press('Control+f');
      const find = page.getByRole('searchbox', { name: 'Find in XML' });
      expect(
        await find.evaluate(
          (el) =>
            el ===
            (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument
              .activeElement,
        ),
        'Ctrl+F puts the cursor in the find field',
      );
      await page.keyboard.type('AttributeValue');
      const status = page.locator('.xml-tools [role="status"]');
      await status.getByText(/^1 of \d+$/).waitFor();
      const total = Number((await status.innerText()).split(' of ')[1]);
      expect(total >= 2, `every AttributeValue row is a match, got ${total}`);
      await page.keyboard.press('Enter');
      await status.getByText(`2 of ${total}`).waitFor();
      const current = xml.locator('.xml-row.current');
      await expectInView(xml, current);
      expect(/AttributeValue/.test(await current.innerText()), 'the current row is a match');
      await expectRowsApart(page);
      await page.keyboard.press('Shift+Enter');
      await status.getByText(`1 of ${total}`).waitFor();
      await page.keyboard.type('-nothing-like-this');
      await status.getByText('No match').waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+f');
      await page.keyboard.type('X509Certificate');
      await status.getByText(/^1 of \d+$/).waitFor();
      // Typing alone brings the first match into view, as a browser's find does.
      await expectInView(xml, xml.locator('.xml-row.current'));
      await page.getByRole('region', { name: 'Decoded XML' }).screenshot({
        path: join(SHOTS, '02-diagnose-find-in-xml-view.png'),
      });
      await noViolations(page, 'find in XML');
    },
  },
  {
    name: 'diagnose: the validity timeline at a narrow window width keeps every label apart and legible',
    async run({ page, screenshot }) {
      const timeline = page.getByRole('region', { name: 'Validity window' });
      try {
        for (const width of [360, 520, 800]) {
          await page.setViewportSize({ width, height: 900 });
          await timeline.scrollIntoViewIfNeeded();
          const labels = await boxes(
            timeline.locator('.timeline-legend li > *:not([aria-hidden])'),
          );
          expect(
            labels.length >= 6,
            `the legend names each mark with its time, got ${labels.length}`,
          );
          const pairs = overlapping(labels);
          expect(
            pairs.length === 0,
            `at ${width} px the timeline labels overlap: ${pairs.join(', ')}`,
          );
          const card = await timeline.boundingBox();
          expect(
            card !== null &&
              labels.every((b) => b.x >= card.x && b.x + b.width <= card.x + card.width + 0.5),
            `at ${width} px every label stays inside the card`,
          );
          const fits = await timeline.evaluate(
            (el) =>
              (el as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth <=
              (el as unknown as { clientWidth: number }).clientWidth,
          );
          expect(fits, `at ${width} px the timeline does not scroll sideways`);
        }
        await page.setViewportSize({ width: 360, height: 900 });
        await timeline.scrollIntoViewIfNeeded();
        await timeline.screenshot({ path: join(SHOTS, '02-diagnose-timeline-360px.png') });
        await screenshot('02-diagnose-narrow-360px');
        await noViolations(page, 'narrow');
      } finally {
        await page.setViewportSize({ width: 1400, height: 900 });
      }
    },
  },
];
