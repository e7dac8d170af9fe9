/**
 * Opens the org a CLI command works on: `--org` (a live org from the environment variables the
 * Genesys Cloud Terraform provider and CLI use), `--api-base URL` / GENESYSCLOUD_API_BASE (another
 * host, such as a fake org), or `--demo` (the embedded demo org, started in-process and reached
 * through the real SDK over 127.0.0.1). One org per process: the SDK client is a singleton.
 */
import type { DirectoryView } from '../../shared/directory/types';
import { createGenesysAdapter, type GenesysAdapter } from '../genesys/adapter';
import { connectGenesys, type GenesysConnection } from '../genesys/connection';
import { liveDirectory } from '../genesys/directory/org-directory';
import type { FetchSnapshotOptions } from '../genesys/directory/fetch-snapshot';
import { GenesysApiError } from '../genesys/errors';
import { DEMO_CONFIG_PATH, DEMO_ORG_NAME, startDemoOrg } from '../genesys/fake-org/demo';
import { DEMO_STUCK_AGENTS, MAX_DEMO_STUCK_AGENTS } from '../genesys/fake-org/demo-stampede';
import { RegionError, resolveRegion } from '../genesys/region';
import { UsageError } from './errors';

export interface OrgOptions {
  org?: boolean;
  demo?: boolean;
  apiBase?: string;
  /** Requests per minute the SDK calls are paced at; default the scheduler's (300). */
  rateLimitPerMinute?: number;
  /** With --demo: stuck agents in the demo org (--demo-size). */
  demoSize?: number;
  /** Defaults to process.env; injected by tests. */
  env?: Record<string, string | undefined>;
}

export interface OpenedOrg {
  demo: boolean;
  connection: GenesysConnection;
  api: GenesysAdapter;
  /** For messages: "the demo org acme-contact", "org at mypurecloud.ie". */
  description: string;
  /** With --demo: the matching configuration (postJit rules, certificate). */
  demoConfigPath?: string;
  orgName?: string;
  region?: string;
  /** The demo org knows its purchased license total; a live org's comes from the configuration. */
  licenseTotal?: number;
  close(): Promise<void>;
}

export async function openOrg(options: OrgOptions): Promise<OpenedOrg> {
  // commander refuses --demo with --org or --api-base (orgOptions); what is left is neither
  if (!options.org && !options.demo)
    throw new UsageError(
      'choose exactly one of --org (a live org) or --demo (the embedded demo org)',
    );
  return options.demo ? openDemo(options) : openLive(options);
}

async function openDemo(options: OrgOptions): Promise<OpenedOrg> {
  const size = options.demoSize;
  if (size !== undefined && (size < DEMO_STUCK_AGENTS || size > MAX_DEMO_STUCK_AGENTS))
    throw new UsageError(
      `--demo-size must be from ${DEMO_STUCK_AGENTS} (the demo org's own stuck agents) to ${MAX_DEMO_STUCK_AGENTS} (got ${size})`,
    );
  const fake = await startDemoOrg({ stuckAgents: options.demoSize });
  try {
    const connection = await connectGenesys({
      apiBase: fake.url,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      scheduler: { limit: options.rateLimitPerMinute },
    });
    return {
      demo: true,
      connection,
      api: createGenesysAdapter(connection),
      description: `the demo org ${DEMO_ORG_NAME}`,
      demoConfigPath: DEMO_CONFIG_PATH,
      orgName: DEMO_ORG_NAME,
      region: fake.state.org.region,
      licenseTotal: fake.state.licenses.total,
      close: async () => {
        connection.close();
        await fake.stop();
      },
    };
  } catch (error) {
    await fake.stop();
    throw error;
  }
}

async function openLive(options: OrgOptions): Promise<OpenedOrg> {
  const env = options.env ?? process.env;
  const clientId = env.GENESYSCLOUD_OAUTHCLIENT_ID?.trim();
  const clientSecret = env.GENESYSCLOUD_OAUTHCLIENT_SECRET?.trim();
  const apiBase = options.apiBase ?? (env.GENESYSCLOUD_API_BASE?.trim() || undefined);
  const regionSetting = env.GENESYSCLOUD_REGION?.trim();
  const missing = [
    !clientId && 'GENESYSCLOUD_OAUTHCLIENT_ID',
    !clientSecret && 'GENESYSCLOUD_OAUTHCLIENT_SECRET',
    !regionSetting && !apiBase && 'GENESYSCLOUD_REGION',
  ].filter(Boolean);
  if (missing.length > 0)
    throw new UsageError(
      `--org needs ${missing.join(', ')} in the environment (an OAuth client with the Client Credentials grant, and its region such as mypurecloud.ie or eu_west_1)`,
    );
  let region: string | undefined;
  try {
    region = regionSetting ? resolveRegion(regionSetting) : undefined;
    const connection = await connectGenesys({
      region,
      apiBase,
      clientId: clientId!,
      clientSecret: clientSecret!,
      scheduler: { limit: options.rateLimitPerMinute },
    });
    return {
      demo: false,
      connection,
      api: createGenesysAdapter(connection),
      description: `the org at ${connection.target}`,
      region,
      close: async () => connection.close(),
    };
  } catch (error) {
    // The adapter's words name no option or variable; here the ones that set it are named.
    if (error instanceof RegionError) {
      const setting =
        error.where === 'region'
          ? 'GENESYSCLOUD_REGION'
          : options.apiBase
            ? '--api-base'
            : 'GENESYSCLOUD_API_BASE';
      throw new UsageError(`${setting}: ${error.message}`);
    }
    if (error instanceof GenesysApiError)
      throw new UsageError(`cannot connect to the org: ${error.message}${connectHint(error)}`);
    throw error;
  }
}

/** Where the CLI takes what a refused or unreachable connection depends on. */
function connectHint(error: GenesysApiError): string {
  if (error.status === 401)
    return ' (GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION)';
  if (error.kind === 'unreachable') return ' (GENESYSCLOUD_REGION, or --api-base)';
  return '';
}

export interface OrgDirectoryOptions extends OrgOptions {
  /** The purchased license total from the configuration (the API does not give it). */
  licenseTotal?: number;
  onProgress?: FetchSnapshotOptions['onProgress'];
}

/**
 * The directory of `--org` or `--demo` for `diagnose`: the org is read once (paged bulk listings
 * through the rate limiter), indexed, and the connection closed. The view is a point-in-time copy.
 */
export async function openOrgDirectory(options: OrgDirectoryOptions): Promise<DirectoryView> {
  const org = await openOrg(options);
  try {
    const directory = liveDirectory(org.api, {
      source: org.demo ? 'demo org' : `org ${org.orgName ?? org.connection.target}`,
      orgName: org.orgName,
      region: org.region,
      licenseTotal: options.licenseTotal ?? org.licenseTotal,
      // the engine's checks read no utilization: skip the per-user calls
      utilization: false,
      onProgress: options.onProgress,
    });
    return await directory.view();
  } catch (error) {
    if (error instanceof GenesysApiError)
      throw new UsageError(`cannot read the org's directory: ${error.message}`);
    throw error;
  } finally {
    await org.close();
  }
}
