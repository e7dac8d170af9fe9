import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import platformClient from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrgProfiles, type SecretCipher } from '../../../electron/main/org-profiles';
import { createSettingsStore } from '../../../electron/main/settings-store';
import { REGION_DOMAINS } from '../../../shared/saml/regions';

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

  it('keeps the stored secret when an edit leaves it empty and keeps region and client id', async () => {
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher(), newId: () => 'p1' });
    await profiles.save({ name: 'Acme', region: 'mypurecloud.ie', clientId: 'abc', secret: 'one' });
    await profiles.save({
      id: 'p1',
      name: 'Acme EU',
      region: 'https://login.mypurecloud.ie/',
      clientId: 'abc',
      secret: '',
    });
    expect(await profiles.credentialsFor('p1')).toMatchObject({
      name: 'Acme EU',
      region: 'mypurecloud.ie',
      clientSecret: 'one',
    });
  });

  it('asks for the secret again when the region or the client id changes', async () => {
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher(), newId: () => 'p1' });
    await profiles.save({ name: 'Acme', region: 'mypurecloud.ie', clientId: 'abc', secret: 'one' });
    for (const change of [{ region: 'mypurecloud.de' }, { clientId: 'other-client' }]) {
      await expect(
        profiles.save({
          id: 'p1',
          name: 'Acme',
          region: 'mypurecloud.ie',
          clientId: 'abc',
          ...change,
        }),
      ).rejects.toMatchObject({ code: 'bad-request', path: 'secret', message: /secret again/ });
    }
    expect(await profiles.credentialsFor('p1')).toMatchObject({
      region: 'mypurecloud.ie',
      clientId: 'abc',
      clientSecret: 'one',
    });
    await profiles.save({
      id: 'p1',
      name: 'Acme',
      region: 'eu_central_1',
      clientId: 'abc',
      secret: 'two',
    });
    expect(await profiles.credentialsFor('p1')).toMatchObject({
      region: 'mypurecloud.de',
      clientSecret: 'two',
    });
  });

  it('accepts only the regions of the SDK list, as domains or region keys', async () => {
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher(), newId: () => 'p1' });
    for (const region of ['x.mypurecloud.attacker.example', 'evil.pure.cloud', 'example.com']) {
      await expect(
        profiles.save({ name: 'Acme', region, clientId: 'abc', secret: 's' }),
      ).rejects.toMatchObject({ code: 'bad-request', path: 'region' });
    }
    expect(await profiles.list()).toEqual([]);
    const saved = await profiles.save({
      name: 'Acme',
      region: 'us-west-2',
      clientId: 'a',
      secret: 's',
    });
    expect(saved.region).toBe('usw2.pure.cloud');
  });

  it('does not decrypt a secret whose profile was moved to another host on disk', async () => {
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher(), newId: () => 'p1' });
    await profiles.save({ name: 'Acme', region: 'mypurecloud.ie', clientId: 'abc', secret: 'one' });
    const path = join(folder, 'org-profiles.json');
    const original = await readFile(path, 'utf8');
    for (const region of ['x.mypurecloud.attacker.example', 'mypurecloud.de']) {
      await writeFile(path, original.replace('"mypurecloud.ie"', JSON.stringify(region)));
      const failure = await profiles.credentialsFor('p1').then(
        () => null,
        (error: unknown) => error as Error,
      );
      expect(failure?.message, region).toMatch(/enter the secret again/);
      expect(failure?.message).not.toContain('one');
    }
  });

  it('loses none of ten profiles saved at the same time', async () => {
    let n = 0;
    const profiles = createOrgProfiles({ fs, folder, cipher: cipher(), newId: () => `p${++n}` });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        profiles.save({
          name: `Org ${i}`,
          region: 'mypurecloud.ie',
          clientId: `c${i}`,
          secret: 's',
        }),
      ),
    );
    expect((await profiles.list()).map((p) => p.name).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `Org ${i}`).sort(),
    );
    expect((await readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
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

describe('region list', () => {
  it("is the SDK's PureCloudRegionHosts, key for key", () => {
    expect(REGION_DOMAINS).toEqual(platformClient.PureCloudRegionHosts);
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

  it('keeps every one of overlapping changes', async () => {
    const store = createSettingsStore({ fs, folder });
    await Promise.all([
      store.update({ theme: 'dark' }),
      store.update({ rateLimitPerMinute: 120 }),
      store.update({ clockSkewSeconds: 30 }),
    ]);
    expect(await createSettingsStore({ fs, folder }).get()).toEqual({
      rateLimitPerMinute: 120,
      clockSkewSeconds: 30,
      theme: 'dark',
    });
  });
});
