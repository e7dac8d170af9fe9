/**
 * The identity provider's auto-submit page ("view source" of the page that posts to Genesys
 * Cloud): the SAMLResponse/SAMLRequest and RelayState of its hidden form inputs.
 */
import type { SamlFields } from './form';
import { samlFields } from './form';
import { own } from '../../own';

const INPUT_TAG = /<input\b[^>]*>/gi;
const ATTRIBUTE = /([A-Za-z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

/** Whether pasted markup is an HTML page rather than a SAML message. */
export function isHtmlPage(text: string): boolean {
  return /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|form)[\s>]/i.test(text);
}

export function htmlFormFields(html: string): SamlFields {
  const pairs: Array<{ name: string; value: string }> = [];
  for (const [tag] of html.matchAll(INPUT_TAG)) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(ATTRIBUTE)) {
      const name = match[1]?.toLowerCase() ?? '';
      if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
    }
    const name = attributes.get('name');
    if (name !== undefined)
      pairs.push({ name, value: decodeCharacterReferences(attributes.get('value') ?? '') });
  }
  return samlFields(pairs, true);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Numeric and the basic named references: IdPs write `+` and `=` of base64 as `&#x2b;`, `&#61;`. */
function decodeCharacterReferences(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (whole, hex, dec, name) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec, 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return own(NAMED, String(name).toLowerCase()) ?? whole;
  });
}
