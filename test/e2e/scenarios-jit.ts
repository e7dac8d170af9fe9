/**
 * The JIT card on a login Genesys Cloud refuses first: an unsigned response never reaches JIT, so
 * the card says the login is refused, by which finding, and what JIT would do once it is fixed,
 * never "Will create". Self-contained: it applies the sample's configuration and restores the one
 * it found.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { allViolations } from './axe';
import { readSample, ROOT } from './harness';
import type { Scenario } from './scenario';
import { expect, openScreen, pasteAnywhere } from './steps';

const UNSIGNED = '075-sig-unsigned-response';
const SHOTS = join(ROOT, 'test/e2e/screenshots');

type Bridge = {
  jitDoctor: {
    applyConfig(r: { text: string; source: string }): Promise<unknown>;
    getConfig(): Promise<{ ok: boolean; value: { text: string; source: string } | null }>;
  };
};

export const jitScenarios: Scenario[] = [
  {
    name: 'diagnose: the JIT card of an unsigned response says the login is refused first, by which finding, and what JIT would do once fixed',
    async run({ page }) {
      const useConfig = (text: string, source: string) =>
        page.evaluate(
          ([t, s]) =>
            (globalThis as unknown as Bridge).jitDoctor.applyConfig({ text: t, source: s }),
          [text, source] as const,
        );
      const before = await page.evaluate(() =>
        (globalThis as unknown as Bridge).jitDoctor.getConfig(),
      );
      try {
        await useConfig(
          await readFile(join(ROOT, 'test/fixtures/samples', UNSIGNED, 'config.json'), 'utf8'),
          `${UNSIGNED}/config.json`,
        );
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
        const problems: string[] = [];
        const theme = await page.evaluate('document.documentElement.dataset.theme');
        for (const scheme of ['light', 'dark']) {
          await page.evaluate(`document.documentElement.dataset.theme = '${scheme}'`);
          if (scheme === 'dark')
            await card.screenshot({
              path: join(SHOTS, '02-diagnose-jit-refused-unsigned-dark.png'),
            });
          for (const line of await allViolations(page)) problems.push(`${scheme}: ${line}`);
        }
        await page.evaluate(`document.documentElement.dataset.theme = ${JSON.stringify(theme)}`);
        expect(problems.length === 0, `axe on the refused JIT card:\n${problems.join('\n')}`);
      } finally {
        if (before.ok && before.value) await useConfig(before.value.text, before.value.source);
      }
    },
  },
];
