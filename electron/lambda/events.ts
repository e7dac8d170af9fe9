/**
 * Reading SQS batches of EventBridge "user created" audit events (docs/lambda.md). Genesys Cloud
 * publishes the notification topic `v2.audits.entitytype.{id}.entityid.{id}` to a partner event
 * bus; a rule sends the events to SQS; the Lambda gets `{ Records: [{ messageId, body }] }` where
 * each body is one EventBridge event.
 */
import type platformClient from 'purecloud-platform-client-v2';

/**
 * The body of an audit topic event: the SDK's model for the topic (its notificationMappings map
 * `v2.audits.entitytype.{id}.entityid.{id}` to this class). It is not the audit query's
 * `AuditLogMessage`: the actor is `userId`/`username`/`clientId`, not `user`/`client`.
 */
type AuditTopicEventBody = platformClient.Models.AuditTopicAuditLogMessage;

/**
 * What the Genesys Cloud EventBridge integration puts on the bus. `detail-type` is the topic
 * *template* the integration was configured with; `detail.topicName` is the concrete topic.
 */
export interface GenesysEventBridgeEvent {
  version: string;
  id: string;
  'detail-type': string;
  /** `aws.partner/genesys.com/cloud/{orgId}/{event source name}` */
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: {
    topicName: string;
    version: string;
    eventBody: AuditTopicEventBody;
    metadata?: { CorrelationId?: string };
    timestamp?: string;
  };
}

/** The topic template that carries audit events, as the EventBridge integration offers it. */
export const AUDIT_TOPIC_TEMPLATE = 'v2.audits.entitytype.{id}.entityid.{id}';

export interface SqsRecord {
  messageId: string;
  body: string;
}

export interface SqsEvent {
  Records: SqsRecord[];
}

/** What one SQS message asks for. */
export type AuditMessage =
  | {
      kind: 'user-created';
      messageId: string;
      userId: string;
      eventTime: string | null;
      /** `Directory` for SAML JIT and the admin UI; `SCIM` for SCIM-provisioned users. */
      serviceName: string | null;
    }
  /** A well-formed event that is not a user creation (an update, another entity): acknowledged, nothing to do. */
  | { kind: 'ignored'; messageId: string; why: string }
  /** A message that cannot be understood: reported as a batch item failure so it reaches the DLQ. */
  | { kind: 'malformed'; messageId: string; why: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Case-insensitive: the topic may say USER where the body says User. */
function same(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

/** `v2.audits.entitytype.USER.entityid.<id>` → its entity type and id. */
function topicParts(topicName: string | null): { entityType: string; entityId: string } | null {
  const match = /^v2\.audits\.entitytype\.([^.]+)\.entityid\.([^.]+)$/.exec(topicName ?? '');
  return match ? { entityType: match[1]!, entityId: match[2]! } : null;
}

export function readAuditMessage(record: SqsRecord): AuditMessage {
  const { messageId } = record;
  let envelope: unknown;
  try {
    envelope = JSON.parse(record.body);
  } catch {
    return { kind: 'malformed', messageId, why: 'the message body is not JSON' };
  }
  if (!isObject(envelope))
    return { kind: 'malformed', messageId, why: 'the body is not an object' };
  // A rule whose target input path is `$.detail` delivers the detail alone.
  const detail = isObject(envelope.detail) ? envelope.detail : envelope;
  const body = isObject(detail.eventBody) ? detail.eventBody : null;
  if (!body) return { kind: 'malformed', messageId, why: 'no detail.eventBody in the event' };
  // `detail-type` is not checked: the rule already selects the topic, and an event whose body says
  // a user was created must never be dropped because an envelope field looked unexpected.
  const topic = topicParts(text(detail.topicName));
  const action = text(body.action);
  const entityType = text(body.entityType) ?? topic?.entityType ?? null;
  if (!same(action, 'Create') || !same(entityType, 'User')) {
    return {
      kind: 'ignored',
      messageId,
      why: `audit ${action ?? 'no action'} on ${entityType ?? 'no entity type'}`,
    };
  }
  const entity = isObject(body.entity) ? body.entity : null;
  const userId = text(entity?.id) ?? topic?.entityId ?? null;
  if (!userId)
    return { kind: 'malformed', messageId, why: 'a user-created event without entity.id' };
  if (topic && entity?.id !== undefined && topic.entityId !== userId)
    return {
      kind: 'malformed',
      messageId,
      why: `the topic names user ${topic.entityId} but the body names ${userId}`,
    };
  return {
    kind: 'user-created',
    messageId,
    userId,
    eventTime: text(body.eventTime),
    serviceName: text(body.serviceName),
  };
}

export function isSqsEvent(value: unknown): value is SqsEvent {
  return (
    isObject(value) &&
    Array.isArray(value.Records) &&
    value.Records.every(
      (record) =>
        isObject(record) && typeof record.messageId === 'string' && typeof record.body === 'string',
    )
  );
}
