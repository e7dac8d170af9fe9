/** Directory snapshot (docs/configuration.md) and the read-only view the checks use. */

export interface DirectorySkill {
  name: string;
  proficiency: number;
}

export interface DirectoryUser {
  id: string;
  name: string;
  email: string;
  state?: 'active' | 'inactive' | 'deleted';
  department?: string | null;
  title?: string | null;
  employeeId?: string | null;
  /** Manager's email. */
  manager?: string | null;
  division?: string | null;
  location?: string | null;
  roles?: string[];
  skills?: DirectorySkill[];
  webRtcPhone?: boolean;
  defaultStation?: boolean;
  utilization?: Partial<Record<'call' | 'callback' | 'chat' | 'email' | 'message', number>> | null;
  createdAt?: string | null;
}

export interface DirectorySnapshot {
  org?: { name?: string; region?: string };
  takenAt?: string;
  licenses?: { total?: number; assigned?: number };
  roles?: string[];
  divisions?: string[];
  locations?: string[];
  skills?: string[];
  users: DirectoryUser[];
}

/**
 * What the checks read. Built once (indexed) from a snapshot file, a users CSV or a live org,
 * then queried synchronously per message: lookups are O(1), never a scan per message.
 */
export interface DirectoryView {
  /** Where the data came from, for the report ("snapshot directory.json", "demo org", "org acme"). */
  readonly source: string;
  /** Case-insensitive. */
  userByEmail(email: string): DirectoryUser | undefined;
  /** Case-insensitive. */
  userByEmployeeId(employeeId: string): DirectoryUser | undefined;
  userById(id: string): DirectoryUser | undefined;
  /**
   * A deleted user record that still holds this email (case-insensitive). Genesys Cloud answers a
   * create with that email with 409, so a JIT create for it fails.
   */
  deletedUserByEmail?(email: string): DirectoryUser | undefined;
  /** null when the directory does not know the list (e.g. a users CSV has no roles list). */
  readonly roles: readonly string[] | null;
  readonly divisions: readonly string[] | null;
  readonly locations: readonly string[] | null;
  readonly skills: readonly string[] | null;
  readonly licenses: { total?: number; assigned?: number } | null;
}
