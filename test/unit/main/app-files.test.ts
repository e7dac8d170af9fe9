import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../electron/main/app-services';
import { PRODUCT } from '../../../electron/main/collaborators';
import { createDispatch } from '../../../electron/main/dispatch';
import { jsonFile } from '../../../electron/main/json-file';
import type { OrgConnection, OrgConnector } from '../../../electron/main/ports';
import type { Result } from '../../../shared/ipc';
import { ManualClock } from '../../../electron/genesys/clock';

const APP = 'file:///app/index.html';
const SECRET = 'the-real-client-secret';

/** Reversible, and visibly not the plain text. */
const cipher = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(text.split('').reverse().join('')),
  decryptString: (data: Buffer) => data.toString().split('').reverse().join(''),
};

/** Records every live connection asked for (and the secret it was given); opens none. */
function recordingConnector() {
  const live: { region: string; clientId: string; clientSecret: string }[] = [];
  const demo = { kind: 'demo', name: 'Demo org', region: 'mypurecloud.com' } as OrgConnection;
  const connector: OrgConnector = {
    demo: async () => ({ ...demo, close: async () => {} }),
    live: async ({ region, clientId, clientSecret }) => {
      live.push({ region, clientId, clientSecret });
      throw new Error('offline in this test');
    },
  };
  return { connector, live };
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jd-app-files-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function app(connector: OrgConnector) {
  const notices: string[] = [];
  const logged: string[] = [];
  const services = createAppServices({
    fs,
    folder,
    cipher,
    clock: new ManualClock(Date.parse('2026-12-03T10:00:00Z')),
    newId: () => 'p1',
    ...PRODUCT,
    connector,
    dialogs: { openText: async () => null, saveText: async () => null },
    capture: null,
    emit: (event, payload) => {
      if (event === 'notice') notices.push((payload as { message: string }).message);
    },
    log: (line) => logged.push(line),
  });
  const dispatch = createDispatch(services.handlers, (url) => url === APP);
  const ipc = async (method: string, payload: unknown = {}) =>
    (await dispatch(method, APP, payload)) as Result<unknown>;
  return { ipc, notices, logged, services };
}

describe('the stored secret, through the IPC handlers', () => {
  it('never reaches a host outside the SDK region list', async () => {
    const { connector, live } = recordingConnector();
    const { ipc, logged, services } = app(connector);
    const profile = { name: 'Acme', region: 'mypurecloud.ie', clientId: 'abc' };

    const saved = await ipc('saveOrgProfile', { ...profile, secret: SECRET });
    expect(saved).toMatchObject({ ok: true });
    const id = saved.ok ? (saved.value as { id: string }).id : '';
    // Moving the saved profile to another host without the secret is refused, naming the field.
    for (const region of ['x.mypurecloud.attacker.example', 'mypurecloud.de']) {
      const moved = await ipc('saveOrgProfile', { id, ...profile, region });
      expect(moved, region).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(
      await ipc('saveOrgProfile', { id, ...profile, clientId: 'attacker-client' }),
    ).toMatchObject({ ok: false, error: { path: 'secret' } });

    // Connecting uses the region the secret was entered for.
    await ipc('connectOrg', { profileId: id });
    expect(live).toEqual([{ region: 'mypurecloud.ie', clientId: 'abc', clientSecret: SECRET }]);

    // Edited on disk to point elsewhere: the secret is not decrypted, the status says why.
    const path = join(folder, 'org-profiles.json');
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace('mypurecloud.ie', 'x.mypurecloud.attacker.example'),
    );
    const status = await ipc('connectOrg', { profileId: id });
    expect(status).toMatchObject({ ok: true, value: { problem: /enter the secret again/ } });
    expect(live).toHaveLength(1);

    const everything = JSON.stringify([status, logged, await ipc('listOrgProfiles')]);
    expect(everything).not.toContain(SECRET);
    await services.org.close();
  });
});

describe('app files', () => {
  it('sets a truncated org-profiles.json aside, names it, and the demo org still works', async () => {
    const whole = JSON.stringify({
      profiles: [{ id: 'p9', name: 'Acme', region: 'mypurecloud.ie', clientId: 'abc' }],
      activeId: 'p9',
    });
    const truncated = whole.slice(0, 40);
    await writeFile(join(folder, 'org-profiles.json'), truncated);
    const { ipc, notices, services } = app(recordingConnector().connector);

    expect(await ipc('getOrgStatus')).toMatchObject({
      ok: true,
      value: { kind: 'demo', problem: null },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^org-profiles\.json was damaged \(.+\); it was set aside as /);
    const aside = (await readdir(folder)).filter((f) => f.startsWith('org-profiles.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(notices[0]).toContain(aside[0]);
    expect(await readFile(join(folder, aside[0]!), 'utf8')).toBe(truncated);

    // The app goes on: profiles can be listed and saved again, settings are untouched.
    expect(await ipc('listOrgProfiles')).toEqual({ ok: true, value: [] });
    expect(
      await ipc('saveOrgProfile', {
        name: 'Acme',
        region: 'mypurecloud.ie',
        clientId: 'abc',
        secret: 's',
      }),
    ).toMatchObject({ ok: true });
    expect(await ipc('getSettings')).toMatchObject({ ok: true });
    expect(notices).toHaveLength(1);
    await services.org.close();
  });

  it('names the file and keeps the old version when a save cannot be written', async () => {
    const file = jsonFile({ fs, folder }, 'settings.json', {
      parse: (v) => v as { n: number },
      fallback: () => ({ n: 0 }),
    });
    await file.write({ n: 1 });
    // A folder where the file's own folder should be: the write fails before touching the file.
    const blocked = jsonFile({ fs, folder: join(folder, 'settings.json') }, 'x.json', {
      parse: (v) => v,
      fallback: () => null,
    });
    await expect(blocked.write({})).rejects.toMatchObject({
      message: expect.stringMatching(
        /^Cannot save .*x\.json: .+\. The previous version is unchanged\.$/,
      ),
    });
    expect(await file.read()).toEqual({ n: 1 });
    expect((await readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('loses none of ten overlapping changes to one file', async () => {
    const file = jsonFile({ fs, folder }, 'list.json', {
      parse: (v) => v as number[],
      fallback: () => [] as number[],
    });
    await Promise.all(Array.from({ length: 10 }, (_, i) => file.update((list) => [...list, i])));
    expect([...(await file.read())].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
