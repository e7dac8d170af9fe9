/**
 * A starting configuration from IdP metadata (SAML 2.0 metadata, EntityDescriptor): the entity ID
 * becomes sso.issuer, the IDPSSODescriptor signing certificates sso.certificates, and a recognised
 * IdP pre-fills attributeMapping and jit from its preset. Reads an already hardened-parsed DOM.
 */
import { Node, type Element } from '@xmldom/xmldom';
import { UserError } from '../errors';
import { presetFor } from '../mapping/presets';
import { recogniseIdp } from '../saml/idp';
import type { ParsedXml } from '../saml/types';
import { readCertificate } from '../saml/certificates';
import type { JitDoctorConfig } from './types';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const MAX_CERTIFICATES = 5;

/** IdP metadata that cannot be imported. */
export class MetadataError extends UserError {
  override readonly name = 'MetadataError';
  readonly kind = 'metadata';
  /** The entity IDs to choose from, when the metadata describes several IdPs and none was chosen. */
  readonly choices: readonly string[];

  constructor(message: string, choices: readonly string[] = []) {
    super(message);
    this.choices = choices;
  }
}

export interface MetadataConfig {
  config: JitDoctorConfig;
  /** What the person still has to fill in or check, one sentence each. */
  notes: string[];
}

function children(parent: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const el = node as Element;
    if (node.nodeType === Node.ELEMENT_NODE && el.namespaceURI === ns && el.localName === local)
      out.push(el);
  }
  return out;
}

function descendants(parent: Element, ns: string, local: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, local));
}

/** The EntityDescriptors that describe an IdP (they have an IDPSSODescriptor). */
function idpEntities(root: Element): Element[] {
  const entities =
    root.namespaceURI === MD && root.localName === 'EntityDescriptor'
      ? [root]
      : root.namespaceURI === MD && root.localName === 'EntitiesDescriptor'
        ? descendants(root, MD, 'EntityDescriptor')
        : [];
  return entities.filter((e) => children(e, MD, 'IDPSSODescriptor').length > 0);
}

function chooseEntity(root: Element, entityId: string | undefined): Element {
  if (
    root.namespaceURI !== MD ||
    !['EntityDescriptor', 'EntitiesDescriptor'].includes(root.localName ?? '')
  ) {
    throw new MetadataError(
      `this is not SAML 2.0 metadata: its root element is ${root.localName ?? 'unnamed'}, not EntityDescriptor`,
    );
  }
  const entities = idpEntities(root);
  if (entities.length === 0)
    throw new MetadataError('the metadata describes no identity provider (no IDPSSODescriptor)');
  if (entityId) {
    const chosen = entities.find((e) => e.getAttribute('entityID') === entityId);
    if (!chosen)
      throw new MetadataError(
        `no identity provider with entityID "${entityId}" in the metadata (found: ${entities.map((e) => e.getAttribute('entityID')).join(', ')})`,
      );
    return chosen;
  }
  if (entities.length > 1) {
    // Neutral words: the CLI names its option, the app its own control.
    const ids = entities.map((e) => e.getAttribute('entityID') ?? '');
    throw new MetadataError(
      `the metadata describes ${entities.length} identity providers; choose one by its entityID (${ids.join(', ')})`,
      ids,
    );
  }
  return entities[0]!;
}

/** Signing certificates of the IDPSSODescriptor, as PEM; a KeyDescriptor without `use` signs too. */
function signingCertificates(entity: Element, notes: string[]): string[] {
  const pems: string[] = [];
  for (const sso of children(entity, MD, 'IDPSSODescriptor')) {
    for (const key of children(sso, MD, 'KeyDescriptor')) {
      const use = key.getAttribute('use');
      if (use && use !== 'signing') continue;
      for (const cert of descendants(key, DS, 'X509Certificate')) {
        const body = (cert.textContent ?? '').replace(/\s+/g, '');
        try {
          readCertificate(body);
        } catch (error) {
          notes.push(
            `skipped a signing certificate that cannot be read: ${(error as Error).message}`,
          );
          continue;
        }
        const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
        if (!pems.includes(pem)) pems.push(pem);
      }
    }
  }
  if (pems.length > MAX_CERTIFICATES) {
    notes.push(
      `the metadata lists ${pems.length} signing certificates; Genesys Cloud stores five, so only the first five are kept`,
    );
  }
  return pems.slice(0, MAX_CERTIFICATES);
}

function nameIdFormats(entity: Element): string[] {
  return children(entity, MD, 'IDPSSODescriptor').flatMap((sso) =>
    children(sso, MD, 'NameIDFormat').map((f) => (f.textContent ?? '').trim()),
  );
}

export function configFromMetadata(
  parsed: ParsedXml,
  options: { entityId?: string } = {},
): MetadataConfig {
  const entity = chooseEntity(parsed.root, options.entityId);
  const issuer = entity.getAttribute('entityID')?.trim();
  if (!issuer) throw new MetadataError('the EntityDescriptor has no entityID');
  const notes: string[] = [];
  const certificates = signingCertificates(entity, notes);
  if (certificates.length === 0)
    notes.push(
      'no signing certificate in the metadata: add the IdP signing certificate to sso.certificates',
    );
  const formats = nameIdFormats(entity);
  const idp = recogniseIdp(issuer);
  const preset = presetFor(idp);
  const sso: NonNullable<JitDoctorConfig['sso']> = { issuer, certificates };
  if (formats.length === 0 || formats.includes(EMAIL_FORMAT))
    sso.nameIdentifierFormat = EMAIL_FORMAT;
  else
    notes.push(
      `the IdP does not list the emailAddress NameID format (it lists ${formats.join(', ')}); Genesys Cloud identifies users by email`,
    );
  sso.clockSkewSeconds = 10;
  notes.push(
    'fill in region, organizationName and sso.relyingPartyIdentifier from your Genesys Cloud SSO settings',
  );
  if (preset)
    notes.push(
      `attributeMapping is the ${preset.label} preset: check it against the claims your IdP really sends (jit-doctor compare)`,
    );
  else
    notes.push(
      'the IdP was not recognised: attributeMapping holds only email; map the other fields to the claims your IdP sends',
    );
  return {
    config: {
      name: preset ? preset.config.name : `${issuer} - employees`,
      sso,
      jit: preset?.config.jit ?? { enabled: true, updateOnLogin: false, defaultDivision: 'Home' },
      attributeMapping: preset?.config.attributeMapping ?? { email: 'email' },
    },
    notes,
  };
}
