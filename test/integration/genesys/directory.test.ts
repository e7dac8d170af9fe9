import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseDirectorySnapshot } from '../../../shared/directory/snapshot';
import { ManualClock } from '../../../electron/genesys/clock';
import { fetchOrgSnapshot } from '../../../electron/genesys/directory/fetch-snapshot';
import { liveDirectory } from '../../../electron/genesys/directory/org-directory';
import { runSnapshot } from '../../../electron/cli/commands/snapshot';
import { runCli } from '../../../electron/cli/main';
import { openOrg } from '../../../electron/cli/org';
import { UsageError } from '../../../electron/cli/errors';
import { startHarness, type Harness } from './helpers';

const NOW = new ManualClock(Date.parse('2026-11-23T09:00:00Z'));

describe('the directory of a live org', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('reads a valid snapshot with paged bulk calls, creation dates from the audit log and no secrets', async () => {
    const progress: string[] = [];
    const snapshot = await fetchOrgSnapshot(h.api, {
      orgName: 'test-org',
      licenseTotal: 10,
      clock: NOW,
      onProgress: (p) => progress.push(p.phase),
    });
    expect(parseDirectorySnapshot(JSON.stringify(snapshot), 'snapshot.json').users).toHaveLength(2);
    expect(snapshot.licenses).toEqual({ total: 10, assigned: 1 });
    expect(snapshot.roles).toEqual(['employee', 'Agent_Tier1', 'Quality Evaluator']);
    const sam = snapshot.users.find((u) => u.email === 'sam.lead@acme.example')!;
    expect(sam).toMatchObject({
      employeeId: 'EMP-1',
      department: 'Tech_Support',
      division: 'Home',
      roles: ['employee', 'Quality Evaluator'],
      skills: [{ name: 'Customer_Service', proficiency: 3 }],
      webRtcPhone: true,
      defaultStation: true,
      utilization: null,
      createdAt: '2026-11-20T08:00:00.000Z',
    });
    expect(snapshot.users.find((u) => u.email === 'gone@acme.example')?.state).toBe('deleted');
    expect(JSON.stringify(snapshot)).not.toContain(h.org.clientSecret);
    expect(progress).toContain('users');
    // users: one listing page, not one call per user
    expect(h.org.requests.filter((r) => r.operation === 'users.list')).toHaveLength(1);
    expect(h.org.requests.find((r) => r.operation === 'users.list')?.query).toContain(
      'expand=skills,locations,authorization,employerInfo,station',
    );
  });

  it('answers lookups case-insensitively and caches a user state until it is invalidated', async () => {
    const directory = liveDirectory(h.api, {
      source: 'org test-org',
      clock: NOW,
      utilization: false,
    });
    expect((await directory.userByEmail('SAM.LEAD@ACME.EXAMPLE'))?.id).toBe('u-sam');
    expect((await directory.userByEmployeeId('emp-1'))?.id).toBe('u-sam');
    expect(await directory.roles()).toContain('Quality Evaluator');
    const before = await directory.userState('u-sam');
    expect(before?.skills).toEqual([{ name: 'Customer_Service', proficiency: 3 }]);

    const skill = (await h.api.skillsNamed('Order'))[0]!;
    await h.api.addSkills('u-sam', [{ id: skill.id, proficiency: 2 }]);
    expect((await directory.userState('u-sam'))?.skills).toHaveLength(1); // cached
    directory.invalidate('u-sam');
    expect((await directory.userState('u-sam'))?.skills).toHaveLength(2);

    const listings = () => h.org.requests.filter((r) => r.operation === 'users.list').length;
    const read = listings();
    await directory.view();
    expect(listings()).toBe(read); // the view is cached
    directory.invalidate();
    await directory.view();
    expect(listings()).toBe(read + 1);
  });
});

describe('opening an org from the CLI options', () => {
  it('names the missing environment variables', async () => {
    const error = await openOrg({ org: true, env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION/,
    );
  });

  it('rejects an unknown region and a malformed --api-base', async () => {
    const env = { GENESYSCLOUD_OAUTHCLIENT_ID: 'id', GENESYSCLOUD_OAUTHCLIENT_SECRET: 's' };
    await expect(
      openOrg({ org: true, env: { ...env, GENESYSCLOUD_REGION: 'mars' } }),
    ).rejects.toThrow(/unknown Genesys Cloud region "mars"/);
    await expect(openOrg({ org: true, apiBase: 'ftp://x', env })).rejects.toThrow(
      /^--api-base: the API base "ftp:\/\/x" must use http or https/,
    );
    await expect(
      openOrg({ org: true, env: { ...env, GENESYSCLOUD_API_BASE: 'ftp://x' } }),
    ).rejects.toThrow(/^GENESYSCLOUD_API_BASE: the API base/);
  });

  it('connects --org with --api-base to a fake org, and reports refused credentials as a usage error', async () => {
    const h = await startHarness();
    try {
      const env = {
        GENESYSCLOUD_OAUTHCLIENT_ID: h.org.clientId,
        GENESYSCLOUD_OAUTHCLIENT_SECRET: h.org.clientSecret,
      };
      const org = await openOrg({ org: true, apiBase: h.org.url, env });
      expect((await org.api.user('u-sam', []))?.name).toBe('Sam Lead');
      await org.close();
      const refused = await openOrg({
        org: true,
        apiBase: h.org.url,
        env: { ...env, GENESYSCLOUD_OAUTHCLIENT_SECRET: 'x' },
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(UsageError);
      expect((refused as Error).message).toMatch(
        /cannot connect to the org: .*401.*\(GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION\)$/,
      );
    } finally {
      await h.stop();
    }
  });
});

describe('jit-doctor snapshot --demo', () => {
  it("writes a valid snapshot of the demo org, with this morning's stuck agents", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jit-doctor-snapshot-'));
    try {
      const out = join(dir, 'demo.json');
      const lines: string[] = [];
      const code = await runSnapshot(
        { demo: true, out },
        { writeStdout: () => undefined, log: (l) => lines.push(l) },
      );
      expect(code).toBe(0);
      const snapshot = parseDirectorySnapshot(readFileSync(out, 'utf8'), 'demo.json');
      expect(snapshot.org?.name).toBe('acme-contact');
      expect(snapshot.users.length).toBeGreaterThanOrEqual(190);
      expect(snapshot.licenses!.total! - snapshot.licenses!.assigned!).toBe(3);
      const hourAgo = Date.now() - 3_600_000;
      const recent = snapshot.users.filter((u) => u.createdAt && Date.parse(u.createdAt) > hourAgo);
      expect(
        recent.filter((u) => !u.webRtcPhone || !u.defaultStation || (u.skills ?? []).length === 0)
          .length,
      ).toBeGreaterThanOrEqual(4);
      expect(lines.join('\n')).toMatch(/wrote \d+ users of the demo org acme-contact/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('jit-doctor snapshot on the command line', () => {
  it('is registered, writes the file and exits 0; without --org or --demo it explains and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jit-doctor-snapshot-'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const out = join(dir, 'demo.json');
      expect(await runCli(['snapshot', '--demo', '--out', out])).toBe(0);
      expect(parseDirectorySnapshot(readFileSync(out, 'utf8'), 'demo.json').org?.name).toBe(
        'acme-contact',
      );
      process.exitCode = undefined;
      expect(await runCli(['snapshot'])).toBe(2);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(
        /choose exactly one of --org \(a live org\) or --demo/,
      );
    } finally {
      stderr.mockRestore();
      process.exitCode = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
