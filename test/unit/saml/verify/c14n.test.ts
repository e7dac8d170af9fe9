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
import { key, parse } from './parsed';

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
