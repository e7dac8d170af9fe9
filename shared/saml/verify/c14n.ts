/**
 * xml-crypto's canonicalizers with processing instructions written as Canonical XML says, the
 * `xml:*` attributes a document subset inherits, and Canonical XML 1.1.
 *
 * xml-crypto writes a processing instruction's data as if it were text (and throws on one with no
 * data), so `<NameID>a<?x b?></NameID>` digests like `<NameID>ab</NameID>`: an IdP-signed message
 * carrying a PI fails to verify, and a PI inserted after signing into signed text can keep the
 * digest. C14N 1.0 §2.3 (and Exclusive C14N, which inherits it) renders a PI inside the document
 * element as `<?target data?>`, or `<?target?>` when it has no data; that is what every
 * standard verifier (xmlsec1, Santuario) digests, so ours must too.
 *
 * Inclusive canonicalization of an element inside a document (an Assertion within its Response)
 * writes on that apex the `xml:*` attributes of its ancestors (C14N 1.0 §2.4), which xml-crypto
 * leaves out. Canonical XML 1.1 is the same algorithm except for those attributes (C14N 1.1 §2.4):
 * xml:lang and xml:space are inherited, xml:id is not, and xml:base is joined with the ancestors'
 * ("fix-up"). The join is not implemented: a 1.1 subset below an xml:base is refused as unreadable
 * rather than digested differently from xmlsec1. Exclusive c14n inherits none of them.
 */
import { Node, type Element } from '@xmldom/xmldom';
import {
  C14nCanonicalization,
  ExclusiveCanonicalization,
  ExclusiveCanonicalizationWithComments,
} from 'xml-crypto';
import { XML_NS, type XmlAttribute } from './dom';
import { ALGORITHMS } from './profile';

/** Canonical form of a processing instruction within the canonicalized element. */
function canonicalInstruction(node: Node): string {
  const data = (node as Node & { data?: string }).data ?? '';
  return data === '' ? `<?${node.nodeName}?>` : `<?${node.nodeName} ${data}?>`;
}

const isInstruction = (node: unknown): node is Node =>
  (node as Node | null)?.nodeType === Node.PROCESSING_INSTRUCTION_NODE;

export class ExclusiveC14n extends ExclusiveCanonicalization {
  override processInner(node: unknown, ...rest: [unknown, unknown, unknown, string[]]): string {
    return isInstruction(node) ? canonicalInstruction(node) : super.processInner(node, ...rest);
  }
}

class ExclusiveC14nWithComments extends ExclusiveCanonicalizationWithComments {
  override processInner(node: unknown, ...rest: [unknown, unknown, unknown, string[]]): string {
    return isInstruction(node) ? canonicalInstruction(node) : super.processInner(node, ...rest);
  }
}

type InclusiveRest = [unknown, unknown, unknown, unknown, never?];
type ProcessOptions = Parameters<C14nCanonicalization['process']>[1];

/** What our inclusive canonicalizers read beside xml-crypto's options. */
export interface InheritedXmlOptions {
  /** The apex's inherited `xml:*` attributes (dom.ts inheritedXmlAttributes). */
  ancestorXmlAttributes?: readonly XmlAttribute[];
}

interface RenderedAttribute {
  name: string;
  value: string;
  namespaceURI: string | null;
  localName: string;
}

/** Inclusive Canonical XML 1.0 (and, by its subclasses, 1.1 and the WithComments variants). */
export class InclusiveC14n extends C14nCanonicalization {
  private apex: unknown = null;
  private inheritedXml: readonly XmlAttribute[] = [];

  /** The inherited `xml:*` attributes this version writes on the apex. */
  protected inheritable(attributes: readonly XmlAttribute[]): readonly XmlAttribute[] {
    return attributes;
  }

  override process(node: Parameters<C14nCanonicalization['process']>[0], options: ProcessOptions) {
    const inherited = (options as ProcessOptions & InheritedXmlOptions)?.ancestorXmlAttributes;
    this.apex = node;
    this.inheritedXml = this.inheritable(inherited ?? []);
    return super.process(node, options);
  }

  override renderAttrs(node: unknown): string {
    if (node !== this.apex || this.inheritedXml.length === 0) return super.renderAttrs(node);
    const element = node as Element;
    const own: RenderedAttribute[] = Array.from(element.attributes)
      .filter((attr) => !attr.name.startsWith('xmlns'))
      .map((attr) => ({
        name: attr.name,
        value: attr.value,
        namespaceURI: attr.namespaceURI,
        localName: attr.localName ?? attr.name,
      }));
    const inherited = this.inheritedXml
      .filter((x) => !own.some((a) => a.namespaceURI === XML_NS && a.localName === x.localName))
      .map((x) => ({ name: `xml:${x.localName}`, ...x, namespaceURI: XML_NS }));
    return [...own, ...inherited]
      .sort((a, b) => this.attrCompare(a, b))
      .map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`)
      .join('');
  }

  override processInner(node: unknown, ...rest: InclusiveRest): string {
    return isInstruction(node) ? canonicalInstruction(node) : super.processInner(node, ...rest);
  }
}

class InclusiveC14nWithComments extends InclusiveC14n {
  constructor() {
    super();
    this.includeComments = true;
  }

  override getAlgorithmName(): string {
    return ALGORITHMS.c14nWithComments;
  }
}

/** Canonical XML 1.1: xml:lang and xml:space are inherited, xml:id is not, xml:base is refused. */
class InclusiveC14n11 extends InclusiveC14n {
  protected override inheritable(attributes: readonly XmlAttribute[]): readonly XmlAttribute[] {
    if (attributes.some((a) => a.localName === 'base'))
      throw new Error(
        'an ancestor of the signed element carries xml:base, whose Canonical XML 1.1 fix-up is not supported',
      );
    return attributes.filter((a) => a.localName === 'lang' || a.localName === 'space');
  }

  override getAlgorithmName(): string {
    return ALGORITHMS.c14n11;
  }
}

class InclusiveC14n11WithComments extends InclusiveC14n11 {
  constructor() {
    super();
    this.includeComments = true;
  }

  override getAlgorithmName(): string {
    return ALGORITHMS.c14n11WithComments;
  }
}

/** C14N 1.0 §2.3 attribute value escaping (xml-crypto's own helper is deprecated). */
function escapeAttribute(value: string): string {
  return value.replace(/[&<"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/** Replaces xml-crypto's canonicalizers on one SignedXml with the PI-correct ones above. */
export function useStandardCanonicalization(signedXml: {
  CanonicalizationAlgorithms: Record<string, unknown>;
}): void {
  Object.assign(signedXml.CanonicalizationAlgorithms, {
    [ALGORITHMS.exclusiveC14n]: ExclusiveC14n,
    [ALGORITHMS.exclusiveC14nWithComments]: ExclusiveC14nWithComments,
    [ALGORITHMS.c14n]: InclusiveC14n,
    [ALGORITHMS.c14nWithComments]: InclusiveC14nWithComments,
    [ALGORITHMS.c14n11]: InclusiveC14n11,
    [ALGORITHMS.c14n11WithComments]: InclusiveC14n11WithComments,
  });
}
