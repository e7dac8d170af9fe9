/**
 * An OAuth client missing one permission: only the users whose steps need it stay unrepaired, and
 * their reason names the permission; everyone else is repaired in the same run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PostJitConfig } from '../../../shared/config/types';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { connectGenesys } from '../../../electron/genesys/connection';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { OPERATIONS } from '../../../electron/genesys/operations';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';
import { stampedeSeed } from './stampede-org';

const AGENTS = 12;
const TIME_SCALE = 0.02;

/** Retail agents get skills, a phone and a capacity; support agents get a skill and a role. */
const RULES: PostJitConfig = {
  phone: { site: 'Chicago', phoneBaseSettings: 'WebRTC Phone', lineBaseSettings: 'WebRTC Line' },
  rules: [
    {
      when: { department: 'Seasonal_Retail' },
      skills: [{ name: 'Customer_Service', proficiency: 1 }],
      webRtcPhone: true,
    },
    {
      when: { department: ['Seasonal_Tech_Support', 'Tech_Support'] },
      skills: [{ name: 'Basic_Troubleshooting', proficiency: 2 }],
      roles: ['Agent_Tier1'],
      utilization: { call: 1, chat: 3 },
    },
  ],
};

const everyPermission = [
  ...new Set(Object.values(OPERATIONS).flatMap((spec) => [...spec.permissions.names])),
];

let org: FakeOrg | undefined;
afterEach(async () => {
  await org?.stop();
  org = undefined;
});

async function repairWithout(permissions: readonly string[]) {
  org = await startFakeOrg({
    seed: stampedeSeed(AGENTS),
    timeScale: TIME_SCALE,
    permissions: everyPermission.filter((p) => !permissions.includes(p)),
  });
  const connection = await connectGenesys({
    apiBase: org.url,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
    scheduler: { timeScale: TIME_SCALE },
  });
  try {
    const executor = createRepairExecutor({
      api: createGenesysAdapter(connection),
      postJit: RULES,
      journal: memoryJournal('permissions'),
      timeScale: TIME_SCALE,
    });
    const ids = await executor.usersCreatedBetween(new Date(0), new Date(Date.now() + 86_400_000));
    const outcomes = await executor.apply(await executor.assess(await executor.loadUsers(ids)));
    const retail = new Set(
      [...org.state.users.values()]
        .filter((u) => u.department === 'Seasonal_Retail')
        .map((u) => u.id),
    );
    return {
      retail: outcomes.filter((o) => retail.has(o.userId)),
      support: outcomes.filter((o) => !retail.has(o.userId)),
    };
  } finally {
    connection.close();
  }
}

describe('a permission the OAuth client lacks', () => {
  it('authorization:role:view: the role lookup fails only the agents whose rule grants a role', async () => {
    const { retail, support } = await repairWithout(['authorization:role:view']);
    expect(retail.length).toBe(AGENTS / 3);
    expect(retail.filter((o) => o.status !== 'repaired')).toEqual([]);
    expect(support.length).toBe((AGENTS * 2) / 3);
    for (const outcome of support) {
      expect(outcome.status).toBe('not-repaired');
      expect(outcome.reasons.join('\n')).toMatch(
        /authorization\.roles\.list is not allowed .*needs the permission authorization:role:view/,
      );
      // What needs no missing permission was still done: the skill and the utilization.
      expect(outcome.remaining.map((step) => step.kind)).toEqual(['role']);
    }
  });

  it('routing utilization permissions: reading the capacity fails only the agents whose rule sets one', async () => {
    const { retail, support } = await repairWithout([
      'routing:utilization:view',
      'routing:utilization:manage',
    ]);
    expect(retail.filter((o) => o.status !== 'repaired')).toEqual([]);
    for (const outcome of support) {
      expect(outcome.status).toBe('not-repaired');
      expect(outcome.reasons.join('\n')).toMatch(
        /reading the utilization failed: Genesys Cloud routing\.utilization\.get is not allowed .*one of routing:utilization:manage, routing:utilization:view/,
      );
    }
    const tier1 = [...org!.state.roles.values()].find((r) => r.name === 'Agent_Tier1')!;
    const supportUsers = [...org!.state.users.values()].filter(
      (u) => u.department !== 'Seasonal_Retail',
    );
    // The role and the skill of those agents were still granted.
    for (const user of supportUsers) {
      expect(user.grants.some((g) => g.roleId === tier1.id)).toBe(true);
      expect(user.skills.size).toBe(1);
    }
  });
});
