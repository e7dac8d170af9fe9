/**
 * A starting configuration from IdP metadata (SAML 2.0 metadata, EntityDescriptor): the entity ID
 * becomes sso.issuer, the IDPSSODescriptor signing certificates sso.certificates, and a recognised
 * IdP pre-fills attributeMapping and jit from its preset. Metadata that describes several IdPs (a
 * federation's aggregate, EntitiesDescriptor) is listed by listMetadataIdps for a person to choose
 * one, which configFromMetadata then reads by its entity ID. Reads an already hardened-parsed DOM.
 */
import { Node, type Element } from '@xmldom/xmldom';
import { UserError } from '../errors';
import { presetFor } from '../mapping/presets';
import { recogniseIdp } from '../saml/idp';
import type { ParsedXml } from '../saml/types';
import { notAfterOf, readCertificate, type ReadCertificate } from '../saml/certificates';
import type { JitDoctorConfig, MetadataIdp } from './types';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const MDUI = 'urn:oasis:names:tc:SAML:metadata:ui';
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

/** The IdP entities of SAML 2.0 metadata; a MetadataError when it is not metadata or has none. */
function metadataIdps(root: Element): Element[] {
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
  return entities;
}

function chooseEntity(root: Element, entityId: string | undefined): Element {
  const entities = metadataIdps(root);
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

interface SigningCertificate {
  pem: string;
  certificate: ReadCertificate;
}

/** Signing certificates of the IDPSSODescriptor, up to five; a KeyDescriptor without `use` signs too. */
function signingCertificates(entity: Element, notes: string[]): SigningCertificate[] {
  const found: SigningCertificate[] = [];
  for (const sso of children(entity, MD, 'IDPSSODescriptor')) {
    for (const key of children(sso, MD, 'KeyDescriptor')) {
      const use = key.getAttribute('use');
      if (use && use !== 'signing') continue;
      for (const cert of descendants(key, DS, 'X509Certificate')) {
        const body = (cert.textContent ?? '').replace(/\s+/g, '');
        let certificate: ReadCertificate;
        try {
          certificate = readCertificate(body);
        } catch (error) {
          notes.push(
            `skipped a signing certificate that cannot be read: ${(error as Error).message}`,
          );
          continue;
        }
        const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
        if (!found.some((f) => f.pem === pem)) found.push({ pem, certificate });
      }
    }
  }
  if (found.length > MAX_CERTIFICATES) {
    notes.push(
      `the metadata lists ${found.length} signing certificates; Genesys Cloud stores five, so only the first five are kept`,
    );
  }
  return found.slice(0, MAX_CERTIFICATES);
}

/** The first of these elements' texts in English, else the first; null when none has text. */
function englishFirst(elements: readonly Element[]): string | null {
  const named = elements
    .map((el) => ({ lang: el.getAttribute('xml:lang'), text: (el.textContent ?? '').trim() }))
    .filter((n) => n.text !== '');
  const chosen = named.find((n) => n.lang?.toLowerCase().startsWith('en')) ?? named[0];
  return chosen ? chosen.text.slice(0, 200) : null;
}

function displayNameOf(entity: Element): string | null {
  const ui = children(entity, MD, 'IDPSSODescriptor').flatMap((sso) =>
    descendants(sso, MDUI, 'DisplayName'),
  );
  const organization = children(entity, MD, 'Organization').flatMap((org) =>
    children(org, MD, 'OrganizationDisplayName'),
  );
  return englishFirst(ui) ?? englishFirst(organization);
}

/**
 * Every identity provider the metadata describes, in document order, for a person to choose one:
 * entity ID, display name and the signing certificates an import would take (read exactly as
 * configFromMetadata reads them), each said expired or not as of `now`.
 */
export function listMetadataIdps(parsed: ParsedXml, now: Date): MetadataIdp[] {
  return metadataIdps(parsed.root).flatMap((entity) => {
    const entityId = entity.getAttribute('entityID')?.trim();
    if (!entityId) return [];
    const certificates = signingCertificates(entity, []).map(({ certificate }) => {
      const notAfter = notAfterOf(certificate);
      return { notAfter: notAfter.toISOString(), expired: notAfter.getTime() <= now.getTime() };
    });
    return [{ entityId, displayName: displayNameOf(entity), certificates }];
  });
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
  const certificates = signingCertificates(entity, notes).map((c) => c.pem);
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
