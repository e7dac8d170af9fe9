/**
 * Test helpers: ParsedXml from text, sample and key fixtures. Parsing uses @xmldom/xmldom 0.9 like
 * the engine; the locator here only needs to name elements for assertions on findings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { ParsedXml } from '../../../../shared/saml/types';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');

export function parse(xml: string): ParsedXml {
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(xml, 'text/xml');
  const root = document.documentElement;
  if (root === null) throw new Error('no root element');
  return {
    document,
    root,
    locate: (node: Node) => ({
      path: pathOf(node),
      line: node.lineNumber ?? null,
      column: node.columnNumber ?? null,
    }),
  };
}

function pathOf(node: Node): string {
  const parts: string[] = [];
  for (
    let current: Node | null = node;
    current !== null && current.nodeType === 1;
    current = current.parentNode
  ) {
    parts.unshift((current as Element).localName ?? current.nodeName);
  }
  return '/' + parts.join('/');
}

export function sample(name: string): { xml: string; certificates: string[]; now: Date } {
  const dir = join(FIXTURES, 'samples', name);
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
    sso?: { certificates?: string[] };
  };
  const expect = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { now: string };
  return {
    xml: readFileSync(join(dir, 'input.xml'), 'utf8'),
    certificates: config.sso?.certificates ?? [],
    now: new Date(expect.now),
  };
}

export function key(name: string): string {
  return readFileSync(join(FIXTURES, 'keys', name), 'utf8');
}

export function signedFixture(name: string): string {
  return readFileSync(join(FIXTURES, 'signed', name), 'utf8');
}
