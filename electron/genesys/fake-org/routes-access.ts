/** Skills, roles and grants, divisions, locations, licenses, SSO providers and audits. */
import type platformClient from 'purecloud-platform-client-v2';
import { badRequest, FakeApiError, notFound } from './model';
import { nameMatches, page, route, type Route } from './router';
import type { FakeOrgState } from './state';

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
  const now = state.clock.now();
  const events = state.audits.filter((event) => {
    const at = Date.parse(event.eventDate);
    if (at < start || at >= end || event.serviceName !== request.serviceName) return false;
    if (event.visibleAtMs > now) return false; // not arrived yet
    return filters.every((f) => {
      const value = (f.value ?? '').toLowerCase();
      if (f.property === 'Action') return event.action.toLowerCase() === value;
      if (f.property === 'EntityType') return event.entityType.toLowerCase() === value;
      if (f.property === 'EntityId') return event.entity.id === f.value;
      return true;
    });
  });
  return page(
    events.map(({ visibleAtMs: _arrival, ...message }) => message),
    new URLSearchParams({
      pageSize: String(request.pageSize ?? 25),
      pageNumber: String(request.pageNumber ?? 1),
    }),
  );
}

/** The OAuth client as /authorization/subjects/me shows it: one role holding its permissions. */
function clientSubject(permissions: ReadonlySet<string>): platformClient.Models.AuthzSubject {
  return {
    id: 'oauth-client',
    name: 'JIT Doctor OAuth client',
    grants: [
      {
        role: {
          id: 'role-jit-doctor',
          name: 'JIT Doctor',
          policies: [...permissions].map((permission) => {
            const [domain, entityName, action] = permission.split(':');
            return { domain, entityName, actions: [action ?? '*'] };
          }),
        },
        division: { id: '*', name: 'All divisions' } as platformClient.Models.AuthzDivision,
      },
    ],
  };
}

const SUBJECT_TYPES = ['PC_GROUP', 'PC_USER', 'PC_OAUTH_CLIENT'];
const OBJECT_TYPES = ['CAMPAIGN', 'MANAGEMENTUNIT', 'FLOW', 'QUEUE', 'DATATABLES', 'USER'];

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string' && id.length > 0);
}

export const accessRoutes: Route[] = [
  route('routing.skills.list', ({ state, query }) => ({
    body: page(
      [...state.skills.values()]
        .filter((s) => nameMatches(s.name, query.get('name'), true))
        .map((s) => ({ id: s.id, name: s.name, state: 'active', version: '1' })),
      query,
    ),
  })),
  route('routing.userSkills.bulkPatch', ({ state, params, body }) => ({
    body: patchUserSkills(state, params.userId!, body, false),
  })),
  route('authorization.roles.list', ({ state, query }) => ({
    body: page(
      [...state.roles.values()].filter((r) => nameMatches(r.name, query.get('name'))),
      query,
    ),
  })),
  route('authorization.grants.bulkAdd', ({ state, params, body }) => {
    const user = state.user(params.subjectId!);
    for (const grant of grantsOf(state, body))
      if (!user.grants.some((g) => g.roleId === grant.roleId && g.divisionId === grant.divisionId))
        user.grants.push(grant);
    state.changed();
    return { status: 204 };
  }),
  // SDK docs (postAuthorizationRole): subjectType PC_GROUP, PC_USER or PC_OAUTH_CLIENT, body
  // {subjectIds, divisionIds}; every subject gets the role in every division.
  route('authorization.roles.grant', ({ state, params, query, body }) => {
    const role = state.roles.get(params.roleId!);
    if (!role) throw notFound('Role', params.roleId!);
    const subjectType = query.get('subjectType') ?? 'PC_USER';
    if (!SUBJECT_TYPES.includes(subjectType))
      throw badRequest(`subjectType must be one of ${SUBJECT_TYPES.join(', ')}`, 'invalid.value');
    if (subjectType !== 'PC_USER')
      throw badRequest(
        `The fake org grants roles to users only, not ${subjectType}`,
        'invalid.value',
      );
    const { subjectIds, divisionIds } = (body ?? {}) as {
      subjectIds?: unknown;
      divisionIds?: unknown;
    };
    if (!isIdList(subjectIds) || !isIdList(divisionIds))
      throw badRequest(
        'The body must be {subjectIds: [id…], divisionIds: [id…]}, both required',
        'invalid.value',
      );
    const divisions = divisionIds.map((id) => state.division(id).id);
    const users = subjectIds.map((id) => state.user(id));
    for (const user of users)
      for (const divisionId of divisions)
        if (!user.grants.some((g) => g.roleId === role.id && g.divisionId === divisionId))
          user.grants.push({ roleId: role.id, divisionId });
    state.changed();
    return { status: 204 };
  }),
  route('authorization.subjects.me', ({ permissions }) => ({
    body: clientSubject(permissions),
  })),
  route('authorization.divisions.list', ({ state, query }) => ({
    body: page(
      [...state.divisions.values()]
        .filter((d) => nameMatches(d.name, query.get('name')))
        .map((d) => ({ ...d, description: '' })),
      query,
    ),
  })),
  // SDK docs (postAuthorizationDivisionObject): objects of one type, one of CAMPAIGN,
  // MANAGEMENTUNIT, FLOW, QUEUE, DATATABLES or USER; the body is the list of their ids.
  route('authorization.divisions.move', ({ state, params, body }) => {
    const division = state.division(params.divisionId!);
    if (!OBJECT_TYPES.includes(params.objectType!))
      throw badRequest(
        `objectType must be one of ${OBJECT_TYPES.join(', ')} (got ${params.objectType})`,
        'invalid.value',
      );
    if (params.objectType !== 'USER')
      throw badRequest(`The fake org holds users only, not ${params.objectType}`, 'invalid.value');
    if (!isIdList(body)) throw badRequest('The body must be a list of object ids', 'invalid.value');
    const users = body.map((id) => state.user(id));
    for (const user of users) {
      if (user.divisionId !== division.id) user.version += 1;
      user.divisionId = division.id;
    }
    state.changed();
    return { status: 204 };
  }),
  route('locations.search', ({ state, body }) => ({
    body: searchLocations(state, body),
  })),
  route('license.users.list', ({ state, query }) => ({
    body: page(
      state.licensedUsers().map((u) => ({ id: u.id, licenses: [...state.licenses.definitionIds] })),
      query,
    ),
  })),
  route('identityProviders.list', ({ state }) => ({
    body: page([...state.identityProviders.values()], new URLSearchParams({ pageSize: '100' })),
  })),
  route('audits.realtimeQuery', ({ state, body }) => ({
    body: auditQuery(state, body),
  })),
];
