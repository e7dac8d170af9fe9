/**
 * Watch mode and the Lambda handler against the fake org over the real SDK: users JIT creates while
 * the watch runs are found in the audit log and repaired; the Lambda, configured only through its
 * environment variables, repairs the users of an SQS batch and reports the others per message.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/genesys/clock';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { startFakeOrg, type FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createJitUser } from '../../../electron/genesys/fake-org/routes-users';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';
import { watchNewUsers } from '../../../electron/genesys/provisioning/watch';
import type { SqsEvent } from '../../../electron/lambda/events';
import { createSqsHandler, repairUsersFromEnvironment } from '../../../electron/lambda/handler';
import { auditStampedeOrg, stampedeSeed, STAMPEDE_POST_JIT } from './stampede-org';

const TIME_SCALE = 0.02;
let org: FakeOrg | undefined;
let connection: GenesysConnection | undefined;
afterEach(async () => {
  connection?.close();
  await org?.stop();
  org = connection = undefined;
});

describe('watch mode', () => {
  it('repairs users created after it started, once each, until stopped', async () => {
    org = await startFakeOrg({
      seed: stampedeSeed(0),
      timeScale: TIME_SCALE,
    });
    connection = await connectGenesys({
      apiBase: org.url,
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      scheduler: { timeScale: TIME_SCALE },
    });
    const journal = memoryJournal('watch');
    const executor = createRepairExecutor({
      api: createGenesysAdapter(connection),
      postJit: STAMPEDE_POST_JIT,
      journal,
      timeScale: TIME_SCALE,
    });
    const home = [...org.state.divisions.values()][0]!.id;
    const stop = new AbortController();
    let polls = 0;
    const watching = watchNewUsers({
      executor,
      since: new Date(),
      intervalMs: 40,
      signal: stop.signal,
      onPoll: () => {
        polls += 1;
      },
    });
    // JIT creates agents in two bursts while the watch polls.
    for (const burst of [0, 1]) {
      for (let i = 0; i < 3; i += 1)
        createJitUser(org.state, {
          name: `New Agent ${burst}${i}`,
          email: `new.${burst}${i}@acme.example`,
          divisionId: home,
          department: 'Tech_Support',
        });
      const before = polls;
      while (polls < before + 3) await systemClock.sleep(20);
    }
    stop.abort();
    const result = await watching;

    expect([...result.outcomes.values()].map((o) => o.status)).toEqual(Array(6).fill('repaired'));
    const audit = auditStampedeOrg(org.state, journal.entries);
    expect(audit).toEqual({ notRepaired: [], duplicatePhones: 0, journalDisagreements: [] });
    // Each user was repaired once: one phone create per user, however many polls saw it.
    const creates = org.requests.filter((r) => r.operation === 'telephony.phones.create');
    expect(creates).toHaveLength(6);
  });
});

describe('the Lambda handler on the fake org', () => {
  it('repairs the users of an SQS batch using only its environment variables', async () => {
    const batch = JSON.parse(
      readFileSync(
        new URL('../../fixtures/eventbridge/user-created-sqs-batch.json', import.meta.url),
        'utf8',
      ),
    ) as SqsEvent;
    const seed = stampedeSeed(2);
    // The fixture's users: Ana exists (created by JIT), Ben does not exist in this org.
    seed.users[0]!.id = '3f9c2d41-7a5e-4c0b-b1d8-6e2f0a9c4b11';
    seed.users[1]!.id = 'someone-else';
    org = await startFakeOrg({ seed, timeScale: TIME_SCALE });
    const journalLines: string[] = [];
    const handle = createSqsHandler({
      repairUsers: repairUsersFromEnvironment(
        {
          GENESYSCLOUD_OAUTHCLIENT_ID: org.clientId,
          GENESYSCLOUD_OAUTHCLIENT_SECRET: org.clientSecret,
          GENESYSCLOUD_API_BASE: org.url,
          JIT_DOCTOR_CONFIG_JSON: JSON.stringify({ postJit: STAMPEDE_POST_JIT }),
        },
        (line) => journalLines.push(line),
      ),
      log: () => {},
    });
    const response = await handle(batch);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: batch.Records[1]!.messageId }]);
    const ana = org.state.users.get('3f9c2d41-7a5e-4c0b-b1d8-6e2f0a9c4b11')!;
    expect(ana.defaultStationId).toBeDefined();
    expect(ana.skills.size).toBe(2);
    expect(journalLines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ user: ana.id, step: 'verify', event: 'finished' }),
    );
  });
});
