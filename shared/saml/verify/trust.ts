/**
 * Which key signed: only configured certificates are trusted. KeyInfo certificates are used to
 * tell the person which key signed (and to check integrity when nothing is configured), never to
 * trust the message.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { CertificateError, readCertificate, type ReadCertificate } from '../certificates';
import { signatureVerifiesWith, type Integrity } from './cryptography';
import type { RsaKeyValue } from './shape';

export type KeyVerdict =
  /** A configured certificate verified it. */
  | { kind: 'trusted'; configuredIndex: number; certificate: ReadCertificate }
  /** Only a key from KeyInfo verified it, and certificates are configured. */
  | ({ kind: 'untrusted' } & EmbeddedSigner)
  /** Nothing is configured; the KeyInfo key that verified it, if any. */
  | ({ kind: 'not-checked' } & (EmbeddedSigner | { certificate: null; bareKeySha256: null }))
  /** No available key verifies the SignatureValue. */
  | { kind: 'bad-signature' };

export interface TrustAnchor extends ReadCertificate {
  publicKey: KeyObject;
}

/** A bare public key from KeyInfo/KeyValue (no certificate), named by the SHA-256 of its SPKI DER. */
export interface BareKey {
  publicKey: KeyObject;
  sha256: string;
}

/** Who signed, among the keys the message carries: a certificate, or else a bare key. */
type EmbeddedSigner =
  | { certificate: ReadCertificate; bareKeySha256: null }
  | { certificate: null; bareKeySha256: string };

/** An RSAKeyValue as a public key; null when it is not one. */
export function bareKeyOf(key: RsaKeyValue): BareKey | null {
  const n = toBase64Url(key.modulus);
  const e = toBase64Url(key.exponent);
  if (n === '' || e === '') return null;
  try {
    const publicKey = createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    return { publicKey, sha256: colonHex(createHash('sha256').update(der).digest()) };
  } catch {
    return null;
  }
}

function toBase64Url(text: string): string {
  return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('base64url');
}

function colonHex(bytes: Buffer): string {
  return bytes
    .toString('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
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
  bareKeys: readonly BareKey[] = [],
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
  const signer = embeddedSigner(integrity, configured, embedded, bareKeys);
  if (signer === null) {
    // With nothing configured and no key in KeyInfo there is no key to check; otherwise none verifies.
    const noKeyAtAll = configured.length === 0 && embedded.length === 0 && bareKeys.length === 0;
    return noKeyAtAll
      ? { kind: 'not-checked', certificate: null, bareKeySha256: null }
      : { kind: 'bad-signature' };
  }
  return configured.length === 0
    ? { kind: 'not-checked', ...signer }
    : { kind: 'untrusted', ...signer };

  function rank(certificate: TrustAnchor): number {
    return embeddedFingerprints.has(certificate.sha256) ? 1 : 0;
  }
}

function embeddedSigner(
  integrity: Extract<Integrity, { kind: 'checked' }>,
  configured: readonly TrustAnchor[],
  embedded: readonly TrustAnchor[],
  bareKeys: readonly BareKey[],
): EmbeddedSigner | null {
  const configuredFingerprints = new Set(configured.map((certificate) => certificate.sha256));
  const certificate = embedded.find(
    (candidate) =>
      !configuredFingerprints.has(candidate.sha256) &&
      signatureVerifiesWith(integrity, candidate.publicKey),
  );
  if (certificate !== undefined) return { certificate, bareKeySha256: null };
  const key = bareKeys.find((candidate) => signatureVerifiesWith(integrity, candidate.publicKey));
  return key === undefined ? null : { certificate: null, bareKeySha256: key.sha256 };
}
