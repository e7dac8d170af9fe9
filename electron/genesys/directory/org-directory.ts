/**
 * The directory of a live org: users by email or employee ID (case-insensitive), the org's lists,
 * license counts, and a user's post-JIT state. It reads the org once (a snapshot) and answers from
 * it until `invalidate()`; a user's post-JIT state is read fresh once and cached until that user
 * is invalidated (after a repair). A snapshot file needs none of this: the CLI reads it straight
 * into the engine's view (shared/directory/).
 */
import { createDirectoryView } from '../../../shared/directory/view';
import type {
  DirectorySkill,
  DirectorySnapshot,
  DirectoryUser,
  DirectoryView,
} from '../../../shared/directory/types';
import type { GenesysAdapter } from '../adapter';
import { toUtilization } from './convert';
import { fetchOrgSnapshot, type FetchSnapshotOptions } from './fetch-snapshot';

interface UserPostJitState {
  skills: DirectorySkill[];
  webRtcPhone: boolean;
  defaultStation: boolean;
  utilization: DirectoryUser['utilization'];
}

export interface OrgDirectory {
  readonly source: string;
  userByEmail(email: string): Promise<DirectoryUser | undefined>;
  userByEmployeeId(employeeId: string): Promise<DirectoryUser | undefined>;
  roles(): Promise<readonly string[] | null>;
  divisions(): Promise<readonly string[] | null>;
  locations(): Promise<readonly string[] | null>;
  skills(): Promise<readonly string[] | null>;
  licenses(): Promise<{ total?: number; assigned?: number } | null>;
  /** Skills, WebRTC phone, default station and utilization of one user. */
  userState(userId: string): Promise<UserPostJitState | undefined>;
  /** The synchronous, indexed view the engine's checks read. */
  view(): Promise<DirectoryView>;
  /** The snapshot behind the view (what `jit-doctor snapshot` writes). */
  snapshot(): Promise<DirectorySnapshot>;
  /** Forgets one user's cached state (after writing to it), or everything. */
  invalidate(userId?: string): void;
}

export interface LiveDirectoryOptions extends FetchSnapshotOptions {
  /** For the report: "org acme-contact", "demo org". */
  source: string;
}

export function liveDirectory(api: GenesysAdapter, options: LiveDirectoryOptions): OrgDirectory {
  let loaded: Promise<{ snapshot: DirectorySnapshot; view: DirectoryView }> | undefined;
  const states = new Map<string, Promise<UserPostJitState | undefined>>();

  const load = () => {
    if (loaded) return loaded;
    const reading = fetchOrgSnapshot(api, options).then((snapshot) => ({
      snapshot,
      view: createDirectoryView(snapshot, options.source),
    }));
    loaded = reading;
    // a failed read is not cached: the next question tries again
    reading.catch(() => {
      if (loaded === reading) loaded = undefined;
    });
    return reading;
  };
  const view = async () => (await load()).view;

  const readState = async (userId: string): Promise<UserPostJitState | undefined> => {
    const [user, phones, utilization] = await Promise.all([
      api.user(userId, ['skills', 'station']),
      api.phonesOfUser(userId).catch(notFoundAsUndefined),
      api.utilization(userId).catch(notFoundAsUndefined),
    ]);
    if (!user) return undefined;
    return {
      skills: (user.skills ?? []).map((s) => ({
        name: s.name ?? s.id ?? '',
        proficiency: s.proficiency ?? 0,
      })),
      webRtcPhone: (phones?.length ?? 0) > 0,
      defaultStation: Boolean(user.station?.defaultStation?.id),
      utilization: toUtilization(utilization),
    };
  };

  return {
    source: options.source,
    userByEmail: async (email) => (await view()).userByEmail(email),
    userByEmployeeId: async (employeeId) => (await view()).userByEmployeeId(employeeId),
    roles: async () => (await view()).roles,
    divisions: async () => (await view()).divisions,
    locations: async () => (await view()).locations,
    skills: async () => (await view()).skills,
    licenses: async () => (await view()).licenses,
    userState: (userId) => {
      let state = states.get(userId);
      if (!state) {
        state = readState(userId);
        states.set(userId, state);
        state.catch(() => states.delete(userId));
      }
      return state;
    },
    view,
    snapshot: async () => (await load()).snapshot,
    invalidate: (userId) => {
      if (userId === undefined) {
        loaded = undefined;
        states.clear();
      } else {
        states.delete(userId);
      }
    },
  };
}

function notFoundAsUndefined(error: unknown): undefined {
  if ((error as { status?: number }).status === 404) return undefined;
  throw error;
}
