import * as fs from 'node:fs/promises';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrgProfiles, type SecretCipher } from '../../../electron/main/org-profiles';
import { createSettingsStore } from '../../../electron/main/settings-store';

/** Stands in for safeStorage: reversible, and visibly not the plain text. */
const cipher = (available = true): SecretCipher => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from(text.split('').reverse().join('')),
  decryptString: (data) => data.toString().split('').reverse().join(''),
});

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jd-profiles-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('org profiles', () => {
  it('stores the client secret encrypted and never returns it', async () => {
    let n = 0;
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher(), newId: () => `p${++n}` });
    const saved = await profiles.save({
      name: 'Acme',
      region: 'mypurecloud.ie',
      clientId: 'abc',
      secret: 'top-secret',
    });
    expect(saved).toEqual({
      id: 'p1',
      name: 'Acme',
      region: 'mypurecloud.ie',
      clientId: 'abc',
      hasSecret: true,
    });
    expect(JSON.stringify(await profiles.list())).not.toContain('top-secret');
    const onDisk = await readFile(join(folder, 'org-profiles.json'), 'utf8');
    expect(onDisk).not.toContain('top-secret');
    expect((await profiles.credentialsFor('p1')).clientSecret).toBe('top-secret');
  });

  it('keeps the stored secret when an edit leaves it empty', async () => {
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher(), newId: () => 'p1' });
    await profiles.save({ name: 'Acme', region: 'mypurecloud.ie', clientId: 'abc', secret: 'one' });
    await profiles.save({
      id: 'p1',
      name: 'Acme EU',
      region: 'mypurecloud.de',
      clientId: 'abc',
      secret: '',
    });
    const credentials = await profiles.credentialsFor('p1');
    expect(credentials).toMatchObject({
      name: 'Acme EU',
      region: 'mypurecloud.de',
      clientSecret: 'one',
    });
  });

  it('refuses to store a secret when the OS keychain is unavailable, rather than keep it in clear', async () => {
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher(false) });
    await expect(
      profiles.save({ name: 'Acme', region: 'mypurecloud.ie', clientId: 'abc', secret: 's' }),
    ).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('names the bad field for a region that is not a Genesys Cloud domain', async () => {
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher() });
    await expect(
      profiles.save({ name: 'Acme', region: 'not a region', clientId: 'abc' }),
    ).rejects.toMatchObject({ code: 'bad-request', path: 'region' });
  });

  it('forgets the active profile when it is deleted (back to the demo org)', async () => {
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher(), newId: () => 'p1' });
    await profiles.save({ name: 'Acme', region: 'mypurecloud.ie', clientId: 'abc', secret: 's' });
    await profiles.setActive('p1');
    expect(await profiles.activeId()).toBe('p1');
    expect(await profiles.remove('p1')).toEqual([]);
    expect(await profiles.activeId()).toBeNull();
  });
});

describe('settings', () => {
  it('start from the defaults and keep valid changes across restarts', async () => {
    const store = createSettingsStore({ fs, folder });
    expect(await store.get()).toEqual({
      rateLimitPerMinute: 300,
      clockSkewSeconds: 10,
      theme: 'system',
    });
    await store.update({ theme: 'dark', rateLimitPerMinute: 600 });
    const reopened = createSettingsStore({ fs, folder });
    expect(await reopened.get()).toEqual({
      rateLimitPerMinute: 600,
      clockSkewSeconds: 10,
      theme: 'dark',
    });
  });
});
