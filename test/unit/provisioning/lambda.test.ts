import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_TOPIC_TEMPLATE,
  readAuditMessage,
  type GenesysEventBridgeEvent,
  type SqsEvent,
} from '../../../electron/lambda/events';
import { createSqsHandler, type RepairUsers } from '../../../electron/lambda/handler';
import type { RepairOutcome, RepairStatus } from '../../../electron/genesys/provisioning/executor';
import { systemClock } from '../../../electron/genesys/clock';

const batch = JSON.parse(
  readFileSync(
    new URL('../../fixtures/eventbridge/user-created-sqs-batch.json', import.meta.url),
    'utf8',
  ),
) as SqsEvent;

const ANA = '3f9c2d41-7a5e-4c0b-b1d8-6e2f0a9c4b11';
const BEN = '3f9c2d41-7a5e-4c0b-b1d8-6e2f0a9c4b12';

function outcome(userId: string, status: RepairStatus, matched = true): RepairOutcome {
  return {
    userId,
    name: userId,
    email: `${userId}@acme.example`,
    plan: {
      userId,
      match: matched ? { index: 0, rule: { when: {} }, because: 'default rule' } : null,
      steps: [],
      blocked: [],
    },
    status,
    reasons:
      status === 'not-repaired' ? ['default-station: the WebRTC station did not appear'] : [],
    remaining: [],
  };
}

function repairing(statuses: Record<string, RepairStatus>, seen: string[][] = []): RepairUsers {
  return async (ids) => {
    seen.push([...ids]);
    return new Map(ids.flatMap((id) => (statuses[id] ? [[id, outcome(id, statuses[id])]] : [])));
  };
}

const quiet = () => {};

describe('reading EventBridge audit events from SQS', () => {
  it('finds the created user in a recorded-shape event and ignores updates', () => {
    const [first, second, third] = batch.Records.map(readAuditMessage);
    expect(first).toEqual({
      kind: 'user-created',
      messageId: batch.Records[0]!.messageId,
      userId: ANA,
      eventTime: '2026-11-23T08:59:12.301Z',
      serviceName: 'Directory',
    });
    expect(second).toMatchObject({ kind: 'user-created', userId: BEN });
    expect(third).toMatchObject({ kind: 'ignored', why: 'audit Update on User' });
  });

  it('holds the envelope the integration sends: the topic template as detail-type, the topic model as body', () => {
    for (const record of batch.Records) {
      const event = JSON.parse(record.body) as GenesysEventBridgeEvent;
      expect(event['detail-type']).toBe(AUDIT_TOPIC_TEMPLATE);
      expect(event.source).toMatch(/^aws\.partner\/genesys\.com\/cloud\//);
      expect(event.detail.topicName).toMatch(/^v2\.audits\.entitytype\.\w+\.entityid\./);
      // The topic's actor fields, not the audit query's `user`/`client`.
      expect(Object.keys(event.detail.eventBody)).toEqual(
        expect.arrayContaining(['userId', 'username', 'clientId', 'entity', 'action']),
      );
      expect(event.detail.eventBody).not.toHaveProperty('user');
      expect(event.detail.eventBody).not.toHaveProperty('client');
    }
  });

  it('reads a SCIM-provisioned creation and a rule that delivers only the detail', () => {
    const event = JSON.parse(batch.Records[0]!.body) as GenesysEventBridgeEvent;
    const scim = {
      ...event,
      detail: { ...event.detail, eventBody: { ...event.detail.eventBody, serviceName: 'SCIM' } },
    };
    expect(readAuditMessage({ messageId: 's', body: JSON.stringify(scim) })).toMatchObject({
      kind: 'user-created',
      userId: ANA,
      serviceName: 'SCIM',
    });
    expect(readAuditMessage({ messageId: 'd', body: JSON.stringify(event.detail) })).toMatchObject({
      kind: 'user-created',
      userId: ANA,
    });
  });

  it('takes the user id from the topic when the body has no entity, and refuses a disagreement', () => {
    const event = JSON.parse(batch.Records[0]!.body) as GenesysEventBridgeEvent;
    const { entity: _entity, ...withoutEntity } = event.detail.eventBody;
    const fromTopic = { ...event, detail: { ...event.detail, eventBody: withoutEntity } };
    expect(readAuditMessage({ messageId: 't', body: JSON.stringify(fromTopic) })).toMatchObject({
      kind: 'user-created',
      userId: ANA,
    });
    const other = {
      ...event,
      detail: { ...event.detail, topicName: `v2.audits.entitytype.USER.entityid.${BEN}` },
    };
    expect(readAuditMessage({ messageId: 'x', body: JSON.stringify(other) })).toMatchObject({
      kind: 'malformed',
      why: expect.stringContaining(BEN),
    });
  });

  it('calls a body that is not JSON malformed', () => {
    expect(readAuditMessage({ messageId: 'm', body: '{not json' })).toMatchObject({
      kind: 'malformed',
    });
  });
});

describe('the SQS handler', () => {
  it('repairs the created users once and acknowledges the batch when all are repaired', async () => {
    const seen: string[][] = [];
    const handle = createSqsHandler({
      repairUsers: repairing({ [ANA]: 'repaired', [BEN]: 'nothing-to-do' }, seen),
      log: quiet,
    });
    await expect(handle(batch)).resolves.toEqual({ batchItemFailures: [] });
    expect(seen).toEqual([[ANA, BEN]]);
  });

  it('reports only the message of the user left not repaired', async () => {
    const handle = createSqsHandler({
      repairUsers: repairing({ [ANA]: 'repaired', [BEN]: 'not-repaired' }),
      log: quiet,
    });
    await expect(handle(batch)).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: batch.Records[1]!.messageId }],
    });
  });

  it('reports a user the org does not know yet and a malformed message', async () => {
    const event: SqsEvent = {
      Records: [...batch.Records, { messageId: 'broken', body: '"just a string"' }],
    };
    const handle = createSqsHandler({ repairUsers: repairing({ [BEN]: 'repaired' }), log: quiet });
    const { batchItemFailures } = await handle(event);
    expect(batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      ['broken', batch.Records[0]!.messageId].sort(),
    );
  });

  it('sends every user message back when the repair itself fails', async () => {
    const handle = createSqsHandler({
      repairUsers: async () => {
        throw new Error('Genesys Cloud oauth.token refused the credentials');
      },
      log: quiet,
    });
    const { batchItemFailures } = await handle(batch);
    expect(batchItemFailures).toHaveLength(2);
  });

  it('retries a fresh user no rule matches yet, and acknowledges it once the profile had time', async () => {
    const unmatched: RepairUsers = async (ids) =>
      new Map(ids.map((id) => [id, outcome(id, 'nothing-to-do', false)]));
    const created = Date.parse('2026-11-23T08:59:12.301Z');
    const early = createSqsHandler({
      repairUsers: unmatched,
      log: quiet,
      clock: { ...systemClock, wallNow: () => created + 60_000 },
    });
    expect((await early(batch)).batchItemFailures).toHaveLength(2);
    const late = createSqsHandler({
      repairUsers: unmatched,
      log: quiet,
      clock: { ...systemClock, wallNow: () => created + 3_600_000 },
    });
    expect((await late(batch)).batchItemFailures).toHaveLength(0);
  });

  it('refuses an event that is not an SQS batch', async () => {
    const handle = createSqsHandler({ repairUsers: repairing({}), log: quiet });
    await expect(handle({ detail: {} })).rejects.toThrow(/SQS event/);
  });
});
