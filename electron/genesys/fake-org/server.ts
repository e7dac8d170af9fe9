/**
 * The fake org: a stateful in-memory Genesys Cloud on 127.0.0.1 speaking the real request and
 * response shapes, for the integration tests and as the embedded demo org. Point the SDK at it with
 * `connectGenesys({ apiBase: fakeOrg.url, clientId: fakeOrg.clientId, clientSecret: fakeOrg.clientSecret })`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { systemClock } from '../clock';
import { errorBody, parseJson, readBody, send, tooManyRequests } from './http';
import { resolveHardness, type HardnessOption } from './hardness';
import { FakeApiError } from './model';
import { matchRoute, type Route } from './router';
import { OPERATIONS, type OperationSpec } from '../operations';
import { accessRoutes } from './routes-access';
import { telephonyRoutes } from './routes-telephony';
import { userRoutes } from './routes-users';
import { seedFakeOrg, type FakeOrgSeed } from './seed';
import type { FakeOrgClock, FakeOrgState } from './state';
import {
  FakeRateLimiter,
  FaultPlan,
  type FaultDecision,
  type FaultOptions,
  type RateLimitOptions,
} from './traffic';

export interface FakeOrgOptions {
  seed?: FakeOrgSeed;
  /** OAuth clients accepted by POST /oauth/token; default one random pair (see clientId/clientSecret). */
  clients?: Record<string, string>;
  /**
   * The permissions of the OAuth clients' role; default every permission the operation table
   * names. An operation whose permission is missing answers 403 missing.permissions naming it.
   */
  permissions?: readonly string[];
  tokenLifetimeSeconds?: number;
  /** The API rate limit; `false` turns it off. Default 300 per org minute. */
  rateLimit?: RateLimitOptions | false;
  /** Real ms per org ms (0.05: an org minute lasts 3 s); scales the rate window and Retry-After. */
  timeScale?: number;
  /**
   * How hard the org is (hardness.ts): default as hard as Genesys Cloud (stations after 0–60 s,
   * brand-new users unknown for a few seconds, dropped expansions, refused default-station PUTs,
   * late audit records under Directory or SCIM); `'gentle'` for none of it, or override a part.
   */
  hardness?: HardnessOption;
  faults?: FaultOptions;
  clock?: FakeOrgClock;
  /** Rebase the seed's timestamps to this instant (epoch ms); see SeedOptions. */
  rebaseTo?: number;
}

interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  operation: string;
  body: unknown;
  /** HTTP status answered, or 0 when the connection was reset or left hanging. */
  status: number;
  fault?: FaultDecision;
  /** Whether the request changed the org's state. */
  applied: boolean;
  /** When the request arrived and when its answer ended (or its connection closed), clock ms. */
  receivedAt: number;
  answeredAt?: number;
}

export interface FakeOrg {
  readonly url: string;
  readonly port: number;
  readonly state: FakeOrgState;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly requests: RequestLogEntry[];
  readonly faults: FaultPlan;
  readonly rateLimiter: FakeRateLimiter | undefined;
  /** Invalidates every issued token (an admin revoked them): the next API call gets a 401. */
  revokeTokens(): void;
  stop(): Promise<void>;
}

/** What an injected failure says, by status (a 404 imitates a role that has not propagated yet). */
const FAULT_BODIES: Record<number, [string, string]> = {
  404: ['not.found', 'The requested resource was not found.'],
  500: ['internal.server.error', 'The server encountered an unexpected error.'],
  502: ['bad.gateway', 'The gateway received an invalid response.'],
  503: ['service.unavailable', 'The service is temporarily unavailable.'],
  504: ['request.timeout', 'The request timed out.'],
};

export const FAKE_ORG_ROUTES: readonly Route[] = [
  ...userRoutes,
  ...accessRoutes,
  ...telephonyRoutes,
];
export async function startFakeOrg(options: FakeOrgOptions = {}): Promise<FakeOrg> {
  const clock = options.clock ?? systemClock;
  const timeScale = options.timeScale ?? 1;
  const state = seedFakeOrg(options.seed ?? { users: [], divisions: ['Home'] }, clock, {
    hardness: resolveHardness(options.hardness),
    timeScale,
    rebaseTo: options.rebaseTo,
  });
  const clientId = Object.keys(options.clients ?? {})[0] ?? `fake-${randomUUID()}`;
  const clients = options.clients ?? { [clientId]: randomUUID() };
  const tokens = new Map<string, number>();
  const permissions = new Set(options.permissions ?? allTablePermissions());
  const limiter =
    options.rateLimit === false
      ? undefined
      : new FakeRateLimiter(options.rateLimit ?? {}, timeScale);
  const faults = new FaultPlan(options.faults);
  const requests: RequestLogEntry[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const receivedAt = clock.now();
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const entry: RequestLogEntry = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.search,
        operation: 'unknown',
        body: parseJson(raw),
        status: 0,
        applied: false,
        receivedAt,
      };
      requests.push(entry);
      res.on('close', () => (entry.answeredAt = clock.now()));
      if (entry.method === 'POST' && url.pathname === '/oauth/token') {
        entry.operation = 'oauth.token';
        return issueToken(req, raw, res, entry);
      }
      return serveApi(req, res, url, entry);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function issueToken(
    req: IncomingMessage,
    raw: string,
    res: ServerResponse,
    entry: RequestLogEntry,
  ): void {
    const [id, secret] = Buffer.from(
      (req.headers.authorization ?? '').replace(/^Basic /i, ''),
      'base64',
    )
      .toString()
      .split(':');
    if (!new URLSearchParams(raw).get('grant_type')?.includes('client_credentials'))
      return send(res, entry, 400, {
        error: 'unsupported_grant_type',
        description: 'grant_type must be client_credentials',
      });
    if (!id || clients[id] === undefined || clients[id] !== secret)
      return send(res, entry, 401, {
        error: 'invalid_client',
        description: 'client not found or secret mismatch',
        error_description: 'client not found or secret mismatch',
      });
    const token = randomUUID();
    const lifetime = options.tokenLifetimeSeconds ?? 86_400;
    tokens.set(token, clock.wallNow() + lifetime * 1000);
    send(res, entry, 200, { access_token: token, token_type: 'bearer', expires_in: lifetime });
  }

  async function serveApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    entry: RequestLogEntry,
  ) {
    const match = matchRoute(FAKE_ORG_ROUTES, entry.method, url.pathname);
    if (match) entry.operation = match.route.name;
    const token = (req.headers.authorization ?? '').replace(/^Bearer /i, '');
    const expiry = tokens.get(token);
    if (expiry === undefined)
      return send(
        res,
        entry,
        401,
        errorBody(
          401,
          'authentication.required',
          'No authentication bearer token specified in authorization header.',
        ),
      );
    if (expiry <= clock.wallNow())
      return send(
        res,
        entry,
        401,
        errorBody(401, 'credentials.expired', 'The access token has expired.'),
      );
    const rate = limiter?.admit(token, clock.now(), match?.route.name);
    const headers = rate?.headers ?? {};
    if (rate && !rate.allowed)
      return send(res, entry, 429, tooManyRequests(rate.retryAfterSeconds!), {
        ...headers,
        'retry-after': String(rate.retryAfterSeconds),
      });
    if (!match)
      return send(
        res,
        entry,
        404,
        errorBody(404, 'not.found', `HTTP 404 Not Found: ${entry.method} ${url.pathname}`),
        headers,
      );
    const missing = missingPermissions(OPERATIONS[match.route.name], permissions);
    if (missing.length > 0)
      return send(
        res,
        entry,
        403,
        errorBody(
          403,
          'missing.permissions',
          `Unable to perform the requested action. You are missing the following permission(s): [${missing.join(', ')}]`,
        ),
        headers,
      );
    const latency = faults.latencyMs();
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));

    const fault = faults.decide(entry.operation);
    if (fault?.phase === 'before') return strike(res, entry, fault, headers);
    const before = state.mutations;
    let status = 200;
    let body: unknown;
    try {
      const result = match.route.handler({
        state,
        params: match.params,
        query: url.searchParams,
        body: entry.body,
        permissions,
      });
      status = result.status ?? 200;
      body = result.body;
    } catch (error) {
      if (!(error instanceof FakeApiError)) throw error;
      status = error.status;
      body = errorBody(error.status, error.code, error.message, error.details);
    }
    entry.applied = state.mutations !== before;
    if (fault) return strike(res, entry, fault, headers);
    send(res, entry, status, body, headers);
  }

  function strike(
    res: ServerResponse,
    entry: RequestLogEntry,
    fault: FaultDecision,
    headers: Record<string, string>,
  ): void {
    entry.fault = fault;
    if (fault.kind === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (fault.kind === 'timeout') return; // never answered: the client's timeout fires; stop() cleans up
    if (fault.kind === 'rate-limit') {
      const seconds = fault.retryAfterSeconds ?? 1;
      return send(res, entry, 429, tooManyRequests(seconds), {
        ...headers,
        'retry-after': String(seconds),
      });
    }
    const [code, message] = FAULT_BODIES[fault.status] ?? FAULT_BODIES[500]!;
    send(res, entry, fault.status, errorBody(fault.status, code, message), headers);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    clientId,
    clientSecret: clients[clientId]!,
    requests,
    faults,
    rateLimiter: limiter,
    revokeTokens: () => tokens.clear(),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function allTablePermissions(): string[] {
  return [...new Set(Object.values(OPERATIONS).flatMap((spec) => [...spec.permissions.names]))];
}

/** The permissions of `spec` the client lacks (for `any`: all of them, when it has none). */
function missingPermissions(spec: OperationSpec, granted: ReadonlySet<string>): string[] {
  const { match, names } = spec.permissions;
  const has = (name: string) => {
    const [domain, entity] = name.split(':');
    return (
      granted.has(name) || granted.has(`${domain}:${entity}:*`) || granted.has(`${domain}:*:*`)
    );
  };
  const lacking = names.filter((name) => !has(name));
  if (match === 'any') return lacking.length === names.length ? lacking : [];
  return lacking;
}
