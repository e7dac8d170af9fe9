import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../shared/saml/parse';
import { fixtureBytes, signedResponseXml } from '../../fixtures/ingest/load';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);
const FAST = { timeout: 3_000 };

function parsedOrFail(xml: string) {
  const outcome = parseXml(xml);
  if (!outcome.ok) throw new Error(`expected a document, got ${JSON.stringify(outcome.findings)}`);
  return outcome.parsed;
}

describe('parseXml: well-formed messages', () => {
  it('parses a signed response and keeps whitespace and comments exactly', () => {
    const xml = signedResponseXml().replace(
      '>jane.doe@acme.example<',
      '>jane.doe<!--x-->@acme.example<',
    );
    const { root, document } = parsedOrFail(xml);
    expect(root.localName).toBe('Response');
    const nameId = document.getElementsByTagNameNS('*', 'NameID')[0];
    expect(nameId?.childNodes.length).toBe(3);
    expect(nameId?.childNodes[1]?.nodeType).toBe(8);
    // The base64 line breaks inside SignatureValue survive.
    const signatureValue = document.getElementsByTagNameNS('*', 'SignatureValue')[0];
    expect(signatureValue?.textContent).toContain('\n');
  });

  it('locates elements with local-name paths and 1-based positions among same-named siblings', () => {
    const { document, locate, root } = parsedOrFail(signedResponseXml());
    expect(locate(root)).toEqual({ path: '/Response', line: 1, column: 1 });
    const attributes = document.getElementsByTagNameNS('*', 'Attribute');
    const third = locate(attributes[2]!);
    expect(third.path).toBe('/Response/Assertion/AttributeStatement/Attribute[3]');
    expect(third.line).toBeGreaterThan(1);
    expect(third.column).toBeGreaterThan(0);
    expect(locate(attributes[0]!).path).toBe('/Response/Assertion/AttributeStatement/Attribute[1]');
    const subject = document.getElementsByTagNameNS('*', 'Subject')[0]!;
    expect(locate(subject).path).toBe('/Response/Assertion/Subject');
    expect(locate(attributes[2]!.getAttributeNode('Name')!).path).toBe(
      '/Response/Assertion/AttributeStatement/Attribute[3]/@Name',
    );
    expect(locate(subject.firstChild!.firstChild!).path).toBe('/Response/Assertion/Subject/NameID');
  });

  it('points line and column at the element in multi-line XML', () => {
    const { document, locate } = parsedOrFail('<r>\n  <a/>\n  <b>\n    <c/>\n  </b>\n</r>');
    expect(locate(document.getElementsByTagName('c')[0]!)).toEqual({
      path: '/r/b/c',
      line: 4,
      column: 5,
    });
  });

  it('parses a response with 20,000 attribute values', FAST, () => {
    const values = Array.from(
      { length: 20_000 },
      (_, i) => `<AttributeValue>v${i}</AttributeValue>`,
    ).join('');
    const { document, locate } = parsedOrFail(
      `<Response><Attribute>${values}</Attribute></Response>`,
    );
    const all = document.getElementsByTagName('AttributeValue');
    expect(all.length).toBe(20_000);
    expect(locate(all[19_999]!).path).toBe('/Response/Attribute/AttributeValue[20000]');
  });
});

describe('parseXml: refused before parsing', () => {
  it('refuses the DOCTYPE of sample 099 with its position', () => {
    const xml = fixtureBytes('samples/099-attack-doctype-internal-entity/input.xml').toString(
      'utf8',
    );
    const outcome = parseXml(xml);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(codes(outcome.findings)).toEqual(['INPUT_DTD_FORBIDDEN']);
    expect(outcome.findings[0]?.location).toEqual({ path: '/', line: 2, column: 1 });
  });

  it('refuses a billion-laughs document without expanding it', FAST, () => {
    const entities = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('');
    const outcome = parseXml(
      `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><lolz>&lol9;</lolz>`,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(codes(outcome.findings)).toEqual(['INPUT_DTD_FORBIDDEN']);
  });

  it('refuses external and parameter entities, so no file is ever read', FAST, () => {
    const attacks = [
      '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>',
      '<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><r/>',
      '<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>',
      '<r><!ENTITY x "y"></r>',
      '<!doctype r><r/>',
    ];
    for (const xml of attacks) {
      const outcome = parseXml(xml);
      expect(outcome.ok, xml).toBe(false);
      if (outcome.ok) continue;
      expect(codes(outcome.findings)).toEqual(['INPUT_DTD_FORBIDDEN']);
      expect(JSON.stringify(outcome.findings)).not.toContain('root:');
    }
    expect(existsSync('/etc/passwd')).toBe(true);
  });

  it('treats declaration-like text in comments and CDATA as text', () => {
    expect(parseXml('<r><!-- <!DOCTYPE x> --><![CDATA[<!ENTITY y "z">]]></r>').ok).toBe(true);
  });

  it('refuses 50,000-deep nesting before any recursive walker sees it', FAST, () => {
    const outcome = parseXml('<a>'.repeat(50_000) + '</a>'.repeat(50_000));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(codes(outcome.findings)).toEqual(['INPUT_TOO_LARGE']);
    expect(outcome.findings[0]?.evidence).toMatchObject({ reason: 'nesting deeper than 256' });
  });

  it('accepts nesting up to the limit', () => {
    expect(parseXml('<a>'.repeat(256) + '</a>'.repeat(256)).ok).toBe(true);
  });

  it('refuses a message over the size limit', FAST, () => {
    const outcome = parseXml(`<a>${'x'.repeat(11 * 1024 * 1024)}</a>`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(codes(outcome.findings)).toEqual(['INPUT_TOO_LARGE']);
  });
});

describe('parseXml: malformed XML', () => {
  it('reports the broken closing tag of sample 129 with line and column', () => {
    const xml = fixtureBytes('samples/129-bad-malformed-xml/input.xml').toString('utf8');
    const outcome = parseXml(xml);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(codes(outcome.findings)).toEqual(['INPUT_XML_MALFORMED']);
    const [finding] = outcome.findings;
    expect(finding?.message).toContain('Subjet');
    expect(finding?.location?.line).toBe(26);
    expect(finding?.location?.column).toBeGreaterThan(1);
  });

  it('says a message cut short ends inside open elements, pointing at the end of the text', () => {
    const xml = signedResponseXml();
    const cut = xml.slice(0, xml.indexOf('jane.doe@') + 3);
    const outcome = parseXml(cut);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const [finding] = outcome.findings;
    expect(finding?.message).toMatch(
      /ends before saml2p:Response, .*saml2:NameID are closed: was the message cut short\?/,
    );
    expect(finding?.location?.line).toBe(cut.split('\n').length);
  });

  it('says a message cut inside a tag ends inside that tag', () => {
    const outcome = parseXml('<r>\n  <a x="1');
    expect(outcome.ok ? null : outcome.findings[0]).toMatchObject({
      code: 'INPUT_XML_MALFORMED',
      location: { path: '/', line: 2, column: 3 },
    });
  });

  it('explains DOM-construction errors instead of quoting xmldom', () => {
    const unbound = parseXml('<r>\n  <p:a/>\n</r>');
    expect(unbound.ok ? null : unbound.findings[0]?.message).toMatch(
      /namespace prefix is used without being declared/,
    );
    expect(unbound.ok ? null : unbound.findings[0]?.location?.line).toBe(2);
    const twoRoots = parseXml('<a/><b/>');
    expect(twoRoots.ok ? null : twoRoots.findings[0]?.message).toMatch(
      /more than one root element/,
    );
  });

  it.each([
    ['a mismatched tag', '<a><b></a>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['an undefined entity', '<a>&foo;</a>'],
    ['two roots', '<a/><b/>'],
    ['an unclosed tag', '<a'],
    ['an unbound prefix', '<p:a/>'],
    ['an unterminated comment', '<a><!-- x'],
    ['text only', 'hello'],
    ['nothing', ''],
    ['a duplicated attribute', '<a b="1" b="2"/>'],
    ['a control character', '<a>x\u000cy</a>'],
  ])('reports %s as malformed, never a half-built document', (_, xml) => {
    const outcome = parseXml(xml);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(codes(outcome.findings)).toEqual(['INPUT_XML_MALFORMED']);
  });
});
