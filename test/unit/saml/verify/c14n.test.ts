/**
 * Processing instructions are canonicalized as C14N says, so a message an independent signer
 * (xmlsec1) signed with a PI inside the NameID verifies, and the PI is not a signature problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ExclusiveC14n, InclusiveC14n } from '../../../../shared/saml/verify/c14n';
import { verifySignatures } from '../../../../shared/saml/verify';
import { key, parse, signedFixture } from './parsed';

const CASE = join(
  import.meta.dirname,
  '../../../fixtures/cases/sig-018-attack-processing-instruction-in-nameid/input.xml',
);

function canonical(xml: string, c14n: ExclusiveC14n | InclusiveC14n): string {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  return String(c14n.process(root as never, { ancestorNamespaces: [] }));
}

describe('processing instructions in canonical XML', () => {
  it.each([
    ['exclusive', new ExclusiveC14n()],
    ['inclusive', new InclusiveC14n()],
  ])('%s c14n writes <?target data?> and <?target?>, never the data as text', (_, c14n) => {
    expect(canonical('<a>x<?pi  some data?>y<?empty?></a>', c14n)).toBe(
      '<a>x<?pi some data?>y<?empty?></a>',
    );
  });

  it('an xmlsec1-signed NameID holding a PI verifies with the configured certificate', () => {
    const parsed = parse(readFileSync(CASE, 'utf8'));
    const outcome = verifySignatures(parsed, {
      certificates: [key('idp.crt')],
      now: new Date('2026-11-23T09:00:00Z'),
    });
    expect(outcome.findings).toEqual([]);
    expect(outcome.signature.status).toBe('valid');
    expect(outcome.signature.signed[0]).toMatchObject({ element: 'Assertion', verified: true });
  });
});

/**
 * Canonical XML 1.1 and the `xml:*` attributes an element inherits, against messages xmlsec1
 * signed (test/fixtures/signed/xmlsec1/generate.sh; each verifies with `xmlsec1 --verify`). The
 * Response above the signed Assertion carries xml:lang, xml:space and xml:id: C14N 1.0 writes all
 * three on the Assertion, C14N 1.1 only xml:lang and xml:space.
 */
describe('Canonical XML 1.1 and inherited xml:* attributes', () => {
  const NOW = new Date('2026-11-23T09:00:00Z');
  const xmlsec1Signed = (name: string) => signedFixture(`xmlsec1/${name}`);
  const verifyText = (xml: string, certificates = [key('idp.crt')]) =>
    verifySignatures(parse(xml), { certificates, now: NOW });

  it.each([
    ['c14n11-response-signed-empty-uri.xml', 'Response'],
    ['c14n11-assertion-signed-below-xml-lang.xml', 'Assertion'],
    ['c14n10-assertion-signed-below-xml-lang.xml', 'Assertion'],
  ])('%s, signed by xmlsec1, is valid with no finding', (name, element) => {
    const outcome = verifyText(xmlsec1Signed(name));
    expect(outcome.findings).toEqual([]);
    expect(outcome.signature.status).toBe('valid');
    expect(outcome.signature.signed).toMatchObject([{ element, verified: true }]);
  });

  it('an inherited xml:lang is part of what both versions digest', () => {
    for (const name of [
      'c14n11-assertion-signed-below-xml-lang.xml',
      'c14n10-assertion-signed-below-xml-lang.xml',
    ]) {
      const outcome = verifyText(xmlsec1Signed(name).replace('xml:lang="en-GB"', 'xml:lang="fr"'));
      expect(outcome.signature.status, name).toBe('invalid');
      expect(outcome.findings.map((f) => f.evidence.reason)).toEqual(['digest-mismatch']);
    }
  });

  it('xml:id is inherited by C14N 1.0 only', () => {
    const edit = (xml: string) => xml.replace('xml:id="acme-response"', 'xml:id="other"');
    expect(
      verifyText(edit(xmlsec1Signed('c14n11-assertion-signed-below-xml-lang.xml'))).signature
        .status,
    ).toBe('valid');
    expect(
      verifyText(edit(xmlsec1Signed('c14n10-assertion-signed-below-xml-lang.xml'))).signature
        .status,
    ).toBe('invalid');
  });

  it('a C14N 1.1 subset below an xml:base is refused by name, not digested differently', () => {
    const xml = xmlsec1Signed('c14n11-assertion-signed-below-xml-lang.xml').replace(
      'xml:lang="en-GB"',
      'xml:lang="en-GB" xml:base="https://idp.acme.example/"',
    );
    const outcome = verifyText(xml);
    expect(outcome.signature.status).toBe('invalid');
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]?.message).toMatch(/xml:base/);
  });

  it('a changed C14N 1.1 Response is invalid, and one signed by another key is untrusted', () => {
    const xml = xmlsec1Signed('c14n11-response-signed-empty-uri.xml');
    expect(verifyText(xml.replace('Seasonal_Retail', 'Tech_Support')).signature.status).toBe(
      'invalid',
    );
    const untrusted = verifyText(xml, [key('other-idp.crt')]);
    expect(untrusted.signature.status).toBe('untrusted');
    expect(untrusted.findings.map((f) => f.code)).toEqual(['SIGNATURE_CERT_UNTRUSTED']);
  });
});
