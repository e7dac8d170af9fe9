/**
 * IdP metadata (SAML 2.0 EntityDescriptor) → what Configuration's "Import issuer and
 * certificates…" merges: the entity ID as issuer and the IdP's signing certificates, read by the
 * same code as `jit-doctor config from-metadata` (shared/config/metadata.ts) and parsed with the
 * engine's hardened parser (DOCTYPE refused before parsing). Only those two settings are taken: the
 * rest of the configuration is the person's.
 */
import type { SsoConfig } from '../../shared/config/types';
import { configFromMetadata, MetadataError } from '../../shared/config/metadata';
import { parseXml } from '../../shared/saml/parse';
import { AppError } from '../../shared/errors';

export function importIdpMetadata(xml: string): SsoConfig {
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    const first = parsed.findings[0];
    throw new AppError(
      'bad-request',
      `The metadata is not readable XML: ${first?.message ?? 'parse failed'}`,
    );
  }
  let sso: SsoConfig | undefined;
  try {
    sso = configFromMetadata(parsed.parsed).config.sso;
  } catch (error) {
    if (error instanceof MetadataError && error.choices.length > 0)
      throw new AppError(
        'bad-request',
        `The metadata describes ${error.choices.length} identity providers (${error.choices.join(', ')}): paste the EntityDescriptor of yours alone.`,
      );
    throw error;
  }
  const certificates = sso?.certificates ?? [];
  if (certificates.length === 0)
    throw new AppError('bad-request', 'The IdP metadata carries no signing certificate.');
  return { ...(sso?.issuer ? { issuer: sso.issuer } : {}), certificates };
}
