/** Small namespace-aware DOM readers for the signature stage (@xmldom/xmldom nodes). */
import { Node, type Attr, type Element } from '@xmldom/xmldom';

export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function isElement(node: Node | null | undefined): node is Element {
  return node !== null && node !== undefined && node.nodeType === Node.ELEMENT_NODE;
}

export function elementChildren(parent: Node): Element[] {
  const children: Element[] = [];
  for (let child = parent.firstChild; child !== null; child = child.nextSibling) {
    if (isElement(child)) children.push(child);
  }
  return children;
}

/** Direct children in the XML-DSig namespace with this local name. */
export function dsigChildren(parent: Node, localName: string): Element[] {
  return elementChildren(parent).filter(
    (child) => child.localName === localName && child.namespaceURI === DSIG_NS,
  );
}

export function parentElement(node: Node): Element | null {
  const parent = node.parentNode;
  return isElement(parent) ? parent : null;
}

/** The SAML 2.0 `ID` attribute (unprefixed), or null. */
export function samlId(element: Element): string | null {
  return element.hasAttribute('ID') ? element.getAttribute('ID') : null;
}

/** Comments and processing instructions anywhere below `node`. */
export function findCommentsAndInstructions(node: Node): Node[] {
  const found: Node[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    for (let child = current.firstChild; child !== null; child = child.nextSibling) {
      if (
        child.nodeType === Node.COMMENT_NODE ||
        child.nodeType === Node.PROCESSING_INSTRUCTION_NODE
      ) {
        found.push(child);
      } else if (isElement(child)) {
        stack.push(child);
      }
    }
  }
  return found;
}

export interface NamespaceBinding {
  prefix: string;
  namespaceURI: string;
}

/**
 * The namespace bindings an element inherits from its ancestors and does not redeclare itself,
 * nearest first. This is what xml-crypto computes for a Reference (utils.findAncestorNsForElement),
 * here for the exact node we verify instead of the first XPath match in a re-parsed copy.
 */
export function inheritedNamespaces(element: Element): NamespaceBinding[] {
  const ownPrefixes = new Set<string>([element.prefix ?? '']);
  for (const attr of Array.from(element.attributes)) {
    if (attr.namespaceURI === XMLNS_NS) ownPrefixes.add(declaredPrefix(attr));
  }
  const seen = new Set<string>();
  const bindings: NamespaceBinding[] = [];
  for (
    let ancestor = parentElement(element);
    ancestor !== null;
    ancestor = parentElement(ancestor)
  ) {
    for (const attr of Array.from(ancestor.attributes)) {
      if (attr.namespaceURI !== XMLNS_NS) continue;
      const prefix = declaredPrefix(attr);
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      // An undeclaration (xmlns="") only shadows outer bindings; it is no binding itself.
      if (attr.value !== '' && !ownPrefixes.has(prefix)) {
        bindings.push({ prefix, namespaceURI: attr.value });
      }
    }
  }
  return bindings;
}

/** An `xml:*` attribute (xml:lang, xml:space, xml:base, xml:id) by its local name. */
export interface XmlAttribute {
  localName: string;
  value: string;
}

/**
 * The `xml:*` attributes an element inherits from its ancestors and does not carry itself, the
 * nearest ancestor's value for each name. Inclusive canonicalization of a document subset writes
 * them on the apex (C14N 1.0 §2.4; C14N 1.1 §2.4 keeps xml:lang and xml:space only).
 */
export function inheritedXmlAttributes(element: Element): XmlAttribute[] {
  const seen = new Set<string>();
  for (const attr of Array.from(element.attributes)) {
    if (attr.namespaceURI === XML_NS) seen.add(attr.localName ?? '');
  }
  const inherited: XmlAttribute[] = [];
  for (
    let ancestor = parentElement(element);
    ancestor !== null;
    ancestor = parentElement(ancestor)
  ) {
    for (const attr of Array.from(ancestor.attributes)) {
      const localName = attr.localName ?? '';
      if (attr.namespaceURI !== XML_NS || seen.has(localName)) continue;
      seen.add(localName);
      inherited.push({ localName, value: attr.value });
    }
  }
  return inherited;
}

/** `xmlns:p` declares `p`; `xmlns` declares the default namespace (''). */
function declaredPrefix(attr: Attr): string {
  return attr.prefix === null ? '' : (attr.localName ?? '');
}
