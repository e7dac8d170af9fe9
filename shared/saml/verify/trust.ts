/**
 * Which key signed: only configured certificates are trusted. KeyInfo certificates are used to
 * tell the person which key signed (and to check integrity when nothing is configured), never to
 * trust the message.
 */
import type { KeyObject } from 'node:crypto';
import { CertificateError, readCertificate, type ReadCertificate } from '../certificates';
import { signatureVerifiesWith, type Integrity } from './cryptography';

export type KeyVerdict =
  /** A configured certificate verified it. */
  | { kind: 'trusted'; configuredIndex: number; certificate: ReadCertificate }
  /** Only a certificate from KeyInfo verified it, and certificates are configured. */
  | { kind: 'untrusted'; certificate: ReadCertificate }
  /** Nothing is configured; `certificate` is the KeyInfo certificate that verified it, if any. */
  | { kind: 'not-checked'; certificate: ReadCertificate | null }
  /** No available key verifies the SignatureValue. */
  | { kind: 'bad-signature' };

export interface TrustAnchor extends ReadCertificate {
  publicKey: KeyObject;
}

/**
 * Certificate texts repeat across messages (the configured ones, and the IdP's own in KeyInfo),
 * so each is read once; the cache is small and simply starts over when full.
 */
const anchors = new Map<string, TrustAnchor>();
const ANCHOR_CACHE_LIMIT = 64;

/** Reads a certificate (PEM or base64 DER); throws an Error saying what is wrong with the text. */
export function trustAnchorOf(text: string): TrustAnchor {
  const cached = anchors.get(text);
  if (cached !== undefined) return cached;
  const certificate = readCertificate(text);
  const anchor = { ...certificate, publicKey: certificate.x509.publicKey };
  if (anchors.size >= ANCHOR_CACHE_LIMIT) anchors.clear();
  anchors.set(text, anchor);
  return anchor;
}

/** The configured certificates; the first unreadable one throws CertificateError (exit 2 in the CLI). */
export function configuredAnchors(texts: readonly string[]): TrustAnchor[] {
  return texts.map((text, index) => {
    try {
      return trustAnchorOf(text);
    } catch (error) {
      throw new CertificateError(index, error instanceof Error ? error.message : String(error));
    }
  });
}

export function findSigningKey(
  integrity: Extract<Integrity, { kind: 'checked' }>,
  configured: readonly TrustAnchor[],
  embedded: readonly TrustAnchor[],
): KeyVerdict {
  const embeddedFingerprints = new Set(embedded.map((certificate) => certificate.sha256));
  // Try the configured certificate that KeyInfo names first (the usual case: one RSA check);
  // the others only when it fails (rollover, or an IdP that sends no KeyInfo).
  const order = configured
    .map((certificate, index) => ({ certificate, index }))
    .sort((a, b) => rank(b.certificate) - rank(a.certificate));
  for (const { certificate, index } of order) {
    if (signatureVerifiesWith(integrity, certificate.publicKey)) {
      return { kind: 'trusted', configuredIndex: index, certificate };
    }
  }
  const configuredFingerprints = new Set(configured.map((certificate) => certificate.sha256));
  const signer = embedded.find(
    (certificate) =>
      !configuredFingerprints.has(certificate.sha256) &&
      signatureVerifiesWith(integrity, certificate.publicKey),
  );
  if (signer === undefined) {
    // With nothing configured and no KeyInfo certificate there is no key to check; otherwise no key verifies.
    const noKeyAtAll = configured.length === 0 && embedded.length === 0;
    return noKeyAtAll ? { kind: 'not-checked', certificate: null } : { kind: 'bad-signature' };
  }
  return configured.length === 0
    ? { kind: 'not-checked', certificate: signer }
    : { kind: 'untrusted', certificate: signer };

  function rank(certificate: TrustAnchor): number {
    return embeddedFingerprints.has(certificate.sha256) ? 1 : 0;
  }
}
