/** The signature stage's findings, worded for the person who runs the IdP or the Genesys Cloud org. */
import type { Element, Node } from '@xmldom/xmldom';
import { finding } from '../../findings/finding';
import type { CertificateInfo, Finding } from '../../report';
import type { ParsedXml } from '../types';
import type { SignatureShape, WrappingProblem } from './shape';

type Locate = ParsedXml['locate'];

const REFRESH_CERTIFICATE =
  'download the current signing certificate from the IdP (its federation metadata or SAML app settings) and add it to the Genesys Cloud SSO configuration and to sso.certificates';

/** What the later stages read and what the signatures cover, for one sentence in each finding. */
export interface UsedAndSigned {
  used: string;
  signed: string;
}

export function wrappingFinding(
  problem: WrappingProblem,
  usedAndSigned: UsedAndSigned,
  locate: Locate,
): Finding {
  return finding('SIGNATURE_WRAPPING', {
    message: `${problem.message} Used: ${usedAndSigned.used}; signed: ${usedAndSigned.signed}.`,
    location: locate(problem.node),
    evidence: { ...problem.evidence, used: usedAndSigned.used, signed: usedAndSigned.signed },
    fix: problem.idpShape
      ? 'Some IdPs send this shape (a signed assertion kept inside Advice), but a service provider can then read an assertion other than the signed one, so jit-doctor does not trust it. Configure the IdP to send one signed assertion directly in the Response, with no assertions in Advice; if your IdP does not add Advice, treat the message as altered and report it to your security team.'
      : 'Do not trust this message: what is signed is not what would be used. No IdP sends this shape, so it was altered on its way (signature wrapping); capture a fresh login straight from the browser, and if it persists, report it to your security team.',
  });
}

/** `<Assertion> ID "x" inside <Advice>`: an element as a person finds it in the XML. */
export function describeElement(element: Element, root: Element): string {
  const id = element.getAttribute('ID');
  const parent = element.parentNode as Element | null;
  const where =
    element === root || parent === null || parent === root || parent.localName === undefined
      ? ''
      : ` inside <${parent.localName}>`;
  return `the <${element.localName}>${id ? ` ID "${id}"` : ''}${where}`;
}

export function unexpectedTransformFinding(shape: SignatureShape, locate: Locate): Finding {
  return finding('SIGNATURE_UNEXPECTED_TRANSFORM', {
    message:
      shape.unexpectedTransforms.length > 0
        ? `The signature on the ${elementName(shape)} uses ${shape.unexpectedTransforms.map((t) => `"${t}"`).join(', ')}; a SAML signature only needs the enveloped-signature transform and canonicalization, and other transforms can change what is digested, so it was not verified.`
        : `The signature on the ${elementName(shape)} has an odd transform list: ${shape.transformOddity ?? 'unexpected order'} (${shape.transforms.join(', ')}); a SAML signature lists enveloped-signature once, then one canonicalization, so it was not verified.`,
    location: locate(shape.signedInfo ?? shape.signature),
    evidence: {
      transforms: shape.transforms,
      unexpected: shape.unexpectedTransforms,
      oddity: shape.transformOddity,
      canonicalizationMethod: shape.canonicalizationAlgorithm,
    },
    fix: 'Configure the IdP to sign with the standard SAML settings (enveloped signature, exclusive canonicalization); if you did not change them, treat the message as tampered with.',
  });
}

export function weakAlgorithmFinding(shape: SignatureShape, locate: Locate): Finding {
  return finding('SIGNATURE_WEAK_ALGORITHM', {
    message: `The ${elementName(shape)} is signed with SHA-1 (${[shape.signatureAlgorithm, shape.digestAlgorithm].filter((a) => a?.endsWith('sha1')).join(', ')}), which is deprecated and can be forged with enough effort.`,
    location: locate(shape.signedInfo ?? shape.signature),
    evidence: {
      signatureAlgorithm: shape.signatureAlgorithm,
      digestAlgorithm: shape.digestAlgorithm,
    },
    fix: 'Switch the IdP to SHA-256 (for ADFS: the relying party trust\'s Advanced tab, "Secure hash algorithm: SHA-256"; Entra ID and Okta: the SAML signing algorithm setting).',
  });
}

export function digestMismatchFinding(
  shape: SignatureShape,
  expected: string,
  computed: string,
  locate: Locate,
): Finding {
  return finding('SIGNATURE_INVALID', {
    message: `The ${elementName(shape)} was changed after it was signed: its digest is ${computed}, the signature says ${expected}.`,
    location: locate(shape.target ?? shape.signature),
    evidence: {
      reason: 'digest-mismatch',
      element: elementName(shape),
      referenceUri: shape.referenceUri,
      expectedDigest: expected,
      computedDigest: computed,
    },
    fix: 'Use the message exactly as the IdP sent it (re-copy it from the browser, a HAR or SAML-tracer export; do not pretty-print or edit it). If it is untouched, something between the IdP and the browser rewrote it.',
  });
}

export function badSignatureFinding(
  shape: SignatureShape,
  configured: CertificateInfo[],
  embedded: CertificateInfo[],
  locate: Locate,
): Finding {
  return finding('SIGNATURE_INVALID', {
    message: `The signature value on the ${elementName(shape)} does not verify with ${configured.length > 0 ? 'any configured certificate' : 'the certificate in KeyInfo'}${configured.length > 0 && embedded.length > 0 ? ' nor with the certificate in KeyInfo' : ''}, although the signed content is intact.`,
    location: locate(shape.signature),
    evidence: {
      reason: 'signature-mismatch',
      element: elementName(shape),
      configuredCertificates: fingerprints(configured),
      embeddedCertificates: fingerprints(embedded),
    },
    fix:
      'The SignatureValue or SignedInfo was altered, or the message was signed with a key other than any certificate shown; re-capture the message and, if the IdP rotated its key, ' +
      REFRESH_CERTIFICATE +
      '.',
  });
}

export function unverifiableFinding(
  shape: SignatureShape,
  reason: string,
  locate: Locate,
): Finding {
  return finding('SIGNATURE_INVALID', {
    message: `The signature on the ${elementName(shape)} cannot be verified: ${reason}.`,
    location: locate(shape.signature),
    evidence: {
      reason: 'unverifiable',
      detail: reason,
      signatureAlgorithm: shape.signatureAlgorithm,
      digestAlgorithm: shape.digestAlgorithm,
    },
    fix: 'Configure the IdP to sign with RSA-SHA256 and the standard SAML settings (enveloped signature, exclusive canonicalization), then capture a new message.',
  });
}

/** `signer` is the KeyInfo certificate, or the SHA-256 of a bare KeyInfo public key. */
export function untrustedFinding(
  shape: SignatureShape,
  signer: CertificateInfo | string,
  configured: CertificateInfo[],
  locate: Locate,
): Finding {
  const which =
    typeof signer === 'string'
      ? `the public key in KeyInfo (no certificate; key SHA-256 ${signer})`
      : `the certificate in KeyInfo (${signer.subject ?? 'no subject'}, SHA-256 ${signer.sha256})`;
  return finding('SIGNATURE_CERT_UNTRUSTED', {
    message: `The ${elementName(shape)} is signed by a key that is not configured: it verifies only with ${which}.`,
    location: locate(shape.signature),
    evidence: {
      ...(typeof signer === 'string'
        ? { signingKey: { type: 'RSAKeyValue', spkiSha256: signer } }
        : { signingCertificate: fingerprint(signer) }),
      configuredCertificates: fingerprints(configured),
    },
    fix: `If the IdP rotated its signing certificate, ${REFRESH_CERTIFICATE} (compare the SHA-256 fingerprints above with the IdP's). If it did not, this message was signed by someone else: do not trust it.`,
  });
}

/** `verifiedInMessage`: some signature verified with a key the message carries itself. */
export function notCheckedFinding(
  shapes: SignatureShape[],
  signers: CertificateInfo[],
  verifiedInMessage: boolean,
  locate: Locate,
): Finding {
  const [first] = shapes;
  const integrity = verifiedInMessage
    ? 'it verifies with the key carried in the message itself, which proves integrity only'
    : 'its content digest matches, but the message carries no key to check the signature with';
  return finding('SIGNATURE_NOT_CHECKED', {
    message: `No certificate is configured, so jit-doctor cannot tell whether your IdP signed this message; ${integrity}.`,
    location: first === undefined ? null : locate(first.signature),
    evidence: {
      signingCertificates: fingerprints(signers),
      signedElements: shapes.map(elementName),
    },
    fix: `Add the IdP signing certificate to sso.certificates (the one in the Genesys Cloud SSO configuration): ${REFRESH_CERTIFICATE}.`,
  });
}

export function missingFinding(root: Node, locate: Locate): Finding {
  return finding('SIGNATURE_MISSING', {
    message:
      'Neither the Response nor the Assertion is signed; Genesys Cloud refuses unsigned SAML responses.',
    location: locate(root),
    evidence: { signatures: 0 },
    fix: 'Turn on signing at the IdP (Entra ID: "Sign SAML assertion"; Okta: signed assertions; ADFS: the relying party signs by default unless changed with Set-AdfsRelyingPartyTrust -SamlResponseSignature).',
  });
}

export function certificateExpiryFinding(
  certificate: CertificateInfo,
  now: Date,
  notAfter: Date,
  location: ReturnType<Locate>,
): Finding {
  // Calendar-style count: 16 days and 15 hours left reads as "in 17 days".
  const daysLeft = Math.ceil((notAfter.getTime() - now.getTime()) / 86_400_000);
  const expired = notAfter.getTime() <= now.getTime();
  return finding(expired ? 'CERT_EXPIRED' : 'CERT_EXPIRING', {
    message: expired
      ? `The configured certificate ${certificate.index + 1} that signed this message (${certificate.subject ?? 'no subject'}) expired on ${certificate.notAfter ?? notAfter.toISOString()}.`
      : `The configured certificate ${certificate.index + 1} that signed this message (${certificate.subject ?? 'no subject'}) expires on ${certificate.notAfter ?? notAfter.toISOString()}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}.`,
    location,
    evidence: {
      certificateIndex: certificate.index,
      sha256: certificate.sha256,
      notAfter: certificate.notAfter,
      now: now.toISOString(),
      daysLeft,
    },
    fix: expired
      ? 'Create a new signing certificate at the IdP, make it active, and upload it to the Genesys Cloud SSO configuration and sso.certificates.'
      : 'Create the next signing certificate at the IdP now and add it to Genesys Cloud beside the current one (Genesys Cloud accepts several), then make it active at the IdP before the old one expires.',
  });
}

/** A rollover certificate uploaded before its start date signed the message: Genesys Cloud refuses it until then. */
export function certificateNotYetValidFinding(
  certificate: CertificateInfo,
  now: Date,
  notBefore: Date,
  location: ReturnType<Locate>,
): Finding {
  return finding('CERT_NOT_YET_VALID', {
    message: `The configured certificate ${certificate.index + 1} that signed this message (${certificate.subject ?? 'no subject'}) is not valid until ${certificate.notBefore ?? notBefore.toISOString()}.`,
    location,
    evidence: {
      certificateIndex: certificate.index,
      sha256: certificate.sha256,
      notBefore: certificate.notBefore,
      now: now.toISOString(),
    },
    fix: "The IdP signs with a certificate whose validity starts later: make the current certificate active again at the IdP until this one's start date, or check the clock of the machine evaluating the message (evaluate as of the time the message was issued).",
  });
}

export function elementName(shape: SignatureShape): string {
  const element = shape.target ?? shape.parent;
  return element === null ? 'signed element' : (element.localName ?? element.nodeName);
}

function fingerprint(info: CertificateInfo) {
  return {
    source: info.source,
    index: info.index,
    subject: info.subject,
    sha256: info.sha256,
    sha1: info.sha1,
    notAfter: info.notAfter,
  };
}

function fingerprints(infos: CertificateInfo[]) {
  return infos.map(fingerprint);
}
