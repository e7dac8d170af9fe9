/**
 * The Genesys Cloud operations the repair executor needs, as thin typed functions over the one
 * connection and its scheduler (spec/genesys-api.md). Bulk reads return pages so the executor can
 * choose between one listing and a handful of per-user lookups, whichever costs fewer calls.
 */

/** A user as the executor reads it: the profile fields rules test and the post-JIT state. */
export interface OrgUser {
  id: string;
  name: string;
  email: string;
  department: string | null;
  title: string | null;
  location: string | null;
  division: { id: string; name: string } | null;
  /** Null when the read did not ask for roles (no rule needs them). */
  roles: string[] | null;
  skills: { id: string; name: string; proficiency: number }[];
  defaultStation: { id: string; type: string | null } | null;
}

export interface Page<T> {
  items: T[];
  pageCount: number;
}

export interface OrgPhone {
  id: string;
  name: string;
  webRtcUserId: string | null;
  siteId: string | null;
}

export interface OrgStation {
  id: string;
  webRtcUserId: string | null;
  type: string | null;
}

export interface PhoneBaseSettingsRef {
  id: string;
  name: string;
  metaBaseId: string;
  lines: { id: string; name: string }[];
}

export interface NewWebRtcPhone {
  name: string;
  userId: string;
  siteId: string;
  phoneBaseSettingsId: string;
  phoneMetaBaseId: string;
  lineBaseSettingsId: string;
}

export interface CreatedUsers {
  userId: string;
  at: string;
}

export interface UserExpand {
  roles: boolean;
  locations: boolean;
}

export interface ProvisioningApi {
  /** GET /api/v2/users?id=…&expand=…: at most 100 ids per call. */
  usersByIds(ids: readonly string[], expand: UserExpand): Promise<OrgUser[]>;
  /** One user by id or email, with the same expansion; null when there is none. */
  findUser(idOrEmail: string, expand: UserExpand): Promise<OrgUser | null>;
  /** Audit realtime query: users created in [from, to), oldest first. */
  usersCreatedBetween(from: Date, to: Date): Promise<CreatedUsers[]>;
  /** GET /routing/skills?name= (a prefix match: the caller keeps exact names). */
  skillsNamed(name: string): Promise<{ id: string; name: string }[]>;
  sitesNamed(name: string): Promise<{ id: string; name: string }[]>;
  phoneBaseSettingsNamed(name: string): Promise<PhoneBaseSettingsRef[]>;
  lineBaseSettingsPage(pageNumber: number): Promise<Page<{ id: string; name: string }>>;
  rolesNamed(name: string): Promise<{ id: string; name: string }[]>;
  divisionsNamed(name: string): Promise<{ id: string; name: string }[]>;
  phonesPage(pageNumber: number): Promise<Page<OrgPhone>>;
  phonesOfUser(userId: string): Promise<OrgPhone[]>;
  stationsPage(pageNumber: number): Promise<Page<OrgStation>>;
  stationsOfUser(userId: string): Promise<OrgStation[]>;
  /** POST …/phones; `recheck` says whether an ambiguous failure in fact created it. */
  createWebRtcPhone(
    phone: NewWebRtcPhone,
    recheck: () => Promise<OrgPhone | undefined>,
  ): Promise<OrgPhone>;
  setDefaultStation(userId: string, stationId: string): Promise<void>;
  /** PATCH …/routingskills/bulk, at most 50 skills per call. */
  addSkills(userId: string, skills: readonly { id: string; proficiency: number }[]): Promise<void>;
  /** Agent-level utilization, or null when the org defaults apply. */
  utilizationOf(userId: string): Promise<Partial<Record<string, number>> | null>;
  setUtilization(userId: string, utilization: Partial<Record<string, number>>): Promise<void>;
  grantRoles(userId: string, roleIds: readonly string[], divisionId: string): Promise<void>;
  moveToDivision(userId: string, divisionId: string): Promise<void>;
}

export { createProvisioningApi } from './sdk';
