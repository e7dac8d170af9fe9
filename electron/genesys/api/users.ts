/** Users: get, list, search, create (never duplicated), patch (versioned). */
import type platformClient from 'purecloud-platform-client-v2';
import type { GenesysConnection } from '../connection';
import type { CallControl } from './types';

export type GenesysUser = platformClient.Models.User;
export type UserListing = platformClient.Models.UserEntityListing;
export type UserSearchRequest = platformClient.Models.UserSearchRequest;
export type UserSearchResponse = platformClient.Models.UsersSearchResponse;
export type CreateUserBody = platformClient.Models.CreateUser;
export type UpdateUserBody = platformClient.Models.UpdateUser;

export interface UserQuery extends CallControl {
  expand?: string[];
  state?: 'active' | 'inactive' | 'deleted' | 'any';
}

export interface UserListQuery extends UserQuery {
  pageSize?: number;
  pageNumber?: number;
}

export function createUserApi(connection: GenesysConnection) {
  const search = (body: UserSearchRequest, control: CallControl = {}) =>
    connection.call<UserSearchResponse>(
      { operation: 'users.search', signal: control.signal },
      (apis) => apis.users.postUsersSearch(body),
    );

  /** The user holding this email, any state (a deleted user still blocks the address). */
  const findByEmail = async (email: string, control: CallControl = {}) => {
    const found = await search(
      {
        pageSize: 1,
        query: [
          { type: 'EXACT', fields: ['email'], value: email },
          { type: 'TERMS', fields: ['state'], values: ['active', 'inactive', 'deleted'] },
        ],
      },
      control,
    );
    return found.results?.[0];
  };

  const get = (id: string, query: UserQuery = {}) =>
    connection.call<GenesysUser>({ operation: 'users.get', signal: query.signal }, (apis) =>
      apis.users.getUser(id, { expand: query.expand, state: query.state }),
    );

  const patch = (id: string, body: UpdateUserBody, control: CallControl = {}) =>
    connection.call<GenesysUser>(
      {
        operation: 'users.patch',
        retry: 'recheck',
        signal: control.signal,
        recheck: async () => {
          const current = await get(id, {
            expand: ['employerInfo', 'locations'],
            signal: control.signal,
          });
          return current.version > body.version && patchVisible(current, body)
            ? current
            : undefined;
        },
      },
      (apis) => apis.users.patchUser(id, body),
    );

  return {
    get,

    list: (query: UserListQuery = {}) =>
      connection.call<UserListing>({ operation: 'users.list', signal: query.signal }, (apis) =>
        apis.users.getUsers({
          pageSize: query.pageSize,
          pageNumber: query.pageNumber,
          expand: query.expand,
          state: query.state,
        }),
      ),

    search,
    findByEmail,

    /**
     * POST /api/v2/users. After an ambiguous failure (timeout, reset, 5xx) it looks the email up
     * before sending again, so a user is never created twice.
     */
    create: (body: CreateUserBody, control: CallControl = {}) =>
      connection.call<GenesysUser>(
        {
          operation: 'users.create',
          retry: 'recheck',
          signal: control.signal,
          recheck: async () => {
            const existing = await findByEmail(body.email, control);
            return existing && existing.name === body.name ? existing : undefined;
          },
        },
        (apis) => apis.users.postUsers(body),
      ),

    /**
     * PATCH /api/v2/users/{id} with the version the caller read. A resend after an ambiguous
     * failure would meet a 409 if the first one landed, so the recheck reads the user instead:
     * a newer version carrying every patched field means it was applied.
     */
    patch,

    /**
     * PATCH with the current version: reads it first and, when another writer got in between
     * (a version conflict), reads again and retries, at most three times.
     */
    update: async (
      id: string,
      changes: Omit<UpdateUserBody, 'version'>,
      control: CallControl = {},
    ) => {
      for (let attempt = 1; ; attempt += 1) {
        const current = await get(id, { signal: control.signal });
        try {
          return await patch(id, { ...changes, version: current.version }, control);
        } catch (error) {
          if (attempt >= 3 || !isVersionConflict(error)) throw error;
        }
      }
    },
  };
}

/** Genesys answers a stale version with 409, or with 400 "does not match the current version". */
function isVersionConflict(error: unknown): boolean {
  const e = error as { status?: number; serverMessage?: string };
  return (e.status === 409 || e.status === 400) && /version/i.test(e.serverMessage ?? '');
}

function patchVisible(user: GenesysUser, body: UpdateUserBody): boolean {
  const same = (a: unknown, b: unknown) => b === undefined || a === b;
  return (
    same(user.name, body.name) &&
    same(user.email, body.email) &&
    same(user.department, body.department) &&
    same(user.title, body.title) &&
    same(user.state, body.state) &&
    same(user.manager?.id, body.manager === '' ? undefined : body.manager) &&
    same(user.employerInfo?.employeeId, body.employerInfo?.employeeId)
  );
}
