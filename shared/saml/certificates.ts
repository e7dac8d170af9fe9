/**
 * Reading X.509 certificates the way people paste them: a PEM block, or the bare base64 DER that
 * IdP metadata and KeyInfo carry (with any line breaks and spaces), and describing them with the
 * fingerprints admin consoles show (colon-separated upper-case hex).
 */
import { X509Certificate } from 'node:crypto';
import { UserError } from '../errors';
import type { CertificateInfo } from '../report';

/** A configured certificate that cannot be read: the caller turns it into a usage error (exit 2). */
export class CertificateError extends UserError {
  override readonly name = 'CertificateError';
  readonly kind = 'certificate';

  constructor(
    /** 0-based position in the configured list. */
    readonly index: number,
    readonly reason: string,
  ) {
    super(
      `Certificate ${index + 1} in sso.certificates cannot be read: ${reason}`,
      `sso.certificates[${index}]`,
    );
  }
}

export interface ReadCertificate {
  x509: X509Certificate;
  sha256: string;
  sha1: string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads one certificate from PEM or bare base64 DER. Throws an Error whose message says, in plain
 * words, what is wrong with the text (the caller adds which certificate it was).
 */
export function readCertificate(text: string): ReadCertificate {
  const der = derOf(text);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    throw new Error('the base64 text decodes, but not to an X.509 certificate');
  }
  return { x509, sha256: x509.fingerprint256, sha1: x509.fingerprint };
}

function derOf(text: string): Buffer {
  const blocks = [...text.matchAll(PEM_BLOCK)];
  let body = text;
  if (blocks.length > 0) {
    const certificates = blocks.filter((block) => block[1] === 'CERTIFICATE');
    if (certificates.length !== 1 || blocks.length !== 1) {
      throw new Error(
        `expected exactly one "BEGIN CERTIFICATE" block, found ${describeBlocks(blocks.map((b) => b[1] ?? ''))}`,
      );
    }
    body = certificates[0]?.[2] ?? '';
  } else if (text.includes('-----BEGIN')) {
    throw new Error('the PEM block has no matching "-----END CERTIFICATE-----" line');
  }
  const compact = body.replace(/\s+/g, '');
  if (compact.length === 0) throw new Error('it is empty');
  if (!BASE64_BODY.test(compact) || compact.length % 4 !== 0) {
    throw new Error('it is neither a PEM certificate nor base64 text');
  }
  return Buffer.from(compact, 'base64');
}

function describeBlocks(labels: string[]): string {
  return labels.map((label) => `"BEGIN ${label}"`).join(', ');
}

/**
 * Reads the configured certificates, failing on the first unreadable one with a CertificateError
 * (a wrong certificate in the configuration is a setup error, not a property of the message).
 */
export function readConfiguredCertificates(texts: readonly string[]): ReadCertificate[] {
  return texts.map((text, index) => {
    try {
      return readCertificate(text);
    } catch (error) {
      throw new CertificateError(index, error instanceof Error ? error.message : String(error));
    }
  });
}

export function describeCertificate(
  certificate: ReadCertificate,
  source: CertificateInfo['source'],
  index: number,
): CertificateInfo {
  const { x509 } = certificate;
  return {
    source,
    index,
    subject: distinguishedName(x509.subject),
    issuer: distinguishedName(x509.issuer),
    notBefore: isoDate(x509.validFrom),
    notAfter: isoDate(x509.validTo),
    sha256: certificate.sha256,
    sha1: certificate.sha1,
  };
}

/** Node prints one RDN per line, most general first; people read them comma-separated. */
function distinguishedName(text: string): string | null {
  const parts = text.split('\n').filter((part) => part.length > 0);
  return parts.length > 0 ? parts.join(', ') : null;
}

function isoDate(text: string): string | null {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function notAfterOf(certificate: ReadCertificate): Date {
  return new Date(certificate.x509.validTo);
}

export function notBeforeOf(certificate: ReadCertificate): Date {
  return new Date(certificate.x509.validFrom);
}
