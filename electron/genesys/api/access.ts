/** Skills, utilization, roles and grants, divisions, locations, licenses, SSO providers, audits. */
import type platformClient from 'purecloud-platform-client-v2';
import type { GenesysConnection } from '../connection';
import { GenesysApiError } from '../errors';
import type { CallControl } from './types';

export interface PageQuery extends CallControl {
  pageSize?: number;
  pageNumber?: number;
}

export interface NamedPageQuery extends PageQuery {
  name?: string;
}

export type Grant = platformClient.Models.RoleDivisionPair;
export type UtilizationBody = platformClient.Models.UtilizationRequest;

export function createRoutingApi(connection: GenesysConnection) {
  return {
    /** GET /api/v2/routing/skills: `name` is a prefix match. */
    skills: (query: NamedPageQuery = {}) =>
      connection.call<platformClient.Models.SkillEntityListing>(
        { operation: 'routing.skills.list', signal: query.signal },
        (apis) =>
          apis.routing.getRoutingSkills({
            name: query.name,
            pageSize: query.pageSize,
            pageNumber: query.pageNumber,
          }),
      ),
    userSkills: (userId: string, query: PageQuery = {}) =>
      connection.call<platformClient.Models.UserSkillEntityListing>(
        { operation: 'routing.userSkills.get', signal: query.signal },
        (apis) =>
          apis.routing.getUserRoutingskills(userId, {
            pageSize: query.pageSize,
            pageNumber: query.pageNumber,
          }),
      ),
    /** PATCH .../routingskills/bulk adds or updates (at most 50 per call; converges, so it is retried freely). */
    patchUserSkills: (
      userId: string,
      skills: platformClient.Models.UserRoutingSkillPost[],
      control: CallControl = {},
    ) => {
      if (skills.length > 50)
        return Promise.reject(
          new GenesysApiError({
            operation: 'routing.userSkills.bulkPatch',
            kind: 'invalid-request',
            serverMessage: `at most 50 skills per call, got ${skills.length}: split the list`,
          }),
        );
      return connection.call<platformClient.Models.UserSkillEntityListing>(
        { operation: 'routing.userSkills.bulkPatch', signal: control.signal },
        (apis) => apis.routing.patchUserRoutingskillsBulk(userId, skills),
      );
    },
    utilization: (userId: string, control: CallControl = {}) =>
      connection.call<platformClient.Models.AgentMaxUtilizationResponse>(
        { operation: 'routing.utilization.get', signal: control.signal },
        (apis) => apis.routing.getRoutingUserUtilization(userId),
      ),
    putUtilization: (userId: string, body: UtilizationBody, control: CallControl = {}) =>
      connection.call<platformClient.Models.AgentMaxUtilizationResponse>(
        { operation: 'routing.utilization.put', signal: control.signal },
        (apis) => apis.routing.putRoutingUserUtilization(userId, body),
      ),
  };
}

export function createAuthorizationApi(connection: GenesysConnection) {
  return {
    roles: (query: NamedPageQuery = {}) =>
      connection.call<platformClient.Models.OrganizationRoleEntityListing>(
        { operation: 'authorization.roles.list', signal: query.signal },
        (apis) =>
          apis.authorization.getAuthorizationRoles({
            name: query.name,
            pageSize: query.pageSize,
            pageNumber: query.pageNumber,
          }),
      ),
    userRoles: (userId: string, control: CallControl = {}) =>
      connection.call<platformClient.Models.UserAuthorization>(
        { operation: 'authorization.userRoles.get', signal: control.signal },
        (apis) => apis.authorization.getUserRoles(userId),
      ),
    subject: (userId: string, control: CallControl = {}) =>
      connection.call<platformClient.Models.AuthzSubject>(
        { operation: 'authorization.subject.get', signal: control.signal },
        (apis) => apis.authorization.getAuthorizationSubject(userId),
      ),
    /** Adding a grant the user already has changes nothing, so a resend is safe; a 404 for a
     *  role or division created moments ago is retried briefly. */
    bulkAdd: (userId: string, grants: Grant[], control: CallControl = {}) =>
      connection.call<void>(
        { operation: 'authorization.grants.bulkAdd', retryNotFound: true, signal: control.signal },
        (apis) => apis.authorization.postAuthorizationSubjectBulkadd(userId, { grants }),
      ),
    bulkReplace: (userId: string, grants: Grant[], control: CallControl = {}) =>
      connection.call<void>(
        {
          operation: 'authorization.grants.bulkReplace',
          retryNotFound: true,
          signal: control.signal,
        },
        (apis) =>
          apis.authorization.postAuthorizationSubjectBulkreplace(
            userId,
            { grants },
            { subjectType: 'PC_USER' },
          ),
      ),
    divisions: (query: NamedPageQuery = {}) =>
      connection.call<platformClient.Models.AuthzDivisionEntityListing>(
        { operation: 'authorization.divisions.list', signal: query.signal },
        (apis) =>
          apis.authorization.getAuthorizationDivisions({
            name: query.name,
            pageSize: query.pageSize,
            pageNumber: query.pageNumber,
          }),
      ),
    homeDivision: (control: CallControl = {}) =>
      connection.call<platformClient.Models.AuthzDivision>(
        { operation: 'authorization.divisions.home', signal: control.signal },
        (apis) => apis.authorization.getAuthorizationDivisionsHome(),
      ),
    /** Moving users into the division they are already in is a no-op: safe to resend. */
    moveUsers: (divisionId: string, userIds: string[], control: CallControl = {}) =>
      connection.call<void>(
        { operation: 'authorization.divisions.move', signal: control.signal },
        (apis) => apis.authorization.postAuthorizationDivisionObject(divisionId, 'USER', userIds),
      ),
  };
}

export function createDirectoryLookupApi(connection: GenesysConnection) {
  return {
    searchLocations: (
      body: platformClient.Models.LocationSearchRequest,
      control: CallControl = {},
    ) =>
      connection.call<platformClient.Models.LocationsSearchResponse>(
        { operation: 'locations.search', signal: control.signal },
        (apis) => apis.locations.postLocationsSearch(body),
      ),
    userLicenses: (userId: string, control: CallControl = {}) =>
      connection.call<platformClient.Models.LicenseUser>(
        { operation: 'license.user.get', signal: control.signal },
        (apis) => apis.license.getLicenseUser(userId),
      ),
    licensedUsers: (query: PageQuery = {}) =>
      connection.call<platformClient.Models.UserLicensesEntityListing>(
        { operation: 'license.users.list', signal: query.signal },
        (apis) =>
          apis.license.getLicenseUsers({ pageSize: query.pageSize, pageNumber: query.pageNumber }),
      ),
    licenseDefinitions: (control: CallControl = {}) =>
      connection.call<platformClient.Models.LicenseDefinition[]>(
        { operation: 'license.definitions', signal: control.signal },
        (apis) => apis.license.getLicenseDefinitions(),
      ),
    identityProviders: (control: CallControl = {}) =>
      connection.call<platformClient.Models.IdentityProviderEntityListing>(
        { operation: 'identityProviders.list', signal: control.signal },
        (apis) => apis.identityProviders.getIdentityproviders(),
      ),
    identityProvider: (id: string, control: CallControl = {}) =>
      connection.call<platformClient.Models.CustomProvider>(
        { operation: 'identityProviders.get', signal: control.signal },
        (apis) => apis.identityProviders.getIdentityprovider(id),
      ),
    /** POST /api/v2/audits/query/realtime (about 14 days back). */
    auditQuery: (
      body: platformClient.Models.AuditRealtimeQueryRequest,
      control: CallControl = {},
    ) =>
      connection.call<platformClient.Models.AuditRealtimeQueryResultsResponse>(
        { operation: 'audits.realtimeQuery', signal: control.signal },
        (apis) => apis.audit.postAuditsQueryRealtime(body),
      ),
  };
}
