/**
 * Verification: the users are read again from the org (in pages of 100) and planned again; a user
 * is repaired only when that fresh plan is empty. What remains is the reason given to people.
 */
import type { PostJitConfig } from '../../../shared/config/types';
import { describeStep, desiredStateFor, planRepair } from '../../../shared/provisioning';
import type { PlanStep } from '../../../shared/provisioning';
import type { AgentUtilization, OrgUser, GenesysAdapter, UserExpand } from '../adapter/types';
import { readExtraState, stateOf, subjectOf } from './assess';
import type { Journal } from './journal';

export interface Verification {
  userId: string;
  /** What is still missing after the re-read; empty when the user is repaired. */
  remaining: PlanStep[];
  /** Why it could not be verified at all (the user vanished, the read failed). */
  error?: string;
}

const USERS_PER_READ = 100;

export async function readUsers(
  api: GenesysAdapter,
  ids: readonly string[],
  expand: UserExpand,
): Promise<OrgUser[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += USERS_PER_READ)
    chunks.push(ids.slice(i, i + USERS_PER_READ));
  const pages = await Promise.all(chunks.map((chunk) => api.usersByIds(chunk, expand)));
  return pages.flat();
}

export async function verifyUsers(
  userIds: readonly string[],
  deps: {
    api: GenesysAdapter;
    postJit: PostJitConfig | undefined;
    journal: Journal;
    expand: UserExpand;
    /** Utilizations this run knows without a read (a PUT's answer, or untouched since assessed). */
    knownUtilization?: ReadonlyMap<string, AgentUtilization | null>;
  },
): Promise<Verification[]> {
  const { api, postJit, journal } = deps;
  // Page by page: a page that cannot be read leaves only its own users unverified.
  const chunks: string[][] = [];
  for (let i = 0; i < userIds.length; i += USERS_PER_READ)
    chunks.push(userIds.slice(i, i + USERS_PER_READ));
  const pages = await Promise.allSettled(chunks.map((chunk) => api.usersByIds(chunk, deps.expand)));
  const unread = new Map<string, string>();
  const users: OrgUser[] = [];
  pages.forEach((page, i) => {
    if (page.status === 'fulfilled') users.push(...page.value);
    else {
      const reason = page.reason instanceof Error ? page.reason.message : String(page.reason);
      for (const id of chunks[i]!) unread.set(id, `re-reading the user failed: ${reason}`);
    }
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  const desired = users.map((user) => desiredStateFor(subjectOf(user), postJit));
  const extra = await readExtraState(api, users, desired, deps.knownUtilization);
  const index = new Map(users.map((user, i) => [user.id, i]));

  return userIds.map((userId) => {
    const user = byId.get(userId);
    if (!user) {
      const error = unread.get(userId) ?? 'the user is no longer in the org (deleted?)';
      journal.record({ user: userId, step: 'verify', event: 'failed', error });
      return { userId, remaining: [], error };
    }
    const i = index.get(userId)!;
    const { phone, utilization, unreadable } = extra[i]!;
    const state = stateOf(user, phone, utilization?.capacities ?? null);
    const plan = planRepair(desired[i] ?? null, state);
    // A part of the state that could not be read leaves the steps resting on it unverified.
    const reasons = [...new Set(plan.steps.flatMap((step) => unreadable[step.kind] ?? []))];
    if (reasons.length > 0) {
      const error = `cannot verify: ${reasons.join('; ')}`;
      journal.record({ user: userId, step: 'verify', event: 'failed', error });
      return { userId, remaining: plan.steps, error };
    }
    if (plan.steps.length === 0) {
      journal.record({ user: userId, step: 'verify', event: 'finished' });
    } else {
      journal.record({
        user: userId,
        step: 'verify',
        event: 'failed',
        error: `still to do: ${plan.steps.map(describeStep).join('; ')}`,
      });
    }
    return { userId, remaining: plan.steps };
  });
}
