/**
 * Applying one user's plan (all but the default station, which waits for the WebRTC station to
 * appear, and the division and roles, which batch-writes.ts sends for many users at once): the
 * fewest writes the API allows (all skills in one bulk PATCH), every step journaled, and a phone
 * never created twice by one run: a create the journal saw in flight, or one that failed
 * ambiguously, is looked up by the phone's deterministic name before anything is sent again. A
 * phone another machine created for the same user is found by the check after creating, which the
 * executor makes for a whole batch of users at once (phones.ts: checkCreatedPhones).
 */
import { stepKey, type PlanStep } from '../../../shared/provisioning';
import type { AgentUtilization, OrgPhone, GenesysAdapter } from '../adapter/types';
import type { Assessment } from './assess';
import type { OrgCatalog, Resolved } from './catalog';
import type { Journal } from './journal';
import { keepOnePhone, phoneNameFor, type PhoneFinder } from './phones';

export interface StepFailure {
  step: string;
  message: string;
}

export interface AppliedUser {
  userId: string;
  failures: StepFailure[];
  /** The user's WebRTC phone after this pass (existing, found on re-check, or created). */
  phone: OrgPhone | null;
  /** False when a cancelled run reached this user before its first write (nothing was sent). */
  started: boolean;
  /** The agent's utilization as the PUT's answer gave it (absent: not written, or it failed). */
  utilization?: AgentUtilization | null;
  /** The phone this pass created, not yet checked for a duplicate another run made. */
  createdPhone?: OrgPhone;
}

export interface ApplyDeps {
  api: GenesysAdapter;
  catalog: OrgCatalog;
  /** Finds users' phones by name, gathering the lookups of concurrent users into few calls. */
  phones: PhoneFinder;
  journal: Journal;
  /** True when an earlier run's journal left this step unconfirmed (started, never finished). */
  wasInFlight(userId: string, step: string): boolean;
  /** Called after every step that ends (finished or failed), for progress. */
  onStepDone?(userId: string, step: string, ok: boolean): void;
  /** Once aborted, no further write starts: the remaining steps are left for a later run. */
  signal?: AbortSignal;
}

/** The failure message of a step a cancelled run never sent. */
export const NOT_SENT = 'not sent: the repair was cancelled first';

const SKILLS_PER_CALL = 50;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function value<T>(resolved: Resolved<T>): T {
  if (!resolved.ok) throw new Error(resolved.missing);
  return resolved.value;
}

export async function applyUserPlan(assessment: Assessment, deps: ApplyDeps): Promise<AppliedUser> {
  const { user, plan } = assessment;
  const { journal } = deps;
  const result: AppliedUser = {
    userId: user.id,
    failures: [],
    phone: assessment.phone,
    started: true,
  };
  let sent = 0;

  /** Runs one write for a group of steps, journaling each step's start and end. */
  const run = async (
    steps: readonly PlanStep[],
    write: () => Promise<Record<string, string | number | boolean> | void>,
  ) => {
    const keys = steps.map(stepKey);
    if (deps.signal?.aborted) {
      if (sent === 0) result.started = false;
      for (const step of keys) result.failures.push({ step, message: NOT_SENT });
      return false;
    }
    sent += 1;
    for (const step of keys) journal.record({ user: user.id, step, event: 'started' });
    try {
      const detail = (await write()) ?? undefined;
      for (const step of keys) {
        journal.record({ user: user.id, step, event: 'finished', ...(detail ? { detail } : {}) });
        deps.onStepDone?.(user.id, step, true);
      }
      return true;
    } catch (error) {
      const message = messageOf(error);
      for (const step of keys) {
        journal.record({ user: user.id, step, event: 'failed', error: message });
        result.failures.push({ step, message });
        deps.onStepDone?.(user.id, step, false);
      }
      return false;
    }
  };

  const skillSteps = plan.steps.filter((step) => step.kind === 'skill');
  for (let i = 0; i < skillSteps.length; i += SKILLS_PER_CALL) {
    const chunk = skillSteps.slice(i, i + SKILLS_PER_CALL);
    await run(chunk, async () => {
      const skills = await Promise.all(
        chunk.map(async (step) => ({
          id: value(await deps.catalog.skill(step.name)),
          proficiency: step.proficiency,
        })),
      );
      await deps.api.addSkills(user.id, skills);
    });
  }

  const utilization = plan.steps.find((step) => step.kind === 'utilization');
  if (utilization)
    await run([utilization], async () => {
      // PUT replaces the agent's utilization: the adapter keeps what the agent had.
      result.utilization = await deps.api.setUtilization(
        user.id,
        utilization.utilization,
        assessment.utilization,
      );
    });

  const phoneStep = plan.steps.find((step) => step.kind === 'webrtc-phone');
  if (phoneStep)
    await run([phoneStep], async () => {
      const phone = await ensurePhone(assessment, phoneStep, deps);
      result.phone = phone.phone;
      if (phone.created) result.createdPhone = phone.phone;
      return { phoneId: phone.phone.id, ...(phone.created ? {} : { recovered: true }) };
    });

  return result;
}

/**
 * The user's WebRTC phone: the one an earlier run created and died before journaling (looked up
 * by name when the journal saw the create in flight), else a new one. A create whose answer was
 * lost is looked up by name before it is sent again (the adapter's recheck).
 */
async function ensurePhone(
  assessment: Assessment,
  step: Extract<PlanStep, { kind: 'webrtc-phone' }>,
  deps: ApplyDeps,
): Promise<{ phone: OrgPhone; created: boolean }> {
  const { user } = assessment;
  if (deps.wasInFlight(user.id, 'webrtc-phone')) {
    const found = await deps.phones.ofUser(user.id);
    if (found.length > 0)
      return {
        phone: await keepOnePhone(user.id, found, { api: deps.api, journal: deps.journal }),
        created: false,
      };
  }
  const setup = value(await deps.catalog.phoneSetup(step));
  const created = await deps.api.createWebRtcPhone(
    {
      name: phoneNameFor(user.id),
      userId: user.id,
      siteId: setup.siteId,
      phoneBaseSettingsId: setup.phoneBaseSettingsId,
      phoneMetaBaseId: setup.phoneMetaBaseId,
      lineBaseSettingsId: setup.lineBaseSettingsId,
    },
    async () => (await deps.phones.ofUser(user.id))[0],
  );
  return { phone: created, created: true };
}
