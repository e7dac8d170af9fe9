import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/load';
import { configFromMetadata } from '../../../shared/config/metadata';
import { parseXml } from '../../../shared/saml/parse';

const KEYS = fileURLToPath(new URL('../../fixtures/keys', import.meta.url));
const der = (file: string) =>
  readFileSync(`${KEYS}/${file}`, 'utf8').replace(/-----[A-Z ]+-----|\s/g, '');

function entity(
  entityId: string,
  certificates: string[],
  formats = ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
): string {
  const keys = certificates
    .map(
      (c) =>
        `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${c}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join('');
  return `<md:EntityDescriptor entityID="${entityId}" xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}${formats.map((f) => `<md:NameIDFormat>${f}</md:NameIDFormat>`).join('')}</md:IDPSSODescriptor></md:EntityDescriptor>`;
}

function fromXml(xml: string, entityId?: string) {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return configFromMetadata(parsed.parsed, entityId ? { entityId } : {});
}

describe('configFromMetadata', () => {
  it('takes the issuer and signing certificates, and the Okta preset mapping', () => {
    const { config, notes } = fromXml(
      entity('http://www.okta.com/exk8b3v2xqhJ7Zp9d5d7', [der('idp.crt'), der('idp-rollover.crt')]),
    );
    expect(config.sso?.issuer).toBe('http://www.okta.com/exk8b3v2xqhJ7Zp9d5d7');
    expect(config.sso?.certificates).toHaveLength(2);
    expect(config.sso?.certificates?.[0]).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(config.attributeMapping).toMatchObject({ email: 'email', givenName: 'firstName' });
    expect(notes.join(' ')).toMatch(/region, organizationName/);
    expect(() => parseConfig(JSON.stringify(config), 'generated.json')).not.toThrow();
  });

  it('asks which IdP when the metadata holds several, and refuses what is not metadata', () => {
    const many = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${entity('https://a.example/', [der('idp.crt')])}${entity('https://b.example/', [der('idp.crt')])}</md:EntitiesDescriptor>`;
    expect(() => fromXml(many)).toThrow(/2 identity providers; choose one by its entityID/);
    expect(fromXml(many, 'https://b.example/').config.sso?.issuer).toBe('https://b.example/');
    expect(() => fromXml('<html/>')).toThrow(/not SAML 2.0 metadata/);
  });

  it('skips an unreadable certificate with a note, and notes a missing email NameID format', () => {
    const { config, notes } = fromXml(
      entity(
        'https://idp.example/',
        ['AAAA', der('idp.crt')],
        ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'],
      ),
    );
    expect(config.sso?.certificates).toHaveLength(1);
    expect(notes.join(' ')).toMatch(/skipped a signing certificate/);
    expect(notes.join(' ')).toMatch(/does not list the emailAddress NameID format/);
    expect(config.attributeMapping).toEqual({ email: 'email' });
  });
});
