import { describe, expect, it } from 'vitest';
import { elementAt, layoutXml, visibleRows } from '../../../renderer/src/xml/layout';

const ONE_LINE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r"><Issuer>https://idp/</Issuer><Assertion><AttributeStatement><Attribute Name="a"><AttributeValue>1</AttributeValue></Attribute><Attribute Name="b"><AttributeValue>2</AttributeValue></Attribute></AttributeStatement></Assertion></samlp:Response>';

const rowText = (layout: ReturnType<typeof layoutXml>, row: number) =>
  layout.rows[row]!.tokens.map((t) => t.text).join('');

describe('the XML view layout', () => {
  it('puts a one-line response on one row per element, indented by depth, text beside its element', () => {
    const layout = layoutXml(ONE_LINE);
    expect(layout.rows.map((r, i) => `${'  '.repeat(r.depth)}${rowText(layout, i)}`)).toEqual([
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r">',
      '  <Issuer>https://idp/</Issuer>',
      '  <Assertion>',
      '    <AttributeStatement>',
      '      <Attribute Name="a">',
      '        <AttributeValue>1</AttributeValue>',
      '      </Attribute>',
      '      <Attribute Name="b">',
      '        <AttributeValue>2</AttributeValue>',
      '      </Attribute>',
      '    </AttributeStatement>',
      '  </Assertion>',
      '</samlp:Response>',
    ]);
  });

  it('tokenises for highlighting: tag names, attribute names and quoted values', () => {
    const layout = layoutXml(ONE_LINE);
    const kinds = layout.rows[4]!.tokens.map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toEqual([
      'punct:<',
      'tag:Attribute',
      'attr: Name',
      'punct:=',
      'value:"a"',
      'punct:>',
    ]);
  });

  it('keeps each element at its line and column in the decoded XML, with an indexed path', () => {
    const layout = layoutXml(ONE_LINE);
    const second = layout.elements.find(
      (e) => e.path === '/Response[1]/Assertion[1]/AttributeStatement[1]/Attribute[2]',
    )!;
    expect(second.line).toBe(1);
    expect(ONE_LINE.slice(second.column - 1)).toMatch(/^<Attribute Name="b">/);
    expect([second.firstRow, second.lastRow]).toEqual([7, 9]);
  });

  it('finds the element a finding points at by line and column, by line alone, or by path', () => {
    const xml =
      '<Response>\n  <Assertion>\n    <Subject><NameID>jane</NameID></Subject>\n  </Assertion>\n</Response>';
    const layout = layoutXml(xml);
    const nameAt = (location: Parameters<typeof elementAt>[1]) => {
      const i = elementAt(layout, location);
      return i === null ? null : layout.elements[i]!.name;
    };
    expect(nameAt({ path: '', line: 3, column: 14 })).toBe('NameID');
    expect(nameAt({ path: '', line: 3, column: null })).toBe('Subject');
    expect(nameAt({ path: '/Response/Assertion/Subject/NameID', line: null, column: null })).toBe(
      'NameID',
    );
    expect(nameAt({ path: '/Response/Nothing', line: null, column: null })).toBeNull();
    expect(nameAt(null)).toBeNull();
  });

  it('folds an element down to its start and end rows', () => {
    const layout = layoutXml(ONE_LINE);
    const statement = layout.elements.findIndex((e) => e.name === 'AttributeStatement');
    const rows = visibleRows(layout, new Set([statement]));
    expect(rows.map((r) => rowText(layout, r))).toEqual([
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r">',
      '<Issuer>https://idp/</Issuer>',
      '<Assertion>',
      '<AttributeStatement>',
      '</AttributeStatement>',
      '</Assertion>',
      '</samlp:Response>',
    ]);
  });

  it('shows comments and CDATA (the comment-injection class) and survives malformed input', () => {
    const layout = layoutXml('<NameID>jane<!-- x -->@evil</NameID><Broken attr="1"');
    expect(layout.rows.some((r) => r.tokens.some((t) => t.kind === 'comment'))).toBe(true);
    expect(layout.rows.length).toBeGreaterThan(0);
  });

  // Its speed is measured by the renderer.xml-20k-values benchmark, not asserted here.
  it('lays out 20,000 attribute values, one row each', () => {
    const values = Array.from(
      { length: 20_000 },
      (_, i) => `<AttributeValue>group-${i}</AttributeValue>`,
    ).join('');
    const layout = layoutXml(`<Response><Attribute Name="groups">${values}</Attribute></Response>`);
    expect(layout.rows.length).toBe(20_004);
  });
});
