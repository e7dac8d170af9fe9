/**
 * Applying a reviewed plan (a plan file, or the list the app's Repair screen reviewed): only the
 * steps that were reviewed are written, and each only if it still reads as reviewed when its write
 * comes. The executor asks `recheck` right before the writes of a group of users (ApplyOptions):
 * those users are read again then (one bulk read per 100 users; a user's WebRTC phones and
 * utilization only when a step still to write changes them), planned again, and held against the
 * review. Users asked for while a read is on its way go out together in the next read, so the check
 * costs a fraction of a call per user and is never older than one read.
 *
 * What is left unwritten is remembered per user, each step named once, for the summary and the
 * app's results (plan-file.ts words it).
 */
import type { PostJitConfig } from '../../../shared/config/types';
import {
  describeStep,
  desiredStateFor,
  planRepair,
  ruleLabel,
  stepKey,
  type PlanStep,
} from '../../../shared/provisioning';
import {
  mergeUnwritten,
  NOTHING_UNWRITTEN,
  reconcileWithReview,
  type PlanFileStep,
  type Unwritten,
} from '../../../shared/provisioning/plan-file';
import type { AgentUtilization, GenesysAdapter, OrgPhone, UserExpand } from '../adapter/types';
import { STILL_TO_DO, type RepairOutcome } from './executor';
import { hasWebRtcDefault, phonesOf, stateOf, subjectOf, type Assessment } from './assess';
import { readUsers } from './verify';
import { gathered } from '../gather';

export interface ReviewedApply {
  /** A fresh assessment limited to the reviewed steps that still read as reviewed. */
  limit(assessment: Assessment): Assessment;
  /** What has been left unwritten for this user so far, and why. */
  unwritten(userId: string): Unwritten;
  /**
   * These users read again now, each limited to the steps of its assessment that still read as
   * reviewed (ApplyOptions.recheck); same order and length.
   */
  recheck(group: readonly Assessment[]): Promise<Assessment[]>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const has = (steps: readonly PlanStep[], kind: PlanStep['kind']) =>
  steps.some((step) => step.kind === kind);

export function reviewedApply(
  reviewed: ReadonlyMap<string, readonly PlanFileStep[]>,
  deps: { api: GenesysAdapter; postJit: PostJitConfig | undefined; expand: UserExpand },
): ReviewedApply {
  const { api, postJit, expand } = deps;
  const left = new Map<string, Unwritten>();
  const note = (userId: string, more: Unwritten) =>
    left.set(userId, mergeUnwritten(left.get(userId) ?? NOTHING_UNWRITTEN, more));

  /** Nothing of `steps` is written: the state they rest on could not be read again. */
  const unchecked = (assessment: Assessment, reason: string): Assessment => {
    const { steps } = assessment.plan;
    if (steps.length > 0)
      note(assessment.user.id, {
        ...NOTHING_UNWRITTEN,
        unchecked: steps.map((step) => `${describeStep(step)} (${reason})`),
        keys: steps.map(stepKey),
      });
    return { ...assessment, plan: { ...assessment.plan, steps: [] } };
  };

  /** One read of these users and of the parts of their state their steps to write change. */
  async function reread(group: readonly Assessment[]): Promise<Assessment[]> {
    let users;
    try {
      users = await readUsers(
        api,
        group.map((a) => a.user.id),
        expand,
      );
    } catch (error) {
      return group.map((a) => unchecked(a, `reading the user failed: ${messageOf(error)}`));
    }
    const byId = new Map(users.map((user) => [user.id, user]));
    const phoneIds = group
      .filter((a) => {
        const user = byId.get(a.user.id);
        return user && has(a.plan.steps, 'webrtc-phone') && !hasWebRtcDefault(user);
      })
      .map((a) => a.user.id);
    const [phones, utilizations] = await Promise.all([
      phonesOf(api, phoneIds).catch(
        (error: unknown) => new Error(`looking up the WebRTC phones failed: ${messageOf(error)}`),
      ),
      Promise.all(
        group.map(async (a): Promise<AgentUtilization | null | Error> =>
          has(a.plan.steps, 'utilization') && byId.has(a.user.id)
            ? api
                .utilizationOf(a.user.id)
                .catch(
                  (error: unknown) =>
                    new Error(`reading the utilization failed: ${messageOf(error)}`),
                )
            : a.utilization,
        ),
      ),
    ]);
    return group.map((a, i) => {
      const user = byId.get(a.user.id);
      if (!user) return unchecked(a, 'the user is no longer in the org (deleted?)');
      let phone: OrgPhone | null = a.phone;
      if (phoneIds.includes(user.id)) {
        if (phones instanceof Error) return unchecked(a, phones.message);
        phone = phones.get(user.id)?.[0] ?? null;
      }
      const utilization = utilizations[i]!;
      if (utilization instanceof Error) return unchecked(a, utilization.message);
      const desired = desiredStateFor(subjectOf(user), postJit);
      const state = stateOf(user, phone, utilization?.capacities ?? null);
      const fresh = planRepair(desired, state);
      const fresher = { user, state, desired, phone, utilization };
      // Another rule now (the department changed, say): what was reviewed is no longer the plan.
      if (ruleLabel(fresh) !== ruleLabel(a.plan)) {
        const now = ruleLabel(fresh) ?? 'no rule';
        const steps = a.plan.steps;
        note(user.id, {
          ...NOTHING_UNWRITTEN,
          changed: steps.map(
            (step) =>
              `${describeStep(step)} (reviewed under ${ruleLabel(a.plan) ?? 'no rule'}; the user now matches ${now})`,
          ),
          keys: steps.map(stepKey),
        });
        return { ...a, ...fresher, plan: { ...a.plan, steps: [] } };
      }
      // Only what was still to be written is held against the review: a step the org needs that
      // this run never meant to write (blocked, or left out before) was accounted for already.
      const toWrite = new Set(a.plan.steps.map(stepKey));
      const limited = reconcileWithReview(
        { ...fresh, steps: fresh.steps.filter((step) => toWrite.has(stepKey(step))) },
        reviewed.get(user.id) ?? [],
      );
      note(user.id, limited);
      return { ...a, ...fresher, plan: { ...a.plan, steps: limited.plan.steps } };
    });
  }

  // Users asked for in the same turn, or while a read is on its way, go out together in the next
  // read; `reread` pages the users and their phones itself, so one read takes them all.
  const asked = new Map<string, Assessment>();
  const rereadTogether = gathered(
    (ids) => reread(ids.map((id) => asked.get(id)!)),
    (fresh) => fresh.user.id,
    Number.POSITIVE_INFINITY,
  );

  return {
    limit(assessment) {
      const limited = reconcileWithReview(assessment.plan, reviewed.get(assessment.user.id) ?? []);
      note(assessment.user.id, limited);
      return { ...assessment, plan: limited.plan };
    },
    unwritten: (userId) => left.get(userId) ?? NOTHING_UNWRITTEN,
    recheck(group) {
      return Promise.all(
        group.map((assessment) => {
          asked.set(assessment.user.id, assessment);
          return rereadTogether([assessment.user.id]).then(
            ([fresh]) => fresh!,
            (error: unknown) => unchecked(assessment, messageOf(error)),
          );
        }),
      );
    },
  };
}

/**
 * An outcome whose "still to do" and failures no longer name the steps `unwritten` explains (a
 * drifted step is still to do, but it is said once, with why it was not written).
 */
export function withoutExplained(outcome: RepairOutcome, unwritten: Unwritten): RepairOutcome {
  const explained = new Set(unwritten.keys);
  if (explained.size === 0) return outcome;
  const remaining = outcome.remaining.filter((step) => !explained.has(stepKey(step)));
  // "default-station: not written: …" and "still to do: …" say again what `unwritten` says.
  const reasons = outcome.reasons.filter(
    (reason) =>
      !reason.startsWith(STILL_TO_DO) &&
      ![...explained].some((key) => reason.startsWith(`${key}: `)),
  );
  if (remaining.length > 0) reasons.push(`${STILL_TO_DO}${remaining.map(describeStep).join('; ')}`);
  return { ...outcome, reasons, remaining };
}
