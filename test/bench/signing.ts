/** The benchmarks' IdP: signs an Assertion as Entra ID does by default (RSA-SHA256, exclusive c14n, certificate in KeyInfo). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';

const KEYS = join(import.meta.dirname, '../fixtures/keys');
/** The test IdP certificate every benchmark configuration trusts. */
export const CERT = readFileSync(join(KEYS, 'idp.crt'), 'latin1');
const KEY = readFileSync(join(KEYS, 'idp.key'));

export function signAssertion(xml: string): string {
  const signer = new SignedXml({
    privateKey: KEY,
    publicCert: CERT,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signer.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signer.computeSignature(xml, {
    location: {
      reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']",
      action: 'after',
    },
  });
  return signer.getSignedXml();
}
