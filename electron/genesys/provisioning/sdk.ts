/**
 * ProvisioningApi on a live connection (or the fake org behind --api-base): each operation one SDK
 * call through the connection's scheduler, the SDK's models mapped to the executor's small types.
 */
import type platformClient from 'purecloud-platform-client-v2';
import type { GenesysConnection } from '../connection';
import type { RetryPolicy } from '../scheduler';
import type {
  CreatedUsers,
  OrgPhone,
  OrgStation,
  OrgUser,
  ProvisioningApi,
  UserExpand,
} from './api';

type User = platformClient.Models.User;
type Phone = platformClient.Models.Phone;

const PAGE = 100;

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

function named<T extends { id?: string; name?: string }>(
  entities: T[] | undefined,
): { id: string; name: string }[] {
  return (entities ?? []).flatMap((e) => (e.id ? [{ id: e.id, name: e.name ?? '' }] : []));
}

const EMAIL = /@/;

/** The executor's operations on a live connection (or the fake org behind --api-base). */
export function createProvisioningApi(connection: GenesysConnection): ProvisioningApi {
  const call = <T>(
    operation: string,
    invoke: Parameters<GenesysConnection['call']>[1],
    retry: RetryPolicy = 'idempotent',
  ) => connection.call<T>({ operation, retry }, invoke);

  return {
    async usersByIds(ids, expand) {
      if (ids.length === 0) return [];
      if (ids.length > PAGE) throw new RangeError(`at most ${PAGE} users per read`);
      const listing = await call<platformClient.Models.UserEntityListing>('users.list', (apis) =>
        apis.users.getUsers({
          id: [...ids],
          pageSize: PAGE,
          expand: expandList(expand),
          state: 'any',
        }),
      );
      return (listing.entities ?? []).map(toOrgUser);
    },

    async findUser(idOrEmail, expand) {
      if (EMAIL.test(idOrEmail)) {
        const found = await call<platformClient.Models.UsersSearchResponse>(
          'users.search',
          (apis) =>
            apis.users.postUsersSearch({
              pageSize: 2,
              expand: expandList(expand),
              query: [{ type: 'EXACT', fields: ['email'], value: idOrEmail }],
            }),
        );
        const user = found.results?.find((u) => u.email?.toLowerCase() === idOrEmail.toLowerCase());
        return user ? toOrgUser(user) : null;
      }
      try {
        const user = await call<User>('users.get', (apis) =>
          apis.users.getUser(idOrEmail, { expand: expandList(expand) }),
        );
        return toOrgUser(user);
      } catch (error) {
        if ((error as { status?: number }).status === 404) return null;
        throw error;
      }
    },

    async usersCreatedBetween(from, to) {
      const created: CreatedUsers[] = [];
      for (let pageNumber = 1; ; pageNumber += 1) {
        const result = await call<platformClient.Models.AuditRealtimeQueryResultsResponse>(
          'audits.realtimeQuery',
          (apis) =>
            apis.audit.postAuditsQueryRealtime({
              interval: `${from.toISOString()}/${to.toISOString()}`,
              serviceName: 'Directory',
              filters: [
                { property: 'Action', value: 'Create' },
                { property: 'EntityType', value: 'User' },
              ],
              sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
              pageNumber,
              pageSize: PAGE,
            }),
        );
        for (const message of result.entities ?? []) {
          if (message.entity?.id)
            created.push({ userId: message.entity.id, at: message.eventDate ?? '' });
        }
        if (pageNumber >= (result.pageCount ?? 1) || (result.entities ?? []).length === 0) break;
      }
      return created;
    },

    async skillsNamed(name) {
      const listing = await call<platformClient.Models.SkillEntityListing>(
        'routing.skills.list',
        (apis) => apis.routing.getRoutingSkills({ name, pageSize: PAGE }),
      );
      return named(listing.entities);
    },

    async sitesNamed(name) {
      const listing = await call<platformClient.Models.SiteEntityListing>(
        'telephony.sites.list',
        (apis) => apis.telephony.getTelephonyProvidersEdgesSites({ name, pageSize: PAGE }),
      );
      return named(listing.entities);
    },

    async phoneBaseSettingsNamed(name) {
      const listing = await call<platformClient.Models.PhoneBaseEntityListing>(
        'telephony.phoneBaseSettings.list',
        (apis) =>
          apis.telephony.getTelephonyProvidersEdgesPhonebasesettings({
            name,
            pageSize: PAGE,
            expand: ['lines'],
          }),
      );
      return (listing.entities ?? []).flatMap((base) =>
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
      const listing = await call<platformClient.Models.LineBaseEntityListing>(
        'telephony.lineBaseSettings.list',
        (apis) =>
          apis.telephony.getTelephonyProvidersEdgesLinebasesettings({ pageNumber, pageSize: PAGE }),
      );
      return { items: named(listing.entities), pageCount: listing.pageCount ?? 1 };
    },

    async rolesNamed(name) {
      const listing = await call<platformClient.Models.OrganizationRoleEntityListing>(
        'authorization.roles.list',
        (apis) => apis.authorization.getAuthorizationRoles({ name, pageSize: PAGE }),
      );
      return named(listing.entities);
    },

    async divisionsNamed(name) {
      const listing = await call<platformClient.Models.AuthzDivisionEntityListing>(
        'authorization.divisions.list',
        (apis) => apis.authorization.getAuthorizationDivisions({ name, pageSize: PAGE }),
      );
      return named(listing.entities);
    },

    async phonesPage(pageNumber) {
      const listing = await call<platformClient.Models.PhoneEntityListing>(
        'telephony.phones.list',
        (apis) => apis.telephony.getTelephonyProvidersEdgesPhones({ pageNumber, pageSize: PAGE }),
      );
      return { items: (listing.entities ?? []).map(toOrgPhone), pageCount: listing.pageCount ?? 1 };
    },

    async phonesOfUser(userId) {
      const listing = await call<platformClient.Models.PhoneEntityListing>(
        'telephony.phones.list',
        (apis) =>
          apis.telephony.getTelephonyProvidersEdgesPhones({ webRtcUserId: userId, pageSize: PAGE }),
      );
      return (listing.entities ?? [])
        .map(toOrgPhone)
        .filter((phone) => phone.webRtcUserId === userId);
    },

    async stationsPage(pageNumber) {
      const listing = await call<platformClient.Models.StationEntityListing>(
        'stations.list',
        (apis) => apis.stations.getStations({ pageNumber, pageSize: PAGE }),
      );
      return {
        items: (listing.entities ?? []).map(toOrgStation),
        pageCount: listing.pageCount ?? 1,
      };
    },

    async stationsOfUser(userId) {
      const listing = await call<platformClient.Models.StationEntityListing>(
        'stations.list',
        (apis) => apis.stations.getStations({ webRtcUserId: userId, pageSize: PAGE }),
      );
      return (listing.entities ?? [])
        .map(toOrgStation)
        .filter((station) => station.webRtcUserId === userId);
    },

    async createWebRtcPhone(phone, recheck) {
      const created = await connection.call<Phone>(
        {
          operation: 'telephony.phones.create',
          retry: 'recheck',
          recheck: async () => {
            const found = await recheck();
            return found
              ? ({
                  id: found.id,
                  name: found.name,
                  site: { id: found.siteId ?? '' },
                  webRtcUser: { id: phone.userId },
                } as Phone)
              : undefined;
          },
        },
        (apis) =>
          apis.telephony.postTelephonyProvidersEdgesPhones({
            name: phone.name,
            site: { id: phone.siteId },
            phoneBaseSettings: { id: phone.phoneBaseSettingsId } as Phone['phoneBaseSettings'],
            phoneMetaBase: { id: phone.phoneMetaBaseId },
            lineBaseSettings: { id: phone.lineBaseSettingsId },
            lines: [{ name: phone.name, lineBaseSettings: { id: phone.lineBaseSettingsId } }],
            webRtcUser: { id: phone.userId },
          }),
      );
      return toOrgPhone(created);
    },

    async setDefaultStation(userId, stationId) {
      await call<void>('users.defaultStation.put', (apis) =>
        apis.users.putUserStationDefaultstationStationId(userId, stationId),
      );
    },

    async addSkills(userId, skills) {
      if (skills.length > 50) throw new RangeError('at most 50 skills per bulk call');
      await call<unknown>('routing.userSkills.bulkPatch', (apis) =>
        apis.routing.patchUserRoutingskillsBulk(
          userId,
          skills.map(({ id, proficiency }) => ({ id, proficiency })),
        ),
      );
    },

    async utilizationOf(userId) {
      const response = await call<platformClient.Models.AgentMaxUtilizationResponse>(
        'routing.utilization.get',
        (apis) => apis.routing.getRoutingUserUtilization(userId),
      );
      if (response.level === 'Organization') return null;
      const out: Partial<Record<string, number>> = {};
      for (const [media, value] of Object.entries(response.utilization ?? {}))
        if (typeof value?.maximumCapacity === 'number') out[media] = value.maximumCapacity;
      return out;
    },

    async setUtilization(userId, utilization) {
      const body: platformClient.Models.UtilizationRequest = { utilization: {} };
      for (const [media, capacity] of Object.entries(utilization))
        if (capacity !== undefined)
          body.utilization![media] = {
            maximumCapacity: capacity,
            interruptableMediaTypes: [],
            includeNonAcd: false,
          };
      await call<unknown>('routing.utilization.put', (apis) =>
        apis.routing.putRoutingUserUtilization(userId, body),
      );
    },

    async grantRoles(userId, roleIds, divisionId) {
      await call<void>('authorization.grants.bulkAdd', (apis) =>
        apis.authorization.postAuthorizationSubjectBulkadd(userId, {
          grants: roleIds.map((roleId) => ({ roleId, divisionId })),
        }),
      );
    },

    async moveToDivision(userId, divisionId) {
      await call<void>('authorization.divisions.moveObjects', (apis) =>
        apis.authorization.postAuthorizationDivisionObject(divisionId, 'USER', [userId]),
      );
    },
  };
}

function toOrgStation(station: platformClient.Models.Station): OrgStation {
  return {
    id: station.id ?? '',
    webRtcUserId: station.webRtcUserId ?? null,
    type: station.type ?? null,
  };
}
