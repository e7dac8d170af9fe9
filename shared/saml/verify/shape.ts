/**
 * The structure of one ds:Signature, read from our DOM before any cryptography: where it sits,
 * what its single Reference points at, which transforms and algorithms it names, and every way it
 * departs from the SAML profile of XML-DSig (SAML core §5.4: one enveloped signature per signed
 * Response or Assertion, referencing that element's ID).
 */
import { Node, type Element } from '@xmldom/xmldom';
import {
  DSIG_NS,
  dsigChildren,
  elementChildren,
  findCommentsAndInstructions,
  parentElement,
  samlId,
} from './dom';
import {
  ALGORITHMS,
  ALLOWED_TRANSFORMS,
  MAX_TRANSFORMS,
  SIGNATURE_CHILDREN,
  SIGNED_INFO_C14N,
  SIGNED_INFO_CHILDREN,
} from './profile';
import type { DocumentScan } from './scan';

/** Why the signature does not cover what a SAML consumer would use. */
export interface WrappingProblem {
  reason: string;
  message: string;
  node: Node;
  evidence: Record<string, unknown>;
  /**
   * A shape real IdPs send (a signed Assertion inside another one's Advice): still wrapping, since
   * a consumer may read the wrong element, but not evidence that the message was altered.
   */
  idpShape?: boolean;
}

export interface SignatureShape {
  signature: Element;
  parent: Element | null;
  signedInfo: Element | null;
  /** Base64 text of the one SignatureValue child, whitespace removed. */
  signatureValue: string | null;
  referenceUri: string | null;
  /** How many Reference elements SignedInfo has (a SAML signature has one). */
  referenceCount: number;
  /** The ID the Reference names (URI without `#`), or null for `URI=""`/no URI. */
  referencedId: string | null;
  /**
   * Elements carrying the ID the Reference names, the parent first when it is one of them.
   * More than one is itself wrapping; cryptography then tells which one was really signed.
   */
  candidates: Element[];
  /** The element a well-formed signature covers: the first candidate. */
  target: Element | null;
  canonicalizationAlgorithm: string | null;
  signatureAlgorithm: string | null;
  digestAlgorithm: string | null;
  transforms: string[];
  /** Base64 text of the Reference's one DigestValue (whitespace removed), or null. */
  digestValue: string | null;
  /** PrefixList of the last transform's InclusiveNamespaces (exclusive c14n), as xml-crypto reads it. */
  inclusivePrefixes: string[];
  /** Transforms (and a SignedInfo canonicalization) outside the allowed set. */
  unexpectedTransforms: string[];
  /** What is odd about a list of allowed transforms (a repeated one, two canonicalizations), or null. */
  transformOddity: string | null;
  wrapping: WrappingProblem[];
  /** Base64 texts of KeyInfo/X509Data/X509Certificate. */
  embeddedCertificates: string[];
  /** KeyInfo/KeyValue/RSAKeyValue keys (base64 Modulus and Exponent), for telling who signed. */
  embeddedRsaKeys: RsaKeyValue[];
}

export interface RsaKeyValue {
  modulus: string;
  exponent: string;
}

export function readSignatureShape(signature: Element, scan: DocumentScan): SignatureShape {
  const parent = parentElement(signature);
  const wrapping: WrappingProblem[] = [];
  const signedInfos = dsigChildren(signature, 'SignedInfo');
  const signatureValues = dsigChildren(signature, 'SignatureValue');
  // None at all is a signature that cannot be verified (said by checkReference); several are a
  // choice between contents, which different verifiers make differently.
  if (signedInfos.length > 1) {
    wrapping.push(
      problem(
        'signed-info-count',
        signature,
        `The signature has ${signedInfos.length} SignedInfo elements instead of exactly one, so different verifiers check different content.`,
        { signedInfoCount: signedInfos.length },
      ),
    );
  }
  if (signatureValues.length > 1) {
    wrapping.push(
      problem(
        'signature-value-count',
        signature,
        `The signature has ${signatureValues.length} SignatureValue elements instead of exactly one.`,
        { signatureValueCount: signatureValues.length },
      ),
    );
  }
  wrapping.push(...unexpectedChildren(signature, SIGNATURE_CHILDREN));
  const signedInfo = signedInfos.length === 1 ? (signedInfos[0] as Element) : null;
  if (signedInfo !== null) wrapping.push(...unexpectedChildren(signedInfo, SIGNED_INFO_CHILDREN));
  const references = signedInfo === null ? [] : dsigChildren(signedInfo, 'Reference');
  if (signedInfo !== null && references.length > 1) {
    wrapping.push(
      problem(
        'reference-count',
        signedInfo,
        `SignedInfo has ${references.length} Reference elements; a SAML signature has exactly one, for the element it sits in.`,
        { referenceCount: references.length },
      ),
    );
  }
  if (signedInfo !== null) {
    for (const node of findCommentsAndInstructions(signedInfo)) {
      wrapping.push(
        problem(
          'markup-in-signed-info',
          node,
          'SignedInfo contains a comment or processing instruction; verifiers disagree on the digest value they read from it (CVE-2025-29775 class).',
          {
            nodeType: node.nodeType === Node.COMMENT_NODE ? 'comment' : 'processing-instruction',
            value: node.nodeValue,
          },
        ),
      );
    }
  }
  const reference = references.length === 1 ? (references[0] as Element) : null;
  const referenceUri = reference?.getAttribute('URI') ?? null;
  const referencedId = referenceUri?.startsWith('#') ? referenceUri.slice(1) : null;
  const candidates = resolveCandidates(parent, referenceUri, referencedId, scan);
  const target = candidates[0] ?? null;
  if (reference !== null)
    wrapping.push(...placementProblems(signature, parent, reference, referenceUri, target, scan));
  const digestValues = reference === null ? [] : dsigChildren(reference, 'DigestValue');
  if (reference !== null && digestValues.length > 1) {
    wrapping.push(
      problem(
        'digest-value-count',
        reference,
        `The Reference has ${digestValues.length} DigestValue elements instead of exactly one.`,
        { digestValueCount: digestValues.length },
      ),
    );
  }

  const transforms = reference === null ? [] : transformAlgorithms(reference);
  const digestValue =
    digestValues.length === 1
      ? (digestValues[0]?.textContent ?? '').replace(/\s+/g, '') || null
      : null;
  const canonicalizationAlgorithm = algorithmOf(signedInfo, 'CanonicalizationMethod');
  const unexpectedTransforms = transforms.filter((t) => !ALLOWED_TRANSFORMS.has(t));
  const transformOddity = unexpectedTransforms.length === 0 ? oddityOf(transforms) : null;
  if (canonicalizationAlgorithm !== null && !SIGNED_INFO_C14N.has(canonicalizationAlgorithm)) {
    unexpectedTransforms.push(canonicalizationAlgorithm);
  }
  const signatureValue =
    signatureValues.length === 1
      ? (signatureValues[0]?.textContent ?? '').replace(/\s+/g, '')
      : null;
  return {
    signature,
    parent,
    signedInfo,
    signatureValue,
    referenceUri,
    referenceCount: references.length,
    referencedId,
    candidates,
    target,
    canonicalizationAlgorithm,
    signatureAlgorithm: algorithmOf(signedInfo, 'SignatureMethod'),
    digestAlgorithm: algorithmOf(reference, 'DigestMethod'),
    transforms,
    digestValue,
    inclusivePrefixes: reference === null ? [] : inclusivePrefixes(reference),
    unexpectedTransforms,
    transformOddity,
    wrapping,
    embeddedCertificates: embeddedCertificates(signature),
    embeddedRsaKeys: embeddedRsaKeys(signature),
  };
}

/** A signature is "sound" when nothing in its own structure is off; document-level checks come on top. */
export function isSound(shape: SignatureShape): boolean {
  return (
    shape.wrapping.length === 0 &&
    shape.unexpectedTransforms.length === 0 &&
    shape.transformOddity === null &&
    shape.target !== null
  );
}

function unexpectedChildren(parent: Element, allowed: ReadonlySet<string>): WrappingProblem[] {
  return elementChildren(parent)
    .filter((child) => child.namespaceURI !== DSIG_NS || !allowed.has(child.localName ?? ''))
    .map((child) =>
      problem(
        'unexpected-signature-content',
        child,
        `<${child.nodeName}> inside ${parent.localName} is not part of a SAML signature; content placed there is ignored by some verifiers and read by others.`,
        { element: child.localName, namespace: child.namespaceURI, parent: parent.localName },
      ),
    );
}

function resolveCandidates(
  parent: Element | null,
  uri: string | null,
  id: string | null,
  scan: DocumentScan,
): Element[] {
  // URI="" is the whole document: only the root can be enveloped by it.
  if (uri === '') return parent !== null && parent === scan.root ? [parent] : [];
  if (id === null || id === '') return [];
  const holders = scan.ids.get(id) ?? [];
  if (parent === null || samlId(parent) !== id) return holders;
  return [parent, ...holders.filter((holder) => holder !== parent)];
}

function placementProblems(
  signature: Element,
  parent: Element | null,
  reference: Element,
  uri: string | null,
  target: Element | null,
  scan: DocumentScan,
): WrappingProblem[] {
  const problems: WrappingProblem[] = [];
  const parentName = parent?.localName ?? '(none)';
  if (!isMessageLevel(parent, scan.root)) {
    problems.push({
      ...problem(
        'signature-misplaced',
        signature,
        `The signature sits in <${parentName}>, which is neither the Response nor an Assertion directly inside it, so what it signs is not what a service provider reads.`,
        { parent: parentName },
      ),
      idpShape: parent !== null && parent.localName === 'Assertion' && insideAdvice(parent),
    });
  }
  const coversParent = parent !== null && target === parent && (uri !== '' || parent === scan.root);
  if (!coversParent) {
    problems.push(
      problem(
        'reference-not-parent',
        reference,
        `The Reference points at ${uri === null ? 'nothing (no URI)' : `"${uri}"`}, not at the <${parentName}> the signature sits in (ID "${parent === null ? '' : (samlId(parent) ?? '')}").`,
        {
          referenceUri: uri,
          parent: parentName,
          parentId: parent === null ? null : samlId(parent),
          referencedElement: target?.localName ?? null,
        },
      ),
    );
  }
  return problems;
}

/** Whether an element sits inside a SAML Advice, where IdPs put evidence assertions. */
export function insideAdvice(element: Element): boolean {
  for (let a = parentElement(element); a !== null; a = parentElement(a)) {
    if (a.localName === 'Advice') return true;
  }
  return false;
}

function isMessageLevel(parent: Element | null, root: Element): boolean {
  if (parent === null) return false;
  if (parent === root) return true;
  return (
    root.localName === 'Response' &&
    parent.localName === 'Assertion' &&
    parentElement(parent) === root
  );
}

function transformAlgorithms(reference: Element): string[] {
  const transforms = dsigChildren(reference, 'Transforms');
  return transforms.flatMap((container) =>
    dsigChildren(container, 'Transform').map((t) => t.getAttribute('Algorithm') ?? ''),
  );
}

/**
 * A list of allowed transforms can still be one no IdP writes: a transform listed twice, two
 * canonicalizations, or enveloped-signature after the canonicalization. Named as such.
 */
function oddityOf(transforms: readonly string[]): string | null {
  for (const transform of new Set(transforms)) {
    const times = transforms.filter((t) => t === transform).length;
    if (times > 1) return `the ${shortName(transform)} transform is listed ${times} times`;
  }
  const canonicalizations = transforms.filter((t) => t !== ALGORITHMS.envelopedSignature);
  if (canonicalizations.length > 1)
    return `it lists ${canonicalizations.length} canonicalizations (${canonicalizations.map(shortName).join(', ')})`;
  const enveloped = transforms.indexOf(ALGORITHMS.envelopedSignature);
  if (enveloped > 0) return 'the enveloped-signature transform comes after the canonicalization';
  if (transforms.length > MAX_TRANSFORMS) return `it lists ${transforms.length} transforms`;
  return null;
}

function shortName(algorithm: string): string {
  return algorithm.split(/[#/]/).filter(Boolean).pop() ?? algorithm;
}

function inclusivePrefixes(reference: Element): string[] {
  const transforms = dsigChildren(reference, 'Transforms').flatMap((container) =>
    dsigChildren(container, 'Transform'),
  );
  const last = transforms[transforms.length - 1];
  if (last === undefined) return [];
  return elementChildren(last)
    .filter((child) => child.localName === 'InclusiveNamespaces')
    .flatMap((child) => (child.getAttribute('PrefixList') ?? '').split(' '))
    .filter((prefix) => prefix.length > 0);
}

function algorithmOf(parent: Element | null, localName: string): string | null {
  if (parent === null) return null;
  const [method] = dsigChildren(parent, localName);
  return method?.getAttribute('Algorithm') ?? null;
}

function embeddedCertificates(signature: Element): string[] {
  return dsigChildren(signature, 'KeyInfo')
    .flatMap((keyInfo) => dsigChildren(keyInfo, 'X509Data'))
    .flatMap((data) => dsigChildren(data, 'X509Certificate'))
    .map((certificate) => certificate.textContent ?? '');
}

function embeddedRsaKeys(signature: Element): RsaKeyValue[] {
  return dsigChildren(signature, 'KeyInfo')
    .flatMap((keyInfo) => dsigChildren(keyInfo, 'KeyValue'))
    .flatMap((value) => dsigChildren(value, 'RSAKeyValue'))
    .map((rsa) => ({
      modulus: dsigChildren(rsa, 'Modulus')[0]?.textContent ?? '',
      exponent: dsigChildren(rsa, 'Exponent')[0]?.textContent ?? '',
    }));
}

function problem(
  reason: string,
  node: Node,
  message: string,
  evidence: Record<string, unknown>,
): WrappingProblem {
  return { reason, node, message, evidence: { reason, ...evidence } };
}
