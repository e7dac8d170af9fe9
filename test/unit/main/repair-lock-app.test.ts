/**
 * The app's repair takes the same lock as `jit-doctor repair`: while the CLI repairs an org with
 * a client, the app's repair of it is refused with the holder named, writes nothing, and runs once
 * the CLI is done; the lock is released after the app's run.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planFileSteps } from '../../../shared/provisioning/plan-file';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { acquireRepairLock } from '../../../electron/genesys/provisioning/lock';
import { createOrgConnector } from '../../../electron/main/org-connection';
import type { OrgConnection } from '../../../electron/main/ports';
import { STAMPEDE_POST_JIT, stampedeSeed } from '../../integration/provisioning/stampede-org';
import { systemClock } from '../../../electron/genesys/clock';

let org: FakeOrg | undefined;
let connection: OrgConnection | undefined;
let folder: string | undefined;
afterEach(async () => {
  await connection?.close();
  await org?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
  org = connection = folder = undefined;
});

describe('the app and the CLI share the repair lock', () => {
  it('refuses a repair while the CLI holds the org, then runs and releases it', async () => {
    folder = mkdtempSync(join(tmpdir(), 'jd-app-lock-'));
    // The hard org at 50 times speed: its stations appear within 1.2 s for the app's real-time wait.
    org = await startFakeOrg({
      seed: stampedeSeed(2),
      rebaseTo: Date.now(),
      rateLimit: false,
      timeScale: 0.02,
    });
    const locks = join(folder, 'locks');
    const connector = createOrgConnector({
      folder,
      clock: systemClock,
      locks,
      testApiBase: org.url,
    });
    connection = await connector.live({
      region: 'mypurecloud.ie',
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      name: 'Acme',
      rateLimitPerMinute: 6000,
    });
    const ids = [...org.state.users.keys()];
    const config = { postJit: STAMPEDE_POST_JIT };
    // The app applies the steps the person reviewed: here, every step planned now.
    const reviewed = new Map(
      (await connection.candidatesFor(ids, config)).map((c) => [c.user.id, planFileSteps(c.plan)]),
    );
    const options = {
      signal: new AbortController().signal,
      reviewed,
      onSteps: () => {},
      onResult: () => {},
    };

    const cli = acquireRepairLock({
      folder: locks,
      target: org.url,
      clientId: org.clientId,
      what: 'jit-doctor repair --stuck',
    });
    await expect(connection.repair(ids, config, options)).rejects.toMatchObject({
      code: 'busy',
      message: expect.stringMatching(
        /^another repair of http:\/\/127\.0\.0\.1:\d+ with client .+ is running: jit-doctor repair --stuck, pid \d+ on /,
      ),
    });
    expect(org.state.phones.size).toBe(0);

    cli.release();
    const results = await connection.repair(ids, config, options);
    expect(results.map((r) => r.outcome)).toEqual(['repaired', 'repaired']);
    expect(org.state.phones.size).toBe(2);
    expect(readdirSync(locks)).toEqual([]);
    expect(existsSync(cli.path)).toBe(false);
  });
});
