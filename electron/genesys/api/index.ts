/** The typed Genesys Cloud operations of spec/genesys-api.md, each one call through the scheduler. */
import type { GenesysConnection } from '../connection';
import { createAuthorizationApi, createDirectoryLookupApi, createRoutingApi } from './access';
import { createTelephonyApi } from './telephony';
import { createUserApi } from './users';

export function createGenesysApi(connection: GenesysConnection) {
  return {
    connection,
    users: createUserApi(connection),
    routing: createRoutingApi(connection),
    authorization: createAuthorizationApi(connection),
    telephony: createTelephonyApi(connection),
    org: createDirectoryLookupApi(connection),
  };
}

export type GenesysApi = ReturnType<typeof createGenesysApi>;

export interface Page<T> {
  entities?: T[];
  pageCount?: number;
}

/** Reads every page of a paged listing (pageNumber from 1 until pageCount). */
export async function allPages<T>(
  fetchPage: (pageNumber: number) => Promise<Page<T>>,
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

export type { CallControl } from './types';
export type { GenesysUser, CreateUserBody, UpdateUserBody, UserSearchRequest } from './users';
export type { Grant, UtilizationBody, PageQuery, NamedPageQuery } from './access';
export type { PhoneBody } from './telephony';
