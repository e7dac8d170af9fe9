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

/** One line summing a plan up ("3 steps", "nothing to do", "no rule matches"). */
export function summarisePlan(plan: RepairPlan): string {
  if (plan.blocked.length > 0 && plan.steps.length === 0) return 'blocked';
  if (plan.steps.length === 0) return plan.match ? 'nothing to do' : 'no rule matches';
  const count = `${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}`;
  return plan.blocked.length > 0 ? `${count}, partly blocked` : count;
}
