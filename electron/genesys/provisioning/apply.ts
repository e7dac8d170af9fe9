/**
 * Applying one user's plan (all but the default station, which waits for the WebRTC station to
 * appear, and the division and roles, which batch-writes.ts sends for many users at once): the
 * fewest writes the API allows (all skills in one bulk PATCH), every step journaled, and a phone
 * never created twice: the user's phone is looked up by its deterministic name right before a
 * create (phones.ts), a create the journal saw in flight, or one that failed ambiguously, is
 * re-checked against the org before anything is sent again, and a phone another machine created
 * at the same moment is found after the create and one of the two removed.
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
      return {
        phoneId: phone.phone.id,
        ...(phone.recovered ? { recovered: true } : {}),
        ...(phone.found ? { found: true } : {}),
      };
    });

  return result;
}

/**
 * The user's one WebRTC phone: found (by the journal's in-flight mark, or by its name right before
 * a create), else created; after a create, looked up again so a phone another run created at the
 * same moment is seen and one of the two removed.
 */
async function ensurePhone(
  assessment: Assessment,
  step: Extract<PlanStep, { kind: 'webrtc-phone' }>,
  deps: ApplyDeps,
): Promise<{ phone: OrgPhone; recovered: boolean; found: boolean }> {
  const { user } = assessment;
  const keep = (phones: readonly OrgPhone[]) =>
    keepOnePhone(user.id, phones, { api: deps.api, journal: deps.journal });
  // The previous run may have created it and died before journaling: look before creating.
  if (deps.wasInFlight(user.id, 'webrtc-phone')) {
    const found = (await deps.api.phonesOfUser(user.id))[0];
    if (found) return { phone: found, recovered: true, found: false };
  }
  // Another machine, or a redelivered message, may have made it since the assessment.
  const named = await deps.phones.ofUser(user.id);
  if (named.length > 0) return { phone: await keep(named), recovered: false, found: true };

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
  // Two runs that created at the same moment: the second to look sees both phones.
  const after = await deps.phones.ofUser(user.id);
  const phones = after.some((phone) => phone.id === created.id) ? after : [...after, created];
  return { phone: await keep(phones), recovered: false, found: false };
}
