/**
 * XML-DSig core validation with xml-crypto, run on OUR DOM nodes.
 *
 * xml-crypto's checkSignature() re-parses the XML text it is given and digests whatever element
 * its own XPath finds there; the caller then has to prove that element is the one it reads (the
 * parser-differential class behind ruby-saml CVE-2025-25291/25292). Instead we hand xml-crypto the
 * exact nodes: loadSignature() on our ds:Signature (it reads the Reference from the canonical
 * SignedInfo, the form that is signed), getCanonXml() on the exact target element and on our
 * SignedInfo, and its registered digest and signature algorithms. The element whose canonical
 * bytes matched the digest is therefore the very node the later stages read, the document is
 * parsed once, and trying several certificates costs one RSA verification each.
 */
import { timingSafeEqual, type KeyObject } from 'node:crypto';
import type { Element, Node } from '@xmldom/xmldom';
import { SignedXml, type SignatureAlgorithm } from 'xml-crypto';
import { useStandardCanonicalization, type InheritedXmlOptions } from './c14n';
import { dsigChildren, elementChildren, inheritedNamespaces, inheritedXmlAttributes } from './dom';
import { ALGORITHMS } from './profile';
import type { SignatureShape } from './shape';

const MAX_CANDIDATES = 4;

type InheritedOptions = Parameters<SignedXml['getCanonXml']>[2] & InheritedXmlOptions;

export type Integrity =
  | {
      kind: 'checked';
      /** The candidate whose canonical form has the signed digest: the element that is signed. */
      signedElement: Element | null;
      digestMatches: boolean;
      expectedDigest: string;
      computedDigest: string;
      /** The canonical SignedInfo, the exact bytes the SignatureValue signs. */
      canonicalSignedInfo: string;
      signatureValue: string;
      signer: SignatureAlgorithm;
    }
  | { kind: 'unverifiable'; reason: string };

/** xml-crypto's algorithm registry, with our standard canonicalizers; read only. */
const REGISTRY = new SignedXml();
useStandardCanonicalization(REGISTRY);

type Canonicalizer = {
  process(node: unknown, options: InheritedOptions): string;
};

/**
 * Canonicalizes the referenced element and compares its digest; the key is checked separately.
 * The Reference (URI, transforms, digest) is read from the very SignedInfo node whose canonical
 * form is the signed bytes; comments or processing instructions there, the only way the two could
 * read differently, are SIGNATURE_WRAPPING (shape.ts).
 */
export function checkReference(shape: SignatureShape): Integrity {
  const { signedInfo, candidates, signatureValue, signatureAlgorithm, canonicalizationAlgorithm } =
    shape;
  if (signedInfo === null) return unverifiable('it has no SignedInfo');
  if (signatureValue === null || signatureValue === '')
    return unverifiable('it has no SignatureValue, so it was never computed');
  if (signatureAlgorithm === null) return unverifiable('its SignedInfo names no SignatureMethod');
  if (canonicalizationAlgorithm === null)
    return unverifiable('its SignedInfo names no CanonicalizationMethod');
  if (shape.referenceCount === 0) return unverifiable('its SignedInfo has no Reference');
  if (shape.digestAlgorithm === null) return unverifiable('its Reference names no DigestMethod');
  if (shape.digestValue === null) return unverifiable('its Reference has no DigestValue');
  if (candidates.length === 0) {
    return unverifiable(
      `no element has the ID the Reference names (${shape.referenceUri ?? 'no URI'})`,
    );
  }
  const Hash = REGISTRY.HashAlgorithms[shape.digestAlgorithm];
  if (Hash === undefined)
    return unverifiable(`the digest algorithm ${shape.digestAlgorithm} is not supported`);
  const Signer = REGISTRY.SignatureAlgorithms[signatureAlgorithm];
  if (Signer === undefined)
    return unverifiable(`the signature algorithm ${signatureAlgorithm} is not supported`);
  const SignedInfoC14n = REGISTRY.CanonicalizationAlgorithms[canonicalizationAlgorithm];
  if (SignedInfoC14n === undefined)
    return unverifiable(`the canonicalization ${canonicalizationAlgorithm} is not supported`);
  try {
    const expectedDigest = shape.digestValue;
    const digestOf = (element: Element) => new Hash().getHash(canonicalReference(shape, element));
    // Usually one candidate. With a duplicated ID, the one whose digest matches is the signed one
    // (a bounded number of tries, so a message stuffed with copies cannot cost unbounded work).
    let match: Element | undefined;
    let computedDigest = '';
    for (const element of candidates.slice(0, MAX_CANDIDATES)) {
      const digest = digestOf(element);
      if (computedDigest === '') computedDigest = digest;
      if (sameBase64(digest, expectedDigest)) {
        match = element;
        computedDigest = digest;
        break;
      }
    }
    const canonicalSignedInfo = canonicalize(
      new SignedInfoC14n() as unknown as Canonicalizer,
      signedInfo,
      null,
      [],
      exclusivePrefixesOf(signedInfo),
    );
    return {
      kind: 'checked',
      signedElement: match ?? null,
      digestMatches: match !== undefined,
      expectedDigest,
      computedDigest,
      canonicalSignedInfo,
      signatureValue,
      signer: new Signer(),
    };
  } catch (error) {
    return unverifiable(`canonicalization failed: ${messageOf(error)}`);
  }
}

/**
 * The referenced element after the Reference's transforms: enveloped-signature (when listed) then
 * one canonicalization, or inclusive C14N 1.0 when none is listed (XML-DSig's node-set to octets).
 * shape.ts sends every other transform list to SIGNATURE_UNEXPECTED_TRANSFORM before this runs.
 */
function canonicalReference(shape: SignatureShape, element: Element): string {
  const enveloped = shape.transforms.includes(ALGORITHMS.envelopedSignature);
  const last = shape.transforms[shape.transforms.length - 1];
  const algorithm =
    last !== undefined && last !== ALGORITHMS.envelopedSignature ? last : ALGORITHMS.c14n;
  const C14n = REGISTRY.CanonicalizationAlgorithms[algorithm];
  if (C14n === undefined) throw new Error(`the transform ${algorithm} is not supported`);
  return canonicalize(
    new C14n() as unknown as Canonicalizer,
    element,
    enveloped ? shape.signature : null,
    shape.inclusivePrefixes,
    null,
  );
}

/**
 * Canonicalizes `element` in place, without xml-crypto's deep clone (which costs as much as
 * parsing the message again on a 20,000-value assertion): an enveloped signature is detached
 * while the canonicalizer reads the tree and put back exactly where it was. Exclusive c14n with an
 * InclusiveNamespaces list writes the listed ancestor declarations onto its input, so that one
 * case canonicalizes a copy.
 */
function canonicalize(
  c14n: Canonicalizer,
  element: Element,
  signature: Element | null,
  prefixes: readonly string[],
  /** SignedInfo's own CanonicalizationMethod/InclusiveNamespaces, which xml-crypto reads itself. */
  ownPrefixes: readonly string[] | null,
): string {
  const parent = signature?.parentNode ?? null;
  const next = signature?.nextSibling ?? null;
  const detach = signature !== null && parent !== null && isWithin(signature, element);
  const mutates = prefixes.length > 0 || (ownPrefixes !== null && ownPrefixes.length > 0);
  if (detach) parent.removeChild(signature);
  try {
    const options: InheritedOptions = {
      defaultNsForPrefix: SignedXml.defaultNsForPrefix,
      ancestorNamespaces: inheritedNamespaces(element),
      ancestorXmlAttributes: inheritedXmlAttributes(element),
      inclusiveNamespacesPrefixList: [...prefixes],
    };
    return String(c14n.process(mutates ? element.cloneNode(true) : element, options));
  } finally {
    if (detach) parent.insertBefore(signature, next);
  }
}

function exclusivePrefixesOf(signedInfo: Element): string[] {
  return dsigChildren(signedInfo, 'CanonicalizationMethod')
    .flatMap((method) => elementChildren(method))
    .filter((child) => child.localName === 'InclusiveNamespaces')
    .flatMap((child) => (child.getAttribute('PrefixList') ?? '').split(' '))
    .filter((prefix) => prefix.length > 0);
}

function isWithin(node: Node, ancestor: Element): boolean {
  for (let current: Node | null = node; current !== null; current = current.parentNode) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Whether the SignatureValue verifies over the canonical SignedInfo with this public key. */
export function signatureVerifiesWith(
  integrity: Extract<Integrity, { kind: 'checked' }>,
  key: KeyObject,
): boolean {
  try {
    return integrity.signer.verifySignature(
      integrity.canonicalSignedInfo,
      key,
      integrity.signatureValue,
    );
  } catch {
    // A key of another type (EC certificate for an RSA signature) cannot verify it.
    return false;
  }
}

function sameBase64(a: string, b: string): boolean {
  const left = Buffer.from(a, 'base64');
  const right = Buffer.from(b.replace(/\s+/g, ''), 'base64');
  return left.length > 0 && left.length === right.length && timingSafeEqual(left, right);
}

function unverifiable(reason: string): Integrity {
  return { kind: 'unverifiable', reason };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
