/**
 * The one reader of X.509 certificates, used by configuration loading, IdP metadata import and
 * signature verification alike, so what `config check` accepts is what a diagnosis trusts. It
 * reads certificates the way people paste them: a PEM block (also JSON-escaped, with literal `\n`),
 * or the bare base64 DER that IdP metadata and KeyInfo carry (with any line breaks and spaces), and
 * describes them with the fingerprints admin consoles show (colon-separated upper-case hex).
 *
 * One entry is one certificate. A bundle (two certificates, or a certificate and its private key)
 * is refused with a reason rather than split: Genesys Cloud stores each certificate in its own
 * field, reports name a configured certificate by its position, and a private key never belongs in
 * a configuration that is shared in tickets.
 */
import { X509Certificate } from 'node:crypto';
import { UserError } from '../errors';
import type { CertificateInfo } from '../report';

/** A configured certificate that cannot be read: a configuration error naming its key path (exit 2). */
export class CertificateError extends UserError {
  override readonly name = 'CertificateError';
  readonly kind = 'certificate';

  constructor(
    /** 0-based position in the configured list. */
    readonly index: number,
    readonly reason: string,
  ) {
    super(
      `sso.certificates[${index}]: certificate ${index + 1} cannot be read: ${reason}`,
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

function derOf(pasted: string): Buffer {
  // PEM copied out of JSON or a YAML string keeps its line breaks as the two characters `\n`;
  // a backslash is never part of PEM or base64, so reading it as a line break is safe.
  const text = pasted.replace(/\\r\\n|\\n/g, '\n');
  const blocks = [...text.matchAll(PEM_BLOCK)];
  let body = text;
  if (blocks.length > 0) {
    const labels = blocks.map((block) => block[1] ?? '');
    if (labels.some((label) => label.includes('PRIVATE KEY'))) {
      throw new Error(
        `it holds a private key (${describeBlocks(labels)}): remove the key and keep only the ` +
          "IdP's signing certificate; the private key must stay with the identity provider " +
          '(and if it was shared, have it replaced)',
      );
    }
    const certificates = blocks.filter((block) => block[1] === 'CERTIFICATE');
    if (certificates.length > 1 && certificates.length === blocks.length) {
      throw new Error(
        `it holds ${certificates.length} certificates in one entry: put each certificate in its own entry of the list`,
      );
    }
    if (certificates.length !== 1 || blocks.length !== 1) {
      throw new Error(
        `expected exactly one "BEGIN CERTIFICATE" block, found ${describeBlocks(labels)}`,
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
