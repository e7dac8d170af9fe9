/** /api/v2/users: get, list, search, with the real response shapes; JIT's user creation. */
import type platformClient from 'purecloud-platform-client-v2';
import { badRequest, FakeApiError, notFound, type FakeUser, type UserState } from './model';
import { page, route, type Route } from './router';
import type { FakeOrgState } from './state';

const USER_STATES = new Set(['active', 'inactive', 'deleted']);

function userJson(
  state: FakeOrgState,
  user: FakeUser,
  requested: readonly string[],
): platformClient.Models.User {
  // Expansions are best effort: now and then one is left out of the answer (hardness.ts).
  const expand = state.expansionsServed(requested);
  const division = state.divisions.get(user.divisionId);
  const manager = user.managerId ? state.users.get(user.managerId) : undefined;
  const out: platformClient.Models.User = {
    id: user.id,
    name: user.name,
    division: division ? { id: division.id, name: division.name } : undefined,
    department: user.department,
    email: user.email,
    username: user.email,
    state: user.state,
    title: user.title,
    // A reference: the SDK types it as a whole User, the API sends its id and selfUri.
    manager: manager
      ? ({ id: manager.id, selfUri: `/api/v2/users/${manager.id}` } as platformClient.Models.User)
      : undefined,
    version: user.version,
    acdAutoAnswer: false,
    selfUri: `/api/v2/users/${user.id}`,
  };
  if (expand.includes('employerInfo'))
    out.employerInfo = user.employeeId !== undefined ? { employeeId: user.employeeId } : {};
  if (expand.includes('locations'))
    out.locations = user.locationIds.map((id) => ({
      locationDefinition: {
        id,
        name: state.locations.get(id)?.name,
        selfUri: `/api/v2/locations/${id}`,
      },
    }));
  if (expand.includes('skills'))
    out.skills = [...user.skills].map(([id, proficiency]) => ({
      id,
      name: state.skills.get(id)?.name,
      proficiency,
      state: 'active',
    }));
  if (expand.includes('authorization'))
    out.authorization = { roles: userRoles(state, user), permissions: [] };
  if (expand.includes('station')) out.station = userStations(state, user);
  return out;
}

function userRoles(state: FakeOrgState, user: FakeUser) {
  const ids = [...new Set(user.grants.map((g) => g.roleId))];
  return ids.map((id) => ({ id, name: state.roles.get(id)?.name }));
}

function userStations(state: FakeOrgState, user: FakeUser) {
  const station = user.defaultStationId ? state.findStation(user.defaultStationId) : undefined;
  const ref = station ? { id: station.id, name: station.name, type: station.type } : undefined;
  return { associatedStation: ref, effectiveStation: ref, defaultStation: ref };
}

function expandOf(value: string | null | string[] | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => String(v).split(','));
  return value ? value.split(',').map((v) => v.trim()) : [];
}

function stateFilter(value: string | null): (user: FakeUser) => boolean {
  const wanted = value ?? 'active';
  if (wanted === 'any') return () => true;
  if (!USER_STATES.has(wanted)) throw badRequest(`Invalid state ${wanted}`, 'invalid.value');
  return (user) => user.state === wanted;
}

interface SearchCriterion {
  type?: string;
  fields?: string[];
  value?: string;
  values?: string[];
  operator?: string;
  group?: SearchCriterion[];
}

function fieldValues(state: FakeOrgState, user: FakeUser, field: string): string[] {
  switch (field) {
    case 'email':
    case 'username':
      return [user.email];
    case 'name':
      return [user.name];
    case 'department':
      return user.department ? [user.department] : [];
    case 'title':
      return user.title ? [user.title] : [];
    case 'id':
      return [user.id];
    case 'state':
      return [user.state];
    case 'employerInfo.employeeId':
      return user.employeeId ? [user.employeeId] : [];
    case 'manager.id':
      return user.managerId ? [user.managerId] : [];
    case 'division.id':
      return [user.divisionId];
    case 'routingSkills':
      return [...user.skills.keys()].map((id) => state.skills.get(id)?.name ?? id);
    default:
      throw badRequest(`Unsupported search field ${field}`, 'invalid.value');
  }
}

function criterionMatches(state: FakeOrgState, user: FakeUser, c: SearchCriterion): boolean {
  if (c.group) {
    const results = c.group.map((g) => criterionMatches(state, user, g));
    return c.operator === 'OR' ? results.some(Boolean) : results.every(Boolean);
  }
  const wanted = (c.values ?? (c.value !== undefined ? [c.value] : [])).map((v) =>
    String(v).toLowerCase(),
  );
  const actual = (c.fields ?? [])
    .flatMap((f) => fieldValues(state, user, f))
    .map((v) => v.toLowerCase());
  switch (c.type) {
    case 'EXACT':
    case 'TERM':
    case 'TERMS':
      return wanted.some((w) => actual.includes(w));
    case 'CONTAINS':
    case 'QUERY_STRING':
    case 'SIMPLE':
      return wanted.some((w) => actual.some((a) => a.includes(w)));
    case 'STARTS_WITH':
      return wanted.some((w) => actual.some((a) => a.startsWith(w)));
    default:
      throw badRequest(`Unsupported search type ${c.type}`, 'invalid.value');
  }
}

function search(state: FakeOrgState, body: unknown) {
  const request = (body ?? {}) as {
    query?: SearchCriterion[];
    pageSize?: number;
    pageNumber?: number;
    expand?: string[];
  };
  const query = request.query ?? [];
  const mentionsState = JSON.stringify(query).includes('"state"');
  const matches = [...state.users.values()].filter(
    (user) =>
      (mentionsState || user.state !== 'deleted') &&
      query.every((criterion) => criterionMatches(state, user, criterion)),
  );
  const params = new URLSearchParams({
    pageSize: String(request.pageSize ?? 25),
    pageNumber: String(request.pageNumber ?? 1),
  });
  const paged = page(matches, params);
  return {
    total: paged.total,
    pageCount: paged.pageCount,
    pageSize: paged.pageSize,
    pageNumber: paged.pageNumber,
    types: ['users'],
    results: paged.entities.map((u) => userJson(state, u, expandOf(request.expand))),
  };
}

function requireString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value.trim() === '')
    throw new FakeApiError(400, 'invalid.value', `The field ${key} is required`, [
      { fieldName: key, errorCode: 'required' },
    ]);
  return value.trim();
}

/**
 * What JIT does on a user's first SAML login: creates the user (default roles in the home
 * division) and writes the Directory audit record. Not an API operation JIT Doctor calls; tests
 * and the demo use it to play the IdP's part.
 */
export function createJitUser(state: FakeOrgState, raw: unknown): FakeUser {
  const body = (raw ?? {}) as Record<string, unknown>;
  const name = requireString(body, 'name');
  const email = requireString(body, 'email');
  const divisionId = requireString(body, 'divisionId');
  state.division(divisionId);
  state.assertEmailFree(email);
  const userState = (body.state as UserState | undefined) ?? 'active';
  if (!USER_STATES.has(userState)) throw badRequest(`Invalid state ${userState}`, 'invalid.value');
  const user: FakeUser = {
    id: state.newId('user'),
    name,
    email,
    department: typeof body.department === 'string' ? body.department : undefined,
    title: typeof body.title === 'string' ? body.title : undefined,
    state: userState,
    divisionId,
    locationIds: [],
    version: 1,
    // New users get the org's default roles (employee) in the home division, as Genesys does.
    grants: [...state.roles.values()]
      .filter((r) => r.default)
      .map((r) => ({ roleId: r.id, divisionId: state.homeDivision().id })),
    skills: new Map(),
  };
  user.visibleAtMs = state.newUserVisibleAtMs(user.id);
  state.users.set(user.id, user);
  state.recordCreation(user);
  state.changed();
  return user;
}

export const userRoutes: Route[] = [
  route('users.list', ({ state, query }) => {
    const keep = stateFilter(query.get('state'));
    const ids = query.get('id')?.split(',');
    // By id: looked up, not searched for (a brownfield org holds 12,000 users).
    const users = (
      ids ? ids.flatMap((id) => state.users.get(id) ?? []) : [...state.users.values()]
    ).filter(keep);
    const paged = page(users, query);
    const expand = expandOf(query.get('expand'));
    return { body: { ...paged, entities: paged.entities.map((u) => userJson(state, u, expand)) } };
  }),
  route('users.get', ({ state, params, query }) => {
    const user = state.user(params.userId!);
    if (state.isNotYetVisible(user)) throw notFound('User', user.id);
    const wanted = query.get('state');
    if (user.state === 'deleted' && wanted !== 'deleted' && wanted !== 'any')
      throw new FakeApiError(404, 'not.found', `User ${user.id} was not found`);
    return { body: userJson(state, user, expandOf(query.get('expand'))) };
  }),
  route('users.search', ({ state, body }) => ({
    body: search(state, body),
  })),
];
