/** Plan steps in words, for the CLI, the app and the journal. */
import { formatUtilization } from './plan';
import type { PlanStep, RepairPlan } from './types';

/** What the step does, imperative ("add skill Customer_Service (1)"). */
export function describeStep(step: PlanStep): string {
  switch (step.kind) {
    case 'skill':
      return step.from === null
        ? `add skill ${step.name} (${step.proficiency})`
        : `set skill ${step.name} to ${step.proficiency} (now ${step.from})`;
    case 'webrtc-phone':
      return `create a WebRTC phone on site ${step.site} (${step.phoneBaseSettings})`;
    case 'default-station':
      return 'make the WebRTC station the default station';
    case 'utilization':
      return `set utilization ${formatUtilization(step.utilization)} (now ${
        step.from ? formatUtilization(step.from) : 'org defaults'
      })`;
    case 'role':
      return `grant role ${step.name}`;
    case 'division':
      return `move to division ${step.name} (now ${step.from ?? 'none'})`;
  }
}

/** The user's state before and after the step, in words, for the journal. */
export function stepChange(step: PlanStep): { before: string; after: string } {
  switch (step.kind) {
    case 'skill':
      return {
        before: step.from === null ? `no skill ${step.name}` : `skill ${step.name} at ${step.from}`,
        after: `skill ${step.name} at ${step.proficiency}`,
      };
    case 'webrtc-phone':
      return { before: 'no WebRTC phone', after: `WebRTC phone on site ${step.site}` };
    case 'default-station':
      return { before: 'no default station', after: 'its WebRTC station as the default' };
    case 'utilization':
      return {
        before: `utilization ${step.from ? formatUtilization(step.from) : 'org defaults'}`,
        after: `utilization ${formatUtilization(step.utilization)}`,
      };
    case 'role':
      return { before: `without role ${step.name}`, after: `role ${step.name}` };
    case 'division':
      return {
        before: `division ${step.from ?? 'none'}`,
        after: `division ${step.name}`,
      };
  }
}

/** "rule 2: department Sales", or null when no rule matches. */
export function ruleLabel(plan: RepairPlan): string | null {
  return plan.match ? `rule ${plan.match.index + 1}: ${plan.match.because}` : null;
}

/** One line summing a plan up ("3 steps", "nothing to do", "no rule matches"). */
export function summarisePlan(plan: RepairPlan): string {
  if (plan.blocked.length > 0 && plan.steps.length === 0) return 'blocked';
  if (plan.steps.length === 0) return plan.match ? 'nothing to do' : 'no rule matches';
  const count = `${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}`;
  return plan.blocked.length > 0 ? `${count}, partly blocked` : count;
}
