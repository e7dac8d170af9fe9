/**
 * Reading SQS batches of EventBridge "user created" audit events (spec/genesys-api.md): Genesys
 * Cloud publishes `v2.audits.entitytype.{type}.entityid.{id}` to a partner event bus; a rule sends
 * them to SQS; the Lambda gets `{ Records: [{ messageId, body }] }` where body is the EventBridge
 * envelope `{ source, "detail-type", detail: { topicName, eventBody } }`.
 */

export interface SqsRecord {
  messageId: string;
  body: string;
}

export interface SqsEvent {
  Records: SqsRecord[];
}

/** What one SQS message asks for. */
export type AuditMessage =
  | { kind: 'user-created'; messageId: string; userId: string; eventTime: string | null }
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

/** Case-insensitive: the topic says USER, the body says User. */
function same(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

/** The audit event body, whether EventBridge delivered the envelope or a rule's input path unwrapped it. */
function eventBodyOf(envelope: Record<string, unknown>): Record<string, unknown> | null {
  const detail = isObject(envelope.detail) ? envelope.detail : envelope;
  if (isObject(detail.eventBody)) return detail.eventBody;
  return isObject(detail) && 'action' in detail ? detail : null;
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
  const body = eventBodyOf(envelope);
  if (!body) return { kind: 'malformed', messageId, why: 'no detail.eventBody in the event' };

  const action = text(body.action);
  const entityType = text(body.entityType);
  if (!same(action, 'Create') || !same(entityType, 'User')) {
    return {
      kind: 'ignored',
      messageId,
      why: `audit ${action ?? 'no action'} on ${entityType ?? 'no entity type'}`,
    };
  }
  const entity = isObject(body.entity) ? body.entity : null;
  const userId = text(entity?.id) ?? text(body.entityId);
  if (!userId)
    return { kind: 'malformed', messageId, why: 'a user-created event without entity.id' };
  return {
    kind: 'user-created',
    messageId,
    userId,
    eventTime: text(body.eventTime) ?? text(body.eventDate),
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
