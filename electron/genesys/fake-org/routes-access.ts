/** Skills, roles and grants, divisions, locations, licenses, SSO providers and audits. */
import { badRequest, FakeApiError, notFound } from './model';
import { nameMatches, page, route, type Route } from './router';
import type { FakeOrgState } from './state';
import { userRoles } from './routes-users';

function userSkillListing(state: FakeOrgState, userId: string, query: URLSearchParams) {
  const user = state.user(userId);
  const skills = [...user.skills].map(([id, proficiency]) => ({
    id,
    name: state.skills.get(id)?.name,
    proficiency,
    state: 'active',
    skillUri: `/api/v2/routing/skills/${id}`,
  }));
  return page(skills, query);
}

function patchUserSkills(state: FakeOrgState, userId: string, body: unknown, replace: boolean) {
  const user = state.user(userId);
  if (!Array.isArray(body))
    throw badRequest('The body must be an array of {id, proficiency}', 'invalid.value');
  if (body.length > 50)
    throw badRequest('At most 50 skills may be set in one request', 'invalid.value');
  const entries = body.map((item: { id?: unknown; proficiency?: unknown }) => {
    const id = String(item.id ?? '');
    if (!state.skills.has(id))
      throw new FakeApiError(400, 'invalid.value', `Skill ${id} does not exist`);
    const proficiency = Number(item.proficiency);
    if (!(proficiency >= 0 && proficiency <= 5))
      throw badRequest(
        `Proficiency must be between 0 and 5 (got ${String(item.proficiency)})`,
        'invalid.value',
      );
    return [id, proficiency] as const;
  });
  if (replace) user.skills.clear();
  for (const [id, proficiency] of entries) user.skills.set(id, proficiency);
  state.changed();
  return userSkillListing(state, userId, new URLSearchParams({ pageSize: '100' }));
}

interface GrantBody {
  grants?: { roleId?: string; divisionId?: string }[];
}

function grantsOf(state: FakeOrgState, body: unknown) {
  const grants = (body as GrantBody | undefined)?.grants;
  if (!Array.isArray(grants))
    throw badRequest('The body must be {grants: [{roleId, divisionId}]}', 'invalid.value');
  return grants.map((g) => {
    const roleId = String(g.roleId ?? '');
    const divisionId = String(g.divisionId ?? '');
    if (!state.roles.has(roleId)) throw notFound('Role', roleId);
    if (!state.divisions.has(divisionId)) throw notFound('Division', divisionId);
    return { roleId, divisionId };
  });
}

function subjectJson(state: FakeOrgState, userId: string) {
  const user = state.user(userId);
  return {
    id: user.id,
    name: user.name,
    grants: user.grants.map((g) => ({
      subjectId: user.id,
      role: { id: g.roleId, name: state.roles.get(g.roleId)?.name },
      division: { id: g.divisionId, name: state.divisions.get(g.divisionId)?.name },
    })),
    version: user.version,
  };
}

function searchLocations(state: FakeOrgState, body: unknown) {
  const request = (body ?? {}) as {
    query?: { type?: string; fields?: string[]; value?: string; values?: string[] }[];
    pageSize?: number;
    pageNumber?: number;
  };
  const matches = [...state.locations.values()].filter((location) =>
    (request.query ?? []).every((c) => {
      const wanted = (c.values ?? (c.value !== undefined ? [c.value] : [])).map((v) =>
        v.toLowerCase(),
      );
      const fields = c.fields ?? ['name'];
      const actual = fields.map((f) => (f === 'id' ? location.id : location.name).toLowerCase());
      if (c.type === 'CONTAINS') return wanted.some((w) => actual.some((a) => a.includes(w)));
      if (c.type === 'STARTS_WITH') return wanted.some((w) => actual.some((a) => a.startsWith(w)));
      return wanted.some((w) => actual.includes(w));
    }),
  );
  const paged = page(
    matches,
    new URLSearchParams({
      pageSize: String(request.pageSize ?? 25),
      pageNumber: String(request.pageNumber ?? 1),
    }),
  );
  return {
    total: paged.total,
    pageCount: paged.pageCount,
    pageSize: paged.pageSize,
    pageNumber: paged.pageNumber,
    types: ['locations'],
    results: paged.entities.map((l) => ({ id: l.id, name: l.name, state: 'active', address: {} })),
  };
}

function auditQuery(state: FakeOrgState, body: unknown) {
  const request = (body ?? {}) as {
    interval?: string;
    serviceName?: string;
    filters?: { property?: string; value?: string }[];
    pageSize?: number;
    pageNumber?: number;
  };
  const [start, end] = (request.interval ?? '').split('/').map((v) => Date.parse(v));
  if (start === undefined || end === undefined || Number.isNaN(start) || Number.isNaN(end))
    throw badRequest('interval must be "start/end" in ISO-8601', 'invalid.value');
  if (!request.serviceName) throw badRequest('serviceName is required', 'invalid.value');
  const filters = request.filters ?? [];
  const events = state.audits.filter((event) => {
    const at = Date.parse(event.eventDate);
    if (at < start || at >= end || event.serviceName !== request.serviceName) return false;
    return filters.every((f) => {
      const value = (f.value ?? '').toLowerCase();
      if (f.property === 'Action') return event.action.toLowerCase() === value;
      if (f.property === 'EntityType') return event.entityType.toLowerCase() === value;
      if (f.property === 'EntityId') return event.entity.id === f.value;
      return true;
    });
  });
  return page(
    events,
    new URLSearchParams({
      pageSize: String(request.pageSize ?? 25),
      pageNumber: String(request.pageNumber ?? 1),
    }),
  );
}

export const accessRoutes: Route[] = [
  route('GET', '/api/v2/routing/skills', 'routing.skills.list', ({ state, query }) => ({
    body: page(
      [...state.skills.values()]
        .filter((s) => nameMatches(s.name, query.get('name'), true))
        .map((s) => ({ id: s.id, name: s.name, state: 'active', version: '1' })),
      query,
    ),
  })),
  route(
    'GET',
    '/api/v2/users/:id/routingskills',
    'routing.userSkills.get',
    ({ state, params, query }) => ({
      body: userSkillListing(state, params.id!, query),
    }),
  ),
  route(
    'PATCH',
    '/api/v2/users/:id/routingskills/bulk',
    'routing.userSkills.bulkPatch',
    ({ state, params, body }) => ({
      body: patchUserSkills(state, params.id!, body, false),
    }),
  ),
  route(
    'PUT',
    '/api/v2/users/:id/routingskills/bulk',
    'routing.userSkills.bulkReplace',
    ({ state, params, body }) => ({
      body: patchUserSkills(state, params.id!, body, true),
    }),
  ),
  route('GET', '/api/v2/authorization/roles', 'authorization.roles.list', ({ state, query }) => ({
    body: page(
      [...state.roles.values()].filter((r) => nameMatches(r.name, query.get('name'))),
      query,
    ),
  })),
  route('GET', '/api/v2/users/:id/roles', 'authorization.userRoles.get', ({ state, params }) => ({
    body: { roles: userRoles(state, state.user(params.id!)), permissions: [] },
  })),
  route(
    'GET',
    '/api/v2/authorization/subjects/:id',
    'authorization.subject.get',
    ({ state, params }) => ({
      body: subjectJson(state, params.id!),
    }),
  ),
  route(
    'POST',
    '/api/v2/authorization/subjects/:id/bulkadd',
    'authorization.grants.bulkAdd',
    ({ state, params, body }) => {
      const user = state.user(params.id!);
      for (const grant of grantsOf(state, body))
        if (
          !user.grants.some((g) => g.roleId === grant.roleId && g.divisionId === grant.divisionId)
        )
          user.grants.push(grant);
      state.changed();
      return { status: 204 };
    },
  ),
  route(
    'POST',
    '/api/v2/authorization/subjects/:id/bulkreplace',
    'authorization.grants.bulkReplace',
    ({ state, params, body }) => {
      const user = state.user(params.id!);
      user.grants = grantsOf(state, body);
      state.changed();
      return { status: 204 };
    },
  ),
  route(
    'GET',
    '/api/v2/authorization/divisions/home',
    'authorization.divisions.home',
    ({ state }) => ({
      body: { ...state.homeDivision(), description: '' },
    }),
  ),
  route(
    'GET',
    '/api/v2/authorization/divisions',
    'authorization.divisions.list',
    ({ state, query }) => ({
      body: page(
        [...state.divisions.values()]
          .filter((d) => nameMatches(d.name, query.get('name')))
          .map((d) => ({ ...d, description: '' })),
        query,
      ),
    }),
  ),
  route(
    'POST',
    '/api/v2/authorization/divisions/:divisionId/objects/:type',
    'authorization.divisions.move',
    ({ state, params, body }) => {
      const division = state.division(params.divisionId!);
      if (params.type !== 'USER')
        throw badRequest(`Unsupported object type ${params.type}`, 'invalid.value');
      if (!Array.isArray(body))
        throw badRequest('The body must be an array of user ids', 'invalid.value');
      const users = body.map((id) => state.user(String(id)));
      for (const user of users) {
        if (user.divisionId !== division.id) user.version += 1;
        user.divisionId = division.id;
      }
      state.changed();
      return { status: 204 };
    },
  ),
  route('POST', '/api/v2/locations/search', 'locations.search', ({ state, body }) => ({
    body: searchLocations(state, body),
  })),
  route('GET', '/api/v2/license/definitions', 'license.definitions', ({ state }) => ({
    body: state.licenses.definitionIds.map((id) => ({ id, description: id })),
  })),
  route('GET', '/api/v2/license/users/:id', 'license.user.get', ({ state, params }) => {
    const user = state.user(params.id!);
    const licensed = state.licensedUsers().includes(user);
    return {
      body: {
        id: user.id,
        licenses: licensed ? state.licenses.definitionIds.map((id) => ({ id })) : [],
      },
    };
  }),
  route('GET', '/api/v2/license/users', 'license.users.list', ({ state, query }) => ({
    body: page(
      state.licensedUsers().map((u) => ({ id: u.id, licenses: [...state.licenses.definitionIds] })),
      query,
    ),
  })),
  route('GET', '/api/v2/identityproviders', 'identityProviders.list', ({ state }) => ({
    body: page([...state.identityProviders.values()], new URLSearchParams({ pageSize: '100' })),
  })),
  route('GET', '/api/v2/identityproviders/:id', 'identityProviders.get', ({ state, params }) => {
    const provider = state.identityProviders.get(params.id!);
    if (!provider) throw notFound('Identity provider', params.id!);
    return { body: provider };
  }),
  route('POST', '/api/v2/audits/query/realtime', 'audits.realtimeQuery', ({ state, body }) => ({
    body: auditQuery(state, body),
  })),
];
