/**
 * Configured IdP certificates are PEM or bare base64 DER (spec/config.md). Reading one here, at
 * load time, turns a pasted-wrong certificate into a config error that names its index instead of
 * a signature that silently never verifies.
 */
import { X509Certificate } from 'node:crypto';

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;

/** The DER bytes of a PEM or bare base64 certificate; throws with a reason a person can act on. */
export function certificateDer(text: string): Uint8Array {
  // People paste PEM from JSON-escaped sources, so a literal "\n" counts as a line break.
  const unescaped = text.replace(/\\n/g, '\n').trim();
  const pem = PEM.exec(unescaped);
  if (!pem && unescaped.includes('-----BEGIN')) {
    throw new Error('the PEM block is not a CERTIFICATE (BEGIN/END CERTIFICATE lines expected)');
  }
  const body = (pem ? pem[1]! : unescaped).replace(/\s+/g, '');
  if (!body) throw new Error('it is empty');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw new Error('it is not base64 (PEM or bare base64 DER expected)');
  }
  return Uint8Array.from(Buffer.from(body, 'base64'));
}

/** Parses a configured certificate; throws an Error whose message says why it cannot be read. */
export function parseCertificate(text: string): X509Certificate {
  const der = certificateDer(text);
  try {
    return new X509Certificate(der);
  } catch {
    throw new Error('it is base64 but not a DER X.509 certificate');
  }
}
