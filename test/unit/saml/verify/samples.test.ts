import { describe, expect, it } from 'vitest';
import { verifySignatures } from '../../../../shared/saml/verify';
import { parse, sample } from './parsed';

function verifySample(name: string) {
  const { xml, certificates, now } = sample(name);
  const parsed = parse(xml);
  return { parsed, outcome: verifySignatures(parsed, { certificates, now }) };
}

const codes = (outcome: { findings: { code: string }[] }) => outcome.findings.map((f) => f.code);

describe('verifySignatures on the sample cases', () => {
  it.each([
    ['001-entra-assertion-signed-pysaml2', 'Assertion'],
    ['003-okta-assertion-signed-auth0', 'Assertion'],
    ['007-google-workspace-response-signed-xmlsec1', 'Response'],
  ])(
    '%s verifies with the configured certificate and reads the signed element',
    (name, element) => {
      const { parsed, outcome } = verifySample(name);
      expect(outcome.signature.status).toBe('valid');
      expect(outcome.findings).toEqual([]);
      expect(outcome.signature.signed).toEqual([
        expect.objectContaining({ element, verified: true, configuredCertificateIndex: 0 }),
      ]);
      expect(outcome.response).toBe(parsed.root);
      const assertion = outcome.assertion;
      expect(assertion?.localName).toBe('Assertion');
      expect(assertion?.parentNode).toBe(parsed.root);
      if (element === 'Assertion')
        expect(assertion?.getAttribute('ID')).toBe(outcome.signature.signed[0]?.id);
    },
  );

  it('reports the configured and embedded certificates with their fingerprints', () => {
    const { outcome } = verifySample('001-entra-assertion-signed-pysaml2');
    const [configured, ...rest] = outcome.signature.certificates ?? [];
    expect(configured).toMatchObject({
      source: 'configured',
      index: 0,
      notAfter: '2031-01-01T00:00:00.000Z',
    });
    expect(configured?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(configured?.sha1).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    expect(configured?.subject).toContain('CN=acme samples IdP signing');
    expect(rest).toEqual([
      expect.objectContaining({ source: 'embedded', sha256: configured?.sha256 }),
    ]);
    expect(outcome.signature.signed[0]?.certificateSha256).toBe(configured?.sha256);
  });

  it('074: an RSA-SHA1 signature is valid but weak', () => {
    const { outcome } = verifySample('074-sig-sha1-weak-algorithm');
    expect(outcome.signature.status).toBe('valid');
    expect(codes(outcome)).toEqual(['SIGNATURE_WEAK_ALGORITHM']);
    expect(outcome.findings[0]?.evidence).toMatchObject({
      signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',
    });
  });

  it('075: an unsigned response is missing, yet its Response and Assertion are still returned', () => {
    const { parsed, outcome } = verifySample('075-sig-unsigned-response');
    expect(outcome.signature.status).toBe('missing');
    expect(codes(outcome)).toEqual(['SIGNATURE_MISSING']);
    expect(outcome.signature.signed).toEqual([]);
    expect(outcome.response).toBe(parsed.root);
    expect(outcome.assertion?.localName).toBe('Assertion');
  });

  it('078: a signature that verifies only with the KeyInfo certificate is untrusted, with fingerprints', () => {
    const { outcome } = verifySample('078-sig-untrusted-key-embedded-cert');
    expect(outcome.signature.status).toBe('untrusted');
    expect(codes(outcome)).toEqual(['SIGNATURE_CERT_UNTRUSTED']);
    const evidence = outcome.findings[0]?.evidence as {
      signingCertificate: { sha256: string; sha1: string };
      configuredCertificates: { sha256: string; sha1: string }[];
    };
    const configured = outcome.signature.certificates?.find((c) => c.source === 'configured');
    expect(evidence.configuredCertificates).toEqual([
      expect.objectContaining({ sha256: configured?.sha256, sha1: configured?.sha1 }),
    ]);
    expect(evidence.signingCertificate.sha256).not.toBe(configured?.sha256);
    expect(evidence.signingCertificate.sha1).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    expect(outcome.signature.signed[0]).toMatchObject({
      verified: true,
      configuredCertificateIndex: null,
      certificateSha256: evidence.signingCertificate.sha256,
    });
  });

  it('080: the configured certificate that signed expires within 30 days', () => {
    const { outcome } = verifySample('080-sig-configured-cert-expiring');
    expect(outcome.signature.status).toBe('valid');
    expect(codes(outcome)).toEqual(['CERT_EXPIRING']);
    expect(outcome.findings[0]?.evidence).toMatchObject({
      daysLeft: 17,
      notAfter: '2026-12-10T00:00:00.000Z',
    });
  });

  it('057: the Response signature verifies over an EncryptedAssertion', () => {
    const { parsed, outcome } = verifySample('057-encrypted-assertion-pysaml2');
    expect(outcome.signature.status).toBe('valid');
    expect(outcome.findings).toEqual([]);
    expect(outcome.response).toBe(parsed.root);
    expect(outcome.assertion).toBeNull();
  });

  it('057 without its Response signature: not-checked, and no advice to turn signing on', () => {
    const { xml, certificates, now } = sample('057-encrypted-assertion-pysaml2');
    const unsigned = xml.replace(/<(\w+:)?Signature[\s>][\s\S]*?<\/(\w+:)?Signature>/, '');
    expect(unsigned).not.toMatch(/SignatureValue/);
    const outcome = verifySignatures(parse(unsigned), { certificates, now });
    // The signature may sit inside the encryption, where nothing can read it.
    expect(outcome.signature.status).toBe('not-checked');
    expect(codes(outcome)).toEqual([]);
  });

  it.each([
    ['091-attack-xsw3', 'unsigned-assertion'],
    ['095-attack-xsw7', 'duplicate-id'],
    ['104-attack-unsigned-second-assertion', 'unsigned-assertion'],
  ])(
    '%s is wrapped and the signed assertion, not the evil one, is what is read',
    (name, reason) => {
      const { outcome } = verifySample(name);
      expect(outcome.signature.status).toBe('wrapped');
      expect(codes(outcome)).toContain('SIGNATURE_WRAPPING');
      expect(outcome.findings.map((f) => f.evidence.reason)).toContain(reason);
      const signed = outcome.signature.signed[0];
      expect(signed?.verified).toBe(true);
      expect(outcome.assertion?.getAttribute('ID')).toBe(signed?.id);
      expect(outcome.assertion?.textContent).not.toContain('admin@acme.example');
    },
  );
});
