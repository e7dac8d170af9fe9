/**
 * The Genesys Cloud connection: the SDK's client configured for one org, OAuth client-credentials
 * login (renewed before expiry), and the call scheduler every request goes through.
 *
 * The SDK's ApiClient is a process-wide singleton (every `new XxxApi()` shares it), so a process
 * holds ONE live connection at a time: connecting again re-points the singleton and retires the
 * previous connection, whose calls then fail with a clear error instead of reaching the wrong org.
 */
import platformClient from 'purecloud-platform-client-v2';
import {
  CallScheduler,
  type ApiResponse,
  type CallOptions,
  type SchedulerOptions,
} from './scheduler';
import { systemClock, type Clock } from './clock';
import { GenesysApiError, normaliseHeaders, toGenesysApiError } from './errors';
import { parseApiBase, resolveRegion } from './region';
import {
  OPERATIONS,
  type OperationName,
  type SdkApiClass,
  type SdkArgs,
  type SdkResult,
} from './operations';

export interface GenesysConnectionOptions {
  /** Domain (mypurecloud.com) or SDK region key (us_east_1); default mypurecloud.com. */
  region?: string;
  /** Sends login and API calls to this origin instead (the fake org, a proxy). */
  apiBase?: string;
  clientId: string;
  clientSecret: string;
  /** Per-request timeout; the SDK's default is 16 s. */
  timeoutMs?: number;
  scheduler?: SchedulerOptions;
  /**
   * Renew the token this long before it expires; default 5 minutes, and never more than half the
   * token's lifetime (an org may set the lifetime as low as 300 s).
   */
  renewBeforeExpiryMs?: number;
  /**
   * The clock the token's expiry is compared on, and the scheduler's unless `scheduler.clock` sets
   * another; default the system clock.
   */
  clock?: Clock;
}

/** One instance of each SDK class the operation table names. */
type GenesysApis = { [C in SdkApiClass]: InstanceType<(typeof platformClient)[C]> };

/** How one call is scheduled; the operation name comes from the table. */
export type CallControl<K extends OperationName> = Omit<CallOptions<SdkResult<K>>, 'operation'>;

export interface GenesysConnection {
  /** The API domain (mypurecloud.com), or the --api-base origin. */
  readonly target: string;
  readonly scheduler: CallScheduler;
  /**
   * One operation of the table (operations.ts) through the scheduler: the SDK method the table
   * names, called with `args`; resolves with the SDK's model.
   */
  call<K extends OperationName>(
    operation: K,
    args: SdkArgs<K>,
    control?: CallControl<K>,
  ): Promise<SdkResult<K>>;
  /** Retires this connection (clears the token from the SDK singleton). */
  close(): void;
}

let generation = 0;

export async function connectGenesys(
  options: GenesysConnectionOptions,
): Promise<GenesysConnection> {
  const client = platformClient.ApiClient.instance;
  // The SDK reads and watches ~/.genesyscloudjavascript/config, whose [gateway] would override ours.
  client.config.live_reload_config = false;
  client.config.setConfigPath('');
  const domain = resolveRegion(options.region ?? 'mypurecloud.com');
  client.setEnvironment(domain);
  let target = domain;
  if (options.apiBase) {
    const base = parseApiBase(options.apiBase);
    client.setGateway({ host: base.host, protocol: base.protocol, port: base.port });
    target = options.apiBase;
  } else {
    client.setGateway(undefined as never); // clears a gateway left by an earlier connection
  }
  client.setReturnExtendedResponses(true);
  client.getHttpClient().setTimeout(options.timeoutMs ?? 16_000);
  client.clearAccessToken?.();

  const mine = ++generation;
  const renewMs = options.renewBeforeExpiryMs ?? 5 * 60_000;
  const clock = options.clock ?? systemClock;
  const wallNow = () => clock.wallNow();
  const auth = { renewAt: 0, pending: undefined as Promise<void> | undefined };
  const login = () => {
    auth.pending ??= loginOnce(client, options.clientId, options.clientSecret)
      .then((expiresAt) => {
        // The SDK dates the expiry with the system clock; turned into a lifetime on that same
        // clock, the renewal time is then kept on ours (injected in tests).
        const lifetimeMs = Math.max(0, expiresAt - systemClock.wallNow());
        auth.renewAt = wallNow() + lifetimeMs - Math.min(renewMs, lifetimeMs / 2);
      })
      .finally(() => {
        auth.pending = undefined;
      });
    return auth.pending;
  };
  const ensureCurrent = () => {
    if (mine !== generation)
      throw new GenesysApiError({
        operation: 'connection',
        kind: 'invalid-request',
        serverMessage: 'this org connection was replaced by a newer one (one org per process)',
      });
  };

  const scheduler = new CallScheduler({
    clock,
    ...options.scheduler,
    beforeSend: async () => {
      ensureCurrent();
      if (wallNow() >= auth.renewAt) await login();
    },
    onUnauthorized: login,
  });
  await login();

  const apis = createApis();
  return {
    target,
    scheduler,
    call<K extends OperationName>(
      operation: K,
      args: SdkArgs<K>,
      control: CallControl<K> = {},
    ): Promise<SdkResult<K>> {
      const [api, method] = OPERATIONS[operation].sdk;
      const target = apis[api] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return scheduler.call<SdkResult<K>>({ ...control, operation }, () =>
        sendThroughSdk<SdkResult<K>>(operation, () => target[method]!.apply(apis[api], args)),
      );
    },
    close() {
      if (mine === generation) {
        generation += 1;
        client.clearAccessToken?.();
      }
    },
  };
}

function createApis(): GenesysApis {
  return {
    UsersApi: new platformClient.UsersApi(),
    RoutingApi: new platformClient.RoutingApi(),
    AuthorizationApi: new platformClient.AuthorizationApi(),
    LocationsApi: new platformClient.LocationsApi(),
    LicenseApi: new platformClient.LicenseApi(),
    TelephonyProvidersEdgeApi: new platformClient.TelephonyProvidersEdgeApi(),
    StationsApi: new platformClient.StationsApi(),
    IdentityProviderApi: new platformClient.IdentityProviderApi(),
    AuditApi: new platformClient.AuditApi(),
  };
}

/** Runs one SDK call and hands the scheduler an {status, headers, body} or a GenesysApiError. */
async function sendThroughSdk<T>(
  operation: string,
  invoke: () => Promise<unknown>,
): Promise<ApiResponse<T>> {
  let raw: unknown;
  try {
    raw = await invoke();
  } catch (error) {
    throw toGenesysApiError(operation, error);
  }
  const extended = raw as { status?: number; headers?: unknown; body?: unknown } | undefined;
  return {
    status: extended?.status ?? 200,
    headers: normaliseHeaders(extended?.headers),
    body: (extended?.body === '' ? undefined : extended?.body) as T,
  };
}

/** POST /oauth/token with the client credentials; resolves with the token's expiry (epoch ms). */
async function loginOnce(
  client: typeof platformClient.ApiClient,
  clientId: string,
  clientSecret: string,
): Promise<number> {
  if (!clientId || !clientSecret)
    throw new GenesysApiError(
      { operation: 'oauth.token', kind: 'invalid-request' },
      'Genesys Cloud credentials are missing: give the ID and secret of a Client Credentials OAuth client',
    );
  try {
    const auth = await client.loginClientCredentialsGrant(clientId, clientSecret);
    return auth.tokenExpiryTime;
  } catch (error) {
    throw toGenesysApiError('oauth.token', error);
  }
}
