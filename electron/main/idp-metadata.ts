/**
 * IdP metadata (SAML 2.0 EntityDescriptor) → the SSO part of a configuration: the entity ID as
 * issuer and the IdP's signing certificates. Parsed with the engine's hardened parser (DOCTYPE
 * refused before parsing), so a hostile metadata file is as harmless as a hostile response.
 */
import type { Element } from '@xmldom/xmldom';
import type { SsoConfig } from '../../shared/config/types';
import { parseXml } from '../../shared/saml/parse';
import { AppError } from './app-error';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
/** Genesys Cloud keeps one certificate plus four backups. */
const MAX_CERTIFICATES = 5;

function children(parent: Element, ns: string, name: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const element = node as Element;
    if (node.nodeType === 1 && element.namespaceURI === ns && element.localName === name) {
      found.push(element);
    }
  }
  return found;
}

function toPem(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export function importIdpMetadata(xml: string): SsoConfig {
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    const first = parsed.findings[0];
    throw new AppError(
      'bad-request',
      `The metadata is not readable XML: ${first?.message ?? 'parse failed'}`,
    );
  }
  const root = parsed.parsed.root;
  const descriptor =
    root.namespaceURI === MD && root.localName === 'EntityDescriptor'
      ? root
      : root.namespaceURI === MD && root.localName === 'EntitiesDescriptor'
        ? children(root, MD, 'EntityDescriptor')[0]
        : undefined;
  if (!descriptor) {
    throw new AppError(
      'bad-request',
      'This is not SAML metadata: expected an md:EntityDescriptor.',
    );
  }
  const issuer = descriptor.getAttribute('entityID')?.trim();
  const idp = children(descriptor, MD, 'IDPSSODescriptor')[0];
  if (!idp) {
    throw new AppError(
      'bad-request',
      `The metadata of ${issuer ?? 'this entity'} has no IDPSSODescriptor: it is not an IdP.`,
    );
  }
  const certificates: string[] = [];
  for (const key of children(idp, MD, 'KeyDescriptor')) {
    const use = key.getAttribute('use');
    if (use && use !== 'signing') continue; // encryption keys do not sign assertions
    for (const info of children(key, DS, 'KeyInfo')) {
      for (const data of children(info, DS, 'X509Data')) {
        for (const cert of children(data, DS, 'X509Certificate')) {
          const pem = toPem(cert.textContent ?? '');
          if (!certificates.includes(pem)) certificates.push(pem);
        }
      }
    }
  }
  if (certificates.length === 0) {
    throw new AppError('bad-request', 'The IdP metadata carries no signing certificate.');
  }
  return {
    ...(issuer ? { issuer } : {}),
    certificates: certificates.slice(0, MAX_CERTIFICATES),
  };
}
