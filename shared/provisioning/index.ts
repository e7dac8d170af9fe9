/** Post-JIT provisioning: rules → desired state → plan. Pure; shared by the app, the CLI and the Lambda. */
export { matchRule, desiredStateFor } from './rules';
export { planRepair, stepKey, isSettled } from './plan';
export { describeStep, ruleLabel, stepChange, summarisePlan } from './describe';
export type {
  DesiredState,
  PhoneSettings,
  PlanStep,
  ProvisioningState,
  RepairPlan,
  RuleSubject,
} from './types';
