import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allPages } from '../../../electron/genesys/api/index';
import { connectGenesys } from '../../../electron/genesys/connection';
import { GenesysApiError } from '../../../electron/genesys/errors';
import { calls, failureOf, startHarness, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ stationDelayMs: 200, timeScale: 1 });
});
afterEach(async () => {
  await h.stop();
});

async function homeId() {
  return (await h.api.authorization.homeDivision()).id!;
}

describe('users through the real SDK', () => {
  it('creates a user, then sets employee ID, manager and location with the returned version', async () => {
    const user = await h.api.users.create({
      name: 'Jane Doe',
      email: 'jane.doe@acme.example',
      divisionId: await homeId(),
    });
    expect(user.version).toBe(1);
    const location = (
      await h.api.org.searchLocations({
        query: [{ type: 'EXACT', fields: ['name'], value: 'Dublin' }],
      })
    ).results[0]!;
    const patched = await h.api.users.patch(user.id!, {
      version: user.version,
      manager: 'u-sam',
      employerInfo: { employeeId: 'EMP-2' },
      locations: [{ locationDefinition: { id: location.id } }],
    });
    expect(patched.version).toBe(2);
    const read = await h.api.users.get(user.id!, { expand: ['employerInfo', 'locations'] });
    expect(read.employerInfo?.employeeId).toBe('EMP-2');
    expect(read.manager?.id).toBe('u-sam');
    expect(read.locations?.[0]?.locationDefinition?.id).toBe(location.id);
    const sent = h.org.requests.find((r) => r.method === 'POST' && r.path === '/api/v2/users');
    expect(sent?.body).toEqual({
      name: 'Jane Doe',
      email: 'jane.doe@acme.example',
      divisionId: expect.any(String),
    });
    expect(calls(h.org)).toContain(`GET /api/v2/users/${user.id}?expand=employerInfo,locations`);
  });

  it('answers 409 general.conflict for a duplicate email, also one held by a deleted user', async () => {
    for (const email of ['SAM.LEAD@acme.example', 'gone@acme.example']) {
      const error = await h.api.users
        .create({ name: 'X', email, divisionId: await homeId() })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GenesysApiError);
      expect((error as GenesysApiError).status).toBe(409);
      expect((error as GenesysApiError).code).toBe('general.conflict');
      expect((error as GenesysApiError).message).toMatch(/users.create: conflict .*already exists/);
    }
    expect(h.org.state.users.size).toBe(2);
  });

  it('answers 409 for a duplicate employee ID and for a stale version', async () => {
    const user = await h.api.users.create({
      name: 'Jo',
      email: 'jo@acme.example',
      divisionId: await homeId(),
    });
    const duplicate = await failureOf(
      h.api.users.patch(user.id!, { version: 1, employerInfo: { employeeId: 'emp-1' } }),
    );
    expect(duplicate.status).toBe(409);
    await h.api.users.patch(user.id!, { version: 1, department: 'Sales' });
    const stale = await failureOf(
      h.api.users.patch(user.id!, { version: 1, department: 'Support' }),
    );
    expect(stale.status).toBe(409);
    expect(stale.serverMessage).toMatch(/does not match the current version/);
  });

  it('update() re-reads the version when another writer got in between', async () => {
    const [a, b] = await Promise.all([
      h.api.users.update('u-sam', { department: 'Billing' }),
      h.api.users.update('u-sam', { title: 'Team Lead' }),
    ]);
    expect(Math.max(a.version, b.version)).toBe(3);
    const sam = h.org.state.users.get('u-sam')!;
    expect([sam.department, sam.title]).toEqual(['Billing', 'Team Lead']);
    expect(
      h.org.requests.filter((r) => r.operation === 'users.patch').map((r) => r.status),
    ).toEqual([200, 409, 200]);
  });

  it('update() reports a conflict that is not about the version at once', async () => {
    const user = await h.api.users.create({
      name: 'Jo',
      email: 'jo2@acme.example',
      divisionId: await homeId(),
    });
    const error = await failureOf(
      h.api.users.update(user.id!, { employerInfo: { employeeId: 'EMP-1' } }),
    );
    expect(error.status).toBe(409);
    expect(h.org.requests.filter((r) => r.operation === 'users.patch')).toHaveLength(1);
  });

  it('lists every page with expand and searches by email case-insensitively', async () => {
    for (let i = 0; i < 30; i += 1)
      await h.api.users.create({
        name: `Agent ${i}`,
        email: `agent${i}@acme.example`,
        divisionId: await homeId(),
      });
    const users = await allPages((pageNumber) =>
      h.api.users.list({ pageSize: 10, pageNumber, expand: ['skills', 'authorization'] }),
    );
    expect(users).toHaveLength(31); // active only: the deleted user is left out
    expect(calls(h.org)).toContain(
      'GET /api/v2/users?pageSize=10&pageNumber=4&expand=skills,authorization',
    );
    const found = await h.api.users.findByEmail('AGENT7@ACME.EXAMPLE');
    expect(found?.name).toBe('Agent 7');
  });

  it('turns bad credentials into a message naming the environment variables', async () => {
    const error = await connectGenesys({
      apiBase: h.org.url,
      clientId: 'nope',
      clientSecret: 'wrong',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect((error as GenesysApiError).status).toBe(401);
    expect((error as GenesysApiError).message).toMatch(/GENESYSCLOUD_OAUTHCLIENT_ID/);
  });
});

describe('skills, roles, divisions, licenses, SSO and audits', () => {
  it('adds skills in bulk and reads them back', async () => {
    const skills = await h.api.routing.skills({ name: 'Order' });
    expect(skills.entities?.map((s) => s.name)).toEqual(['Order_Tracking']);
    await h.api.routing.patchUserSkills('u-sam', [
      { id: skills.entities![0]!.id!, proficiency: 1 },
    ]);
    const mine = await h.api.routing.userSkills('u-sam', { pageSize: 50 });
    expect(mine.entities?.map((s) => [s.name, s.proficiency])).toEqual([
      ['Customer_Service', 3],
      ['Order_Tracking', 1],
    ]);
    const sent = h.org.requests.find((r) => r.path === '/api/v2/users/u-sam/routingskills/bulk');
    expect(sent?.method).toBe('PATCH');
    expect(sent?.body).toEqual([{ id: skills.entities![0]!.id, proficiency: 1 }]);
  });

  it('grants, replaces and reads roles; moves a user to another division', async () => {
    const roles = await h.api.authorization.roles({ name: 'Agent_Tier1' });
    const partner = (await h.api.authorization.divisions({ name: 'Partner Division' }))
      .entities![0]!;
    await h.api.authorization.bulkAdd('u-sam', [
      { roleId: roles.entities![0]!.id!, divisionId: partner.id! },
    ]);
    expect((await h.api.authorization.userRoles('u-sam')).roles?.map((r) => r.name).sort()).toEqual(
      ['Agent_Tier1', 'Quality Evaluator', 'employee'],
    );
    await h.api.authorization.bulkReplace('u-sam', [
      { roleId: roles.entities![0]!.id!, divisionId: partner.id! },
    ]);
    const subject = await h.api.authorization.subject('u-sam');
    expect(subject.grants?.map((g) => `${g.role?.name}@${g.division?.name}`)).toEqual([
      'Agent_Tier1@Partner Division',
    ]);
    expect(calls(h.org)).toContain(
      'POST /api/v2/authorization/subjects/u-sam/bulkreplace?subjectType=PC_USER',
    );
    await h.api.authorization.moveUsers(partner.id!, ['u-sam']);
    expect((await h.api.users.get('u-sam')).division?.name).toBe('Partner Division');
  });

  it('counts licensed users and finds created users in the audit log', async () => {
    const licensed = await allPages((pageNumber) =>
      h.api.org.licensedUsers({ pageSize: 100, pageNumber }),
    );
    expect(licensed).toHaveLength(1);
    const audits = await h.api.org.auditQuery({
      interval: '2026-11-01T00:00:00Z/2026-12-01T00:00:00Z',
      serviceName: 'Directory',
      filters: [
        { property: 'Action', value: 'Create' },
        { property: 'EntityType', value: 'User' },
      ],
    });
    expect(audits.entities?.map((e) => [e.entity?.id, e.eventDate])).toEqual([
      ['u-sam', '2026-11-20T08:00:00.000Z'],
    ]);
  });
});

describe('WebRTC phone, station and utilization', () => {
  it('creates a phone whose station appears later, makes it the default and sets utilization', async () => {
    const user = await h.api.users.create({
      name: 'New Agent',
      email: 'new@acme.example',
      divisionId: await homeId(),
    });
    const site = (await h.api.telephony.sites({ name: 'Chicago' })).entities![0]!;
    const base = (await h.api.telephony.phoneBaseSettings({ name: 'WebRTC Phone' })).entities![0]!;
    const lineBase = base.lines[0]!.id!;
    await h.api.telephony.createPhone({
      name: 'New Agent WebRTC',
      site: { id: site.id },
      phoneBaseSettings: { id: base.id! },
      phoneMetaBase: { id: base.phoneMetaBase.id },
      lineBaseSettings: { id: lineBase },
      lines: [{ name: 'New Agent', lineBaseSettings: { id: lineBase } }],
      webRtcUser: { id: user.id },
    });
    expect((await h.api.telephony.stations({ webRtcUserId: user.id })).entities).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const station = (await h.api.telephony.stations({ webRtcUserId: user.id })).entities![0]!;
    expect(station.type).toBe('inin_webrtc_softphone');
    await h.api.telephony.putDefaultStation(user.id!, station.id!);
    expect((await h.api.telephony.userStation(user.id!)).defaultStation?.id).toBe(station.id);
    expect(calls(h.org)).toContain(`GET /api/v2/telephony/providers/edges/sites?name=Chicago`);

    expect((await h.api.routing.utilization(user.id!)).level).toBe('Organization');
    await h.api.routing.putUtilization(user.id!, {
      utilization: {
        call: { maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false },
      },
    });
    const utilization = await h.api.routing.utilization(user.id!);
    expect(utilization.level).toBe('Agent');
    expect(utilization.utilization?.call?.maximumCapacity).toBe(1);
  });
});
