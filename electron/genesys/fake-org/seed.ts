/**
 * Builds the fake org's state from a directory snapshot (docs/configuration.md) plus the few things a
 * snapshot does not carry (sites, phone base settings, SSO providers). Ids are derived from names,
 * so the same seed gives the same org on every run.
 */
import type { DirectorySnapshot, DirectoryUser } from '../../../shared/directory/types';
import { MEDIA_TYPES, stableId, type FakeUser, type MediaUtilization, type Named } from './model';
import type { FakeOrgHardness } from './hardness';
import { FakeOrgState, type FakeOrgClock } from './state';

export interface FakeOrgSeed extends DirectorySnapshot {
  /** Roles every new user receives (Genesys gives new users the default "employee" role). */
  defaultRoles?: string[];
  /** Name of the home division; default the first of `divisions`, or "Home". */
  homeDivision?: string;
  telephony?: {
    sites?: string[];
    phoneBaseSettings?: { name: string; lines: string[] }[];
    lineBaseSettings?: string[];
  };
  identityProviders?: ({ name: string } & Record<string, unknown>)[];
}

export interface SeedOptions {
  hardness?: FakeOrgHardness;
  /** Real ms per org ms (the hardness spans are org ms). */
  timeScale?: number;
  /** Moves every timestamp so that the seed's `takenAt` becomes this instant (epoch ms): the demo
   *  org's "created 40 minutes ago" stays 40 minutes ago whenever it starts. */
  rebaseTo?: number;
}

function namedMap<T extends Named>(
  kind: string,
  names: readonly string[],
  extra: (name: string) => Omit<T, 'id' | 'name'>,
) {
  const map = new Map<string, T>();
  for (const name of names) {
    const id = stableId(kind, name);
    map.set(id, { id, name, ...extra(name) } as T);
  }
  return map;
}

function ensureNamed<T extends Named>(
  map: Map<string, T>,
  kind: string,
  name: string,
  extra: Omit<T, 'id' | 'name'>,
): T {
  for (const item of map.values()) if (item.name.toLowerCase() === name.toLowerCase()) return item;
  const item = { id: stableId(kind, name), name, ...extra } as T;
  map.set(item.id, item);
  return item;
}

export function seedFakeOrg(
  seed: FakeOrgSeed,
  clock: FakeOrgClock,
  options: SeedOptions = {},
): FakeOrgState {
  const state = new FakeOrgState(clock, options.hardness, options.timeScale);
  state.org = {
    id: stableId('org', seed.org?.name ?? 'fake-org'),
    name: seed.org?.name ?? 'fake-org',
    region: seed.org?.region ?? 'mypurecloud.com',
  };
  const shiftMs =
    options.rebaseTo !== undefined && seed.takenAt
      ? options.rebaseTo - Date.parse(seed.takenAt)
      : 0;
  const shift = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();

  const divisionNames = seed.divisions?.length ? seed.divisions : ['Home'];
  const home = seed.homeDivision ?? divisionNames[0]!;
  for (const [id, d] of namedMap<{ id: string; name: string; homeDivision: boolean }>(
    'division',
    divisionNames,
    (name) => ({ homeDivision: name === home }),
  ))
    state.divisions.set(id, d);
  const defaults = new Set(seed.defaultRoles ?? []);
  for (const name of seed.roles ?? [])
    ensureNamed(state.roles, 'role', name, {
      description: '',
      default: defaults.has(name),
      base: false,
    });
  for (const name of seed.locations ?? []) ensureNamed(state.locations, 'location', name, {});
  for (const name of seed.skills ?? []) ensureNamed(state.skills, 'skill', name, {});
  for (const name of seed.telephony?.sites ?? []) ensureNamed(state.sites, 'site', name, {});
  for (const name of seed.telephony?.lineBaseSettings ?? [])
    ensureNamed(state.lineBases, 'linebase', name, {});
  for (const base of seed.telephony?.phoneBaseSettings ?? []) {
    const lineIds = base.lines.map((line) => ensureNamed(state.lineBases, 'linebase', line, {}).id);
    ensureNamed(state.phoneBases, 'phonebase', base.name, {
      lineIds,
      phoneMetaBaseId: stableId('phonemeta', base.name),
    });
  }
  for (const provider of seed.identityProviders ?? []) {
    const id = stableId('idp', provider.name);
    state.identityProviders.set(id, { ...provider, id });
  }
  if (seed.licenses?.total !== undefined) state.licenses.total = seed.licenses.total;

  const users = seed.users.map((entry) => addUser(state, entry, shift));
  seed.users.forEach((entry, index) => {
    const manager = entry.manager
      ? [...state.users.values()].find(
          (u) => u.email.toLowerCase() === entry.manager!.toLowerCase(),
        )
      : undefined;
    if (manager) users[index]!.managerId = manager.id;
  });
  return state;
}

function addUser(
  state: FakeOrgState,
  entry: DirectoryUser,
  shift: (iso: string) => string,
): FakeUser {
  const division = entry.division
    ? ensureNamed(state.divisions, 'division', entry.division, { homeDivision: false })
    : state.homeDivision();
  const user: FakeUser = {
    id: entry.id || stableId('user', entry.email),
    name: entry.name,
    email: entry.email,
    department: entry.department ?? undefined,
    title: entry.title ?? undefined,
    state: entry.state ?? 'active',
    divisionId: division.id,
    employeeId: entry.employeeId ?? undefined,
    locationIds: entry.location
      ? [ensureNamed(state.locations, 'location', entry.location, {}).id]
      : [],
    version: 1,
    grants: (entry.roles ?? []).map((name) => ({
      roleId: ensureNamed(state.roles, 'role', name, {
        description: '',
        default: false,
        base: false,
      }).id,
      divisionId: division.id,
    })),
    skills: new Map(
      (entry.skills ?? []).map(
        (s) => [ensureNamed(state.skills, 'skill', s.name, {}).id, s.proficiency] as const,
      ),
    ),
    utilization: entry.utilization ? toUtilization(entry.utilization) : undefined,
  };
  state.users.set(user.id, user);
  if (entry.createdAt) {
    const eventDate = shift(entry.createdAt);
    user.createdAt = eventDate;
    state.audits.push({
      id: stableId('audit', user.id),
      eventDate,
      ...state.auditOf(user.id, true),
      action: 'Create',
      entityType: 'User',
      entity: { id: user.id, name: user.name },
    });
  }
  if (entry.webRtcPhone) seedPhone(state, user, entry.defaultStation === true);
  return user;
}

function toUtilization(values: Partial<Record<string, number>>) {
  const out: Partial<Record<(typeof MEDIA_TYPES)[number], MediaUtilization>> = {};
  for (const media of MEDIA_TYPES) {
    const capacity = values[media];
    if (capacity !== undefined)
      out[media] = { maximumCapacity: capacity, interruptableMediaTypes: [], includeNonAcd: false };
  }
  return out;
}

/** A user the snapshot says has a WebRTC phone gets one on the first site, station already visible. */
function seedPhone(state: FakeOrgState, user: FakeUser, isDefault: boolean): void {
  const site = [...state.sites.values()][0];
  const base = [...state.phoneBases.values()][0];
  if (!site || !base)
    throw new Error(
      `user ${user.email} has a WebRTC phone but the seed has no site or phone base settings`,
    );
  const id = stableId('phone', user.id);
  state.phones.set(id, {
    id,
    name: `${user.name} WebRTC`,
    siteId: site.id,
    phoneBaseSettingsId: base.id,
    lineBaseSettingsId: base.lineIds[0],
    webRtcUserId: user.id,
    stationVisibleAtMs: Number.NEGATIVE_INFINITY,
    dateCreated: user.createdAt ?? new Date(0).toISOString(),
  });
  if (isDefault) user.defaultStationId = stableId('station', id);
}
