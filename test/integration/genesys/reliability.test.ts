/**
 * The reliability goal of issue 4: with 10% injected 5xx and 5% connection resets, a 1,000-call
 * workload ends with every call succeeded or reported failed with its reason, none applied twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenesysApiError } from '../../../electron/genesys/errors';
import { createJitUser } from '../../../electron/genesys/fake-org/routes-users';
import { startHarness, webRtcPhoneFor, type Harness } from './helpers';

const AGENTS = 200; // five calls each
type Step = 'grant' | 'move' | 'skills' | 'phone' | 'utilization';
type Outcome = { step: Step; ok: true } | { step: Step; ok: false; reason: string };

let h: Harness;
const outcomes: Outcome[] = [];

async function step(name: Step, run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    outcomes.push({ step: name, ok: true });
    return true;
  } catch (error) {
    const reason = error instanceof GenesysApiError ? error.message : String(error);
    outcomes.push({ step: name, ok: false, reason });
    return false;
  }
}

function succeeded(name: Step): number {
  return outcomes.filter((o) => o.step === name && o.ok).length;
}

async function provision(
  index: number,
  ids: { home: string; partner: string; role: string; skill: string },
) {
  // JIT created the user at login (not through the API JIT Doctor uses)
  const userId = createJitUser(h.org.state, {
    name: `Agent ${index}`,
    email: `agent${index}@acme.example`,
    divisionId: ids.home,
  }).id;
  await step('grant', () => h.api.grantRoles(userId, [ids.role], ids.home));
  await step('move', () => h.api.moveUsersToDivision(ids.partner, [userId]));
  await step('skills', () => h.api.addSkills(userId, [{ id: ids.skill, proficiency: 1 }]));
  // The lookups that build the phone (site, base settings) meet the injected faults too: a read
  // that fails after its retries fails this step with its reason, never the whole workload.
  await step('phone', async () => {
    const phone = await webRtcPhoneFor(h.api, userId, `Agent ${index} WebRTC`);
    await h.api.createWebRtcPhone(phone, async () =>
      (await h.api.phonesOfUser(userId)).find((p) => p.name === phone.name),
    );
  });
  await step('utilization', () => h.api.setUtilization(userId, { call: 1 }));
}

beforeAll(async () => {
  h = await startHarness(
    { timeScale: 0.01, rateLimit: { limit: 300, windowMs: 60_000 } },
    { timeoutMs: 2000, scheduler: { timeScale: 0.01, limit: 300, concurrency: 16 } },
  );
  const ids = {
    home: (await h.api.divisionsNamed('Home'))[0]!.id,
    partner: (await h.api.divisionsNamed('Partner Division'))[0]!.id,
    role: (await h.api.rolesNamed('Agent_Tier1'))[0]!.id,
    skill: (await h.api.skillsNamed('Customer_Service'))[0]!.id,
  };
  h.org.faults.configure({ seed: 42, errorRate: 0.1, resetRate: 0.05 });
  await Promise.all(Array.from({ length: AGENTS }, (_, i) => provision(i, ids)));
  h.org.faults.configure({});
}, 60_000);

afterAll(async () => {
  await h.stop();
});

describe('1,000 calls under 10% 5xx and 5% resets', () => {
  it('settles every call as succeeded or failed with a reason', () => {
    expect(outcomes).toHaveLength(AGENTS * 5);
    for (const outcome of outcomes)
      if (!outcome.ok) expect(outcome.reason.length).toBeGreaterThan(10);
    const failed = outcomes.filter((o) => !o.ok).length;
    expect(failed).toBeLessThan(AGENTS * 5 * 0.01);
    // the faults really happened
    expect(h.org.requests.filter((r) => r.fault).length).toBeGreaterThan(100);
    expect(h.connection.scheduler.stats().http429).toBe(0);
  });

  it('applied nothing twice: one phone per user, one applied create per phone', () => {
    const users = [...h.org.state.users.values()].filter((u) => u.email.startsWith('agent'));
    expect(users).toHaveLength(AGENTS);
    const phonesPerUser = new Map<string, number>();
    for (const phone of h.org.state.phones.values())
      if (phone.webRtcUserId)
        phonesPerUser.set(phone.webRtcUserId, (phonesPerUser.get(phone.webRtcUserId) ?? 0) + 1);
    for (const user of users) expect(phonesPerUser.get(user.id) ?? 0).toBeLessThanOrEqual(1);
    const appliedPhones = h.org.requests.filter(
      (r) => r.operation === 'telephony.phones.create' && r.applied,
    );
    expect(appliedPhones.length).toBe([...phonesPerUser.values()].reduce((a, b) => a + b, 0) - 1); // minus the seeded one
  });

  it('left the org in the state the successful calls describe', () => {
    const users = [...h.org.state.users.values()].filter((u) => u.email.startsWith('agent'));
    // a reported failure may still have landed (its answer was lost), so the org holds at least
    // what succeeded
    const partner = [...h.org.state.divisions.values()].find((d) => d.name === 'Partner Division')!;
    expect(users.filter((u) => u.divisionId === partner.id).length).toBeGreaterThanOrEqual(
      succeeded('move'),
    );
    expect(users.filter((u) => u.grants.length === 2).length).toBeGreaterThanOrEqual(
      succeeded('grant'),
    );
    expect(users.filter((u) => u.skills.size === 1).length).toBeGreaterThanOrEqual(
      succeeded('skills'),
    );
    expect(
      users.filter((u) => u.utilization?.call?.maximumCapacity === 1).length,
    ).toBeGreaterThanOrEqual(succeeded('utilization'));
    const stats = h.connection.scheduler.stats();
    process.stderr.write(
      `reliability: ${outcomes.length} calls, ${outcomes.filter((o) => !o.ok).length} failed, ` +
        `${stats.sent} attempts, ${stats.retries} retries, ${stats.recovered} recovered by recheck, ` +
        `${h.org.requests.filter((r) => r.fault).length} faults injected\n`,
    );
  });
});
