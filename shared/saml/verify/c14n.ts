/**
 * xml-crypto's canonicalizers with processing instructions written as Canonical XML says.
 *
 * xml-crypto writes a processing instruction's data as if it were text (and throws on one with no
 * data), so `<NameID>a<?x b?></NameID>` digests like `<NameID>ab</NameID>`: an IdP-signed message
 * carrying a PI fails to verify, and a PI inserted after signing into signed text can keep the
 * digest. C14N 1.0 §2.3 (and Exclusive C14N, which inherits it) renders a PI inside the document
 * element as `<?target data?>`, or `<?target?>` when it has no data; that is what every
 * standard verifier (xmlsec1, Santuario) digests, so ours must too.
 */
import type { Node } from '@xmldom/xmldom';
import {
  C14nCanonicalization,
  C14nCanonicalizationWithComments,
  ExclusiveCanonicalization,
  ExclusiveCanonicalizationWithComments,
} from 'xml-crypto';
import { PROCESSING_INSTRUCTION_NODE } from './dom';
import { ALGORITHMS } from './profile';

/** Canonical form of a processing instruction within the canonicalized element. */
export function canonicalInstruction(node: Node): string {
  const data = (node as Node & { data?: string }).data ?? '';
  return data === '' ? `<?${node.nodeName}?>` : `<?${node.nodeName} ${data}?>`;
}

const isInstruction = (node: unknown): node is Node =>
  (node as Node | null)?.nodeType === PROCESSING_INSTRUCTION_NODE;

export class ExclusiveC14n extends ExclusiveCanonicalization {
  override processInner(node: unknown, ...rest: [unknown, unknown, unknown, string[]]): string {
    return isInstruction(node) ? canonicalInstruction(node) : super.processInner(node, ...rest);
  }
}

export class ExclusiveC14nWithComments extends ExclusiveCanonicalizationWithComments {
  override processInner(node: unknown, ...rest: [unknown, unknown, unknown, string[]]): string {
    return isInstruction(node) ? canonicalInstruction(node) : super.processInner(node, ...rest);
  }
}

type InclusiveRest = [unknown, unknown, unknown, unknown, never?];

export class InclusiveC14n extends C14nCanonicalization {
  override processInner(node: unknown, ...rest: InclusiveRest): string {
    return isInstruction(node) ? canonicalInstruction(node) : super.processInner(node, ...rest);
  }
}

export class InclusiveC14nWithComments extends C14nCanonicalizationWithComments {
  override processInner(node: unknown, ...rest: InclusiveRest): string {
    return isInstruction(node) ? canonicalInstruction(node) : super.processInner(node, ...rest);
  }
}

/** Replaces xml-crypto's canonicalizers on one SignedXml with the PI-correct ones above. */
export function useStandardCanonicalization(signedXml: {
  CanonicalizationAlgorithms: Record<string, unknown>;
}): void {
  Object.assign(signedXml.CanonicalizationAlgorithms, {
    [ALGORITHMS.exclusiveC14n]: ExclusiveC14n,
    [ALGORITHMS.exclusiveC14nWithComments]: ExclusiveC14nWithComments,
    [ALGORITHMS.c14n]: InclusiveC14n,
    [ALGORITHMS.c14nWithComments]: InclusiveC14nWithComments,
  });
}
