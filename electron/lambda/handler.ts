/**
 * AWS Lambda entry for orgs that outgrow one machine: Genesys Cloud "user created" audit events
 * (EventBridge → SQS) are repaired by the same planner and executor as `jit-doctor repair`.
 * Failures are reported per message (`batchItemFailures`) so SQS redelivers only those.
 * Deployment: docs/lambda.md.
 */
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../shared/config/load';
import type { PostJitConfig } from '../../shared/config/types';
import { systemClock, type Clock } from '../genesys/clock';
import { connectGenesys } from '../genesys/connection';
import { createGenesysAdapter } from '../genesys/adapter';
import { createRepairExecutor, type RepairOutcome } from '../genesys/provisioning/executor';
import { memoryJournal } from '../genesys/provisioning/journal';
import { isSqsEvent, readAuditMessage, type AuditMessage } from './events';

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** Repairs users by id and says, per user, whether they ended fully repaired. */
export type RepairUsers = (userIds: readonly string[]) => Promise<Map<string, RepairOutcome>>;

export interface SqsHandlerDeps {
  repairUsers: RepairUsers;
  log?: (line: string) => void;
  /** Tells a fresh user's age; default the system clock. */
  clock?: Clock;
  /**
   * JIT may create a user and fill in its department a moment later: a user no rule matches is
   * retried (reported as failed) until this long after its creation, then acknowledged.
   */
  profileSettleMs?: number;
}

const DEFAULT_PROFILE_SETTLE_MS = 10 * 60_000;

function shouldRetryUnmatched(message: AuditMessage, deps: SqsHandlerDeps): boolean {
  if (message.kind !== 'user-created' || !message.eventTime) return false;
  const age = (deps.clock ?? systemClock).wallNow() - Date.parse(message.eventTime);
  return Number.isFinite(age) && age < (deps.profileSettleMs ?? DEFAULT_PROFILE_SETTLE_MS);
}

/** The SQS batch handler with its collaborators injected (tests pass a fake `repairUsers`). */
export function createSqsHandler(deps: SqsHandlerDeps): (event: unknown) => Promise<BatchResponse> {
  const log = deps.log ?? ((line: string) => console.log(line));
  return async (event) => {
    if (!isSqsEvent(event))
      throw new Error(
        'jit-doctor lambda: expected an SQS event ({ Records: [{ messageId, body }] })',
      );
    const messages = event.Records.map(readAuditMessage);
    const failures = new Set<string>();
    for (const message of messages) {
      if (message.kind === 'malformed') {
        log(`message ${message.messageId}: ${message.why}`);
        failures.add(message.messageId);
      }
    }
    const created = messages.filter((m) => m.kind === 'user-created');
    let outcomes = new Map<string, RepairOutcome>();
    if (created.length > 0) {
      try {
        outcomes = await deps.repairUsers([...new Set(created.map((m) => m.userId))]);
      } catch (error) {
        // The whole run failed (credentials, network): every user message goes back to the queue.
        log(`repair failed: ${error instanceof Error ? error.message : String(error)}`);
        for (const message of created) failures.add(message.messageId);
      }
    }
    for (const message of created) {
      if (failures.has(message.messageId)) continue;
      const outcome = outcomes.get(message.userId);
      const unmatched = outcome?.status === 'nothing-to-do' && outcome.plan.match === null;
      if (!outcome) {
        log(`user ${message.userId}: not found in the org yet`);
        failures.add(message.messageId);
      } else if (outcome.status === 'not-repaired') {
        log(`user ${message.userId}: not repaired: ${outcome.reasons.join('; ')}`);
        failures.add(message.messageId);
      } else if (unmatched && shouldRetryUnmatched(message, deps)) {
        log(
          `user ${message.userId}: no rule matches yet; retrying while JIT may still fill the profile`,
        );
        failures.add(message.messageId);
      } else {
        log(`user ${message.userId}: ${outcome.status}`);
      }
    }
    for (const message of messages)
      if (message.kind === 'ignored') log(`message ${message.messageId}: ignored (${message.why})`);
    return { batchItemFailures: [...failures].map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

/** Reads the post-JIT rules from JIT_DOCTOR_CONFIG_JSON or the file JIT_DOCTOR_CONFIG. */
export function postJitFromEnvironment(env: NodeJS.ProcessEnv): PostJitConfig {
  const inline = env.JIT_DOCTOR_CONFIG_JSON;
  const path = env.JIT_DOCTOR_CONFIG;
  if (!inline && !path)
    throw new Error(
      'set JIT_DOCTOR_CONFIG (a bundled file) or JIT_DOCTOR_CONFIG_JSON (the config itself)',
    );
  const config = inline
    ? parseConfig(inline, 'JIT_DOCTOR_CONFIG_JSON')
    : parseConfig(readFileSync(path!, 'utf8'), path!);
  if (!config.postJit || config.postJit.rules.length === 0)
    throw new Error('the configuration has no postJit.rules: nothing for the repair Lambda to do');
  return config.postJit;
}

/**
 * Builds `repairUsers` on a live connection, kept across warm invocations. Journal lines go to
 * `log` (CloudWatch in AWS), one JSON object per line.
 */
export function repairUsersFromEnvironment(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void = (line) => console.log(line),
): RepairUsers {
  const postJit = postJitFromEnvironment(env);
  let ready: ReturnType<typeof connectGenesys> | undefined;
  return async (userIds) => {
    ready ??= connectGenesys({
      clientId: env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '',
      clientSecret: env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '',
      region: env.GENESYSCLOUD_REGION,
      apiBase: env.GENESYSCLOUD_API_BASE,
      scheduler: { limit: Number(env.JIT_DOCTOR_RATE_LIMIT ?? 300) },
    });
    ready.catch(() => (ready = undefined));
    const connection = await ready;
    const journal = memoryJournal(`lambda-${systemClock.wallNow().toString(36)}`, log);
    const executor = createRepairExecutor({
      api: createGenesysAdapter(connection),
      postJit,
      journal,
    });
    const users = await executor.loadUsers(userIds);
    const outcomes = await executor.apply(await executor.assess(users));
    return new Map(outcomes.map((outcome) => [outcome.userId, outcome]));
  };
}

let environmentHandler: ((event: unknown) => Promise<BatchResponse>) | undefined;

/** The Lambda entry point (`handler` in the esbuild bundle). */
export async function handler(event: unknown): Promise<BatchResponse> {
  environmentHandler ??= createSqsHandler({ repairUsers: repairUsersFromEnvironment(process.env) });
  return environmentHandler(event);
}
