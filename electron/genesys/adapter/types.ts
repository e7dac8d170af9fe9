/**
 * The ONE Genesys Cloud adapter: every call JIT Doctor makes to an org, as typed functions over the
 * connection and its scheduler, each one operation of the table in ../operations.ts. Bulk reads
 * return pages so the executor can choose between one listing and a handful of per-user lookups,
 * whichever costs fewer calls. The snapshot reads hand back the SDK's own models.
 */
import type platformClient from 'purecloud-platform-client-v2';

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
  /** ISO time the phone was created (null when the answer left it out). */
  dateCreated: string | null;
  /** The ids of the phone's lines: a station's `lineAppearanceId` is one of them. */
  lineIds: string[];
}

export interface OrgStation {
  id: string;
  webRtcUserId: string | null;
  type: string | null;
  /** The line (of a phone) the station is; null when the answer left it out. */
  lineAppearanceId: string | null;
}

interface PhoneBaseSettingsRef {
  id: string;
  name: string;
  metaBaseId: string;
  lines: { id: string; name: string }[];
}

interface NewWebRtcPhone {
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

export interface GenesysAdapter {
  /** GET /api/v2/users?id=…&expand=…: at most 100 ids per call. */
  usersByIds(ids: readonly string[], expand: UserExpand): Promise<OrgUser[]>;
  /** One user by id or email, with the same expansion; null when there is none. */
  findUser(idOrEmail: string, expand: UserExpand): Promise<OrgUser | null>;
  /** Audit realtime query: users created in [from, to) under Directory or SCIM, oldest first. */
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
  /** The phones named exactly one of `names` (GET …/phones?name=a,b: at most 25 names per call). */
  phonesNamed(names: readonly string[]): Promise<OrgPhone[]>;
  /** DELETE …/phones/{id}; a phone already gone counts as deleted. */
  deletePhone(phoneId: string): Promise<void>;
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
  utilizationOf(userId: string): Promise<AgentUtilization | null>;
  /**
   * PUT the agent's utilization: `capacities` over what the agent had (`current`: every media's
   * full settings and the label utilizations, which a PUT would otherwise reset or drop).
   * Resolves with the utilization the PUT's answer says the agent now has.
   */
  setUtilization(
    userId: string,
    capacities: Partial<Record<string, number>>,
    current?: AgentUtilization | null,
  ): Promise<AgentUtilization | null>;
  /** One user, every role in one division (POST …/subjects/{id}/bulkadd). */
  grantRoles(userId: string, roleIds: readonly string[], divisionId: string): Promise<void>;
  /** One role in one division to at most 100 users (BATCH_IDS) (POST …/roles/{roleId}). */
  grantRoleToUsers(roleId: string, divisionId: string, userIds: readonly string[]): Promise<void>;
  /** At most 100 users (BATCH_IDS) into one division (POST …/divisions/{id}/objects/USER). */
  moveUsersToDivision(divisionId: string, userIds: readonly string[]): Promise<void>;

  /** Snapshot reads (directory/fetch-snapshot.ts): one page of a listing, the SDK's models. */
  usersListing(
    pageNumber: number,
    expand: readonly string[],
    control?: ReadControl,
  ): Promise<Listing<platformClient.Models.User>>;
  rolesListing(pageNumber: number, control?: ReadControl): Promise<Listing<NamedEntity>>;
  divisionsListing(pageNumber: number, control?: ReadControl): Promise<Listing<NamedEntity>>;
  skillsListing(pageNumber: number, control?: ReadControl): Promise<Listing<NamedEntity>>;
  locationsListing(pageNumber: number, control?: ReadControl): Promise<Listing<NamedEntity>>;
  licensedUsersListing(
    pageNumber: number,
    control?: ReadControl,
  ): Promise<Listing<platformClient.Models.UserLicenses>>;
  /** "Create User" audit records in the interval under one service (index.ts: USER_CREATION_SERVICES), one page. */
  createdUsersListing(
    interval: string,
    service: 'Directory' | 'SCIM',
    pageNumber: number,
    control?: ReadControl,
  ): Promise<Listing<platformClient.Models.AuditLogMessage>>;
  /** One user as the SDK models it (null when there is none). */
  user(
    userId: string,
    expand: readonly string[],
    control?: ReadControl,
  ): Promise<platformClient.Models.User | null>;
  /** The agent's utilization as the API answers it (agent or organization level). */
  utilization(
    userId: string,
    control?: ReadControl,
  ): Promise<platformClient.Models.AgentMaxUtilizationResponse>;
  identityProviders(control?: ReadControl): Promise<platformClient.Models.IdentityProvider[]>;
}

/** An agent's own utilization: the capacities rules compare, and the settings a PUT must keep. */
export interface AgentUtilization {
  capacities: Partial<Record<string, number>>;
  settings: platformClient.Models.UtilizationRequest;
}

export interface ReadControl {
  /** Cancels the call while it waits in the queue or between retries. */
  signal?: AbortSignal;
}

interface NamedEntity {
  id?: string;
  name?: string;
}

/** A page of a listing as Genesys returns it. */
export interface Listing<T> {
  entities?: T[];
  pageCount?: number;
}
