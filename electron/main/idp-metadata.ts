/**
 * IdP metadata (SAML 2.0 EntityDescriptor) → what Configuration's "Import issuer and
 * certificates…" merges: the entity ID as issuer and the IdP's signing certificates, read by the
 * same code as `jit-doctor config from-metadata` (shared/config/metadata.ts) and parsed with the
 * engine's hardened parser (DOCTYPE refused before parsing). Only those two settings are taken: the
 * rest of the configuration is the person's. Metadata that describes several IdPs (a federation's
 * aggregate) is never imported on a guess: the reply lists them, and the person's choice comes back
 * as `entityId`.
 */
import { configFromMetadata, listMetadataIdps } from '../../shared/config/metadata';
import type { MetadataImport } from '../../shared/ipc';
import { parseXml } from '../../shared/saml/parse';
import { DEFAULT_LIMITS } from '../../shared/saml/types';
import { AppError } from '../../shared/errors';

export function importIdpMetadata(
  xml: string,
  options: { entityId?: string; now: Date },
): MetadataImport {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > DEFAULT_LIMITS.maxMessageBytes) {
    const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    throw new AppError(
      'bad-request',
      `The metadata is ${mb(bytes)}; the import reads up to ${mb(DEFAULT_LIMITS.maxMessageBytes)}. A federation's aggregate is often larger: paste the metadata of your IdP alone (the federation or the IdP publishes it on its own).`,
    );
  }
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    const first = parsed.findings[0];
    throw new AppError(
      'bad-request',
      `The metadata is not readable XML: ${first?.message ?? 'parse failed'}`,
    );
  }
  let entityId = options.entityId;
  if (!entityId) {
    const idps = listMetadataIdps(parsed.parsed, options.now);
    if (idps.length > 1) return { choose: idps };
    entityId = idps[0]?.entityId;
  }
  const sso = configFromMetadata(parsed.parsed, entityId ? { entityId } : {}).config.sso;
  const certificates = sso?.certificates ?? [];
  if (certificates.length === 0)
    throw new AppError(
      'bad-request',
      `The IdP metadata carries no signing certificate${entityId ? ` for ${entityId}` : ''}.`,
    );
  return { sso: { ...(sso?.issuer ? { issuer: sso.issuer } : {}), certificates } };
}
