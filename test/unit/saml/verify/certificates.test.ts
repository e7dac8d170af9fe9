import { describe, expect, it } from 'vitest';
import {
  CertificateError,
  describeCertificate,
  readCertificate,
} from '../../../../shared/saml/certificates';
import { verifySignatures } from '../../../../shared/saml/verify';
import { configuredAnchors } from '../../../../shared/saml/verify/trust';
import { key, parse, signedFixture } from './parsed';

const PEM = key('idp.crt');
const BASE64 = PEM.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').trim();

describe('reading certificates', () => {
  it('reads PEM and bare base64 DER (with line breaks and spaces) as the same certificate', () => {
    const fromPem = readCertificate(PEM);
    const fromBase64 = readCertificate(`  ${BASE64.replace(/\n/g, '\r\n  ')}  `);
    const oneLine = readCertificate(BASE64.replace(/\s+/g, ''));
    expect(fromBase64.sha256).toBe(fromPem.sha256);
    expect(oneLine.sha1).toBe(fromPem.sha1);
  });

  it('describes subject, issuer, validity and colon-separated upper-case fingerprints', () => {
    const info = describeCertificate(readCertificate(PEM), 'configured', 0);
    expect(info).toMatchObject({
      source: 'configured',
      index: 0,
      subject: 'C=US, O=Acme Contact (test), CN=acme samples IdP signing',
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2031-01-01T00:00:00.000Z',
    });
    expect(info.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(info.sha1).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
  });

  it.each([
    ['empty text', '', /empty/],
    ['prose', 'not a certificate!', /neither a PEM certificate nor base64/],
    ['base64 of something else', 'TUlJQg==', /not to an X.509 certificate/],
    ['a private key', key('idp.key'), /BEGIN RSA PRIVATE KEY/],
    ['two certificates in one entry', PEM + PEM, /holds 2 certificates in one entry/],
    ['a certificate and a private key', `${PEM}\n${key('idp.key')}`, /holds a private key/],
    ['a PEM block cut short', PEM.replace(/-----END CERTIFICATE-----/, ''), /no matching/],
  ])('refuses %s with a reason', (_label, text, reason) => {
    expect(() => readCertificate(text)).toThrow(reason);
  });

  it('names the configured certificate that cannot be read', () => {
    const read = () => configuredAnchors([PEM, 'garbage!']);
    expect(read).toThrow(CertificateError);
    expect(read).toThrow('sso.certificates[1]: certificate 2 cannot be read');
    try {
      read();
    } catch (error) {
      expect((error as CertificateError).index).toBe(1);
    }
  });

  it('verifySignatures throws CertificateError for an unreadable configured certificate', () => {
    const parsed = parse(signedFixture('assertion-signed.xml'));
    expect(() => verifySignatures(parsed, { certificates: ['nope'], now: new Date() })).toThrow(
      CertificateError,
    );
  });

  it('accepts configured certificates given as bare base64', () => {
    const parsed = parse(signedFixture('assertion-signed.xml'));
    const outcome = verifySignatures(parsed, {
      certificates: [BASE64],
      now: new Date('2026-11-23T09:00:00Z'),
    });
    expect(outcome.signature.status).toBe('valid');
  });
});
