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
import { GenesysApiError, normaliseHeaders, toGenesysApiError } from './errors';
import { parseApiBase, resolveRegion } from './region';

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
  /** Renew the token this long before it expires; default 5 minutes. */
  renewBeforeExpiryMs?: number;
}

export interface GenesysApis {
  users: platformClient.UsersApi;
  routing: platformClient.RoutingApi;
  authorization: platformClient.AuthorizationApi;
  locations: platformClient.LocationsApi;
  license: platformClient.LicenseApi;
  telephony: platformClient.TelephonyProvidersEdgeApi;
  stations: platformClient.StationsApi;
  identityProviders: platformClient.IdentityProviderApi;
  audit: platformClient.AuditApi;
}

export interface GenesysConnection {
  /** The API domain (mypurecloud.com), or the --api-base origin. */
  readonly target: string;
  readonly scheduler: CallScheduler;
  /** One SDK call through the scheduler; `invoke` receives the API objects and returns the SDK promise. */
  call<T>(options: CallOptions<T>, invoke: (apis: GenesysApis) => Promise<unknown>): Promise<T>;
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
  const auth = { expiresAt: 0, pending: undefined as Promise<void> | undefined };
  const login = () => {
    auth.pending ??= loginOnce(client, options.clientId, options.clientSecret)
      .then((expiresAt) => {
        auth.expiresAt = expiresAt;
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
    ...options.scheduler,
    beforeSend: async () => {
      ensureCurrent();
      if (Date.now() >= auth.expiresAt - renewMs) await login();
    },
    onUnauthorized: login,
  });
  await login();

  const apis = createApis();
  return {
    target,
    scheduler,
    call<T>(callOptions: CallOptions<T>, invoke: (apis: GenesysApis) => Promise<unknown>) {
      return scheduler.call<T>(callOptions, () =>
        sendThroughSdk<T>(callOptions.operation, () => invoke(apis)),
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
    users: new platformClient.UsersApi(),
    routing: new platformClient.RoutingApi(),
    authorization: new platformClient.AuthorizationApi(),
    locations: new platformClient.LocationsApi(),
    license: new platformClient.LicenseApi(),
    telephony: new platformClient.TelephonyProvidersEdgeApi(),
    stations: new platformClient.StationsApi(),
    identityProviders: new platformClient.IdentityProviderApi(),
    audit: new platformClient.AuditApi(),
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
      'Genesys Cloud credentials are missing: set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (a Client Credentials OAuth client)',
    );
  try {
    const auth = await client.loginClientCredentialsGrant(clientId, clientSecret);
    return auth.tokenExpiryTime;
  } catch (error) {
    throw toGenesysApiError('oauth.token', error);
  }
}
