/**
 * A utilization repair keeps what the agent had: the PUT replaces the agent's whole utilization
 * (omitted media revert to the org defaults, omitted labels are dropped), so the repair sends every
 * media's settings and the label utilizations back with the rule's capacities.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { connectGenesys } from '../../../electron/genesys/connection';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';
import { stampedeSeed } from './stampede-org';

let org: FakeOrg | undefined;
afterEach(async () => {
  await org?.stop();
  org = undefined;
});

describe('a utilization repair', () => {
  it('changes the capacity the rule names and keeps every other setting and label', async () => {
    org = await startFakeOrg({ seed: stampedeSeed(1) });
    const agent = [...org.state.users.values()][0]!;
    agent.utilization = {
      call: { maximumCapacity: 1, interruptableMediaTypes: ['email'], includeNonAcd: true },
      email: { maximumCapacity: 3, interruptableMediaTypes: [], includeNonAcd: true },
    };
    agent.labelUtilizations = { 'label-vip': { maximumCapacity: 2, interruptingLabelIds: [] } };
    const connection = await connectGenesys({
      apiBase: org.url,
      clientId: org.clientId,
      clientSecret: org.clientSecret,
    });
    try {
      const executor = createRepairExecutor({
        api: createGenesysAdapter(connection),
        postJit: { rules: [{ when: {}, utilization: { chat: 2, email: 4 } }] },
        journal: memoryJournal('utilization'),
      });
      const outcomes = await executor.apply(
        await executor.assess(await executor.loadUsers([agent.id])),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['repaired']);
      expect(agent.utilization).toEqual({
        call: { maximumCapacity: 1, interruptableMediaTypes: ['email'], includeNonAcd: true },
        email: { maximumCapacity: 4, interruptableMediaTypes: [], includeNonAcd: true },
        chat: { maximumCapacity: 2, interruptableMediaTypes: [], includeNonAcd: false },
      });
      expect(agent.labelUtilizations).toEqual({
        'label-vip': { maximumCapacity: 2, interruptingLabelIds: [] },
      });
    } finally {
      connection.close();
    }
  });

  it('reads each agent once: the PUT answer, or the assessment read, is what verification checks', async () => {
    org = await startFakeOrg({ seed: stampedeSeed(30) });
    const agents = [...org.state.users.values()];
    // A third already have the rule's utilization: only their skills are written, and their
    // utilization, read at assessment, is not read again to verify them.
    for (const agent of agents.slice(0, 10))
      agent.utilization = {
        chat: { maximumCapacity: 2, interruptableMediaTypes: [], includeNonAcd: false },
      };
    const connection = await connectGenesys({
      apiBase: org.url,
      clientId: org.clientId,
      clientSecret: org.clientSecret,
    });
    try {
      const executor = createRepairExecutor({
        api: createGenesysAdapter(connection),
        postJit: {
          rules: [
            {
              when: {},
              skills: [{ name: 'Customer_Service', proficiency: 1 }],
              utilization: { chat: 2 },
            },
          ],
        },
        journal: memoryJournal('utilization-reads'),
      });
      const outcomes = await executor.apply(
        await executor.assess(await executor.loadUsers(agents.map((a) => a.id))),
      );
      expect(outcomes.filter((o) => o.status !== 'repaired')).toEqual([]);
      const count = (operation: string) =>
        org!.requests.filter((r) => r.operation === operation).length;
      expect(count('routing.utilization.get')).toBe(30);
      expect(count('routing.utilization.put')).toBe(20);
      for (const agent of agents) expect(agent.utilization?.chat?.maximumCapacity).toBe(2);
    } finally {
      connection.close();
    }
  });
});
