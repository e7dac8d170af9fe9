/**
 * Metadata that describes several IdPs (a federation's aggregate): each is listed with its display
 * name and when its signing certificates expire, read exactly as an import reads them, and the app's
 * import asks which one instead of refusing or guessing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listMetadataIdps } from '../../../shared/config/metadata';
import { parseXml } from '../../../shared/saml/parse';
import { importIdpMetadata } from '../../../electron/main/idp-metadata';

const KEYS = fileURLToPath(new URL('../../fixtures/keys', import.meta.url));
const der = (file: string) =>
  readFileSync(`${KEYS}/${file}`, 'utf8').replace(/-----[A-Z ]+-----|\s/g, '');
const NOW = new Date('2026-11-23T09:00:00Z');

const key = (use: string, cert: string) =>
  `<md:KeyDescriptor use="${use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;

function idp(entityId: string, keys: string, extra = ''): string {
  return `<md:EntityDescriptor entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${extra}${keys}</md:IDPSSODescriptor></md:EntityDescriptor>`;
}

const UI = (names: string) => `<md:Extensions><mdui:UIInfo>${names}</mdui:UIInfo></md:Extensions>`;

const aggregate = (...entities: string[]) =>
  `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" Name="https://federation.example/"><md:EntityDescriptor entityID="https://sp.example/"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>${entities.join('')}</md:EntitiesDescriptor>`;

const FEDERATION = aggregate(
  idp(
    'https://idp.uni-a.example/',
    key('signing', der('idp.crt')) + key('encryption', der('sp-enc.crt')),
    UI(
      '<mdui:DisplayName xml:lang="de">Universität A</mdui:DisplayName><mdui:DisplayName xml:lang="en">University A</mdui:DisplayName>',
    ),
  ),
  `<md:EntityDescriptor entityID="https://idp.college-b.example/"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${key('signing', der('expired.crt'))}${key('signing', der('idp-rollover.crt'))}</md:IDPSSODescriptor><md:Organization><md:OrganizationName xml:lang="en">college-b</md:OrganizationName><md:OrganizationDisplayName xml:lang="en">College B</md:OrganizationDisplayName><md:OrganizationURL xml:lang="en">https://college-b.example/</md:OrganizationURL></md:Organization></md:EntityDescriptor>`,
  idp('https://idp.no-keys.example/', ''),
);

const parsed = (xml: string) => {
  const outcome = parseXml(xml);
  if (!outcome.ok) throw new Error('fixture does not parse');
  return outcome.parsed;
};

describe('listing the IdPs of aggregate metadata', () => {
  it('lists every IdP (not the SPs) with its display name, English first, and its signing certificates', () => {
    const idps = listMetadataIdps(parsed(FEDERATION), NOW);
    expect(idps.map((i) => [i.entityId, i.displayName])).toEqual([
      ['https://idp.uni-a.example/', 'University A'],
      ['https://idp.college-b.example/', 'College B'],
      ['https://idp.no-keys.example/', null],
    ]);
    // The encryption key is not a signing certificate, exactly as the import reads them.
    expect(idps[0]!.certificates).toEqual([
      { notAfter: '2031-01-01T00:00:00.000Z', expired: false },
    ]);
    expect(idps[1]!.certificates.map((c) => c.expired)).toEqual([true, false]);
    expect(idps[2]!.certificates).toEqual([]);
  });

  it('refuses what is not metadata, or describes no IdP, in words', () => {
    expect(() => listMetadataIdps(parsed('<Response/>'), NOW)).toThrow(/not SAML 2.0 metadata/);
    expect(() => listMetadataIdps(parsed(aggregate()), NOW)).toThrow(/no identity provider/);
  });
});

describe("the app's metadata import with several IdPs", () => {
  it('asks which one instead of refusing or guessing, then imports the chosen one through the same reader', () => {
    const asked = importIdpMetadata(FEDERATION, { now: NOW });
    expect('choose' in asked && asked.choose.map((i) => i.entityId)).toEqual([
      'https://idp.uni-a.example/',
      'https://idp.college-b.example/',
      'https://idp.no-keys.example/',
    ]);
    const chosen = importIdpMetadata(FEDERATION, {
      entityId: 'https://idp.college-b.example/',
      now: NOW,
    });
    expect('sso' in chosen && chosen.sso.issuer).toBe('https://idp.college-b.example/');
    expect('sso' in chosen && chosen.sso.certificates).toHaveLength(2);
  });

  it('says what is wrong with a choice that cannot be imported', () => {
    expect(() =>
      importIdpMetadata(FEDERATION, { entityId: 'https://idp.no-keys.example/', now: NOW }),
    ).toThrow('The IdP metadata carries no signing certificate for https://idp.no-keys.example/.');
    expect(() =>
      importIdpMetadata(FEDERATION, { entityId: 'https://elsewhere.example/', now: NOW }),
    ).toThrow(/no identity provider with entityID "https:\/\/elsewhere\.example\/"/);
  });

  it('imports metadata of one IdP inside an EntitiesDescriptor without asking', () => {
    const one = aggregate(idp('https://only.example/', key('signing', der('idp.crt'))));
    const reply = importIdpMetadata(one, { now: NOW });
    expect('sso' in reply && reply.sso.issuer).toBe('https://only.example/');
  });
});
