/**
 * Configuration's metadata import with a federation's aggregate metadata: the app lists the IdPs
 * (display name, entity ID, when the signing certificates expire), the admin narrows the list and
 * picks one with the keyboard alone, and the chosen IdP merges after the usual preview. Nothing is
 * merged: the preview is cancelled, so the configuration stays as the scenario found it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { axeBothThemes } from './axe';
import { ROOT } from './harness';
import type { Scenario } from './scenario';
import { expect, openScreen } from './steps';

const SHOTS = join(ROOT, 'test/e2e/screenshots');

const der = async (file: string) =>
  (await readFile(join(ROOT, 'test/fixtures/keys', file), 'utf8')).replace(
    /-----[A-Z ]+-----|\s/g,
    '',
  );

const signing = (cert: string) =>
  `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;

/** Seven IdPs and an SP, as a federation publishes them. */
async function federationMetadata(): Promise<string> {
  const [idp, expired, rollover] = await Promise.all(
    ['idp.crt', 'expired.crt', 'idp-rollover.crt'].map(der),
  );
  const entity = (id: string, name: string | null, keys: string) =>
    `<md:EntityDescriptor entityID="${id}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${name ? `<md:Extensions><mdui:UIInfo><mdui:DisplayName xml:lang="en">${name}</mdui:DisplayName></mdui:UIInfo></md:Extensions>` : ''}${keys}</md:IDPSSODescriptor></md:EntityDescriptor>`;
  const idps = [
    entity('https://idp.uni-a.example/', 'University A', signing(idp!)),
    entity('https://idp.college-b.example/', 'College B', signing(expired!) + signing(rollover!)),
    entity('https://idp.no-keys.example/', 'No Keys Institute', ''),
    ...[1, 2, 3, 4].map((n) =>
      entity(`https://idp.school-${n}.example/`, `School ${n}`, signing(idp!)),
    ),
  ];
  return `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" Name="https://federation.example/"><md:EntityDescriptor entityID="https://sp.example/"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>${idps.join('')}</md:EntitiesDescriptor>`;
}

export const metadataScenarios: Scenario[] = [
  {
    name: 'configuration: aggregate metadata lists its IdPs with their certificates, and the admin picks one with the keyboard before the merge preview',
    async run({ page }) {
      await openScreen(page, 'Configuration');
      const details = page.locator('details', { hasText: 'Import IdP metadata' });
      if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
      await page.getByLabel('Metadata XML (EntityDescriptor)').fill(await federationMetadata());
      await page.getByRole('button', { name: 'Import issuer and certificates…' }).click();
      const picker = page.getByRole('group', {
        name: 'The metadata describes 7 identity providers: choose yours',
      });
      await picker.waitFor();
      const radios = picker.getByRole('radio');
      expect((await radios.count()) === 7, `seven IdPs listed, got ${await radios.count()}`);
      const college = await picker.getByRole('listitem').nth(1).innerText();
      expect(
        /College B/.test(college) &&
          /https:\/\/idp\.college-b\.example\//.test(college) &&
          /expired 2026-06-30, expires 2032-06-01/.test(college),
        `the second IdP shows its name, entity ID and both certificates: ${college}`,
      );
      const noKeys = picker.getByRole('radio', { name: /No Keys Institute/ });
      expect(await noKeys.isDisabled(), 'an IdP without a signing certificate cannot be chosen');
      await picker
        .getByRole('listitem')
        .nth(2)
        .getByText('No signing certificate: it cannot be imported')
        .waitFor();
      // The picker takes the focus: its filter first (seven is a list worth narrowing).
      const filter = picker.getByLabel('Filter by name or entity ID');
      expect(
        await filter.evaluate(
          (el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement,
        ),
        'the filter has the focus once the list opens',
      );
      // Centred, clear of the sticky top bar and the status bar at the bottom of the window.
      const centre = () =>
        picker.evaluate((el) =>
          (el as unknown as { scrollIntoView(o: unknown): void }).scrollIntoView({
            block: 'center',
          }),
        );
      await centre();
      await picker.screenshot({ path: join(SHOTS, '04-configuration-idp-picker-all.png') });
      await page.keyboard.type('college');
      await picker.getByText('1 of 7 match').waitFor();
      await page.screenshot({
        path: join(SHOTS, '04-configuration-idp-picker.png'),
        fullPage: false,
      });
      await centre();
      await picker.screenshot({ path: join(SHOTS, '04-configuration-idp-picker-filtered.png') });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      const importButton = picker.getByRole('button', { name: 'Import College B…' });
      await importButton.waitFor();
      const theme = await page.evaluate('document.documentElement.dataset.theme');
      await page.evaluate(`document.documentElement.dataset.theme = 'dark'`);
      await picker.screenshot({ path: join(SHOTS, '04-configuration-idp-picker-dark.png') });
      await page.evaluate(`document.documentElement.dataset.theme = ${JSON.stringify(theme)}`);
      const problems = await axeBothThemes(page, 'IdP picker');
      expect(problems.length === 0, `axe on the IdP picker:\n${problems.join('\n')}`);
      // Focus stays on the chosen radio through the theme switch: Tab reaches the import button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const preview = page.getByRole('region', {
        name: 'Merge IdP metadata of https://idp.college-b.example/ into the configuration',
      });
      await preview.getByRole('rowheader', { name: 'sso.issuer' }).waitFor();
      const issuer = await preview.getByRole('row', { name: /sso\.issuer/ }).innerText();
      expect(issuer.includes('https://idp.college-b.example/'), `the chosen issuer: ${issuer}`);
      expect((await picker.count()) === 0, 'the picker closes once an IdP is imported');
      await preview.getByRole('button', { name: 'Cancel' }).click();
      await preview.waitFor({ state: 'detached' });
    },
  },
];
