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
import { SignedXml, type Reference, type SignatureAlgorithm } from 'xml-crypto';
import { ExclusiveC14n, useStandardCanonicalization, type InheritedXmlOptions } from './c14n';
import { inheritedNamespaces, inheritedXmlAttributes } from './dom';
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

/** Canonicalizes the referenced element and compares its digest; the key is checked separately. */
export function checkReference(shape: SignatureShape): Integrity {
  const { signedInfo, candidates, signatureValue, signatureAlgorithm, canonicalizationAlgorithm } =
    shape;
  if (signedInfo === null || signatureValue === null) {
    return unverifiable('the signature has no single SignedInfo and SignatureValue');
  }
  if (candidates.length === 0) {
    return unverifiable(
      `no element has the ID the Reference names (${shape.referenceUri ?? 'no URI'})`,
    );
  }
  if (signatureAlgorithm === null || canonicalizationAlgorithm === null) {
    return unverifiable('SignedInfo names no SignatureMethod or CanonicalizationMethod');
  }
  const signedXml = new SignedXml();
  useStandardCanonicalization(signedXml);
  try {
    signedXml.loadSignature(shape.signature as never);
  } catch (error) {
    return unverifiable(`xml-crypto cannot read the signature: ${messageOf(error)}`);
  }
  const [reference, ...others] = signedXml.getReferences();
  if (reference === undefined || others.length > 0)
    return unverifiable('the signature does not have exactly one Reference');
  // The Reference as signed (read from canonical SignedInfo) must be the one we resolved in the DOM.
  if (
    (reference.uri ?? '') !== (shape.referenceUri ?? '') ||
    reference.digestAlgorithm !== shape.digestAlgorithm
  ) {
    return unverifiable('the signed Reference differs from the one in the document');
  }
  const Hash = signedXml.HashAlgorithms[reference.digestAlgorithm];
  if (Hash === undefined)
    return unverifiable(`the digest algorithm ${reference.digestAlgorithm} is not supported`);
  const Signer = signedXml.SignatureAlgorithms[signatureAlgorithm];
  if (Signer === undefined)
    return unverifiable(`the signature algorithm ${signatureAlgorithm} is not supported`);
  try {
    const expectedDigest = String(reference.digestValue ?? '');
    const digestOf = (element: Element) =>
      new Hash().getHash(canonicalReference(signedXml, reference, element, shape.signature));
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
    const canonicalSignedInfo = signedXml.getCanonXml(
      [canonicalizationAlgorithm],
      signedInfo as never,
      {
        ancestorNamespaces: inheritedNamespaces(signedInfo as Element),
        ancestorXmlAttributes: inheritedXmlAttributes(signedInfo as Element),
      } as InheritedOptions,
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

/** The referenced element after the Reference's transforms, as xml-crypto computes it. */
function canonicalReference(
  signedXml: SignedXml,
  reference: Reference,
  element: Element,
  signature: Element,
): string {
  const usual =
    reference.inclusiveNamespacesPrefixList.length === 0 &&
    reference.transforms.length === 2 &&
    reference.transforms[0] === ALGORITHMS.envelopedSignature &&
    reference.transforms[1] === ALGORITHMS.exclusiveC14n;
  if (usual) return canonicalizeEnvelopedInPlace(element, signature);
  return signedXml.getCanonXml(
    reference.transforms,
    element as never,
    {
      inclusiveNamespacesPrefixList: reference.inclusiveNamespacesPrefixList,
      ancestorNamespaces: inheritedNamespaces(element),
      ancestorXmlAttributes: inheritedXmlAttributes(element),
    } as InheritedOptions,
  );
}

/**
 * The SAML reference ([enveloped-signature, exc-c14n], no InclusiveNamespaces) without
 * getCanonXml's deep clone, which costs as much as parsing the message again on a 20,000-value
 * assertion: the enveloped signature is detached while exclusive c14n reads the tree (without an
 * InclusiveNamespaces list it only reads) and is put back exactly where it was.
 */
function canonicalizeEnvelopedInPlace(element: Element, signature: Element): string {
  const parent = signature.parentNode;
  const next = signature.nextSibling;
  const enveloped = parent !== null && isWithin(signature, element);
  if (enveloped) parent.removeChild(signature);
  try {
    const options = { defaultNsForPrefix: SignedXml.defaultNsForPrefix, ancestorNamespaces: [] };
    return String(new ExclusiveC14n().process(element as never, options));
  } finally {
    if (enveloped) parent.insertBefore(signature, next);
  }
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
