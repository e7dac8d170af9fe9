/** Test helpers: ParsedXml from text, sample and key fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml } from '../../../../shared/saml/parse';
import type { ParsedXml } from '../../../../shared/saml/types';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');

/** Parses with the engine's own hardened parser, so tests see the DOM and locations the CLI sees. */
export function parse(xml: string): ParsedXml {
  const outcome = parseXml(xml);
  if (!outcome.ok) throw new Error(outcome.findings.map((f) => f.message).join('; '));
  return outcome.parsed;
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
