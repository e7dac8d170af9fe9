/**
 * Org profiles (region, OAuth client id, client secret). The secret is encrypted with the OS
 * keychain (Electron safeStorage) before it touches disk and only `credentialsFor` ever decrypts
 * it, for the adapter; the renderer sees `hasSecret` and nothing more.
 */
import { randomUUID } from 'node:crypto';
import type { SafeStorage } from 'electron';
import type { OrgProfileInput, OrgProfileView } from '../../shared/ipc';
import { AppError } from './app-error';
import { jsonFile, type FileSystem } from './json-file';

interface StoredProfile {
  id: string;
  name: string;
  region: string;
  clientId: string;
  /** base64 of safeStorage.encryptString(secret). */
  encryptedSecret: string | null;
}

interface StoredProfiles {
  profiles: StoredProfile[];
  /** The profile in use; null = the demo org. */
  activeId: string | null;
}

export interface OrgCredentials {
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

const REGION = /^[a-z0-9]+([.-][a-z0-9]+)*\.[a-z]{2,}$|^[a-z]{2,4}_[a-z]+_\d$/;

function readStored(value: unknown): StoredProfiles {
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

export function createOrgProfiles(deps: {
  fs: FileSystem;
  folder: string;
  cipher: SecretCipher;
  newId?: () => string;
}): OrgProfiles {
  const file = jsonFile(deps.fs, deps.folder, 'org-profiles.json', readStored, () => ({
    profiles: [],
    activeId: null,
  }));
  const newId = deps.newId ?? randomUUID;

  const encrypt = (secret: string): string => {
    if (!deps.cipher.isEncryptionAvailable()) {
      throw new AppError(
        'unavailable',
        'The operating system keychain is not available, so the client secret cannot be stored safely.',
      );
    }
    return deps.cipher.encryptString(secret).toString('base64');
  };

  return {
    async list() {
      return (await file.read()).profiles.map(view);
    },
    async save(input) {
      const name = input.name.trim();
      const region = input.region.trim().toLowerCase();
      const clientId = input.clientId.trim();
      if (!name) throw new AppError('bad-request', 'Give the profile a name.', 'name');
      if (!REGION.test(region)) {
        throw new AppError(
          'bad-request',
          `"${input.region}" is not a Genesys Cloud region (for example mypurecloud.ie or usw2.pure.cloud).`,
          'region',
        );
      }
      if (!clientId)
        throw new AppError('bad-request', 'The OAuth client id is required.', 'clientId');
      const stored = await file.read();
      const existing = input.id ? stored.profiles.find((p) => p.id === input.id) : undefined;
      if (input.id && !existing) throw new AppError('not-found', 'That profile no longer exists.');
      const secret = input.secret?.trim();
      const profile: StoredProfile = {
        id: existing?.id ?? newId(),
        name,
        region,
        clientId,
        encryptedSecret: secret ? encrypt(secret) : (existing?.encryptedSecret ?? null),
      };
      const profiles = existing
        ? stored.profiles.map((p) => (p.id === profile.id ? profile : p))
        : [...stored.profiles, profile];
      await file.write({ ...stored, profiles });
      return view(profile);
    },
    async remove(id) {
      const stored = await file.read();
      const profiles = stored.profiles.filter((p) => p.id !== id);
      await file.write({ profiles, activeId: stored.activeId === id ? null : stored.activeId });
      return profiles.map(view);
    },
    async activeId() {
      return (await file.read()).activeId;
    },
    async setActive(id) {
      const stored = await file.read();
      if (id !== null && !stored.profiles.some((p) => p.id === id)) {
        throw new AppError('not-found', 'That profile no longer exists.');
      }
      await file.write({ ...stored, activeId: id });
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
      return {
        profileId: profile.id,
        name: profile.name,
        region: profile.region,
        clientId: profile.clientId,
        clientSecret: deps.cipher.decryptString(Buffer.from(profile.encryptedSecret, 'base64')),
      };
    },
  };
}
