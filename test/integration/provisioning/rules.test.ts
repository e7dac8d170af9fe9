/**
 * The less common plan steps over the real SDK against the fake org: roles granted in the division
 * the user is moved to, agent utilization, and a rule naming a skill the org lacks (blocked, with
 * the reason, the rest still applied).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PostJitConfig } from '../../../shared/config/types';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';

const postJit: PostJitConfig = {
  phone: { site: 'Chicago', phoneBaseSettings: 'WebRTC Phone' },
  rules: [
    {
      when: { title: 'Supervisor', role: 'Agent_Tier2' },
      roles: ['Quality Evaluator'],
      division: 'Supervisors',
      utilization: { call: 1, chat: 2 },
    },
    {
      when: { department: 'Claims' },
      skills: [
        { name: 'Customer_Service', proficiency: 4 },
        { name: 'Claims_Handling', proficiency: 2 },
      ],
    },
  ],
};

let org: FakeOrg | undefined;
let connection: GenesysConnection | undefined;
afterEach(async () => {
  connection?.close();
  await org?.stop();
  org = connection = undefined;
});

async function repairAll() {
  org = await startFakeOrg({
    seed: {
      divisions: ['Home', 'Supervisors'],
      roles: ['Communicate_User', 'Agent_Tier2', 'Quality Evaluator'],
      skills: ['Customer_Service'],
      telephony: {
        sites: ['Chicago'],
        phoneBaseSettings: [{ name: 'WebRTC Phone', lines: ['Line'] }],
      },
      users: [
        {
          id: 'sup-1',
          name: 'Sam Lead',
          email: 'sam.lead@acme.example',
          title: 'Supervisor',
          roles: ['Communicate_User', 'Agent_Tier2'],
          createdAt: '2026-11-23T08:00:00Z',
        },
        {
          id: 'claims-1',
          name: 'Cleo Claims',
          email: 'cleo@acme.example',
          department: 'Claims',
          skills: [{ name: 'Customer_Service', proficiency: 1 }],
          createdAt: '2026-11-23T08:01:00Z',
        },
      ],
    },
  });
  connection = await connectGenesys({
    apiBase: org.url,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  });
  const executor = createRepairExecutor({
    api: createGenesysAdapter(connection),
    postJit,
    journal: memoryJournal(),
  });
  const assessments = await executor.assess(await executor.loadUsers(['sup-1', 'claims-1']));
  return { assessments, outcomes: await executor.apply(assessments), fake: org };
}

describe('roles, division, utilization and blocked steps', () => {
  it('moves the supervisor, grants the role there and sets utilization, verified', async () => {
    const { assessments, outcomes, fake } = await repairAll();
    expect(assessments[0]!.plan.steps.map((s) => s.kind)).toEqual([
      'utilization',
      'division',
      'role',
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'repaired', reasons: [] });
    const sam = fake.state.users.get('sup-1')!;
    const supervisors = [...fake.state.divisions.values()].find((d) => d.name === 'Supervisors')!;
    expect(sam.divisionId).toBe(supervisors.id);
    const evaluator = [...fake.state.roles.values()].find((r) => r.name === 'Quality Evaluator')!;
    expect(sam.grants).toContainEqual({ roleId: evaluator.id, divisionId: supervisors.id });
    expect(sam.utilization?.chat?.maximumCapacity).toBe(2);
  });

  it('applies what it can and names the missing skill for the rest', async () => {
    const { assessments, outcomes, fake } = await repairAll();
    const cleo = assessments[1]!;
    expect(cleo.plan.steps).toEqual([
      expect.objectContaining({ kind: 'skill', name: 'Customer_Service', proficiency: 4, from: 1 }),
    ]);
    expect(cleo.plan.blocked).toEqual([
      'skill "Claims_Handling" does not exist in the org (Admin > Routing > Skills)',
    ]);
    expect(outcomes[1]!.status).toBe('not-repaired');
    expect(outcomes[1]!.reasons.join(' ')).toContain('Claims_Handling');
    expect([...fake.state.users.get('claims-1')!.skills.values()]).toEqual([4]);
  });
});
