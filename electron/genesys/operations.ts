/**
 * Every Genesys Cloud operation JIT Doctor uses, in ONE table: the name users see in errors and the
 * journal, the SDK class and method the adapter calls, the HTTP method and path the fake org
 * serves, and the permissions the OAuth client needs (named in a 403 message, checked by
 * `jit-doctor org check`, listed in docs/permissions.md, which is generated from this table).
 *
 * Permissions and paths are copied from the SDK's published operation docs
 * (MyPureCloud/platform-client-sdk-javascript, build/docs/<Api>.md, "Requires ANY/ALL
 * permissions"). Where those docs say "Requires NO permissions" but the real API is known or
 * suspected to check one, `note` says so; those facts could not be checked against a real org.
 */
import type platformClient from 'purecloud-platform-client-v2';

export type SdkApiClass =
  | 'UsersApi'
  | 'RoutingApi'
  | 'AuthorizationApi'
  | 'TelephonyProvidersEdgeApi'
  | 'StationsApi'
  | 'LocationsApi'
  | 'LicenseApi'
  | 'IdentityProviderApi'
  | 'AuditApi';

export interface OperationSpec {
  /** The SDK class (platformClient.<class>) and its method. */
  readonly sdk: readonly [SdkApiClass, string];
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the SDK docs, with {placeholders}. */
  readonly path: string;
  /** `any`: one of them is enough; `all`: every one is needed. Empty: the docs list none. */
  readonly permissions: { readonly match: 'any' | 'all'; readonly names: readonly string[] };
  /** What JIT Doctor uses it for (docs/permissions.md). */
  readonly purpose: string;
  /** A fact about the real API the SDK docs do not state. */
  readonly note?: string;
}

const any = (...names: string[]) => ({ match: 'any', names }) as const;
const all = (...names: string[]) => ({ match: 'all', names }) as const;
const none = { match: 'any', names: [] } as const;

export const OPERATIONS = {
  'users.list': {
    sdk: ['UsersApi', 'getUsers'],
    method: 'GET',
    path: '/api/v2/users',
    permissions: none,
    purpose: 'read users by id (up to 100 per call) and page through all users for a snapshot',
    note: '`expand` is best effort: the API may leave an expansion out of an answer.',
  },
  'users.get': {
    sdk: ['UsersApi', 'getUser'],
    method: 'GET',
    path: '/api/v2/users/{userId}',
    permissions: none,
    purpose: 'read one user (repair --user, the directory state of one user)',
  },
  'users.search': {
    sdk: ['UsersApi', 'postUsersSearch'],
    method: 'POST',
    path: '/api/v2/users/search',
    permissions: any('directory:user:view'),
    purpose: 'find a user by email (repair --user name@example.com)',
  },
  'users.defaultStation.put': {
    sdk: ['UsersApi', 'putUserStationDefaultstationStationId'],
    method: 'PUT',
    path: '/api/v2/users/{userId}/station/defaultstation/{stationId}',
    permissions: any('telephony:plugin:all', 'telephony:phone:assign'),
    purpose: "make the agent's WebRTC station their default station",
  },
  'routing.skills.list': {
    sdk: ['RoutingApi', 'getRoutingSkills'],
    method: 'GET',
    path: '/api/v2/routing/skills',
    permissions: any('routing:skill:view'),
    purpose: 'resolve the skill names of the rules; list skills for a snapshot',
  },
  'routing.userSkills.bulkPatch': {
    sdk: ['RoutingApi', 'patchUserRoutingskillsBulk'],
    method: 'PATCH',
    path: '/api/v2/users/{userId}/routingskills/bulk',
    permissions: any('routing:skill:assign'),
    purpose: 'add the skills a rule grants (at most 50 per call)',
  },
  'routing.utilization.get': {
    sdk: ['RoutingApi', 'getRoutingUserUtilization'],
    method: 'GET',
    path: '/api/v2/routing/users/{userId}/utilization',
    permissions: any('routing:utilization:manage', 'routing:utilization:view'),
    purpose: "read the agent's utilization before changing it, and for a snapshot",
  },
  'routing.utilization.put': {
    sdk: ['RoutingApi', 'putRoutingUserUtilization'],
    method: 'PUT',
    path: '/api/v2/routing/users/{userId}/utilization',
    permissions: any('routing:utilization:manage'),
    purpose: "set the agent's utilization (media omitted revert to the org defaults)",
  },
  'authorization.roles.list': {
    sdk: ['AuthorizationApi', 'getAuthorizationRoles'],
    method: 'GET',
    path: '/api/v2/authorization/roles',
    permissions: any('authorization:role:view'),
    purpose: 'resolve the role names of the rules; list roles for a snapshot',
  },
  'authorization.divisions.list': {
    sdk: ['AuthorizationApi', 'getAuthorizationDivisions'],
    method: 'GET',
    path: '/api/v2/authorization/divisions',
    permissions: none,
    purpose: 'resolve the division names of the rules; list divisions for a snapshot',
  },
  'authorization.grants.bulkAdd': {
    sdk: ['AuthorizationApi', 'postAuthorizationSubjectBulkadd'],
    method: 'POST',
    path: '/api/v2/authorization/subjects/{subjectId}/bulkadd',
    permissions: all('authorization:grant:add'),
    purpose:
      'grant the roles a rule names to one user (a batch of one user, or of users who each need different roles)',
  },
  'authorization.roles.grant': {
    sdk: ['AuthorizationApi', 'postAuthorizationRole'],
    method: 'POST',
    path: '/api/v2/authorization/roles/{roleId}',
    permissions: all('authorization:grant:add'),
    purpose: 'grant one role in one division to many users in one call (subjectType=PC_USER)',
  },
  'authorization.divisions.move': {
    sdk: ['AuthorizationApi', 'postAuthorizationDivisionObject'],
    method: 'POST',
    path: '/api/v2/authorization/divisions/{divisionId}/objects/{objectType}',
    permissions: none,
    purpose: 'move users into the division a rule names (many users per call)',
    note: 'The docs list no permission; the real API checks that the client may edit the users (directory:user:edit) and add to the division, which could not be verified here.',
  },
  'telephony.sites.list': {
    sdk: ['TelephonyProvidersEdgeApi', 'getTelephonyProvidersEdgesSites'],
    method: 'GET',
    path: '/api/v2/telephony/providers/edges/sites',
    permissions: none,
    purpose: 'resolve the site of the WebRTC phones',
  },
  'telephony.phoneBaseSettings.list': {
    sdk: ['TelephonyProvidersEdgeApi', 'getTelephonyProvidersEdgesPhonebasesettings'],
    method: 'GET',
    path: '/api/v2/telephony/providers/edges/phonebasesettings',
    permissions: any('telephony:plugin:all'),
    purpose: 'resolve the phone base settings of the WebRTC phones',
  },
  'telephony.lineBaseSettings.list': {
    sdk: ['TelephonyProvidersEdgeApi', 'getTelephonyProvidersEdgesLinebasesettings'],
    method: 'GET',
    path: '/api/v2/telephony/providers/edges/linebasesettings',
    permissions: any('telephony:plugin:all'),
    purpose: 'resolve the line base settings of the WebRTC phones',
  },
  'telephony.phones.list': {
    sdk: ['TelephonyProvidersEdgeApi', 'getTelephonyProvidersEdgesPhones'],
    method: 'GET',
    path: '/api/v2/telephony/providers/edges/phones',
    permissions: any('telephony:plugin:all'),
    purpose: "find an agent's WebRTC phone before creating one; list phones for a snapshot",
    note: 'At most 10,000 results unless sorted by id only (SDK docs). `webRtcUser` is returned only when asked for with fields=webRtcUser.',
  },
  'telephony.phones.create': {
    sdk: ['TelephonyProvidersEdgeApi', 'postTelephonyProvidersEdgesPhones'],
    method: 'POST',
    path: '/api/v2/telephony/providers/edges/phones',
    permissions: any('telephony:plugin:all'),
    purpose: 'create the WebRTC phone of an agent who has none',
  },
  'telephony.phones.delete': {
    sdk: ['TelephonyProvidersEdgeApi', 'deleteTelephonyProvidersEdgesPhone'],
    method: 'DELETE',
    path: '/api/v2/telephony/providers/edges/phones/{phoneId}',
    permissions: any('telephony:plugin:all'),
    purpose: 'remove a duplicate WebRTC phone created by a concurrent repair',
  },
  'stations.list': {
    sdk: ['StationsApi', 'getStations'],
    method: 'GET',
    path: '/api/v2/stations',
    permissions: none,
    purpose: "find the station of an agent's WebRTC phone",
  },
  'locations.search': {
    sdk: ['LocationsApi', 'postLocationsSearch'],
    method: 'POST',
    path: '/api/v2/locations/search',
    permissions: none,
    purpose: 'list locations for a snapshot',
  },
  'license.users.list': {
    sdk: ['LicenseApi', 'getLicenseUsers'],
    method: 'GET',
    path: '/api/v2/license/users',
    permissions: none,
    purpose: 'count assigned licenses for a snapshot',
  },
  'identityProviders.list': {
    sdk: ['IdentityProviderApi', 'getIdentityproviders'],
    method: 'GET',
    path: '/api/v2/identityproviders',
    permissions: any('sso:provider:view'),
    purpose: "read the org's SAML identity providers (Configuration: from org)",
  },
  'audits.realtimeQuery': {
    sdk: ['AuditApi', 'postAuditsQueryRealtime'],
    method: 'POST',
    path: '/api/v2/audits/query/realtime',
    permissions: all('audits:audit:view'),
    purpose: 'find users created by JIT in a time range (repair --stuck), creation dates',
  },
  'authorization.subjects.me': {
    sdk: ['AuthorizationApi', 'getAuthorizationSubjectsMe'],
    method: 'GET',
    path: '/api/v2/authorization/subjects/me',
    permissions: none,
    purpose: "read the OAuth client's own grants (jit-doctor org check)",
    note: 'For a Client Credentials token the answer lists the roles of the OAuth client; this could not be verified against a real org.',
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;

export function operationSpec(name: string): OperationSpec | undefined {
  return (OPERATIONS as Record<string, OperationSpec>)[name];
}

type Ops = typeof OPERATIONS;
type ApiOf<K extends OperationName> = InstanceType<(typeof platformClient)[Ops[K]['sdk'][0]]>;
type MethodOf<K extends OperationName> = ApiOf<K>[Ops[K]['sdk'][1] & keyof ApiOf<K>];
/** The arguments of the SDK method behind an operation. */
export type SdkArgs<K extends OperationName> =
  MethodOf<K> extends (...args: infer A) => unknown ? A : never;
/** What the SDK method resolves with (the SDK's model type). */
export type SdkResult<K extends OperationName> =
  MethodOf<K> extends (...args: never[]) => Promise<infer R> ? R : never;

/** "telephony:plugin:all", or "one of telephony:plugin:all, telephony:phone:assign". */
export function describePermissions(spec: OperationSpec): string | undefined {
  const { names, match } = spec.permissions;
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  return match === 'any' ? `one of ${names.join(', ')}` : names.join(' and ');
}
