/**
 * Division moves and role grants for many users at once, against the fake org over the real SDK:
 * one call per division or role for every 100 users (not one per user), each user's step
 * journaled, the role granted in the division the user is moved to, and a user who needs roles no
 * one else needs granted with one per-user call instead of one call per role.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PostJitConfig } from '../../../shared/config/types';
import type { DirectoryUser } from '../../../shared/directory/types';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';

const POST_JIT: PostJitConfig = {
  rules: [
    { when: { department: 'Retail' }, division: 'Retail', roles: ['Agent_Tier1'] },
    {
      when: { department: 'Escalations' },
      roles: ['Agent_Tier1', 'Supervisor', 'Quality_Evaluator'],
    },
  ],
};

function agents(count: number, department: string, from = 0): DirectoryUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `u-${department.toLowerCase()}-${from + i}`,
    name: `${department} ${from + i}`,
    email: `${department.toLowerCase()}.${from + i}@acme.example`,
    department,
  }));
}

let org: FakeOrg | undefined;
let connection: GenesysConnection | undefined;
afterEach(async () => {
  connection?.close();
  await org?.stop();
  org = connection = undefined;
});

async function repairAll(users: DirectoryUser[]) {
  org = await startFakeOrg({
    seed: {
      divisions: ['Home', 'Retail'],
      roles: ['Agent_Tier1', 'Supervisor', 'Quality_Evaluator'],
      users,
    },
    rateLimit: false,
  });
  connection = await connectGenesys({
    apiBase: org.url,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  });
  const journal = memoryJournal('batch');
  const executor = createRepairExecutor({
    api: createGenesysAdapter(connection),
    postJit: POST_JIT,
    journal,
  });
  const outcomes = await executor.apply(
    await executor.assess(await executor.loadUsers(users.map((u) => u.id))),
  );
  return { fake: org, outcomes, journal };
}

const count = (fake: FakeOrg, operation: string) =>
  fake.requests.filter((r) => r.operation === operation).length;

describe('batched division moves and role grants', () => {
  it('moves 150 agents and grants them a role in their new division with two calls each', async () => {
    const { fake, outcomes, journal } = await repairAll(agents(150, 'Retail'));
    expect(outcomes.filter((o) => o.status !== 'repaired')).toEqual([]);
    expect(count(fake, 'authorization.divisions.move')).toBe(2);
    expect(count(fake, 'authorization.roles.grant')).toBe(2);
    expect(count(fake, 'authorization.grants.bulkAdd')).toBe(0);
    const retail = fake.state.byName(fake.state.divisions, 'Retail')!.id;
    const role = fake.state.byName(fake.state.roles, 'Agent_Tier1')!.id;
    for (const user of fake.state.users.values()) {
      expect(user.divisionId).toBe(retail);
      expect(user.grants).toContainEqual({ roleId: role, divisionId: retail });
    }
    const finished = (step: string) =>
      journal.entries.filter((e) => e.step === step && e.event === 'finished').length;
    expect(finished('division')).toBe(150);
    expect(finished('role:Agent_Tier1')).toBe(150);
  });

  it('grants a lone user its three roles with one per-user call', async () => {
    const { fake, outcomes } = await repairAll(agents(1, 'Escalations'));
    expect(outcomes.map((o) => o.status)).toEqual(['repaired']);
    expect(count(fake, 'authorization.grants.bulkAdd')).toBe(1);
    expect(count(fake, 'authorization.roles.grant')).toBe(0);
  });

  it('fails only the users of a chunk whose call failed, with the reason', async () => {
    org = undefined;
    const users = agents(120, 'Retail');
    const fake = await startFakeOrg({
      seed: { divisions: ['Home', 'Retail'], roles: ['Agent_Tier1'], users },
      rateLimit: false,
    });
    org = fake;
    // The first move answers 400 (not retried): its 100 users fail, the other 20 are moved.
    fake.faults.inject({
      kind: 'error',
      status: 400,
      operation: 'authorization.divisions.move',
      times: 1,
    });
    connection = await connectGenesys({
      apiBase: fake.url,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
    });
    const executor = createRepairExecutor({
      api: createGenesysAdapter(connection),
      postJit: POST_JIT,
      journal: memoryJournal('chunk'),
    });
    const outcomes = await executor.apply(
      await executor.assess(await executor.loadUsers(users.map((u) => u.id))),
    );
    const failed = outcomes.filter((o) => o.status === 'not-repaired');
    expect(failed).toHaveLength(100);
    expect(failed[0]!.reasons.join('\n')).toMatch(/^division: /m);
    expect(outcomes.filter((o) => o.status === 'repaired')).toHaveLength(20);
  });
});

describe("the fake org's batch endpoints, as strict as the SDK docs", () => {
  async function connect(permissions?: string[]) {
    org = await startFakeOrg({
      seed: { divisions: ['Home', 'Retail'], roles: ['Agent_Tier1'], users: agents(2, 'Retail') },
      rateLimit: false,
      ...(permissions ? { permissions } : {}),
    });
    connection = await connectGenesys({
      apiBase: org.url,
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      scheduler: { maxAttempts: 1 },
    });
    return {
      retail: org.state.byName(org.state.divisions, 'Retail')!.id,
      role: org.state.byName(org.state.roles, 'Agent_Tier1')!.id,
      conn: connection,
    };
  }
  const status = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: { status?: number; message?: string }) => `${error.status}: ${error.message}`,
    );

  it('refuses an object type the docs do not list, and a body that is not a list of ids', async () => {
    const { retail, conn } = await connect();
    expect(
      await status(conn.call('authorization.divisions.move', [retail, 'TEAM', ['u-retail-0']])),
    ).toMatch(
      /^400: .*objectType must be one of CAMPAIGN, MANAGEMENTUNIT, FLOW, QUEUE, DATATABLES, USER/,
    );
    expect(
      await status(
        conn.call('authorization.divisions.move', [retail, 'USER', [{ id: 'u' }] as never]),
      ),
    ).toMatch(/^400: /);
  });

  it('refuses a grant without divisionIds or for an unknown subject type', async () => {
    const { retail, role, conn } = await connect();
    expect(
      await status(
        conn.call('authorization.roles.grant', [role, { subjectIds: ['u-retail-0'] } as never]),
      ),
    ).toMatch(/^400: .*divisionIds/);
    expect(
      await status(
        conn.call('authorization.roles.grant', [
          role,
          { subjectIds: ['u-retail-0'], divisionIds: [retail] },
          { subjectType: 'PC_ROBOT' },
        ]),
      ),
    ).toMatch(/^400: .*subjectType must be one of PC_GROUP, PC_USER, PC_OAUTH_CLIENT/);
  });

  it('answers 403 naming authorization:grant:add when the client lacks it', async () => {
    const { retail, role, conn } = await connect(['authorization:role:view']);
    expect(
      await status(
        conn.call('authorization.roles.grant', [
          role,
          { subjectIds: ['u-retail-0'], divisionIds: [retail] },
          { subjectType: 'PC_USER' },
        ]),
      ),
    ).toMatch(/^403: .*authorization:grant:add/);
  });
});
