/**
 * Reading values out of the verified elements: direct children by namespace and local name (never
 * a document-wide lookup), and text read so that a comment, processing instruction or CDATA split
 * is noticed. Exclusive canonicalization drops comments, so `jane@acme.example<!---->.evil.example`
 * keeps a valid signature while a reader that takes the first text node sees another address.
 */
import { Node, type Element } from '@xmldom/xmldom';

export const NS = {
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Direct element children of `parent` with this namespace and local name, in document order. */
export function childrenNamed(parent: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (element.localName === localName && element.namespaceURI === ns) found.push(element);
  }
  return found;
}

export function childNamed(parent: Element | null, ns: string, localName: string): Element | null {
  if (!parent) return null;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const element = node as Element;
    if (element.localName === localName && element.namespaceURI === ns) return element;
  }
  return null;
}

/** An attribute's value, or null when absent (getAttribute returns '' for absent in some DOMs). */
export function attr(element: Element | null, name: string): string | null {
  if (!element || !element.hasAttribute(name)) return null;
  return element.getAttribute(name);
}

export interface TextReading {
  /** All text and CDATA under the element, comments and PIs skipped: what the signature covers. */
  text: string;
  /** Set when the text is split: what a reader that takes only the first text node would see. */
  split: { firstTextNode: string; nodes: string[] } | null;
}

/**
 * Reads an element's text. It is split when a comment or processing instruction sits anywhere
 * inside, or when a leaf element's text comes in more than one text/CDATA node.
 */
export function readText(element: Element): TextReading {
  const first = element.firstChild;
  // The common case, one text node and nothing else, costs one check.
  if (first && first === element.lastChild && first.nodeType === Node.TEXT_NODE) {
    return { text: (first as Node).nodeValue ?? '', split: null };
  }
  if (!first) return { text: '', split: null };

  const kinds: string[] = [];
  let text = '';
  let firstText: string | null = null;
  let commentOrPi = false;
  let textNodes = 0;
  let hasElementChild = false;
  const walk = (node: Node, depth: number) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      switch (child.nodeType) {
        case Node.TEXT_NODE:
        case Node.CDATA_SECTION_NODE: {
          const value = child.nodeValue ?? '';
          text += value;
          if (firstText === null) firstText = value;
          if (depth === 0) textNodes += 1;
          kinds.push(child.nodeType === Node.TEXT_NODE ? 'text' : 'cdata');
          break;
        }
        case Node.COMMENT_NODE:
          commentOrPi = true;
          kinds.push('comment');
          break;
        case Node.PROCESSING_INSTRUCTION_NODE:
          commentOrPi = true;
          kinds.push('processing-instruction');
          break;
        case Node.ELEMENT_NODE:
          if (depth === 0) hasElementChild = true;
          kinds.push(`element ${(child as Element).localName}`);
          walk(child, depth + 1);
          break;
        default:
          break;
      }
    }
  };
  walk(element, 0);
  const split = commentOrPi || (!hasElementChild && textNodes > 1);
  return {
    text,
    split: split ? { firstTextNode: firstText ?? '', nodes: kinds } : null,
  };
}

/** xsi:nil="true" on an AttributeValue: an explicit "no value". */
export function isNil(element: Element): boolean {
  const value = element.getAttributeNS(NS.xsi, 'nil');
  return value === 'true' || value === '1';
}

/**
 * Counts Assertion and EncryptedAssertion elements anywhere under `root` in one pass (counting, not
 * reading: an extra, unsigned Assertion anywhere is what RESPONSE_MULTIPLE_ASSERTIONS reports).
 * Iterative, so depth cannot overflow the stack, and far cheaper than xmldom's live NodeLists.
 */
export function countAssertions(root: Element): { plain: number; encrypted: number } {
  let plain = 0;
  let encrypted = 0;
  let node: Node | null = root;
  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).namespaceURI === NS.assertion) {
      const name = (node as Element).localName;
      if (name === 'Assertion') plain += 1;
      else if (name === 'EncryptedAssertion') encrypted += 1;
    }
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return { plain, encrypted };
}
