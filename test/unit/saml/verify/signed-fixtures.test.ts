/**
 * Signatures made by a real signer (xml-crypto with the test keys, test/fixtures/signed/generate.ts)
 * and the attacks of the literature applied to them.
 */
import { describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { verifySignatures } from '../../../../shared/saml/verify';
import { key, parse, signedFixture } from './parsed';

const NOW = new Date('2026-11-23T09:00:00Z');
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const IDP = key('idp.crt');

function verify(name: string, certificates: string[] = [IDP]) {
  const parsed = parse(signedFixture(name));
  return { parsed, outcome: verifySignatures(parsed, { certificates, now: NOW }) };
}

const codes = (outcome: { findings: { code: string }[] }) => outcome.findings.map((f) => f.code);
const reasons = (outcome: { findings: { evidence: Record<string, unknown> }[] }) =>
  outcome.findings.map((f) => f.evidence.reason);
const nameIdOf = (element: Element | null) =>
  element?.getElementsByTagNameNS(SAML, 'NameID')[0]?.textContent ?? null;

describe('genuine signatures', () => {
  it.each([
    ['assertion-signed.xml', ['Assertion']],
    ['response-signed.xml', ['Response']],
    ['assertion-signed-inclusive-namespaces.xml', ['Assertion']],
    ['assertion-signed-inclusive-c14n.xml', ['Assertion']],
    ['assertion-signed-no-keyinfo.xml', ['Assertion']],
    ['response-and-assertion-signed.xml', ['Response', 'Assertion']],
  ])('%s is valid and exposes the signed elements of our own DOM', (name, elements) => {
    const { parsed, outcome } = verify(name);
    expect(outcome.signature.status).toBe('valid');
    expect(outcome.findings).toEqual([]);
    expect(outcome.signature.signed.map((s) => s.element)).toEqual(elements);
    expect(
      outcome.signature.signed.every((s) => s.verified && s.configuredCertificateIndex === 0),
    ).toBe(true);
    expect(outcome.response).toBe(parsed.root);
    expect(outcome.assertion?.parentNode).toBe(parsed.root);
    expect(nameIdOf(outcome.assertion)).toBe('jane.doe@acme.example');
  });

  it('certificate rollover: the second configured certificate signed', () => {
    const { outcome } = verify('rollover-signed.xml', [IDP, key('idp-rollover.crt')]);
    expect(outcome.signature.status).toBe('valid');
    expect(outcome.findings).toEqual([]);
    const rollover = outcome.signature.certificates?.find(
      (c) => c.source === 'configured' && c.index === 1,
    );
    expect(outcome.signature.signed[0]).toMatchObject({
      configuredCertificateIndex: 1,
      certificateSha256: rollover?.sha256,
      verified: true,
    });
  });

  it('the rollover certificate is untrusted while only the old one is configured', () => {
    const { outcome } = verify('rollover-signed.xml');
    expect(outcome.signature.status).toBe('untrusted');
    expect(codes(outcome)).toEqual(['SIGNATURE_CERT_UNTRUSTED']);
  });

  it('an expired configured certificate that signed raises CERT_EXPIRED', () => {
    const { outcome } = verify('expired-cert-signed.xml', [key('expired.crt')]);
    expect(codes(outcome)).toEqual(['CERT_EXPIRED']);
    expect(outcome.findings[0]?.evidence).toMatchObject({
      notAfter: '2026-06-30T00:00:00.000Z',
      certificateIndex: 0,
    });
  });

  it('a rollover certificate used before its start date raises CERT_NOT_YET_VALID', () => {
    const parsed = parse(signedFixture('rollover-signed.xml'));
    const outcome = verifySignatures(parsed, {
      certificates: [IDP, key('idp-rollover.crt')],
      now: new Date('2026-05-20T09:00:00Z'),
    });
    expect(outcome.signature.status).toBe('valid');
    expect(codes(outcome)).toEqual(['CERT_NOT_YET_VALID']);
    expect(outcome.findings[0]?.evidence).toMatchObject({
      notBefore: '2026-06-01T00:00:00.000Z',
      certificateIndex: 1,
    });
    expect(codes(verify('rollover-signed.xml', [IDP, key('idp-rollover.crt')]).outcome)).toEqual(
      [],
    );
  });

  it('a certificate that is configured but did not sign is not reported as expiring', () => {
    const { outcome } = verify('assertion-signed.xml', [key('expiring.crt'), IDP]);
    expect(outcome.signature.status).toBe('valid');
    expect(outcome.findings).toEqual([]);
    expect(outcome.signature.signed[0]?.configuredCertificateIndex).toBe(1);
  });
});

describe('trust', () => {
  it('another IdP key with its certificate in KeyInfo is untrusted, with all fingerprints', () => {
    const { outcome } = verify('other-idp-signed.xml', [IDP, key('idp-rollover.crt')]);
    expect(outcome.signature.status).toBe('untrusted');
    const evidence = outcome.findings[0]?.evidence as {
      signingCertificate: { sha256: string; sha1: string };
      configuredCertificates: unknown[];
    };
    expect(evidence.configuredCertificates).toHaveLength(2);
    const embedded = outcome.signature.certificates?.find((c) => c.source === 'embedded');
    expect(evidence.signingCertificate).toMatchObject({
      sha256: embedded?.sha256,
      sha1: embedded?.sha1,
    });
    expect(embedded?.subject).toBeTruthy();
  });

  it('a bare RSA key in KeyInfo (no certificate) that signed is untrusted, named by its key fingerprint', () => {
    const { outcome } = verify('attacker-signed-rsa-key-value.xml');
    expect(outcome.signature.status).toBe('untrusted');
    expect(codes(outcome)).toEqual(['SIGNATURE_CERT_UNTRUSTED']);
    expect(outcome.findings[0]?.evidence.signingKey).toMatchObject({
      type: 'RSAKeyValue',
      spkiSha256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
    });
    expect(outcome.signature.signed[0]).toMatchObject({ verified: true, certificateSha256: null });
  });

  it('a bare RSA key in KeyInfo with nothing configured checks integrity only', () => {
    const { outcome } = verify('attacker-signed-rsa-key-value.xml', []);
    expect(outcome.signature.status).toBe('not-checked');
    expect(outcome.signature.signed[0]?.verified).toBe(true);
  });

  it('a key that matches nothing, with no KeyInfo, is invalid', () => {
    const { outcome } = verify('attacker-signed-no-keyinfo.xml');
    expect(outcome.signature.status).toBe('invalid');
    expect(reasons(outcome)).toEqual(['signature-mismatch']);
    expect(outcome.signature.signed[0]?.verified).toBe(false);
  });

  it('without configured certificates, integrity is checked with KeyInfo and trust is not checked', () => {
    const { outcome } = verify('assertion-signed.xml', []);
    expect(outcome.signature.status).toBe('not-checked');
    expect(codes(outcome)).toEqual(['SIGNATURE_NOT_CHECKED']);
    expect(outcome.findings[0]?.severity).toBe('warning');
    expect(outcome.signature.signed[0]).toMatchObject({
      verified: true,
      configuredCertificateIndex: null,
    });
    expect(outcome.signature.signed[0]?.certificateSha256).toBe(
      outcome.signature.certificates?.[0]?.sha256,
    );
  });

  it('without configured certificates nor KeyInfo, the digest is checked and the signature is not', () => {
    const { outcome } = verify('assertion-signed-no-keyinfo.xml', []);
    expect(outcome.signature.status).toBe('not-checked');
    expect(outcome.signature.signed[0]?.verified).toBe(false);
  });

  it('without configured certificates, changed content is still invalid', () => {
    const { outcome } = verify('tampered-attribute-value.xml', []);
    expect(outcome.signature.status).toBe('invalid');
    expect(codes(outcome)).toEqual(['SIGNATURE_INVALID']);
  });
});

describe('content changed after signing', () => {
  it('an attribute value edited after signing fails the digest', () => {
    const { outcome } = verify('tampered-attribute-value.xml');
    expect(outcome.signature.status).toBe('invalid');
    expect(codes(outcome)).toEqual(['SIGNATURE_INVALID']);
    expect(outcome.findings[0]?.evidence).toMatchObject({
      reason: 'digest-mismatch',
      element: 'Assertion',
    });
    expect(outcome.findings[0]?.location?.path).toBe('/Response/Assertion');
  });

  it('an edited SignatureValue does not verify with the configured certificate', () => {
    const { outcome } = verify('tampered-signature-value.xml');
    expect(outcome.signature.status).toBe('invalid');
    expect(reasons(outcome)).toEqual(['signature-mismatch']);
  });

  it('a processing instruction inserted into signed text after signing fails the digest', () => {
    // Canonical XML keeps a PI as <?x .attacker.test?>, not as its data: the signed bytes changed.
    const { outcome } = verify('processing-instruction-in-nameid.xml');
    expect(outcome.signature.status).toBe('invalid');
    expect(codes(outcome)).toEqual(['SIGNATURE_INVALID']);
    expect(reasons(outcome)).toEqual(['digest-mismatch']);
  });

  it.each(['xpath-transform.xml', 'xslt-transform.xml'])(
    '%s: a signed XPath/XSLT transform is refused',
    (name) => {
      const { outcome } = verify(name);
      expect(outcome.signature.status).toBe('invalid');
      expect(codes(outcome)).toEqual(['SIGNATURE_UNEXPECTED_TRANSFORM']);
      expect(outcome.signature.signed[0]?.verified).toBe(false);
    },
  );
});

describe('signature wrapping never reads as valid', () => {
  it.each([
    ['xsw1.xml', 'nested-response'],
    ['xsw2.xml', 'nested-response'],
    ['xsw3.xml', 'unsigned-assertion'],
    ['xsw4.xml', 'signature-misplaced'],
    ['xsw5.xml', 'reference-not-parent'],
    ['xsw6.xml', 'assertion-out-of-place'],
    ['xsw7.xml', 'duplicate-id'],
    ['xsw8.xml', 'duplicate-id'],
    ['xsw8.xml', 'unexpected-signature-content'],
    ['duplicate-id.xml', 'duplicate-id'],
    ['reference-to-other-element.xml', 'reference-not-parent'],
    ['comment-in-digest-value.xml', 'markup-in-signed-info'],
    ['two-signed-info.xml', 'signed-info-count'],
  ])('%s is wrapped (%s), with and without configured certificates', (name, reason) => {
    for (const certificates of [[IDP], []]) {
      const { outcome } = verify(name, certificates);
      expect(outcome.signature.status).toBe('wrapped');
      expect(codes(outcome)).toContain('SIGNATURE_WRAPPING');
      expect(reasons(outcome)).toContain(reason);
      expect(nameIdOf(outcome.assertion)).not.toBe('admin@acme.example');
    }
  });

  it.each(['xsw1.xml', 'xsw2.xml'])(
    '%s: the signed inner Response, not the evil root, is what is read',
    (name) => {
      const { parsed, outcome } = verify(name);
      expect(outcome.signature.signed[0]).toMatchObject({
        element: 'Response',
        verified: true,
        configuredCertificateIndex: 0,
      });
      expect(outcome.response).not.toBe(parsed.root);
      expect(outcome.response?.getAttribute('ID')).toBe(outcome.signature.signed[0]?.id);
      expect(outcome.assertion?.parentNode).toBe(outcome.response);
    },
  );

  it.each(['xsw3.xml', 'xsw4.xml', 'xsw5.xml', 'xsw6.xml', 'xsw7.xml', 'xsw8.xml'])(
    '%s: the assertion read is the one whose digest verified',
    (name) => {
      const { outcome } = verify(name);
      const [signed] = outcome.signature.signed;
      expect(signed).toMatchObject({ element: 'Assertion', verified: true });
      expect(outcome.assertion?.getAttribute('ID')).toBe(signed?.id);
      expect(nameIdOf(outcome.assertion)).toBe('jane.doe@acme.example');
    },
  );

  it('points the finding at the evil element', () => {
    const { outcome } = verify('xsw3.xml');
    const wrapping = outcome.findings.find((f) => f.evidence.reason === 'unsigned-assertion');
    expect(wrapping?.location).toMatchObject({ path: '/Response/Assertion[1]', line: 1 });
    expect(wrapping?.evidence.id).toBe('_evil-0000-4000-8000-000000000666');
  });
});

describe('what the status and the wording say', () => {
  it('a signature without its SignatureValue is named as never computed, not as wrapping', () => {
    const xml = signedFixture('assertion-signed.xml').replace(
      /<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/,
      '',
    );
    const outcome = verifySignatures(parse(xml), { certificates: [IDP], now: NOW });
    expect(outcome.signature.status).toBe('invalid');
    expect(codes(outcome)).toEqual(['SIGNATURE_INVALID']);
    expect(outcome.findings[0]?.message).toMatch(/signature on the Assertion .*no SignatureValue/);
  });

  it('a signed Assertion kept in Advice is wrapping, said plainly, not "altered on its way"', () => {
    const xml = signedFixture('assertion-signed.xml');
    const signed = /<saml:Assertion [\s\S]*<\/saml:Assertion>/.exec(xml)![0];
    const outer = `<saml:Assertion ID="_outer-1" Version="2.0" IssueInstant="2026-11-23T08:59:58.000Z"><saml:Issuer>https://idp.acme.example/saml</saml:Issuer><saml:Advice>${signed}</saml:Advice></saml:Assertion>`;
    const outcome = verifySignatures(parse(xml.replace(signed, outer)), {
      certificates: [IDP],
      now: NOW,
    });
    expect(outcome.signature.status).toBe('wrapped');
    // The signed Assertion in Advice, and the signature it carries there; the unsigned outer
    // Assertion is its own finding (unsigned-assertion), as no IdP sends one beside nothing signed.
    const wrapping = outcome.findings.filter((f) =>
      ['assertion-out-of-place', 'signature-misplaced'].includes(String(f.evidence.reason)),
    );
    expect(wrapping).toHaveLength(2);
    for (const f of wrapping) {
      expect(f.fix).not.toMatch(/altered on its way/);
      expect(f.fix).toMatch(/Advice/);
      expect(f.message).toMatch(
        /Used: the <Assertion> ID "_outer-1"; signed: the <Assertion> ID "_assert-[^"]+" inside <Advice> \(verified\)\./,
      );
    }
  });

  it('a repeated enveloped-signature transform is named as such, not as an allowed algorithm', () => {
    const enveloped =
      '<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>';
    const xml = signedFixture('assertion-signed.xml').replace(enveloped, enveloped + enveloped);
    const outcome = verifySignatures(parse(xml), { certificates: [IDP], now: NOW });
    expect(codes(outcome)).toEqual(['SIGNATURE_UNEXPECTED_TRANSFORM']);
    const [f] = outcome.findings;
    expect(f?.message).toMatch(/enveloped-signature transform is listed 2 times/);
    expect(f?.message).not.toMatch(/uses "http:\/\/www.w3.org\/2001\/10\/xml-exc-c14n#"/);
    expect(f?.evidence).toMatchObject({ unexpected: [] });
  });

  it('a shape no IdP produces keeps "altered on its way"', () => {
    const outcome = verifySignatures(parse(signedFixture('xsw1.xml')), {
      certificates: [IDP],
      now: NOW,
    });
    const wrapping = outcome.findings.filter((f) => f.code === 'SIGNATURE_WRAPPING');
    expect(wrapping.length).toBeGreaterThan(0);
    for (const f of wrapping) expect(f.fix).toMatch(/altered on its way/);
  });
});
