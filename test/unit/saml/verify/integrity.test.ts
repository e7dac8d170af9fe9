/** Properties of verification that hold for any message, not just the fixtures. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SignedXml } from 'xml-crypto';
import { XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import { verifySignatures } from '../../../../shared/saml/verify';
import { key, parse, signedFixture } from './parsed';

const NOW = new Date('2026-11-23T09:00:00Z');
const IDP = key('idp.crt');

describe('verification', () => {
  it.each([
    'assertion-signed.xml',
    'response-signed.xml',
    'assertion-signed-inclusive-namespaces.xml',
    'assertion-signed-inclusive-c14n.xml',
    'tampered-attribute-value.xml',
  ])('agrees with xml-crypto checkSignature on the whole text (%s)', (name) => {
    const xml = signedFixture(name);
    const parsed = parse(xml);
    const ours = verifySignatures(parsed, { certificates: [IDP], now: NOW }).signature.status;
    const reference = new SignedXml({ publicCert: IDP });
    reference.loadSignature(
      parsed.root.getElementsByTagNameNS(
        'http://www.w3.org/2000/09/xmldsig#',
        'Signature',
      )[0] as never,
    );
    expect(ours === 'valid').toBe(reference.checkSignature(xml));
  });

  it.each(['assertion-signed.xml', 'response-and-assertion-signed.xml', 'xsw7.xml', 'xsw8.xml'])(
    'leaves the parsed document exactly as it was (%s)',
    (name) => {
      const parsed = parse(signedFixture(name));
      const before = new XMLSerializer().serializeToString(parsed.document);
      verifySignatures(parsed, { certificates: [IDP], now: NOW });
      expect(new XMLSerializer().serializeToString(parsed.document)).toBe(before);
    },
  );

  it('is repeatable on the same document', () => {
    const parsed = parse(signedFixture('response-and-assertion-signed.xml'));
    const first = verifySignatures(parsed, { certificates: [IDP], now: NOW });
    const second = verifySignatures(parsed, { certificates: [IDP], now: NOW });
    expect(second.signature).toEqual(first.signature);
    expect(second.assertion).toBe(first.assertion);
  });

  it('never calls a message valid once any signed text or attribute changed', () => {
    const xml = signedFixture('assertion-signed.xml');
    const editable = (parsed: ReturnType<typeof parse>) => {
      const assertion = parsed.root.getElementsByTagNameNS(
        'urn:oasis:names:tc:SAML:2.0:assertion',
        'Assertion',
      )[0] as Element;
      const targets: Node[] = [];
      const walk = (node: Node) => {
        for (let child = node.firstChild; child !== null; child = child.nextSibling) {
          if (child.nodeType === 3) targets.push(child);
          if (child.nodeType === 1 && (child as Element).localName !== 'Signature') {
            for (const attr of Array.from((child as Element).attributes)) {
              if (attr.name !== 'ID' && !attr.name.startsWith('xmlns')) targets.push(attr);
            }
            walk(child);
          }
        }
      };
      walk(assertion);
      return targets;
    };
    const count = editable(parse(xml)).length;
    fc.assert(
      fc.property(
        fc.nat({ max: count - 1 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        (index, extra) => {
          const parsed = parse(xml);
          const target = editable(parsed)[index] as Node;
          target.nodeValue = `${target.nodeValue ?? ''}${extra}`;
          if (target.nodeType === 2)
            (target as unknown as { value: string }).value = target.nodeValue;
          const { signature } = verifySignatures(parsed, { certificates: [IDP], now: NOW });
          expect(signature.status).toBe('invalid');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('bounds the work for a flood of copied signatures and calls it wrapping', () => {
    const parsed = parse(signedFixture('assertion-signed.xml'));
    const signature = parsed.root.getElementsByTagNameNS(
      'http://www.w3.org/2000/09/xmldsig#',
      'Signature',
    )[0] as Element;
    for (let i = 0; i < 200; i++)
      signature.parentNode?.insertBefore(signature.cloneNode(true), signature);
    const outcome = verifySignatures(parsed, { certificates: [IDP], now: NOW });
    expect(outcome.signature.status).toBe('wrapped');
    expect(outcome.findings.map((f) => f.evidence.reason)).toContain('several-signatures');
    expect(outcome.signature.signed).toHaveLength(201);
    // Each copy sits inside the signed assertion, so no digest matches any more.
    expect(outcome.signature.signed.some((s) => s.verified)).toBe(false);
  });
});
