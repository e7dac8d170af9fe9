/**
 * Genesys Cloud regions: the domain a configuration names (or the SDK region key it uses) and the
 * Assertion Consumer Service URL the IdP must post to (`https://login.{domain}/saml`).
 */
import { own } from '../own';

/**
 * SDK region keys → Genesys Cloud domain: purecloud-platform-client-v2's `PureCloudRegionHosts`,
 * copied so the engine (and a cold `jit-doctor diagnose`) never loads the SDK;
 * test/unit/saml/regions-sdk.test.ts fails when the SDK's table changes.
 */
export const REGION_DOMAINS: Readonly<Record<string, string>> = {
  us_east_1: 'mypurecloud.com',
  eu_west_1: 'mypurecloud.ie',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  eu_central_1: 'mypurecloud.de',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  ap_northeast_2: 'apne2.pure.cloud',
  eu_west_2: 'euw2.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  eu_central_2: 'euc2.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
};

const KNOWN_DOMAINS = new Set(Object.values(REGION_DOMAINS));

export interface Region {
  /** The Genesys Cloud domain, e.g. `mypurecloud.ie`. */
  domain: string;
  /** The SDK region key when the domain is a known one. */
  key: string | null;
  /** Whether the domain is one of the known Genesys Cloud regions. */
  known: boolean;
}

/**
 * Reads a configured region: a domain (`mypurecloud.com`), an SDK key (`us_east_1`, also `us-east-1`),
 * or a host/URL someone pasted (`login.mypurecloud.com`, `https://apps.mypurecloud.ie/`).
 * Returns null for an empty value; an unknown domain is kept (new regions appear) but marked unknown.
 */
export function resolveRegion(value: string | undefined | null): Region | null {
  const raw = (value ?? '').trim().toLowerCase();
  if (!raw) return null;
  const asKey = raw.replace(/-/g, '_');
  const fromKey = own(REGION_DOMAINS, asKey);
  if (fromKey) return { domain: fromKey, key: asKey, known: true };
  const host = raw
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^(login|api|apps)\./, '');
  const key = Object.keys(REGION_DOMAINS).find((k) => REGION_DOMAINS[k] === host) ?? null;
  return { domain: host, key, known: KNOWN_DOMAINS.has(host) };
}

/** The ACS URL Genesys Cloud receives SAML responses on for a region domain. */
function acsUrlForDomain(domain: string): string {
  return `https://login.${domain}/saml`;
}

/** The ACS URL for a configured region value, or null when none is configured. */
export function acsUrl(regionValue: string | undefined | null): string | null {
  const region = resolveRegion(regionValue);
  return region ? acsUrlForDomain(region.domain) : null;
}

/**
 * When a URL is the ACS URL of some known region, its domain (to tell "you posted to the Irish
 * region" apart from a plain typo). Scheme and host compare case-insensitively, the path exactly.
 */
export function regionOfAcsUrl(url: string): string | null {
  const match = /^https:\/\/login\.([^/]+)\/saml\/?$/i.exec(url.trim());
  const domain = match?.[1]?.toLowerCase();
  return domain && KNOWN_DOMAINS.has(domain) ? domain : null;
}

/**
 * Compares a received URL with the expected ACS URL the way an HTTP endpoint does: scheme and host
 * are case-insensitive, the path is exact.
 */
export function sameUrl(received: string, expected: string): boolean {
  return normaliseOrigin(received.trim()) === normaliseOrigin(expected.trim());
}

function normaliseOrigin(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(url);
  if (!match) return url;
  return `${match[1]!.toLowerCase()}${match[2]}`;
}
