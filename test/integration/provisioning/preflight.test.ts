/**
 * The permission preflight: `jit-doctor org check` against the demo org (every permission held)
 * and a fake org whose OAuth client lacks one, reached over the real SDK through --api-base.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runOrgCheck } from '../../../electron/cli/commands/org';
import { DEMO_CONFIG_PATH, demoOrgSeed } from '../../../electron/genesys/fake-org/demo';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { OPERATIONS } from '../../../electron/genesys/operations';
import { checkPermissions, operationsFor } from '../../../electron/genesys/preflight';

let org: FakeOrg | undefined;
afterEach(async () => {
  await org?.stop();
  org = undefined;
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: {} },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

const everyPermission = [
  ...new Set(Object.values(OPERATIONS).flatMap((spec) => [...spec.permissions.names])),
];

describe('jit-doctor org check', () => {
  it('prints every permission the demo rules need as present and exits 0', async () => {
    const run = capture();
    const code = await runOrgCheck({ demo: true }, run.io);
    expect(run.err()).toBe('');
    expect(code).toBe(0);
    expect(run.out()).toMatch(/routing:skill:assign\s+present\s+routing\.userSkills\.bulkPatch/);
    expect(run.out()).toMatch(/telephony:plugin:all\s+present/);
    expect(run.out()).not.toMatch(/MISSING/);
  });

  it('names a missing permission and exits 1', async () => {
    org = await startFakeOrg({
      seed: demoOrgSeed(),
      permissions: everyPermission.filter((p) => p !== 'routing:skill:assign'),
    });
    const run = capture();
    run.io.env = {
      GENESYSCLOUD_OAUTHCLIENT_ID: org.clientId,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: org.clientSecret,
    } as never;
    const code = await runOrgCheck(
      { org: true, apiBase: org.url, config: DEMO_CONFIG_PATH },
      run.io,
    );
    expect(code).toBe(1);
    expect(run.out()).toMatch(/routing:skill:assign\s+MISSING\s+routing\.userSkills\.bulkPatch/);
    expect(run.err()).toMatch(/lacks routing:skill:assign/);
    // nothing was written
    expect(org.requests.filter((r) => r.method !== 'GET' && r.path !== '/oauth/token')).toEqual([]);
  });
});

describe('the operations and permissions rules need', () => {
  it('asks only for what the rules use, and accepts either permission of an any-of operation', () => {
    const ops = operationsFor({ rules: [{ when: {}, utilization: { call: 1 } }] });
    expect(ops).toContain('routing.utilization.put');
    expect(ops).not.toContain('telephony.phones.create');
    const report = checkPermissions(
      ['users.defaultStation.put', 'routing.utilization.get'],
      new Set(['telephony:phone:assign', 'routing:utilization:*']),
    );
    expect(report.missing).toEqual([]);
    expect(report.checks.map((c) => c.permission)).toEqual([
      'routing:utilization:manage',
      'telephony:phone:assign',
    ]);
  });
});
