import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIdpMetadata as importWithOptions } from '../../../electron/main/idp-metadata';

const pem = readFileSync(join(import.meta.dirname, '../../fixtures/keys/idp.crt'), 'utf8');
const other = readFileSync(join(import.meta.dirname, '../../fixtures/keys/sp-enc.crt'), 'utf8');
const NOW = new Date('2026-11-23T09:00:00Z');
/** The issuer and certificates of metadata describing one IdP. */
function importIdpMetadata(xml: string) {
  const reply = importWithOptions(xml, { now: NOW });
  if (!('sso' in reply)) throw new Error(`asked to choose among ${reply.choose.length} IdPs`);
  return reply.sso;
}
const base64 = (text: string) => text.replace(/-----[A-Z ]+-----|\s+/g, '');

const metadata = (keys: string) => `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://sts.windows.net/tenant/">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://login.microsoftonline.com/tenant/saml2"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
const key = (use: string | null, cert: string) =>
  `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n${base64(cert)}\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;

describe('importing IdP metadata', () => {
  it('takes the entity ID as issuer and the signing certificates as PEM, not the encryption ones', () => {
    const sso = importIdpMetadata(
      metadata(key('signing', pem) + key('encryption', other) + key(null, pem)),
    );
    expect(sso.issuer).toBe('https://sts.windows.net/tenant/');
    expect(sso.certificates).toHaveLength(1);
    expect(base64(sso.certificates![0]!)).toBe(base64(pem));
    expect(sso.certificates![0]).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });

  it("says how large metadata may be when a federation's aggregate is too large to read", () => {
    const huge = metadata(key('signing', pem)).replace(
      '<md:IDPSSODescriptor',
      `<md:Extensions>${'<x/>'.repeat(2_700_000)}</md:Extensions><md:IDPSSODescriptor`,
    );
    expect(() => importIdpMetadata(huge)).toThrow(
      /^The metadata is 10\.3 MB; the import reads up to 10 MB\. A federation's aggregate is often larger: paste the metadata of your IdP alone/,
    );
  });

  it('refuses a DOCTYPE before parsing, like any SAML input', () => {
    const hostile = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${metadata(key('signing', pem))}`;
    expect(() => importIdpMetadata(hostile)).toThrow(/not readable XML/);
  });

  it('explains what is wrong with metadata that is not an IdP or carries no certificate', () => {
    expect(() => importIdpMetadata('<Response/>')).toThrow(/not SAML 2.0 metadata/);
    expect(() =>
      importIdpMetadata(
        '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:SPSSODescriptor/></md:EntityDescriptor>',
      ),
    ).toThrow(/no IDPSSODescriptor/);
    expect(() => importIdpMetadata(metadata(''))).toThrow(/no signing certificate/);
  });

  it('never picks one of several IdPs silently: it lists them to choose from', () => {
    const entity = (id: string) =>
      metadata(key('signing', pem))
        .replace('<?xml version="1.0"?>', '')
        .replace('https://sts.windows.net/tenant/', id);
    const many = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${entity('https://a.example/')}${entity('https://b.example/')}</md:EntitiesDescriptor>`;
    const reply = importWithOptions(many, { now: NOW });
    expect('choose' in reply && reply.choose.map((idp) => idp.entityId)).toEqual([
      'https://a.example/',
      'https://b.example/',
    ]);
  });
});
