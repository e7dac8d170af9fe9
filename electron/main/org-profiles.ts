/**
 * Org profiles (region, OAuth client id, client secret). The secret is encrypted with the OS
 * keychain (Electron safeStorage) before it touches disk and only `credentialsFor` ever decrypts
 * it, for the adapter; the renderer sees `hasSecret` and nothing more.
 *
 * The secret is bound to where it may go: the region must be one of Genesys Cloud's own (the SDK's
 * `PureCloudRegionHosts`), the encrypted value carries the region and client id it was entered for,
 * and changing either one asks for the secret again. So no edit of a profile, through the window or
 * on disk, can send a stored secret to a host the person did not enter it for.
 */
import { randomUUID } from 'node:crypto';
import type { SafeStorage } from 'electron';
import platformClient from 'purecloud-platform-client-v2';
import type { OrgProfileInput, OrgProfileView } from '../../shared/ipc';
import { RegionError, resolveRegion } from '../genesys/region';
import { AppError } from '../../shared/errors';
import { jsonFile, type JsonFileDeps } from './json-file';

interface StoredProfile {
  id: string;
  name: string;
  region: string;
  clientId: string;
  /** base64 of safeStorage.encryptString(JSON of {@link SealedSecret}). */
  encryptedSecret: string | null;
}

interface StoredProfiles {
  profiles: StoredProfile[];
  /** The profile in use; null = the demo org. */
  activeId: string | null;
}

interface OrgCredentials {
  profileId: string;
  name: string;
  region: string;
  clientId: string;
  clientSecret: string;
}

export type SecretCipher = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
>;

/** What is encrypted: the secret with the region and client id it was entered for. */
interface SealedSecret {
  region: string;
  clientId: string;
  secret: string;
}

/** The region's Genesys Cloud domain, or an error naming the field. */
function regionDomain(region: string): string {
  try {
    return resolveRegion(region);
  } catch (error) {
    if (error instanceof RegionError) {
      throw new AppError(
        'bad-request',
        `"${region}" is not a Genesys Cloud region: choose one of the listed regions (for example mypurecloud.ie or usw2.pure.cloud).`,
        'region',
      );
    }
    throw error;
  }
}

function readStored(value: unknown): StoredProfiles {
  if (
    typeof value !== 'object' ||
    value === null ||
    !Array.isArray((value as StoredProfiles).profiles)
  ) {
    throw new Error('it holds no list of profiles');
  }
  const source = value as Partial<StoredProfiles> | null;
  const profiles = Array.isArray(source?.profiles) ? source.profiles : [];
  const valid = profiles.filter(
    (p): p is StoredProfile =>
      typeof p?.id === 'string' &&
      typeof p.name === 'string' &&
      typeof p.region === 'string' &&
      typeof p.clientId === 'string',
  );
  const activeId =
    typeof source?.activeId === 'string' && valid.some((p) => p.id === source.activeId)
      ? source.activeId
      : null;
  return {
    profiles: valid.map((p) => ({
      ...p,
      encryptedSecret: typeof p.encryptedSecret === 'string' ? p.encryptedSecret : null,
    })),
    activeId,
  };
}

const view = (p: StoredProfile): OrgProfileView => ({
  id: p.id,
  name: p.name,
  region: p.region,
  clientId: p.clientId,
  hasSecret: p.encryptedSecret !== null,
});

export interface OrgProfiles {
  list(): Promise<OrgProfileView[]>;
  save(input: OrgProfileInput): Promise<OrgProfileView>;
  remove(id: string): Promise<OrgProfileView[]>;
  activeId(): Promise<string | null>;
  setActive(id: string | null): Promise<void>;
  /** Main process only: the decrypted credentials for the adapter. */
  credentialsFor(id: string): Promise<OrgCredentials>;
}

export function createOrgProfiles(
  deps: JsonFileDeps & {
    cipher: SecretCipher;
    newId?: () => string;
  },
): OrgProfiles {
  const file = jsonFile(deps, 'org-profiles.json', {
    parse: readStored,
    fallback: () => ({ profiles: [], activeId: null }),
  });
  const newId = deps.newId ?? randomUUID;

  const encrypt = (sealed: SealedSecret): string => {
    if (!deps.cipher.isEncryptionAvailable()) {
      throw new AppError(
        'unavailable',
        'The operating system keychain is not available, so the client secret cannot be stored safely.',
      );
    }
    return deps.cipher.encryptString(JSON.stringify(sealed)).toString('base64');
  };

  /** The secret, only when it was entered for this very region and client id. */
  const unseal = (profile: StoredProfile & { encryptedSecret: string }): string => {
    const refused = new AppError(
      'org-unavailable',
      `The client secret of profile ${profile.name} was not entered for ${profile.region} and client ${profile.clientId}: enter the secret again in Settings.`,
    );
    let sealed: Partial<SealedSecret>;
    try {
      sealed = JSON.parse(
        deps.cipher.decryptString(Buffer.from(profile.encryptedSecret, 'base64')),
      ) as Partial<SealedSecret>;
    } catch {
      throw refused;
    }
    if (
      typeof sealed?.secret !== 'string' ||
      sealed.region !== profile.region ||
      sealed.clientId !== profile.clientId
    ) {
      throw refused;
    }
    return sealed.secret;
  };

  return {
    async list() {
      return (await file.read()).profiles.map(view);
    },
    async save(input) {
      const name = input.name.trim();
      const clientId = input.clientId.trim();
      if (!name) throw new AppError('bad-request', 'Give the profile a name.', 'name');
      const region = regionDomain(input.region);
      if (!clientId)
        throw new AppError('bad-request', 'The OAuth client id is required.', 'clientId');
      const secret = input.secret?.trim();
      let saved: StoredProfile | undefined;
      await file.update((stored) => {
        const existing = input.id ? stored.profiles.find((p) => p.id === input.id) : undefined;
        if (input.id && !existing)
          throw new AppError('not-found', 'That profile no longer exists.');
        const moved = existing && (existing.region !== region || existing.clientId !== clientId);
        if (moved && existing.encryptedSecret !== null && !secret) {
          throw new AppError(
            'bad-request',
            'A new region or client id needs the client secret again: enter it, so the stored one never goes to another org.',
            'secret',
          );
        }
        saved = {
          id: existing?.id ?? newId(),
          name,
          region,
          clientId,
          encryptedSecret: secret
            ? encrypt({ region, clientId, secret })
            : (existing?.encryptedSecret ?? null),
        };
        const profile = saved;
        const profiles = existing
          ? stored.profiles.map((p) => (p.id === profile.id ? profile : p))
          : [...stored.profiles, profile];
        return { ...stored, profiles };
      });
      return view(saved!);
    },
    async remove(id) {
      const after = await file.update((stored) => ({
        profiles: stored.profiles.filter((p) => p.id !== id),
        activeId: stored.activeId === id ? null : stored.activeId,
      }));
      return after.profiles.map(view);
    },
    async activeId() {
      return (await file.read()).activeId;
    },
    async setActive(id) {
      await file.update((stored) => {
        if (id !== null && !stored.profiles.some((p) => p.id === id)) {
          throw new AppError('not-found', 'That profile no longer exists.');
        }
        return { ...stored, activeId: id };
      });
    },
    async credentialsFor(id) {
      const profile = (await file.read()).profiles.find((p) => p.id === id);
      if (!profile) throw new AppError('not-found', 'That profile no longer exists.');
      if (!profile.encryptedSecret) {
        throw new AppError('org-unavailable', `Profile ${profile.name} has no client secret yet.`);
      }
      if (!deps.cipher.isEncryptionAvailable()) {
        throw new AppError('unavailable', 'The operating system keychain is not available.');
      }
      // The file may have been edited by hand since: the region must still be a Genesys one.
      if (!Object.values(platformClient.PureCloudRegionHosts).includes(profile.region)) {
        throw new AppError(
          'org-unavailable',
          `Profile ${profile.name} names region "${profile.region}": choose a listed region and enter the secret again in Settings.`,
        );
      }
      return {
        profileId: profile.id,
        name: profile.name,
        region: profile.region,
        clientId: profile.clientId,
        clientSecret: unseal({ ...profile, encryptedSecret: profile.encryptedSecret }),
      };
    },
  };
}
