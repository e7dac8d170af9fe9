/**
 * The repair plan: a pure, ordered diff of desired vs current post-JIT state, one reason per step.
 * Only additions and updates: skills or roles the user holds beyond the rule are left alone, since
 * an admin may have granted them by hand.
 */
import type { MediaType } from '../config/types';
import type { DirectorySkill } from '../directory/types';
import type { DesiredState, PlanStep, ProvisioningState, RepairPlan, Utilization } from './types';

const MEDIA_ORDER: readonly MediaType[] = ['call', 'callback', 'chat', 'email', 'message'];

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

function skillSteps(
  wanted: readonly DirectorySkill[],
  held: readonly DirectorySkill[],
  because: string,
): PlanStep[] {
  const heldByName = new Map(held.map((skill) => [skill.name, skill.proficiency]));
  const steps: PlanStep[] = [];
  for (const { name, proficiency } of wanted) {
    const from = heldByName.get(name);
    if (from !== undefined && sameNumber(from, proficiency)) continue;
    const change = from === undefined ? '' : `, now ${from}`;
    steps.push({
      kind: 'skill',
      name,
      proficiency,
      from: from ?? null,
      reason: `${because} → skill ${name} (${proficiency}${change})`,
    });
  }
  return steps;
}

export function formatUtilization(utilization: Utilization): string {
  return MEDIA_ORDER.filter((media) => utilization[media] !== undefined)
    .map((media) => `${media} ${utilization[media]}`)
    .join(', ');
}

function utilizationStep(
  wanted: Utilization | undefined,
  current: Utilization | null | undefined,
  because: string,
): PlanStep[] {
  if (!wanted) return [];
  const differs = MEDIA_ORDER.some((media) => {
    const target = wanted[media];
    const actual = current?.[media];
    return target !== undefined && (actual === undefined || !sameNumber(actual, target));
  });
  if (!differs) return [];
  const now =
    current && Object.keys(current).length > 0 ? formatUtilization(current) : 'org defaults';
  return [
    {
      kind: 'utilization',
      utilization: { ...wanted },
      from: current && Object.keys(current).length > 0 ? { ...current } : null,
      reason: `${because} → utilization ${formatUtilization(wanted)} (now ${now})`,
    },
  ];
}

function phoneSteps(
  desired: DesiredState,
  current: ProvisioningState,
  because: string,
  blocked: string[],
): PlanStep[] {
  if (desired.webRtcPhone === undefined) return [];
  const steps: PlanStep[] = [];
  if (!current.webRtcPhone) {
    if (desired.webRtcPhone === null) {
      blocked.push(
        `rule ${desired.match.index + 1} (${because}) asks for a WebRTC phone but postJit.phone ` +
          '(site and base settings) is not configured',
      );
      return [];
    }
    const phone = desired.webRtcPhone;
    steps.push({
      kind: 'webrtc-phone',
      ...phone,
      reason: `${because} → WebRTC phone on site ${phone.site} (${phone.phoneBaseSettings})`,
    });
  }
  if (!current.defaultStation) {
    steps.push({
      kind: 'default-station',
      reason: `${because} → the WebRTC phone's station becomes the default station`,
    });
  }
  return steps;
}

function accessSteps(
  desired: DesiredState,
  current: ProvisioningState,
  because: string,
): PlanStep[] {
  const steps: PlanStep[] = [];
  if (desired.division && desired.division !== (current.division ?? null)) {
    steps.push({
      kind: 'division',
      name: desired.division,
      from: current.division ?? null,
      reason: `${because} → division ${desired.division} (now ${current.division ?? 'none'})`,
    });
  }
  const held = new Set(current.roles ?? []);
  for (const role of desired.roles ?? []) {
    if (!held.has(role))
      steps.push({ kind: 'role', name: role, reason: `${because} → role ${role}` });
  }
  return steps;
}

/**
 * The ordered steps that take `current` to `desired`: skills, WebRTC phone, default station (after
 * its phone), utilization, then division and roles. A user already right gets no steps; no desired
 * state (no rule matched) means nothing to do.
 */
export function planRepair(desired: DesiredState | null, current: ProvisioningState): RepairPlan {
  if (!desired) return { userId: current.id, match: null, steps: [], blocked: [] };
  const because = desired.match.because;
  const blocked: string[] = [];
  const steps = [
    ...skillSteps(desired.skills, current.skills ?? [], because),
    ...phoneSteps(desired, current, because, blocked),
    ...utilizationStep(desired.utilization, current.utilization, because),
    ...accessSteps(desired, current, because),
  ];
  return { userId: current.id, match: desired.match, steps, blocked };
}

/** A stable name for a step inside one user's plan, used by the journal ("skill:Customer_Service"). */
export function stepKey(step: PlanStep): string {
  switch (step.kind) {
    case 'skill':
    case 'role':
      return `${step.kind}:${step.name}`;
    default:
      return step.kind;
  }
}

/** True when the plan leaves nothing to do and nothing blocked. */
export function isSettled(plan: RepairPlan): boolean {
  return plan.steps.length === 0 && plan.blocked.length === 0;
}
