/**
 * Post-JIT provisioning (docs/configuration.md `postJit`): what a user should have, what they have, and the
 * ordered plan that takes one to the other. Pure types, safe for the renderer and the Lambda.
 */
import type { MediaType, PostJitRule } from '../config/types';
import type { DirectorySkill } from '../directory/types';

/** The user fields a rule's `when` can test. */
export type RuleField = 'department' | 'title' | 'location' | 'role';

/** What rules are matched against: the user's profile as JIT left it. */
export interface RuleSubject {
  department?: string | null;
  title?: string | null;
  location?: string | null;
  /** Role names the user holds. */
  roles?: readonly string[];
}

/** The user's current post-JIT state, in the shape of a DirectoryUser (a snapshot row or a live read). */
export interface ProvisioningState extends RuleSubject {
  id: string;
  name?: string;
  email?: string;
  division?: string | null;
  skills?: readonly DirectorySkill[];
  /** The user has a WebRTC phone (any site). */
  webRtcPhone?: boolean;
  /** The user has a default station. */
  defaultStation?: boolean;
  /** Agent-level maximum capacity per media type; null or absent = the org defaults apply. */
  utilization?: Partial<Record<MediaType, number>> | null;
}

export type Utilization = Partial<Record<MediaType, number>>;

/** Which rule matched and why, in words ("department Seasonal_Retail", "default rule"). */
export interface RuleMatch {
  /** 0-based index in `postJit.rules`. */
  index: number;
  rule: PostJitRule;
  /** The conditions that matched, for the reasons shown to people. */
  because: string;
}

export interface PhoneSettings {
  site: string;
  phoneBaseSettings: string;
  /** Defaults to the first line of the phone base settings when not named. */
  lineBaseSettings?: string;
}

/** What the matched rule says the user should have. */
export interface DesiredState {
  userId: string;
  match: RuleMatch;
  skills: DirectorySkill[];
  /** Present when the rule asks for a WebRTC phone; null when it asks for one but `postJit.phone` is missing. */
  webRtcPhone: PhoneSettings | null | undefined;
  utilization?: Utilization;
  roles?: string[];
  division?: string;
}

export type PlanStep =
  | { kind: 'skill'; name: string; proficiency: number; from: number | null; reason: string }
  | ({ kind: 'webrtc-phone'; reason: string } & PhoneSettings)
  | { kind: 'default-station'; reason: string }
  | { kind: 'utilization'; utilization: Utilization; from: Utilization | null; reason: string }
  | { kind: 'role'; name: string; reason: string }
  | { kind: 'division'; name: string; from: string | null; reason: string };

export type PlanStepKind = PlanStep['kind'];

/** The ordered diff for one user. An empty `steps` with no `blocked` means the user is already right. */
export interface RepairPlan {
  userId: string;
  /** The rule that produced it; null when no rule matches the user (nothing to do). */
  match: RuleMatch | null;
  steps: PlanStep[];
  /** Why part of the desired state cannot be planned (a configuration gap); the user cannot be fully repaired. */
  blocked: string[];
}
