/**
 * # The Genesys Cloud adapter (Node side; never imports electron)
 *
 * ```ts
 * const connection = await connectGenesys({ region: 'mypurecloud.ie', clientId, clientSecret });
 * const api = createGenesysAdapter(connection);
 * const [user] = await api.usersByIds([userId], { roles: false, locations: false });
 * await api.addSkills(user.id, [{ id: skillId, proficiency: 1 }]);
 * connection.scheduler.on('progress', (p) => render(p));                  // queued/inFlight/completed/failed
 * ```
 *
 * - **Connection** (`connectGenesys`): the official SDK (purecloud-platform-client-v2) configured
 *   for one org: region (domain or SDK key), `apiBase` for the fake org or a proxy (the SDK's
 *   gateway; the SDK's own config file is ignored), client-credentials login renewed before
 *   expiry and after a 401. The SDK client is a process singleton: ONE connection per process;
 *   connecting again retires the previous connection (its calls then fail clearly).
 * - **Scheduler** (`connection.scheduler`, a `CallScheduler`): every call goes through it. A
 *   sliding-window bucket of `limit` calls per `windowMs` (default 300/min; `timeScale` shrinks an
 *   org minute for tests), a concurrency cap, 429 Retry-After and `inin-ratelimit-*` honoured for
 *   the whole bucket, capped exponential backoff with full jitter for 5xx/timeouts/resets, and
 *   writes that may already have happened are re-checked (`retry: 'recheck'`) or reported
 *   (`'never'`), never blindly resent. `signal` cancels a queued or backing-off call. Events:
 *   `progress`, `retry`, `rate-limited`; `stats()` gives sent/retries/http429/recovered.
 * - **Operations** (`OPERATIONS`, operations.ts): the one table of every operation JIT Doctor
 *   uses: name, SDK class and method, HTTP method and path, required permissions. The adapter
 *   calls through it, the fake org serves its routes by it, a 403 names its permission, and
 *   docs/permissions.md is generated from it.
 * - **Adapter** (`createGenesysAdapter(connection)`, adapter/): the one set of typed functions
 *   the repair executor, the snapshot and the app use; `allPages` reads a paged listing; grants
 *   retry the 404 of a role or division still propagating (`retryStatuses`).
 * - **Errors**: every failure is a `GenesysApiError` {operation, kind, status, code, message}; the
 *   message says what to do (credentials for 401, the permission for 403, ...).
 * - **Directory** (`fetchOrgSnapshot`, `liveDirectory`, `snapshotDirectory`): a DirectorySnapshot
 *   of a live org (paged bulk listings through the scheduler; creation dates from the audit log),
 *   one `OrgDirectory` interface over a live org or a snapshot, with `invalidate(userId?)`, and
 *   the engine's synchronous DirectoryView (shared/directory/view.ts) over it.
 * - **Fake org** (`startFakeOrg`, `startDemoOrg`): a stateful Genesys Cloud on 127.0.0.1 for the
 *   integration tests and the embedded demo org (resources/demo/org.json): real shapes and error
 *   bodies, versioned users, 409s, a time-scalable rate limit, audit events, seeded fault
 *   injection (5xx, resets, timeouts, latency), a request log, and by default the hardness of
 *   the real API (fake-org/hardness.ts: stations after 0–60 s, brand-new users unknown for a few
 *   seconds, dropped expansions, refused default-station PUTs, late audits under Directory or SCIM).
 */
export {
  connectGenesys,
  type GenesysConnection,
  type GenesysConnectionOptions,
  type GenesysApis,
} from './connection';
export {
  CallScheduler,
  parseRateLimitHeaders,
  type ApiResponse,
  type CallOptions,
  type RetryPolicy,
  type SchedulerEvents,
  type SchedulerOptions,
  type SchedulerProgress,
  type SchedulerStats,
} from './scheduler';
export { RateWindow } from './rate-window';
export { GenesysApiError, toGenesysApiError, type FailureKind } from './errors';
export { resolveRegion, parseApiBase, RegionError } from './region';
export { systemClock, ManualClock, seededRandom, type Clock } from './clock';
export { createGenesysAdapter, allPages } from './adapter';
export type * from './adapter/types';
export {
  OPERATIONS,
  operationSpec,
  describePermissions,
  type OperationName,
  type OperationSpec,
} from './operations';
export {
  startFakeOrg,
  type FakeOrg,
  type FakeOrgOptions,
  type RequestLogEntry,
} from './fake-org/server';
export type { FakeOrgSeed } from './fake-org/seed';
export type { FaultOptions, FaultRule } from './fake-org/traffic';
export {
  fetchOrgSnapshot,
  type FetchSnapshotOptions,
  type SnapshotProgress,
} from './directory/fetch-snapshot';
export {
  liveDirectory,
  snapshotDirectory,
  type OrgDirectory,
  type UserPostJitState,
} from './directory/org-directory';
export { startDemoOrg, demoOrgSeed, DEMO_CONFIG_PATH, DEMO_ORG_NAME } from './fake-org/demo';
export { buildDemoOrgSeed } from './fake-org/demo-seed';
