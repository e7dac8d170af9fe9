/**
 * The JIT card on a login Genesys Cloud refuses first: an unsigned response never reaches JIT, so
 * the card says the login is refused, by which finding, and what JIT would do once it is fixed,
 * never "Will create". Self-contained: it applies the sample's configuration and restores the one
 * it found.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { axeBothThemes } from './axe';
import { readSample, ROOT } from './harness';
import type { Scenario } from './scenario';
import { configInUse, expect, openScreen, pasteAnywhere, useConfig } from './steps';

const UNSIGNED = '075-sig-unsigned-response';
const SHOTS = join(ROOT, 'test/e2e/screenshots');

export const jitScenarios: Scenario[] = [
  {
    name: 'diagnose: the JIT card of an unsigned response says the login is refused first, by which finding, and what JIT would do once fixed',
    async run({ page }) {
      const before = await configInUse(page);
      try {
        await useConfig(page, {
          text: await readFile(
            join(ROOT, 'test/fixtures/samples', UNSIGNED, 'config.json'),
            'utf8',
          ),
          source: `${UNSIGNED}/config.json`,
        });
        await openScreen(page, 'Diagnose');
        await page.getByLabel('As of').fill('2026-11-23T09:00:00');
        await pasteAnywhere(page, await readSample(UNSIGNED));
        const card = page.getByRole('region', { name: 'JIT outcome' });
        const headline = card.getByTestId('jit-headline');
        await headline
          .getByText(
            'Genesys Cloud refuses this login before JIT runs: nothing is created or changed',
          )
          .waitFor();
        await card.getByText('No signature (SIGNATURE_MISSING)').waitFor();
        const once = await card.getByTestId('jit-once-fixed').innerText();
        // The demo org knows Jane: once signed, JIT finds her (what it does then is the engine's answer).
        expect(/^Once fixed: .*jane\.doe@acme\.example/i.test(once), `once fixed: ${once}`);
        expect(
          !/^Will create/.test(await headline.innerText()),
          'the headline never says "Will create" on a refused login',
        );
        expect(
          ((await card.getAttribute('class')) ?? '').includes('jit-bad'),
          'a refused login is shown as bad',
        );
        await card.scrollIntoViewIfNeeded();
        await card.screenshot({ path: join(SHOTS, '02-diagnose-jit-refused-unsigned.png') });
        const theme = await page.evaluate('document.documentElement.dataset.theme');
        await page.evaluate(`document.documentElement.dataset.theme = 'dark'`);
        await card.screenshot({ path: join(SHOTS, '02-diagnose-jit-refused-unsigned-dark.png') });
        await page.evaluate(`document.documentElement.dataset.theme = ${JSON.stringify(theme)}`);
        const problems = await axeBothThemes(page, 'refused JIT card');
        expect(problems.length === 0, `axe on the refused JIT card:\n${problems.join('\n')}`);
      } finally {
        if (before) await useConfig(page, before);
      }
    },
  },
];
