/**
 * Genesys Cloud regions: a domain (mypurecloud.ie) or the SDK's region key (eu_west_1), and only
 * the ones the SDK lists (`PureCloudRegionHosts`), so credentials go to Genesys Cloud's own hosts.
 * Any other host (the fake org, a proxy) is the explicit API base setting. The messages name no
 * CLI option or environment variable: the error's `where` says which setting is wrong, and the CLI
 * and the app name it their own way.
 */
import platformClient from 'purecloud-platform-client-v2';
import { UserError } from '../../shared/errors';

/** A region or API base that is not a Genesys Cloud one. */
export class RegionError extends UserError {
  override readonly name = 'RegionError';
  readonly kind = 'region';

  constructor(
    message: string,
    /** The setting at fault. */
    override readonly where: 'region' | 'apiBase',
  ) {
    super(message, where);
  }
}

/** The API domain for a region given as a domain, an SDK key, or a login/api URL of either. */
export function resolveRegion(region: string): string {
  const value = region
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^(api|login)\./, '')
    .replace(/\/.*$/, '');
  const hosts = platformClient.PureCloudRegionHosts;
  const byKey = hosts[value.replace(/-/g, '_')];
  if (byKey) return byKey;
  if (Object.values(hosts).includes(value)) return value;
  throw new RegionError(
    `unknown Genesys Cloud region "${region}": use a domain such as mypurecloud.com or euw2.pure.cloud, or a region key (${Object.keys(hosts).join(', ')})`,
    'region',
  );
}

export interface ApiBase {
  protocol: 'http' | 'https';
  host: string;
  port?: number;
}

/** Parses an API base origin (e.g. http://127.0.0.1:8123) into the SDK's gateway settings. */
export function parseApiBase(apiBase: string): ApiBase {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new RegionError(
      `the API base "${apiBase}" is not a URL (expected e.g. http://127.0.0.1:8123)`,
      'apiBase',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RegionError(`the API base "${apiBase}" must use http or https`, 'apiBase');
  if (url.pathname !== '/' || url.search || url.username)
    throw new RegionError(
      `the API base "${apiBase}" must be a bare origin, without path, query or credentials`,
      'apiBase',
    );
  return {
    protocol: url.protocol === 'http:' ? 'http' : 'https',
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : undefined,
  };
}
