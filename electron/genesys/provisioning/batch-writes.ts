/**
 * The steps one call can do for many users at once, sent for a whole set of plans before their
 * per-user writes: division moves (one call per division and 100 users) and role grants (one call
 * per role, division and 100 users, or one call per user when that is fewer calls, as when each
 * user needs different roles). Moves go first: a role is granted in the division the user ends up
 * in. Every step of every user is journaled on its own, as if it had been written alone.
 */
import { stepKey, type PlanStep } from '../../../shared/provisioning';
import { BATCH_IDS } from '../adapter';
import type { GenesysAdapter } from '../adapter/types';
import { NOT_SENT, type StepFailure } from './apply';
import type { Assessment } from './assess';
import type { OrgCatalog, Resolved } from './catalog';
import type { Journal } from './journal';

export interface BatchDeps {
  api: GenesysAdapter;
  catalog: OrgCatalog;
  journal: Journal;
  onStepDone?(userId: string, step: string, ok: boolean): void;
  /** Once aborted, no further call starts; the steps not sent fail with NOT_SENT. */
  signal?: AbortSignal;
}

export interface BatchResult {
  /** Failed steps per user. */
  failures: Map<string, StepFailure[]>;
  /** Users for whom at least one write was sent. */
  sent: Set<string>;
}

/** One user's steps done by one call. */
interface Member {
  userId: string;
  steps: PlanStep[];
}

type RoleStep = Extract<PlanStep, { kind: 'role' }>;
type DivisionStep = Extract<PlanStep, { kind: 'division' }>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function idOf(lookup: Promise<Resolved<string>>): Promise<string> {
  const resolved = await lookup;
  if (!resolved.ok) throw new Error(resolved.missing);
  return resolved.value;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function applyBatchSteps(
  assessments: readonly Assessment[],
  deps: BatchDeps,
): Promise<BatchResult> {
  const { api, catalog, journal } = deps;
  const result: BatchResult = { failures: new Map(), sent: new Set() };

  const fail = (member: Member, message: string) => {
    const list = result.failures.get(member.userId) ?? [];
    for (const step of member.steps) {
      const key = stepKey(step);
      if (message !== NOT_SENT)
        journal.record({ user: member.userId, step: key, event: 'failed', error: message });
      list.push({ step: key, message });
      deps.onStepDone?.(member.userId, key, false);
    }
    result.failures.set(member.userId, list);
  };

  /** Sends one call for `members`, journaling each member's steps around it. */
  const send = async (members: readonly Member[], write: () => Promise<void>) => {
    if (members.length === 0) return;
    if (deps.signal?.aborted) {
      for (const member of members) fail(member, NOT_SENT);
      return;
    }
    for (const member of members) {
      result.sent.add(member.userId);
      for (const step of member.steps)
        journal.record({ user: member.userId, step: stepKey(step), event: 'started' });
    }
    try {
      await write();
    } catch (error) {
      for (const member of members) fail(member, messageOf(error));
      return;
    }
    for (const member of members)
      for (const step of member.steps) {
        journal.record({ user: member.userId, step: stepKey(step), event: 'finished' });
        deps.onStepDone?.(member.userId, stepKey(step), true);
      }
  };

  const divisionOf = new Map<string, DivisionStep>();
  const rolesOf = new Map<string, RoleStep[]>();
  for (const { user, plan } of assessments) {
    const division = plan.steps.find((step): step is DivisionStep => step.kind === 'division');
    if (division) divisionOf.set(user.id, division);
    const roles = plan.steps.filter((step): step is RoleStep => step.kind === 'role');
    if (roles.length > 0) rolesOf.set(user.id, roles);
  }

  // Division moves: one call per division and chunk of users.
  const moves = new Map<string, Member[]>();
  await Promise.all(
    [...divisionOf].map(async ([userId, step]) => {
      const member = { userId, steps: [step] };
      try {
        const divisionId = await idOf(catalog.division(step.name));
        moves.set(divisionId, [...(moves.get(divisionId) ?? []), member]);
      } catch (error) {
        fail(member, messageOf(error));
      }
    }),
  );
  await Promise.all(
    [...moves].flatMap(([divisionId, members]) =>
      chunks(members, BATCH_IDS).map((chunk) =>
        send(chunk, () =>
          api.moveUsersToDivision(
            divisionId,
            chunk.map((m) => m.userId),
          ),
        ),
      ),
    ),
  );

  // Role grants, in the division the user is moved to (or is in).
  const wanted: { userId: string; divisionId: string; roles: { step: RoleStep; id: string }[] }[] =
    [];
  const users = new Map(assessments.map((a) => [a.user.id, a.user]));
  await Promise.all(
    [...rolesOf].map(async ([userId, steps]) => {
      try {
        const move = divisionOf.get(userId);
        const divisionId = move
          ? await idOf(catalog.division(move.name))
          : users.get(userId)?.division?.id;
        if (!divisionId) throw new Error('the user has no division to grant the roles in');
        const ids = await Promise.all(steps.map((step) => idOf(catalog.role(step.name))));
        wanted.push({ userId, divisionId, roles: steps.map((step, i) => ({ step, id: ids[i]! })) });
      } catch (error) {
        fail({ userId, steps }, messageOf(error));
      }
    }),
  );
  const groups = new Map<string, { roleId: string; divisionId: string; members: Member[] }>();
  for (const { userId, divisionId, roles } of wanted)
    for (const { step, id } of roles) {
      const key = `${id}\u0000${divisionId}`;
      const group = groups.get(key) ?? { roleId: id, divisionId, members: [] };
      group.members.push({ userId, steps: [step] });
      groups.set(key, group);
    }
  const byRoleCalls = [...groups.values()].reduce(
    (sum, group) => sum + Math.ceil(group.members.length / BATCH_IDS),
    0,
  );
  if (byRoleCalls <= wanted.length) {
    await Promise.all(
      [...groups.values()].flatMap(({ roleId, divisionId, members }) =>
        chunks(members, BATCH_IDS).map((chunk) =>
          send(chunk, () =>
            api.grantRoleToUsers(
              roleId,
              divisionId,
              chunk.map((m) => m.userId),
            ),
          ),
        ),
      ),
    );
  } else {
    await Promise.all(
      wanted.map(({ userId, divisionId, roles }) =>
        send([{ userId, steps: roles.map((r) => r.step) }], () =>
          api.grantRoles(
            userId,
            roles.map((r) => r.id),
            divisionId,
          ),
        ),
      ),
    );
  }
  return result;
}
