/**
 * Document-level signature-wrapping checks (XSW1–XSW8, Somorovsky et al., "On Breaking SAML",
 * USENIX Security 2012): once any signature is present, nothing may sit beside or around the
 * signed elements that a service provider could read instead of them.
 */
import type { Element } from '@xmldom/xmldom';
import { parentElement, samlId } from './dom';
import type { DocumentScan } from './scan';
import { insideAdvice, type SignatureShape, type WrappingProblem } from './shape';

export function documentWrapping(
  scan: DocumentScan,
  shapes: readonly SignatureShape[],
): WrappingProblem[] {
  if (shapes.length === 0) return [];
  return [
    ...duplicateIds(scan),
    ...crowdedParents(shapes),
    ...extraResponses(scan),
    ...misplacedAssertions(scan),
    ...unsignedSiblings(scan, shapes),
  ];
}

function duplicateIds(scan: DocumentScan): WrappingProblem[] {
  const problems: WrappingProblem[] = [];
  for (const [id, holders] of scan.ids) {
    if (holders.length < 2) continue;
    problems.push({
      reason: 'duplicate-id',
      node: holders[1] as Element,
      message: `${holders.length} elements carry the ID "${id}" (${holders.map((h) => `<${h.localName}>`).join(', ')}); a reference to it can be resolved to either, so the signed one may not be the one read.`,
      evidence: { reason: 'duplicate-id', id, elements: holders.map((h) => h.localName) },
    });
  }
  return problems;
}

/** The SAML schema allows one ds:Signature per Response or Assertion; a second one is an injected copy. */
function crowdedParents(shapes: readonly SignatureShape[]): WrappingProblem[] {
  const byParent = new Map<Element, number>();
  for (const { parent } of shapes)
    if (parent !== null) byParent.set(parent, (byParent.get(parent) ?? 0) + 1);
  return [...byParent]
    .filter(([, count]) => count > 1)
    .map(([parent, count]) => ({
      reason: 'several-signatures',
      node: parent,
      message: `The <${parent.localName}> carries ${count} signatures; SAML allows one, so the others were added after signing.`,
      evidence: { reason: 'several-signatures', element: parent.localName, signatures: count },
    }));
}

function extraResponses(scan: DocumentScan): WrappingProblem[] {
  return scan.responses
    .filter((response) => response !== scan.root)
    .map((response) => ({
      reason: 'nested-response',
      node: response,
      message: `A second <Response> (ID "${samlId(response) ?? ''}") is nested inside <${parentElement(response)?.localName ?? '?'}>; a wrapped copy of a signed Response is the XSW1/XSW2 pattern.`,
      evidence: {
        reason: 'nested-response',
        id: samlId(response),
        parent: parentElement(response)?.localName ?? null,
      },
    }));
}

function misplacedAssertions(scan: DocumentScan): WrappingProblem[] {
  const messageLevel = (assertion: Element) =>
    assertion === scan.root ||
    (scan.root.localName === 'Response' && parentElement(assertion) === scan.root);
  return scan.assertions
    .filter((assertion) => !messageLevel(assertion))
    .map((assertion) => ({
      reason: 'assertion-out-of-place',
      node: assertion,
      message: insideAdvice(assertion)
        ? `An <Assertion> (ID "${samlId(assertion) ?? ''}") sits inside <Advice> instead of directly in the Response; some IdPs keep evidence assertions there, but a consumer that looks for any Assertion may read it instead of the one in the Response.`
        : `An <Assertion> (ID "${samlId(assertion) ?? ''}") sits inside <${parentElement(assertion)?.localName ?? '?'}> instead of directly in the Response; hiding a copy of an assertion elsewhere is the XSW4/XSW5/XSW6/XSW7/XSW8 pattern.`,
      evidence: {
        reason: 'assertion-out-of-place',
        id: samlId(assertion),
        parent: parentElement(assertion)?.localName ?? null,
      },
      idpShape: insideAdvice(assertion),
    }));
}

/**
 * Without a signature on the Response itself, every assertion in it must carry its own: an
 * unsigned one beside a signed one is what a consumer might read instead (XSW3). A signature's
 * other defects are reported on their own.
 */
function unsignedSiblings(
  scan: DocumentScan,
  shapes: readonly SignatureShape[],
): WrappingProblem[] {
  const { root } = scan;
  if (root.localName !== 'Response') return [];
  // An element holding a signature, or pointed at by one, is not "unsigned"; whatever is wrong
  // with that signature is its own finding.
  const signedElements = new Set(shapes.flatMap((shape) => [shape.target, shape.parent]));
  if (signedElements.has(root)) return [];
  const siblings = [...scan.assertions, ...scan.encryptedAssertions].filter(
    (element) => parentElement(element) === root && !signedElements.has(element),
  );
  return siblings.map((element) => ({
    reason: 'unsigned-assertion',
    node: element,
    message: `The <${element.localName}>${samlId(element) === null ? '' : ` (ID "${samlId(element)}")`} is not signed and neither is the Response, so it is unsigned content beside the signed element that a service provider might read instead.`,
    evidence: { reason: 'unsigned-assertion', element: element.localName, id: samlId(element) },
  }));
}
