/** The org the app talks to: profiles (the secret stays in the main process) and the connection. */
import { id, none, text, type RequestShapes } from './common';

/** An org profile as the renderer sees it: the client secret never leaves the main process. */
export interface OrgProfileView {
  id: string;
  name: string;
  /** Genesys Cloud domain, e.g. mypurecloud.ie. */
  region: string;
  clientId: string;
  hasSecret: boolean;
}

export interface OrgProfileInput {
  /** Absent to create a profile. */
  id?: string;
  name: string;
  region: string;
  clientId: string;
  /** Absent or empty to keep the stored secret. */
  secret?: string;
}

export interface OrgStatus {
  kind: 'demo' | 'org';
  /** Org or profile name. */
  name: string;
  region: string;
  /** The profile in use; null for the demo org. */
  profileId: string | null;
  /** Why the org is not usable, when it is not. */
  problem: string | null;
  /** The demo org's stuck agents (6, or 2,000 for the stampede demo); null for a live org. */
  demoStuckAgents: number | null;
}

/** One permission the configured rules need, held by the OAuth client or not. */
interface PermissionCheckView {
  /** `domain:entity:action`, as Admin > Roles/Permissions names it. */
  permission: string;
  present: boolean;
  /** The operations that need it, each with what JIT Doctor uses it for. */
  neededFor: { operation: string; purpose: string }[];
}

/** The permission preflight (`jit-doctor org check`) of the org in use. Nothing is written. */
export interface PermissionReportView {
  /** The org checked: "the demo org", or the profile's name and region. */
  org: string;
  /** Where the rules checked come from (the configuration's source). */
  configSource: string;
  /** How many post-JIT rules it has (none: only finding and reading users is checked). */
  ruleCount: number;
  checks: PermissionCheckView[];
  /** The permissions of `checks` the client lacks, by name. */
  missing: string[];
  /**
   * Operations the rules also need that the SDK docs list without a permission, with what each is
   * for and, where known, a fact about the real API (Genesys Cloud may still check one).
   */
  unlisted: { operation: string; purpose: string; note?: string }[];
}

export interface OrgInvokes {
  listOrgProfiles: { request: void; reply: OrgProfileView[] };
  /** Creates or updates a profile; the secret is encrypted with the OS keychain and never returned. */
  saveOrgProfile: { request: OrgProfileInput; reply: OrgProfileView };
  deleteOrgProfile: { request: { id: string }; reply: OrgProfileView[] };
  /**
   * Uses a profile's org, or the demo org when `profileId` is null (with `demoStuckAgents` stuck
   * agents: 6 by default, 2,000 for the stampede demo). Refused while a repair job runs.
   */
  connectOrg: {
    request: { profileId: string | null; demoStuckAgents?: number };
    reply: OrgStatus;
  };
  getOrgStatus: { request: void; reply: OrgStatus };
  /**
   * Reads the OAuth client's own permissions in the org in use and reports each one the active
   * configuration's post-JIT rules need, present or missing (the same check as `org check`).
   */
  checkOrgPermissions: { request: void; reply: PermissionReportView };
}

export const ORG_SHAPES: RequestShapes<OrgInvokes> = {
  listOrgProfiles: none,
  saveOrgProfile: {
    id: { ...id, optional: true },
    name: text(200),
    region: text(100),
    clientId: text(200),
    secret: { type: 'string', max: 500, optional: true },
  },
  deleteOrgProfile: { id },
  connectOrg: {
    profileId: { ...id, nullable: true },
    demoStuckAgents: { type: 'number', min: 6, max: 5000, integer: true, optional: true },
  },
  getOrgStatus: none,
  checkOrgPermissions: none,
};
