/**
 * Paths and positions of DOM nodes, for findings.
 *
 * Path rule: local names from the root, e.g. `/Response/Assertion/AttributeStatement/Attribute[3]`.
 * An element gets `[n]` (1-based, counted among its element siblings with the same local name)
 * exactly when it has such a sibling, so a path always names one element, and a lone element
 * carries no index. Attributes end in `/@Name`; text, comments and CDATA take their parent's path.
 */
import { Node, type Attr, type Element } from '@xmldom/xmldom';
import type { Location } from '../../report';

export function createLocator(): (node: Node) => Location {
  // Segments are computed once per parent, for all its children, so locating many siblings
  // (20,000 attribute values) stays linear.
  const segments = new WeakMap<Node, string>();

  const segmentOf = (element: Element): string => {
    let segment = segments.get(element);
    if (segment === undefined) {
      indexChildren(element.parentNode, segments);
      segment = segments.get(element) ?? element.localName ?? element.nodeName;
    }
    return segment;
  };

  const pathOf = (element: Element): string => {
    const parts: string[] = [];
    let current: Node | null = element;
    while (current !== null && current.nodeType === Node.ELEMENT_NODE) {
      parts.push(segmentOf(current as Element));
      current = current.parentNode;
    }
    return '/' + parts.reverse().join('/');
  };

  return (node: Node): Location => {
    const position = { line: node.lineNumber ?? null, column: node.columnNumber ?? null };
    if (node.nodeType === Node.ELEMENT_NODE) return { path: pathOf(node as Element), ...position };
    if (node.nodeType === Node.ATTRIBUTE_NODE) {
      const attr = node as Attr;
      const owner = attr.ownerElement;
      const name = `@${attr.localName ?? attr.name}`;
      return { path: owner ? `${pathOf(owner)}/${name}` : `/${name}`, ...position };
    }
    if (node.nodeType === Node.DOCUMENT_NODE) return { path: '/', ...position };
    const parent = node.parentNode;
    const path = parent && parent.nodeType === Node.ELEMENT_NODE ? pathOf(parent as Element) : '/';
    return { path, ...position };
  };
}

function indexChildren(parent: Node | null, segments: WeakMap<Node, string>): void {
  if (parent === null) return;
  const counts = new Map<string, number>();
  for (let child = parent.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const name = nameOf(child as Element);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  for (let child = parent.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const name = nameOf(child as Element);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    segments.set(child, (counts.get(name) ?? 0) > 1 ? `${name}[${n}]` : name);
  }
}

function nameOf(element: Element): string {
  return element.localName ?? element.nodeName;
}
