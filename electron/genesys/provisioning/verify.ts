/**
 * Verification: the users are read again from the org (in pages of 100) and planned again; a user
 * is repaired only when that fresh plan is empty. What remains is the reason given to people.
 */
import type { PostJitConfig } from '../../../shared/config/types';
import { describeStep, desiredStateFor, planRepair } from '../../../shared/provisioning';
import type { PlanStep, Utilization } from '../../../shared/provisioning';
import type { OrgPhone, OrgUser, GenesysAdapter, UserExpand } from '../adapter/types';
import { hasWebRtcDefault, phonesOf, stateOf, subjectOf } from './assess';
import type { Journal } from './journal';

export interface Verification {
  userId: string;
  /** What is still missing after the re-read; empty when the user is repaired. */
  remaining: PlanStep[];
  /** Why it could not be verified at all (the user vanished, the read failed). */
  error?: string;
}

export const USERS_PER_READ = 100;

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
  const desired = new Map(
    users.map((user) => [user.id, desiredStateFor(subjectOf(user), postJit)]),
  );
  // A WebRTC default station proves the phone; only users without one need a phone lookup.
  const phoneUnknown = users.filter(
    (user) => desired.get(user.id)?.webRtcPhone !== undefined && !hasWebRtcDefault(user),
  );
  let phones: Map<string, OrgPhone>;
  let utilizationById: Map<string, Utilization | null>;
  try {
    const [found, utilizations] = await Promise.all([
      phonesOf(
        api,
        phoneUnknown.map((user) => user.id),
      ),
      Promise.all(
        users.map(async (user) =>
          desired.get(user.id)?.utilization
            ? ((await api.utilizationOf(user.id))?.capacities ?? null)
            : null,
        ),
      ),
    ]);
    phones = found;
    utilizationById = new Map(users.map((user, i) => [user.id, utilizations[i] ?? null]));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    for (const user of users) unread.set(user.id, `re-reading the user failed: ${reason}`);
    byId.clear();
    phones = new Map();
    utilizationById = new Map();
  }

  return userIds.map((userId) => {
    const user = byId.get(userId);
    if (!user) {
      const error = unread.get(userId) ?? 'the user is no longer in the org (deleted?)';
      journal.record({ user: userId, step: 'verify', event: 'failed', error });
      return { userId, remaining: [], error };
    }
    const state = stateOf(user, phones.get(userId) ?? null, utilizationById.get(userId) ?? null);
    const plan = planRepair(desired.get(userId) ?? null, state);
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
