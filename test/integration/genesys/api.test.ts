import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allPages } from '../../../electron/genesys/adapter';
import { connectGenesys } from '../../../electron/genesys/connection';
import { GenesysApiError } from '../../../electron/genesys/errors';
import { GENTLE_FAKE_ORG } from '../../../electron/genesys/fake-org/hardness';
import { createJitUser } from '../../../electron/genesys/fake-org/routes-users';
import { calls, failureOf, startHarness, webRtcPhoneFor, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  // The adapter's calls one by one: an org that answers at once and in full, stations after 0.2 s;
  // the client's own waits scaled down (a user id asked again for 7.5 s before it means "no such
  // user" takes 75 ms).
  h = await startHarness(
    { hardness: { ...GENTLE_FAKE_ORG, stationDelayMs: 200 }, timeScale: 1 },
    { scheduler: { timeScale: 0.01 } },
  );
});
afterEach(async () => {
  await h.stop();
});

const NO_EXPAND = { roles: false, locations: false };

function jitUser(name: string, email: string) {
  const home = [...h.org.state.divisions.values()].find((d) => d.name === 'Home')!;
  return createJitUser(h.org.state, { name, email, divisionId: home.id });
}

describe('users through the real SDK', () => {
  it('reads users by id with the expansions the rules need, and finds one by email', async () => {
    const [sam] = await h.api.usersByIds(['u-sam'], { roles: true, locations: false });
    expect(sam).toMatchObject({
      id: 'u-sam',
      roles: ['employee', 'Quality Evaluator'],
      skills: [{ name: 'Customer_Service', proficiency: 3 }],
    });
    expect(calls(h.org)).toContain(
      'GET /api/v2/users?pageSize=100&id=u-sam&expand=skills,station,authorization&state=any',
    );
    expect((await h.api.findUser('SAM.LEAD@acme.example', NO_EXPAND))?.id).toBe('u-sam');
    expect(await h.api.findUser('nobody@acme.example', NO_EXPAND)).toBeNull();
    expect(await h.api.findUser('u-nobody', NO_EXPAND)).toBeNull();
  });

  it('lists every page of users for a snapshot, the deleted user too', async () => {
    for (let i = 0; i < 130; i += 1) jitUser(`Agent ${i}`, `agent${i}@acme.example`);
    const users = await allPages((pageNumber) => h.api.usersListing(pageNumber, ['skills']));
    expect(users).toHaveLength(132);
    expect(h.org.requests.filter((r) => r.operation === 'users.list')).toHaveLength(2);
  });

  it('turns bad credentials into a message saying what to check, in words for the CLI and the app alike', async () => {
    const error = await connectGenesys({
      apiBase: h.org.url,
      clientId: 'nope',
      clientSecret: 'wrong',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect((error as GenesysApiError).status).toBe(401);
    // The CLI adds its environment variables (test/integration/genesys/directory.test.ts).
    expect((error as GenesysApiError).message).toMatch(
      /Check the OAuth client's ID, secret and region/,
    );
    expect((error as GenesysApiError).message).not.toMatch(/GENESYSCLOUD_/);
  });
});

describe('skills, roles, divisions, licenses, SSO and audits', () => {
  it('adds skills in bulk', async () => {
    const skills = await h.api.skillsNamed('Order');
    expect(skills.map((s) => s.name)).toEqual(['Order_Tracking']);
    await h.api.addSkills('u-sam', [{ id: skills[0]!.id, proficiency: 1 }]);
    const [sam] = await h.api.usersByIds(['u-sam'], NO_EXPAND);
    expect(sam!.skills.map((s) => [s.name, s.proficiency])).toEqual([
      ['Customer_Service', 3],
      ['Order_Tracking', 1],
    ]);
    const sent = h.org.requests.find((r) => r.path === '/api/v2/users/u-sam/routingskills/bulk');
    expect(sent?.method).toBe('PATCH');
    expect(sent?.body).toEqual([{ id: skills[0]!.id, proficiency: 1 }]);
  });

  it('grants a role in a division and moves a user to another division', async () => {
    const role = (await h.api.rolesNamed('Agent_Tier1'))[0]!;
    const partner = (await h.api.divisionsNamed('Partner Division'))[0]!;
    await h.api.grantRoles('u-sam', [role.id], partner.id);
    const [sam] = await h.api.usersByIds(['u-sam'], { roles: true, locations: false });
    expect([...sam!.roles!].sort()).toEqual(['Agent_Tier1', 'Quality Evaluator', 'employee']);
    await h.api.moveUsersToDivision(partner.id, ['u-sam']);
    expect((await h.api.user('u-sam', []))?.division?.name).toBe('Partner Division');
    expect(calls(h.org)).toContain(
      `POST /api/v2/authorization/divisions/${partner.id}/objects/USER`,
    );
  });

  it('grants one role in one division to many users in one call', async () => {
    const role = (await h.api.rolesNamed('Agent_Tier1'))[0]!;
    const partner = (await h.api.divisionsNamed('Partner Division'))[0]!;
    const before = h.org.requests.length;
    await h.api.grantRoleToUsers(role.id, partner.id, ['u-sam']);
    const sent = h.org.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}${r.query}`)).toEqual([
      `POST /api/v2/authorization/roles/${role.id}?subjectType=PC_USER`,
    ]);
    expect(sent[0]!.body).toEqual({ subjectIds: ['u-sam'], divisionIds: [partner.id] });
    const grants = h.org.state.user('u-sam').grants;
    expect(grants).toContainEqual({ roleId: role.id, divisionId: partner.id });
    await expect(h.api.grantRoleToUsers(role.id, partner.id, [])).rejects.toThrow(RangeError);
  });

  it('counts licensed users and finds created users in the audit log', async () => {
    const licensed = await allPages((pageNumber) => h.api.licensedUsersListing(pageNumber));
    expect(licensed).toHaveLength(1);
    const created = await h.api.usersCreatedBetween(
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(created).toEqual([{ userId: 'u-sam', at: '2026-11-20T08:00:00.000Z' }]);
  });
});

describe('WebRTC phone, station and utilization', () => {
  it('creates a phone whose station appears later, makes it the default and sets utilization', async () => {
    const user = jitUser('New Agent', 'new@acme.example');
    const wanted = await webRtcPhoneFor(h.api, user.id, 'New Agent WebRTC');
    await h.api.createWebRtcPhone(wanted, async () => undefined);
    expect(await h.api.stationsOfUser(user.id)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const station = (await h.api.stationsOfUser(user.id))[0]!;
    expect(station.type).toBe('inin_webrtc_softphone');
    await h.api.setDefaultStation(user.id, station.id);
    const [read] = await h.api.usersByIds([user.id], NO_EXPAND);
    expect(read!.defaultStation?.id).toBe(station.id);
    expect(calls(h.org)).toContain(
      `GET /api/v2/telephony/providers/edges/sites?pageSize=100&name=Chicago`,
    );

    expect(await h.api.utilizationOf(user.id)).toBeNull();
    await h.api.setUtilization(user.id, { call: 1 });
    expect((await h.api.utilizationOf(user.id))?.capacities).toEqual({ call: 1 });
  });
});

describe('permissions', () => {
  it('answers a 403 naming the missing permission, and the error says what to grant', async () => {
    await h.stop();
    h = await startHarness({ permissions: ['routing:skill:view'] });
    expect(await h.api.skillsNamed('Order')).toHaveLength(1);
    const error = await failureOf(h.api.addSkills('u-sam', [{ id: 'x', proficiency: 1 }]));
    expect(error.status).toBe(403);
    expect(error.code).toBe('missing.permissions');
    expect(error.message).toMatch(
      /routing\.userSkills\.bulkPatch is not allowed .*needs the permission routing:skill:assign \(PATCH \/api\/v2\/users\/\{userId\}\/routingskills\/bulk\)/,
    );
  });
});

describe('phones as the real API lists them', () => {
  it("finds a user's WebRTC phone although webRtcUser comes only with fields=webRtcUser", async () => {
    const [phone] = await h.api.phonesOfUser('u-sam');
    expect(phone?.webRtcUserId).toBe('u-sam');
    expect(calls(h.org).some((c) => c.includes('fields=webRtcUser'))).toBe(true);
  });

  it('lists more than 10,000 phones by sorting on the id alone', async () => {
    const seeded = [...h.org.state.phones.values()][0]!;
    for (let i = 0; i < 10_050; i += 1) {
      const id = `phone-${String(i).padStart(5, '0')}`;
      h.org.state.phones.set(id, { ...seeded, id, name: `WebRTC ${id}`, webRtcUserId: `u-${i}` });
    }
    const first = await h.api.phonesPage(1);
    expect(first.pageCount).toBe(101); // 10,051 phones, 100 per page
    const last = await h.api.phonesPage(101);
    expect(last.items.map((p) => p.webRtcUserId)).toContain('u-10049');
  });
});
