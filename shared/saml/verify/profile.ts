/**
 * The SAML profile of XML-DSig (SAML core §5.4): what a signature on a Response or Assertion
 * contains, and the algorithms it may name. Everything outside it is refused or reported.
 */
export const ALGORITHMS = {
  envelopedSignature: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  exclusiveC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  exclusiveC14nWithComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  c14nWithComments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  /** Canonical XML 1.1 (allowed by XML-DSig 1.1; Okta's test IdP signs with it). */
  c14n11: 'http://www.w3.org/2006/12/xml-c14n11',
  c14n11WithComments: 'http://www.w3.org/2006/12/xml-c14n11#WithComments',
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
} as const;

/** The only Reference transforms a SAML signature needs; anything else can change what is digested. */
export const ALLOWED_TRANSFORMS: ReadonlySet<string> = new Set([
  ALGORITHMS.envelopedSignature,
  ALGORITHMS.exclusiveC14n,
  ALGORITHMS.c14n,
  ALGORITHMS.c14n11,
]);
export const SIGNED_INFO_C14N: ReadonlySet<string> = new Set([
  ALGORITHMS.exclusiveC14n,
  ALGORITHMS.exclusiveC14nWithComments,
  ALGORITHMS.c14n,
  ALGORITHMS.c14nWithComments,
  ALGORITHMS.c14n11,
  ALGORITHMS.c14n11WithComments,
]);
export /** enveloped-signature and one canonicalization. */
const MAX_TRANSFORMS = 2;
/**
 * The children a SAML signature has. ds:Object is legal XML-DSig but never used by SAML, and it is
 * where XSW8 hides a copy of the signed assertion; elements from other namespaces are read by some
 * verifiers and skipped by others.
 */
export const SIGNATURE_CHILDREN: ReadonlySet<string> = new Set([
  'SignedInfo',
  'SignatureValue',
  'KeyInfo',
]);
export const SIGNED_INFO_CHILDREN: ReadonlySet<string> = new Set([
  'CanonicalizationMethod',
  'SignatureMethod',
  'Reference',
]);
