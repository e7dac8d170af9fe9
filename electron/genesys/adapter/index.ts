/**
 * The one Genesys Cloud adapter (types.ts says what it offers) on a live connection, or the fake
 * org behind --api-base: each function one operation of ../operations.ts through the connection's
 * scheduler, the SDK's models mapped to the executor's small types.
 */
import type platformClient from 'purecloud-platform-client-v2';
import type { GenesysConnection } from '../connection';
import { GenesysApiError } from '../errors';
import { gathered } from '../gather';
import type {
  AgentUtilization,
  CreatedUsers,
  Listing,
  OrgPhone,
  OrgStation,
  OrgUser,
  GenesysAdapter,
  ReadControl,
  UserExpand,
} from './types';

type User = platformClient.Models.User;
type Phone = platformClient.Models.Phone;

const PAGE = 100;
/** Phone names per lookup by name: about 1 KB of query string. */
export const PHONE_NAMES_PER_CALL = 25;

function toOrgUser(user: User): OrgUser {
  const location = user.locations?.find((l) => l.locationDefinition?.name)?.locationDefinition
    ?.name;
  const station = user.station?.defaultStation;
  return {
    id: user.id ?? '',
    name: user.name ?? '',
    email: user.email ?? '',
    department: user.department ?? null,
    title: user.title ?? null,
    location: location ?? null,
    division: user.division?.id ? { id: user.division.id, name: user.division.name ?? '' } : null,
    roles: user.authorization?.roles
      ? user.authorization.roles.map((role) => role.name ?? '').filter(Boolean)
      : null,
    skills: (user.skills ?? []).map((skill) => ({
      id: skill.id ?? '',
      name: skill.name ?? '',
      proficiency: skill.proficiency ?? 0,
    })),
    defaultStation: station?.id ? { id: station.id, type: station.type ?? null } : null,
  };
}

function toOrgPhone(phone: Phone): OrgPhone {
  return {
    id: phone.id ?? '',
    name: phone.name,
    webRtcUserId: phone.webRtcUser?.id ?? null,
    siteId: phone.site?.id ?? null,
    dateCreated: phone.dateCreated ?? null,
    lineIds: (phone.lines ?? []).flatMap((line) => (line.id ? [line.id] : [])),
  };
}

function expandList(expand: UserExpand): string[] {
  return [
    'skills',
    'station',
    ...(expand.roles ? ['authorization'] : []),
    ...(expand.locations ? ['locations'] : []),
  ];
}

/** The field of the SDK's User that each expansion fills (absent when the API left it out). */
const EXPANDED_FIELD: Record<string, keyof User> = {
  skills: 'skills',
  station: 'station',
  authorization: 'authorization',
  locations: 'locations',
  employerInfo: 'employerInfo',
};

/** Whether the answer carries every expansion asked for (the API may leave one out). */
function complete(user: User, expand: readonly string[]): boolean {
  return expand.every((name) => {
    const field = EXPANDED_FIELD[name];
    return field === undefined || user[field] !== undefined;
  });
}

/** Reads of users whose answer lacked an expansion, repeated up to this many times. */
const EXPAND_REREADS = 5;

/**
 * Users as asked: those whose answer lacks a requested expansion are read again by id (one call
 * for up to 100 of them) so that "no skills" is never a skills list the API left out.
 */
async function withExpansions(
  users: User[],
  expand: readonly string[],
  reread: (ids: string[]) => Promise<User[]>,
): Promise<User[]> {
  const byId = new Map(users.map((user) => [user.id ?? '', user]));
  let missing = users.filter((user) => user.id && !complete(user, expand)).map((u) => u.id!);
  for (let round = 0; round < EXPAND_REREADS && missing.length > 0; round += 1) {
    const again: User[] = [];
    for (let i = 0; i < missing.length; i += PAGE)
      again.push(...(await reread(missing.slice(i, i + PAGE))));
    for (const user of again) if (user.id && byId.has(user.id)) byId.set(user.id, user);
    missing = missing.filter((id) => !complete(byId.get(id)!, expand));
  }
  if (missing.length > 0)
    throw new GenesysApiError(
      { operation: 'users.list', kind: 'invalid-request' },
      `Genesys Cloud users.list left out part of what was asked (${expand.join(', ')}) for ${missing.length} user(s), ${EXPAND_REREADS + 1} times in a row; run the repair again later`,
    );
  return users.map((user) => byId.get(user.id ?? '') ?? user);
}

function named<T extends { id?: string; name?: string }>(
  entities: T[] | undefined,
): { id: string; name: string }[] {
  return (entities ?? []).flatMap((e) => (e.id ? [{ id: e.id, name: e.name ?? '' }] : []));
}

const EMAIL = /@/;

/** The one adapter on a live connection (or the fake org behind --api-base). */
export function createGenesysAdapter(connection: GenesysConnection): GenesysAdapter {
  const call = connection.call.bind(connection);
  const paging = (pageNumber: number) => ({ pageNumber, pageSize: PAGE });
  const listing = <T>(page: { entities?: T[]; pageCount?: number }): Listing<T> => ({
    entities: page.entities ?? [],
    pageCount: page.pageCount ?? 1,
  });

  const listUsers = async (ids: readonly string[], expand: string[], control: ReadControl = {}) =>
    (await call('users.list', [{ id: [...ids], pageSize: PAGE, expand, state: 'any' }], control))
      .entities ?? [];

  /**
   * Users read again because an answer left an expansion out wait until every read by id under
   * way has answered, then go out together per expansion list (100 users per call): the pages of
   * a bulk read share their re-reads instead of making one each.
   */
  let reading = 0;
  const whenRead: (() => void)[] = [];
  const allRead = () =>
    reading === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenRead.push(resolve));
  const rereads = new Map<string, (ids: readonly string[]) => Promise<User[]>>();
  const reread = (expand: string[]) => {
    const key = expand.join(',');
    let read = rereads.get(key);
    if (!read) {
      read = gathered(
        (ids) => listUsers(ids, expand),
        (user) => user.id,
        PAGE,
      );
      rereads.set(key, read);
    }
    const gatheredRead = read;
    return async (ids: readonly string[]) => {
      await allRead();
      return gatheredRead(ids);
    };
  };

  /** GET /users?id=…: the SDK's users, each with every expansion asked for. */
  const readByIds = async (
    ids: readonly string[],
    expand: string[],
    control: ReadControl = {},
  ): Promise<User[]> => {
    // A read under its own control (a snapshot's signal) re-reads on its own.
    if (Object.keys(control).length > 0) {
      const again = (some: readonly string[]) => listUsers(some, expand, control);
      return withExpansions(await listUsers(ids, expand, control), expand, again);
    }
    reading += 1;
    let first: User[];
    try {
      first = await listUsers(ids, expand);
    } finally {
      reading -= 1;
      if (reading === 0) for (const resolve of whenRead.splice(0)) resolve();
    }
    return withExpansions(first, expand, reread(expand));
  };

  /** One user as read, or read again by id when the answer left an expansion out. */
  const completed = async (user: User, expand: string[], control: ReadControl = {}) =>
    complete(user, expand)
      ? user
      : ((await readByIds([user.id ?? ''], expand, control))[0] ?? user);

  return {
    async usersByIds(ids, expand) {
      if (ids.length === 0) return [];
      if (ids.length > PAGE) throw new RangeError(`at most ${PAGE} users per read`);
      return (await readByIds(ids, expandList(expand))).map(toOrgUser);
    },

    async findUser(idOrEmail, expand) {
      const wanted = expandList(expand);
      if (EMAIL.test(idOrEmail)) {
        const found = await call('users.search', [
          {
            pageSize: 2,
            expand: wanted,
            query: [{ type: 'EXACT', fields: ['email'], value: idOrEmail }],
          },
        ]);
        const user = found.results?.find((u) => u.email?.toLowerCase() === idOrEmail.toLowerCase());
        return user ? toOrgUser(await completed(user, wanted)) : null;
      }
      // A user created seconds ago is not known to GET /users/{id} yet: a 404 is asked again for
      // 7.5 s before it means "no such user".
      const user = await call('users.get', [idOrEmail, { expand: wanted }], {
        retryStatuses: [404],
        maxAttempts: 6,
      }).catch(notFoundAsNull);
      return user ? toOrgUser(await completed(user, wanted)) : null;
    },

    async usersCreatedBetween(from, to) {
      const created: CreatedUsers[] = [];
      const interval = `${from.toISOString()}/${to.toISOString()}`;
      for (const service of USER_CREATION_SERVICES)
        for (let pageNumber = 1; ; pageNumber += 1) {
          const result = await call('audits.realtimeQuery', [
            createdUsersQuery(interval, service, pageNumber, true),
          ]);
          for (const message of result.entities ?? []) {
            if (message.entity?.id)
              created.push({ userId: message.entity.id, at: message.eventDate ?? '' });
          }
          if (pageNumber >= (result.pageCount ?? 1) || (result.entities ?? []).length === 0) break;
        }
      // Oldest first across both services.
      return created.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    },

    async skillsNamed(name) {
      return named((await call('routing.skills.list', [{ name, pageSize: PAGE }])).entities);
    },

    async sitesNamed(name) {
      return named((await call('telephony.sites.list', [{ name, pageSize: PAGE }])).entities);
    },

    async phoneBaseSettingsNamed(name) {
      const found = await call('telephony.phoneBaseSettings.list', [
        { name, pageSize: PAGE, expand: ['lines'] },
      ]);
      return (found.entities ?? []).flatMap((base) =>
        base.id && base.phoneMetaBase?.id
          ? [
              {
                id: base.id,
                name: base.name,
                metaBaseId: base.phoneMetaBase.id,
                lines: named(base.lines),
              },
            ]
          : [],
      );
    },

    async lineBaseSettingsPage(pageNumber) {
      const found = await call('telephony.lineBaseSettings.list', [paging(pageNumber)]);
      return { items: named(found.entities), pageCount: found.pageCount ?? 1 };
    },

    async rolesNamed(name) {
      return named((await call('authorization.roles.list', [{ name, pageSize: PAGE }])).entities);
    },

    async divisionsNamed(name) {
      return named(
        (await call('authorization.divisions.list', [{ name, pageSize: PAGE }])).entities,
      );
    },

    async phonesPage(pageNumber) {
      // Sorted by id alone: any other listing stops at 10,000 phones. `webRtcUser` is returned
      // only when asked for (SDK docs; Genesys's Terraform provider asks the same way).
      const found = await call('telephony.phones.list', [
        { ...paging(pageNumber), sortBy: 'id', fields: ['webRtcUser'] },
      ]);
      return { items: (found.entities ?? []).map(toOrgPhone), pageCount: found.pageCount ?? 1 };
    },

    async phonesOfUser(userId) {
      const found = await call('telephony.phones.list', [
        { webRtcUserId: userId, pageSize: PAGE, fields: ['webRtcUser'] },
      ]);
      return (found.entities ?? [])
        .map(toOrgPhone)
        .filter((phone) => phone.webRtcUserId === userId);
    },

    async phonesNamed(names) {
      if (names.length === 0) return [];
      if (names.length > PHONE_NAMES_PER_CALL)
        throw new RangeError(`at most ${PHONE_NAMES_PER_CALL} phone names per lookup`);
      if (names.some((name) => name.includes(',')))
        throw new RangeError('a phone name looked up by name cannot hold a comma');
      const wanted = new Set(names);
      const phones: OrgPhone[] = [];
      for (let pageNumber = 1, pages = 1; pageNumber <= pages; pageNumber += 1) {
        // The name filter takes a comma-separated list; it may match more loosely than
        // exactly, so only exact names are kept.
        const found = await call('telephony.phones.list', [
          { ...paging(pageNumber), name: names.join(','), fields: ['webRtcUser'] },
        ]);
        pages = found.pageCount ?? 1;
        for (const phone of found.entities ?? [])
          if (phone.name !== undefined && wanted.has(phone.name)) phones.push(toOrgPhone(phone));
      }
      return phones;
    },

    async deletePhone(phoneId) {
      await call('telephony.phones.delete', [phoneId]).catch(notFoundAsNull);
    },

    async stationsPage(pageNumber) {
      const found = await call('stations.list', [paging(pageNumber)]);
      return { items: (found.entities ?? []).map(toOrgStation), pageCount: found.pageCount ?? 1 };
    },

    async stationsOfUser(userId) {
      const found = await call('stations.list', [{ webRtcUserId: userId, pageSize: PAGE }]);
      return (found.entities ?? [])
        .map(toOrgStation)
        .filter((station) => station.webRtcUserId === userId);
    },

    async createWebRtcPhone(phone, recheck) {
      const created = await call(
        'telephony.phones.create',
        [
          {
            name: phone.name,
            site: { id: phone.siteId },
            phoneBaseSettings: { id: phone.phoneBaseSettingsId } as Phone['phoneBaseSettings'],
            phoneMetaBase: { id: phone.phoneMetaBaseId },
            lineBaseSettings: { id: phone.lineBaseSettingsId },
            lines: [{ name: phone.name, lineBaseSettings: { id: phone.lineBaseSettingsId } }],
            webRtcUser: { id: phone.userId },
          },
        ],
        {
          retry: 'recheck',
          // A user created seconds ago is not known to the phone API yet: its 404 is asked again
          // (Terraform provider: createPhone, util.RetryWhen(util.IsStatus404, …), 10 tries).
          retryStatuses: [404],
          maxAttempts: 10,
          recheck: async () => {
            const found = await recheck();
            return found
              ? ({
                  id: found.id,
                  name: found.name,
                  site: { id: found.siteId ?? '' },
                  webRtcUser: { id: phone.userId },
                  ...(found.dateCreated ? { dateCreated: found.dateCreated } : {}),
                  lines: found.lineIds.map((id) => ({ id })),
                } as Phone)
              : undefined;
          },
        },
      );
      return toOrgPhone(created);
    },

    async setDefaultStation(userId, stationId) {
      // A new station refuses association for a moment with 400 or 409 (Terraform provider:
      // assignUserToWebRtcPhone, util.RetryWhen(util.IsStatus400, …, 409), 10 tries). The PUT
      // converges, so a repeat is safe.
      await call('users.defaultStation.put', [userId, stationId], {
        retryStatuses: [400, 409],
        maxAttempts: 10,
      });
    },

    async addSkills(userId, skills) {
      if (skills.length > 50) throw new RangeError('at most 50 skills per bulk call');
      await call('routing.userSkills.bulkPatch', [
        userId,
        skills.map(({ id, proficiency }) => ({ id, proficiency })),
      ]);
    },

    async utilizationOf(userId) {
      return agentUtilization(await call('routing.utilization.get', [userId]));
    },

    async setUtilization(userId, capacities, current) {
      // Media left out of the PUT revert to the org defaults and labels left out are dropped
      // (SDK docs for putRoutingUserUtilization): send everything the agent had.
      const body: platformClient.Models.UtilizationRequest = {
        utilization: structuredClone(current?.settings.utilization ?? {}),
        ...(current?.settings.labelUtilizations
          ? { labelUtilizations: structuredClone(current.settings.labelUtilizations) }
          : {}),
      };
      for (const [media, capacity] of Object.entries(capacities))
        if (capacity !== undefined)
          body.utilization![media] = {
            interruptableMediaTypes: [],
            includeNonAcd: false,
            ...body.utilization![media],
            maximumCapacity: capacity,
          };
      // The PUT answers with the agent's utilization as stored: no GET is needed to know it.
      return agentUtilization(await call('routing.utilization.put', [userId, body]));
    },

    async grantRoles(userId, roleIds, divisionId) {
      await call(
        'authorization.grants.bulkAdd',
        [userId, { grants: roleIds.map((roleId) => ({ roleId, divisionId })) }],
        { retryStatuses: [404] },
      );
    },

    async grantRoleToUsers(roleId, divisionId, userIds) {
      checkBatch(userIds);
      await call(
        'authorization.roles.grant',
        [
          roleId,
          { subjectIds: [...userIds], divisionIds: [divisionId] },
          { subjectType: 'PC_USER' },
        ],
        { retryStatuses: [404] },
      );
    },

    async moveUsersToDivision(divisionId, userIds) {
      checkBatch(userIds);
      await call('authorization.divisions.move', [divisionId, 'USER', [...userIds]]);
    },

    async usersListing(pageNumber, expand, control = {}) {
      const page = listing(
        await call(
          'users.list',
          [{ ...paging(pageNumber), state: 'any', expand: [...expand] }],
          control,
        ),
      );
      const reread = (ids: string[]) => readByIds(ids, [...expand], control);
      return { ...page, entities: await withExpansions(page.entities ?? [], expand, reread) };
    },

    async rolesListing(pageNumber, control = {}) {
      return listing(await call('authorization.roles.list', [paging(pageNumber)], control));
    },

    async divisionsListing(pageNumber, control = {}) {
      return listing(await call('authorization.divisions.list', [paging(pageNumber)], control));
    },

    async skillsListing(pageNumber, control = {}) {
      return listing(await call('routing.skills.list', [paging(pageNumber)], control));
    },

    async locationsListing(pageNumber, control = {}) {
      const found = await call('locations.search', [{ ...paging(pageNumber), query: [] }], control);
      return listing({ entities: found.results, pageCount: found.pageCount });
    },

    async licensedUsersListing(pageNumber, control = {}) {
      return listing(await call('license.users.list', [paging(pageNumber)], control));
    },

    async createdUsersListing(interval, service, pageNumber, control = {}) {
      return listing(
        await call(
          'audits.realtimeQuery',
          [createdUsersQuery(interval, service, pageNumber, false)],
          control,
        ),
      );
    },

    async user(userId, expand, control = {}) {
      const user = await call('users.get', [userId, { expand: [...expand] }], control).catch(
        notFoundAsNull,
      );
      return user && completed(user, [...expand], control);
    },

    async utilization(userId, control = {}) {
      return call('routing.utilization.get', [userId], control);
    },

    async identityProviders(control = {}) {
      return (await call('identityProviders.list', [], control)).entities ?? [];
    },
  };
}

/** The agent's own utilization from a GET or PUT answer; null when the org defaults apply. */
function agentUtilization(
  response: platformClient.Models.AgentMaxUtilizationResponse,
): AgentUtilization | null {
  if (response.level === 'Organization') return null;
  const capacities: Partial<Record<string, number>> = {};
  for (const [media, value] of Object.entries(response.utilization ?? {}))
    if (typeof value?.maximumCapacity === 'number') capacities[media] = value.maximumCapacity;
  return {
    capacities,
    settings: {
      utilization: structuredClone(response.utilization ?? {}),
      ...(response.labelUtilizations
        ? { labelUtilizations: structuredClone(response.labelUtilizations) }
        : {}),
    },
  };
}

/**
 * The audit services a user creation is recorded under: `Directory` (SAML JIT, the admin UI) and
 * `SCIM` (SCIM provisioning). The query takes one service at a time. That SCIM creations are
 * audited under `SCIM` is taken from issue 9; the SDK types `serviceName` as a free string, so it
 * could not be checked there.
 */
export const USER_CREATION_SERVICES = ['Directory', 'SCIM'] as const;
type UserCreationService = (typeof USER_CREATION_SERVICES)[number];

/** The audit records of users created in the interval under one service (oldest first when sorted). */
function createdUsersQuery(
  interval: string,
  service: UserCreationService,
  pageNumber: number,
  sorted: boolean,
): platformClient.Models.AuditRealtimeQueryRequest {
  return {
    interval,
    serviceName: service,
    filters: [
      { property: 'Action', value: 'Create' },
      { property: 'EntityType', value: 'User' },
    ],
    ...(sorted ? { sort: [{ name: 'Timestamp', sortOrder: 'ascending' }] } : {}),
    pageNumber,
    pageSize: PAGE,
  };
}

/**
 * Ids per batched write (role grants, division moves). The SDK docs give no limit for these
 * bodies; 100 is the most ids any Genesys Cloud call documented with a limit takes (users by id),
 * and a smaller body also keeps a failed chunk small.
 */
export const BATCH_IDS = 100;

function checkBatch(ids: readonly string[]): void {
  if (ids.length === 0 || ids.length > BATCH_IDS)
    throw new RangeError(`from 1 to ${BATCH_IDS} users per batched write (got ${ids.length})`);
}

function notFoundAsNull(error: unknown): null {
  if ((error as { status?: number }).status === 404) return null;
  throw error;
}

/** Reads every page of a paged listing (pageNumber from 1 until pageCount). */
export async function allPages<T>(
  fetchPage: (pageNumber: number) => Promise<Listing<T>>,
  onPage?: (done: number, of: number) => void,
): Promise<T[]> {
  const first = await fetchPage(1);
  const out = [...(first.entities ?? [])];
  const pageCount = first.pageCount ?? 1;
  onPage?.(1, pageCount);
  // The remaining pages are independent: queue them together and let the scheduler pace them.
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) =>
      fetchPage(i + 2).then((page) => {
        onPage?.(i + 2, pageCount);
        return page.entities ?? [];
      }),
    ),
  );
  for (const entities of rest) out.push(...entities);
  return out;
}

export type * from './types';

function toOrgStation(station: platformClient.Models.Station): OrgStation {
  return {
    id: station.id ?? '',
    webRtcUserId: station.webRtcUserId ?? null,
    type: station.type ?? null,
    lineAppearanceId: station.lineAppearanceId ?? null,
  };
}
