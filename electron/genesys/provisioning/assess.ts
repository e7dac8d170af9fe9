/**
 * Assessment: the current state of many users read in bulk, each turned into a plan, and every
 * name the plan uses checked against the org so a missing skill or site shows up before anything
 * is applied (as a blocked step with the reason).
 */
import type { PostJitConfig } from '../../../shared/config/types';
import {
  desiredStateFor,
  planRepair,
  type DesiredState,
  type PlanStep,
  type ProvisioningState,
  type RepairPlan,
} from '../../../shared/provisioning';
import type {
  AgentUtilization,
  OrgPhone,
  OrgUser,
  GenesysAdapter,
  UserExpand,
} from '../adapter/types';
import type { OrgCatalog } from './catalog';
import { findByUser } from './lookup';

/** The station type Genesys Cloud gives a WebRTC phone's station. */
const WEBRTC_STATION_TYPE = 'inin_webrtc_softphone';

export interface Assessment {
  user: OrgUser;
  state: ProvisioningState;
  desired: DesiredState | null;
  plan: RepairPlan;
  /** The user's WebRTC phone when one exists (learned from the phone listing). */
  phone: OrgPhone | null;
  /** Every WebRTC phone of the user the assessment listed (absent: it did not look them up). */
  phones?: OrgPhone[];
  /** The agent's own utilization when a rule sets one (null: org defaults or not read). */
  utilization: AgentUtilization | null;
}

/** Which user expansions the rules need: roles and locations cost extra on every read. */
export function expandFor(postJit: PostJitConfig | undefined): UserExpand {
  const rules = postJit?.rules ?? [];
  return {
    roles: rules.some((rule) => rule.when.role !== undefined || (rule.roles?.length ?? 0) > 0),
    locations: rules.some((rule) => rule.when.location !== undefined),
  };
}

/** What rules are matched against. */
export function subjectOf(user: OrgUser) {
  const { id, department, title, location } = user;
  return { id, department, title, location, roles: user.roles ?? undefined };
}

export function hasWebRtcDefault(user: OrgUser): boolean {
  return user.defaultStation?.type === WEBRTC_STATION_TYPE;
}

export function stateOf(
  user: OrgUser,
  phone: OrgPhone | null,
  utilization: ProvisioningState['utilization'],
): ProvisioningState {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    department: user.department,
    title: user.title,
    location: user.location,
    roles: user.roles ?? undefined,
    division: user.division?.name ?? null,
    skills: user.skills.map(({ name, proficiency }) => ({ name, proficiency })),
    webRtcPhone: phone !== null || hasWebRtcDefault(user),
    // Only a WebRTC default counts when the rule asks for a WebRTC phone; a desk phone default stays.
    defaultStation: hasWebRtcDefault(user),
    utilization,
  };
}

/** The WebRTC phones of the users whose state cannot tell (no WebRTC default station). */
export async function phonesOf(
  api: GenesysAdapter,
  userIds: readonly string[],
): Promise<Map<string, OrgPhone[]>> {
  return findByUser(userIds, {
    listPage: (page) => api.phonesPage(page),
    ofUser: (id) => api.phonesOfUser(id),
    userOf: (phone) => phone.webRtcUserId,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function unresolvable(step: PlanStep, catalog: OrgCatalog): Promise<string | null> {
  // A lookup the org refuses (a 403 names the permission) blocks the steps that need it, not
  // the whole batch.
  const check = async (lookup: Promise<{ ok: boolean; missing?: string }>) => {
    try {
      const result = await lookup;
      return result.ok ? null : (result.missing ?? 'not found');
    } catch (error) {
      return messageOf(error);
    }
  };
  switch (step.kind) {
    case 'skill':
      return check(catalog.skill(step.name));
    case 'webrtc-phone':
      return check(catalog.phoneSetup(step));
    case 'role':
      return check(catalog.role(step.name));
    case 'division':
      return check(catalog.division(step.name));
    default:
      return null;
  }
}

/** Why a user's current state could not be read, per step kind it leaves unknown. */
type Unreadable = Partial<Record<PlanStep['kind'], string>>;

/**
 * Moves steps naming something the org lacks, or resting on a state that could not be read, into
 * `blocked`, with the reason.
 */
async function checkNames(
  plan: RepairPlan,
  catalog: OrgCatalog,
  unreadable: Unreadable = {},
): Promise<RepairPlan> {
  const problems = await Promise.all(
    plan.steps.map(async (step) => unreadable[step.kind] ?? unresolvable(step, catalog)),
  );
  if (problems.every((problem) => problem === null)) return plan;
  const blockedKinds = new Set(
    plan.steps.filter((_, i) => problems[i] !== null).map((step) => step.kind),
  );
  const steps = plan.steps.filter(
    (step, i) =>
      problems[i] === null &&
      // No phone, no station to make the default.
      !(step.kind === 'default-station' && blockedKinds.has('webrtc-phone')),
  );
  const blocked = [...plan.blocked, ...new Set(problems.filter((p): p is string => p !== null))];
  return { ...plan, steps, blocked };
}

export interface AssessDeps {
  api: GenesysAdapter;
  catalog: OrgCatalog;
  postJit: PostJitConfig | undefined;
}

/** A user's state beyond the user read: the phone and utilization its rule needs. */
export interface ExtraState {
  phone: OrgPhone | null;
  /** All the user's WebRTC phones, when they were looked up. */
  phones?: OrgPhone[];
  utilization: AgentUtilization | null;
  /** Why a part could not be read (a 403 names the missing permission), per step kind. */
  unreadable: Unreadable;
}

/**
 * The WebRTC phone (of users without a WebRTC default) and the agent utilization (of users whose
 * rule sets one), read in bulk. A read the org refuses or that fails leaves only the users who
 * need it unknown for that step, with the reason; the others are read as usual.
 */
export async function readExtraState(
  api: GenesysAdapter,
  users: readonly OrgUser[],
  desired: readonly (DesiredState | null)[],
  /** Utilizations already known this run (a PUT's answer), not read again. */
  knownUtilization: ReadonlyMap<string, AgentUtilization | null> = new Map(),
): Promise<ExtraState[]> {
  const phoneUnknown = users.filter(
    (user, i) => desired[i]?.webRtcPhone !== undefined && !hasWebRtcDefault(user),
  );
  const [phones, utilizations] = await Promise.all([
    phonesOf(
      api,
      phoneUnknown.map((user) => user.id),
    ).catch(
      (error: unknown) => new Error(`looking up the WebRTC phones failed: ${messageOf(error)}`),
    ),
    Promise.all(
      // Genesys has no bulk read of agent utilization (RoutingApi: only
      // GET /routing/users/{userId}/utilization), and a PUT replaces every media and label, so
      // each agent whose rule sets a utilization is read once, one call each, before its PUT.
      users.map((user, i) =>
        knownUtilization.has(user.id)
          ? (knownUtilization.get(user.id) ?? null)
          : desired[i]?.utilization
            ? api
                .utilizationOf(user.id)
                .catch(
                  (error: unknown) =>
                    new Error(`reading the utilization failed: ${messageOf(error)}`),
                )
            : null,
      ),
    ),
  ]);
  const unknownIds = new Set(phoneUnknown.map((user) => user.id));
  return users.map((user, i) => {
    const unreadable: Unreadable = {};
    let listed: OrgPhone[] | undefined;
    if (!(phones instanceof Error)) listed = phones.get(user.id);
    else if (unknownIds.has(user.id)) {
      unreadable['webrtc-phone'] = phones.message;
      unreadable['default-station'] = phones.message;
    }
    const read = utilizations[i] ?? null;
    if (read instanceof Error) unreadable.utilization = read.message;
    return {
      phone: listed?.[0] ?? null,
      ...(listed ? { phones: listed } : {}),
      utilization: read instanceof Error ? null : read,
      unreadable,
    };
  });
}

export async function assessUsers(
  users: readonly OrgUser[],
  deps: AssessDeps,
): Promise<Assessment[]> {
  const { api, catalog, postJit } = deps;
  const desired = users.map((user) => desiredStateFor(subjectOf(user), postJit));
  const extra = await readExtraState(api, users, desired);
  return Promise.all(
    users.map(async (user, i) => {
      const { phone, phones, utilization, unreadable } = extra[i]!;
      const state = stateOf(user, phone, utilization?.capacities ?? null);
      const plan = await checkNames(planRepair(desired[i] ?? null, state), catalog, unreadable);
      return {
        user,
        state,
        desired: desired[i] ?? null,
        plan,
        phone,
        ...(phones ? { phones } : {}),
        utilization,
      };
    }),
  );
}
