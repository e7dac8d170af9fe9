/**
 * A tiny router for the fake org's endpoints: each route is one operation of the adapter's table
 * (../operations.ts), served at the table's HTTP method and path, so the fake org cannot drift
 * from what the adapter calls.
 */
import { OPERATIONS, type OperationName, type SdkResult } from '../operations';
import type { FakeOrgState } from './state';

interface RouteRequest {
  state: FakeOrgState;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The calling OAuth client's permissions. */
  permissions: ReadonlySet<string>;
}

/** An answer; `body` is the SDK's model type for the operation (index.d.ts `Models.*`). */
interface RouteResponse<T = unknown> {
  status?: number;
  body?: T;
}

export type RouteHandler<T = unknown> = (request: RouteRequest) => RouteResponse<T>;

export interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
  /** The operation: named in the request log and used to inject faults for one operation. */
  name: OperationName;
}

/**
 * Serves `name` at the method and path the operation table gives it; `{x}` becomes params.x. The
 * handler's body must be what the SDK method resolves with (SdkResult), so the fake org answers
 * in the SDK's own model types.
 */
export function route<K extends OperationName>(
  name: K,
  handler: RouteHandler<SdkResult<K>>,
): Route {
  const { method, path } = OPERATIONS[name];
  const keys: string[] = [];
  const source = path.replace(/\{([A-Za-z]+)\}/g, (_match, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), keys, handler, name };
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    candidate.keys.forEach((key, index) => {
      params[key] = decodeURIComponent(match[index + 1]!);
    });
    return { route: candidate, params };
  }
  return undefined;
}

/** Paging as Genesys does it: pageSize (default 25, max 500) and 1-based pageNumber. */
export function page<T>(items: readonly T[], query: URLSearchParams, defaultSize = 25) {
  const pageSize = clamp(Number(query.get('pageSize') ?? defaultSize), 1, 500);
  const pageNumber = Math.max(1, Math.floor(Number(query.get('pageNumber') ?? 1)) || 1);
  const start = (pageNumber - 1) * pageSize;
  return {
    entities: items.slice(start, start + pageSize),
    pageSize,
    pageNumber,
    total: items.length,
    pageCount: Math.ceil(items.length / pageSize),
  };
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** Name filters: exact (case-insensitive), or a prefix with a trailing `*`; skills match by prefix. */
/**
 * `nameMatches` against any of several filters, each lowercased once: a listing filters thousands
 * of names, and lowercasing every filter for every name made each such call take a tenth of a second.
 */
export function nameMatcher(filters: readonly (string | null)[]): (name: string) => boolean {
  if (filters.some((filter) => !filter)) return () => true;
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const filter of filters as string[]) {
    const f = filter.toLowerCase();
    if (f.endsWith('*')) prefixes.push(f.slice(0, -1));
    else exact.add(f);
  }
  return (name) => {
    const n = name.toLowerCase();
    return exact.has(n) || prefixes.some((prefix) => n.startsWith(prefix));
  };
}

export function nameMatches(name: string, filter: string | null, prefix = false): boolean {
  if (!filter) return true;
  const n = name.toLowerCase();
  const f = filter.toLowerCase();
  if (f.endsWith('*')) return n.startsWith(f.slice(0, -1));
  return prefix ? n.startsWith(f) : n === f;
}
