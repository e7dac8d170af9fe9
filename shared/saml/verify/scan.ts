/**
 * One walk over the whole document collecting what signature-wrapping checks need: every
 * signature, every element named Response/Assertion/EncryptedAssertion (in any namespace, since a
 * lax consumer might read one), and every ID-like attribute value.
 * Processing instructions need no scan: they are canonicalized as C14N says (./c14n), so one
 * inserted after signing breaks the digest, and one inside a value is TEXT_SPLIT_BY_COMMENT.
 */
import type { Element } from '@xmldom/xmldom';
import { DSIG_NS, isElement } from './dom';

/** Attribute local names that identify elements for XML-DSig references (SAML 2.0 `ID`, SAML 1.x `AssertionID`, WS-Security/xml-crypto `Id`/`id`). */
const ID_ATTRIBUTES = new Set(['ID', 'Id', 'id', 'AssertionID']);

export interface DocumentScan {
  root: Element;
  signatures: Element[];
  responses: Element[];
  assertions: Element[];
  encryptedAssertions: Element[];
  /** ID value → the elements carrying it, in document order. */
  ids: Map<string, Element[]>;
}

export function scanDocument(root: Element): DocumentScan {
  const scan: DocumentScan = {
    root,
    signatures: [],
    responses: [],
    assertions: [],
    encryptedAssertions: [],
    ids: new Map(),
  };
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    record(scan, element);
    const children: Element[] = [];
    for (let child = element.firstChild; child !== null; child = child.nextSibling) {
      if (isElement(child)) children.push(child);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Element);
  }
  return scan;
}

function record(scan: DocumentScan, element: Element): void {
  const name = element.localName;
  if (name === 'Signature' && element.namespaceURI === DSIG_NS) scan.signatures.push(element);
  else if (name === 'Response') scan.responses.push(element);
  else if (name === 'Assertion') scan.assertions.push(element);
  else if (name === 'EncryptedAssertion') scan.encryptedAssertions.push(element);
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attr = attributes[i];
    if (attr === undefined) continue;
    const localName = attr.localName ?? attr.name;
    if (!ID_ATTRIBUTES.has(localName)) continue;
    const holders = scan.ids.get(attr.value);
    if (holders === undefined) scan.ids.set(attr.value, [element]);
    else if (holders[holders.length - 1] !== element) holders.push(element);
  }
}
