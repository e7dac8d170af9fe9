/**
 * Settings → Check permissions: the app's org connection runs the `jit-doctor org check`
 * preflight for the org in use, and answers each permission the rules need, present or missing,
 * with what it is needed for. Nothing is written to the org.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { OPERATIONS } from '../../../electron/genesys/operations';
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

const everyPermission = [
  ...new Set(Object.values(OPERATIONS).flatMap((spec) => [...spec.permissions.names])),
];

async function connectWithout(missing: string[]): Promise<OrgConnection> {
  folder = mkdtempSync(join(tmpdir(), 'jd-permissions-'));
  org = await startFakeOrg({
    seed: stampedeSeed(2),
    rateLimit: false,
    permissions: everyPermission.filter((p) => !missing.includes(p)),
  });
  const connector = createOrgConnector({
    folder,
    clock: systemClock,
    testApiBase: org.url,
  });
  connection = await connector.live({
    region: 'mypurecloud.ie',
    clientId: org.clientId,
    clientSecret: org.clientSecret,
    name: 'Acme',
    rateLimitPerMinute: 6000,
  });
  return connection;
}

describe('checking the OAuth client permissions from the app', () => {
  it('names the missing permission with what needs it, and writes nothing', async () => {
    const live = await connectWithout(['telephony:plugin:all']);
    const report = await live.checkPermissions({ postJit: STAMPEDE_POST_JIT });
    expect(report.missing).toEqual(['telephony:plugin:all']);
    const telephony = report.checks.find((c) => c.permission === 'telephony:plugin:all')!;
    expect(telephony.present).toBe(false);
    expect(telephony.neededFor).toContainEqual({
      operation: 'telephony.phones.create',
      purpose: OPERATIONS['telephony.phones.create'].purpose,
    });
    expect(report.checks.find((c) => c.permission === 'routing:skill:assign')).toMatchObject({
      present: true,
      neededFor: [{ operation: 'routing.userSkills.bulkPatch' }],
    });
    // An operation the docs list without a permission is named too, with what it is for.
    expect(report.unlisted).toContainEqual({
      operation: 'stations.list',
      purpose: OPERATIONS['stations.list'].purpose,
    });
    // The rules grant no role: no role permission is asked for.
    expect(report.checks.map((c) => c.permission)).not.toContain('authorization:grant:add');
    expect(org!.requests.filter((r) => r.applied)).toEqual([]);
  });

  it('without post-JIT rules, checks what reading users needs', async () => {
    const live = await connectWithout([]);
    const report = await live.checkPermissions(null);
    expect(report.missing).toEqual([]);
    expect(report.checks.map((c) => c.permission)).toEqual([
      'audits:audit:view',
      'directory:user:view',
    ]);
  });
});
