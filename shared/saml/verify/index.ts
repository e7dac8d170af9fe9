/**
 * Stage 3: verify every ds:Signature against the configured certificates and hand the later
 * stages the exact elements that were verified ("what is used is what is signed", DESIGN.md).
 *
 * Order of trust in the status: wrapped > invalid > untrusted > not-checked > valid; `missing`
 * when no signature exists at all, `not-checked` when the only place left for one is an encrypted
 * assertion (no signature can be read). A message is never `valid` when anything is wrapped.
 */
import type { Element } from '@xmldom/xmldom';
import {
  describeCertificate,
  notAfterOf,
  notBeforeOf,
  type ReadCertificate,
} from '../certificates';
import type { CertificateInfo, Finding, SignatureStatus, SignedElement } from '../../report';
import type { ParsedXml, VerifyOptions, VerifyOutcome } from '../types';
import { checkReference, type Integrity } from './cryptography';
import { elementChildren } from './dom';
import * as build from './findings';
import { scanDocument } from './scan';
import { ALGORITHMS } from './profile';
import { isSound, readSignatureShape, type SignatureShape } from './shape';
import {
  bareKeyOf,
  configuredAnchors,
  findSigningKey,
  trustAnchorOf,
  type BareKey,
  type KeyVerdict,
  type TrustAnchor,
} from './trust';
import { documentWrapping } from './wrapping';

const MAX_EVALUATED_SIGNATURES = 8;

/** Certificates inside 30 days of their notAfter are CERT_EXPIRING. */
const EXPIRY_WARNING_MS = 30 * 86_400_000;

interface Evaluation {
  shape: SignatureShape;
  integrity: Integrity | null;
  key: KeyVerdict | null;
  embedded: TrustAnchor[];
  /** The element whose digest matched (null when none did). */
  signedElement: Element | null;
  verified: boolean;
}

/**
 * Throws CertificateError when a configured certificate cannot be read (a configuration error,
 * exit 2 in the CLI); everything about the message itself becomes a finding.
 */
export function verifySignatures(parsed: ParsedXml, options: VerifyOptions): VerifyOutcome {
  const configured = configuredAnchors(options.certificates);
  const scan = scanDocument(parsed.root);
  const shapes = scan.signatures.map((signature) => readSignatureShape(signature, scan));
  const documentProblems = documentWrapping(scan, shapes);
  // A genuine message has one or two signatures; an injected flood is already wrapping, so only the
  // first few are worth the canonicalization work (which grows with the element they point at).
  const evaluations = shapes.map((shape, index) =>
    index < MAX_EVALUATED_SIGNATURES ? evaluate(shape, configured) : unevaluated(shape),
  );

  const configuredInfos = configured.map((c, index) => describeCertificate(c, 'configured', index));
  const embeddedInfos = embeddedCertificateInfos(evaluations);
  const infoOf = (certificate: ReadCertificate): CertificateInfo =>
    configuredInfos.find((info) => info.sha256 === certificate.sha256) ??
    embeddedInfos.find((info) => info.sha256 === certificate.sha256) ??
    describeCertificate(certificate, 'embedded', embeddedInfos.length);

  const locate = parsed.locate.bind(parsed);
  const { response, assertion } = usedElements(parsed.root, evaluations);
  const wrappingProblems = [...shapes.flatMap((shape) => shape.wrapping), ...documentProblems];
  const usedAndSigned = describeUse(parsed.root, evaluations);
  const findings: Finding[] = [
    ...wrappingProblems.map((p) => build.wrappingFinding(p, usedAndSigned, locate)),
    ...evaluations.flatMap((e) => signatureFindings(e, configuredInfos, infoOf, locate)),
    ...notCheckedFindings(evaluations, infoOf, locate),
    ...expiryFindings(evaluations, configuredInfos, options.now, locate),
  ];
  // An encrypted assertion may carry the only signature, out of sight: ASSERTION_ENCRYPTED says
  // so, and advising to turn signing on would be wrong.
  const hiddenByEncryption = shapes.length === 0 && scan.encryptedAssertions.length > 0;
  if (shapes.length === 0 && !hiddenByEncryption)
    findings.push(build.missingFinding(parsed.root, locate));

  return {
    signature: {
      status: hiddenByEncryption
        ? 'not-checked'
        : statusOf(evaluations, documentProblems.length > 0),
      signed: evaluations.map(signedElement),
      certificates: [...configuredInfos, ...embeddedInfos],
    },
    findings,
    response,
    assertion,
  };
}

function evaluate(shape: SignatureShape, configured: readonly TrustAnchor[]): Evaluation {
  const embedded = shape.embeddedCertificates.flatMap((text) => {
    try {
      return [trustAnchorOf(text)];
    } catch {
      return []; // an unreadable KeyInfo certificate cannot have signed anything we can check
    }
  });
  const integrity =
    shape.unexpectedTransforms.length > 0 || shape.transformOddity !== null
      ? null
      : checkReference(shape);
  const key =
    integrity?.kind === 'checked' && integrity.digestMatches
      ? findSigningKey(integrity, configured, embedded, bareKeys(shape))
      : null;
  const verified =
    key !== null &&
    (key.kind === 'trusted' ||
      key.kind === 'untrusted' ||
      (key.kind === 'not-checked' && (key.certificate !== null || key.bareKeySha256 !== null)));
  const signedElement = integrity?.kind === 'checked' ? integrity.signedElement : null;
  return { shape, integrity, key, embedded, signedElement, verified };
}

function unevaluated(shape: SignatureShape): Evaluation {
  return { shape, integrity: null, key: null, embedded: [], signedElement: null, verified: false };
}

function bareKeys(shape: SignatureShape): BareKey[] {
  return shape.embeddedRsaKeys.flatMap((value) => bareKeyOf(value) ?? []);
}

function statusOf(evaluations: readonly Evaluation[], documentWrapped: boolean): SignatureStatus {
  if (evaluations.length === 0) return 'missing';
  if (documentWrapped || evaluations.some((e) => e.shape.wrapping.length > 0)) return 'wrapped';
  const intact = (e: Evaluation) => e.key !== null && e.key.kind !== 'bad-signature';
  if (!evaluations.every(intact)) return 'invalid';
  if (evaluations.some((e) => e.key?.kind === 'untrusted')) return 'untrusted';
  if (evaluations.some((e) => e.key?.kind === 'not-checked')) return 'not-checked';
  return 'valid';
}

function signatureFindings(
  evaluation: Evaluation,
  configured: CertificateInfo[],
  infoOf: (c: ReadCertificate) => CertificateInfo,
  locate: ParsedXml['locate'],
): Finding[] {
  const { shape, integrity, key } = evaluation;
  const findings: Finding[] = [];
  if (shape.unexpectedTransforms.length > 0 || shape.transformOddity !== null)
    findings.push(build.unexpectedTransformFinding(shape, locate));
  if (
    shape.signatureAlgorithm === ALGORITHMS.rsaSha1 ||
    shape.digestAlgorithm === ALGORITHMS.sha1
  ) {
    findings.push(build.weakAlgorithmFinding(shape, locate));
  }
  if (integrity?.kind === 'unverifiable') {
    // A structurally wrapped signature is already explained by SIGNATURE_WRAPPING.
    if (shape.wrapping.length === 0)
      findings.push(build.unverifiableFinding(shape, integrity.reason, locate));
  } else if (integrity?.kind === 'checked' && !integrity.digestMatches) {
    findings.push(
      build.digestMismatchFinding(
        shape,
        integrity.expectedDigest,
        integrity.computedDigest,
        locate,
      ),
    );
  }
  if (key?.kind === 'bad-signature') {
    findings.push(
      build.badSignatureFinding(shape, configured, evaluation.embedded.map(infoOf), locate),
    );
  } else if (key?.kind === 'untrusted') {
    const signer = key.certificate === null ? key.bareKeySha256 : infoOf(key.certificate);
    findings.push(build.untrustedFinding(shape, signer, configured, locate));
  }
  return findings;
}

function notCheckedFindings(
  evaluations: readonly Evaluation[],
  infoOf: (c: ReadCertificate) => CertificateInfo,
  locate: ParsedXml['locate'],
): Finding[] {
  const unchecked = evaluations.filter((e) => e.key?.kind === 'not-checked');
  if (unchecked.length === 0) return [];
  const signers = unchecked.flatMap((e) =>
    e.key?.kind === 'not-checked' && e.key.certificate !== null ? [infoOf(e.key.certificate)] : [],
  );
  const unique = signers.filter(
    (info, i) => signers.findIndex((s) => s.sha256 === info.sha256) === i,
  );
  return [
    build.notCheckedFinding(
      unchecked.map((e) => e.shape),
      unique,
      unchecked.some((e) => e.verified),
      locate,
    ),
  ];
}

function expiryFindings(
  evaluations: readonly Evaluation[],
  configured: CertificateInfo[],
  now: Date,
  locate: ParsedXml['locate'],
): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<number>();
  for (const { key, shape } of evaluations) {
    if (key?.kind !== 'trusted' || reported.has(key.configuredIndex)) continue;
    reported.add(key.configuredIndex);
    const info = configured[key.configuredIndex];
    if (info === undefined) continue;
    const notBefore = notBeforeOf(key.certificate);
    if (notBefore.getTime() > now.getTime()) {
      findings.push(
        build.certificateNotYetValidFinding(info, now, notBefore, locate(shape.signature)),
      );
      continue;
    }
    const notAfter = notAfterOf(key.certificate);
    if (notAfter.getTime() - now.getTime() > EXPIRY_WARNING_MS) continue;
    findings.push(build.certificateExpiryFinding(info, now, notAfter, locate(shape.signature)));
  }
  return findings;
}

function signedElement(evaluation: Evaluation): SignedElement {
  const { shape, key } = evaluation;
  const certificate = key === null || key.kind === 'bad-signature' ? null : key.certificate;
  return {
    element: evaluation.signedElement?.localName ?? build.elementName(shape),
    id: shape.referencedId ?? (shape.target === null ? null : shape.target.getAttribute('ID')),
    signatureAlgorithm: shape.signatureAlgorithm,
    digestAlgorithm: shape.digestAlgorithm,
    certificateSha256: certificate?.sha256 ?? null,
    configuredCertificateIndex: key?.kind === 'trusted' ? key.configuredIndex : null,
    verified: evaluation.verified,
  };
}

/**
 * The Response and the one Assertion the later stages read: the elements signatures point at,
 * verified ones first. The only tag-name lookup is among the direct children of the Response
 * chosen here, which its own signature (when it has one) covers; with no signature at all the
 * message is still shown, but its status stays `missing`.
 */
function usedElements(
  root: Element,
  evaluations: readonly Evaluation[],
): Pick<VerifyOutcome, 'response' | 'assertion'> {
  const targets = (name: string) => {
    const elementOf = (e: Evaluation) => e.signedElement ?? e.shape.target;
    const named = evaluations.filter((e) => elementOf(e)?.localName === name);
    const preferred = [
      ...named.filter((e) => e.verified && isSound(e.shape)),
      ...named.filter((e) => e.verified),
      ...named,
    ];
    return preferred.map((e) => elementOf(e) as Element);
  };
  const response = targets('Response')[0] ?? (root.localName === 'Response' ? root : null);
  const assertion =
    targets('Assertion')[0] ??
    (response === null
      ? null
      : elementChildren(response).find((child) => child.localName === 'Assertion')) ??
    (root.localName === 'Assertion' ? root : null);
  return { response, assertion };
}

/**
 * Which element a service provider reads (the Assertion directly in the Response, as the SAML
 * profile places it; the Response when it has none) and which ones the signatures cover.
 */
function describeUse(root: Element, evaluations: readonly Evaluation[]): build.UsedAndSigned {
  const used =
    root.localName === 'Response'
      ? (elementChildren(root).find((child) => child.localName === 'Assertion') ?? root)
      : root;
  const signed = evaluations.map((e) => {
    const element = e.signedElement ?? e.shape.target;
    const what = element === null ? 'no element' : build.describeElement(element, root);
    return `${what} (${e.verified ? 'verified' : 'not verified'})`;
  });
  return { used: build.describeElement(used, root), signed: signed.join(', ') };
}

function embeddedCertificateInfos(evaluations: readonly Evaluation[]): CertificateInfo[] {
  const infos: CertificateInfo[] = [];
  for (const certificate of evaluations.flatMap((e) => e.embedded)) {
    if (infos.some((info) => info.sha256 === certificate.sha256)) continue;
    infos.push(describeCertificate(certificate, 'embedded', infos.length));
  }
  return infos;
}
