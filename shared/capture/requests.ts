/**
 * What a capture records and what it stops, written once for both captures: the desktop app's
 * capture window (Electron's webRequest.onBeforeRequest) and `jit-doctor capture` (the admin's own
 * browser through playwright-core). Pure, so the rules are unit-tested without a browser.
 */
import type { CapturedMessage } from '../ipc';

/** A request as either browser reports it (the subset of Electron's OnBeforeRequestListenerDetails). */
export interface CaptureRequestDetails {
  url: string;
  method: string;
  /** Milliseconds since the epoch. */
  timestamp?: number;
  uploadData?: readonly { bytes?: Uint8Array | null }[] | null;
}

const SAML_PARAMETERS = ['SAMLResponse', 'SAMLRequest'] as const;

/** Genesys Cloud's login hosts: login.{region} for the classic and the pure.cloud domains. */
const GENESYS_LOGIN_HOST =
  /^login\.(mypurecloud\.(com|ie|de|jp|com\.au)|[a-z0-9-]+\.pure\.cloud|[a-z0-9-]+\.us-gov-pure\.cloud)$/i;

/**
 * Why a capture cannot start at `url`, or null: an IdP sign-in or Genesys Cloud login page is
 * https; plain http only on this machine (a local test IdP).
 */
export function captureStartProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return `"${url}" is not a URL.`;
  }
  if (parsed.protocol === 'https:') return null;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && loopback) return null;
  return 'A capture opens https:// addresses only (or http:// on this machine).';
}

/** True for Genesys Cloud's SAML assertion consumer service (`https://login.{region}/saml`). */
export function isGenesysAcs(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      GENESYS_LOGIN_HOST.test(parsed.hostname) &&
      /^\/saml(\/|$)/i.test(parsed.pathname)
    );
  } catch {
    return false;
  }
}

function formBody(details: CaptureRequestDetails): URLSearchParams | null {
  if (details.method.toUpperCase() !== 'POST' || !details.uploadData) return null;
  const chunks = details.uploadData.flatMap((part) => (part.bytes ? [part.bytes] : []));
  if (chunks.length === 0) return null;
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(joined);
  // Only form posts carry the POST binding; a JSON or multipart body is not a SAML message.
  return /^[\w.~%+-]+=/.test(text) ? new URLSearchParams(text) : null;
}

function stripQuery(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * Every SAMLRequest/SAMLResponse in one request: from the query (Redirect binding) and from a
 * form body (POST binding), each with its RelayState and the time the browser sent it.
 */
export function samlMessagesIn(
  details: CaptureRequestDetails,
  clock: { wallNow(): number },
): Omit<CapturedMessage, 'blocked'>[] {
  let url: URL;
  try {
    url = new URL(details.url);
  } catch {
    return [];
  }
  const time = new Date(details.timestamp ?? clock.wallNow()).toISOString();
  const found: Omit<CapturedMessage, 'blocked'>[] = [];
  const collect = (params: URLSearchParams, binding: CapturedMessage['binding']) => {
    for (const parameter of SAML_PARAMETERS) {
      const value = params.get(parameter);
      if (value) {
        found.push({
          time,
          parameter,
          binding,
          url: stripQuery(url),
          value,
          relayState: params.get('RelayState'),
        });
      }
    }
  };
  collect(url.searchParams, 'redirect');
  const body = formBody(details);
  if (body) collect(body, 'post');
  return found;
}

/** "Diagnose only": a SAMLResponse on its way to Genesys Cloud is cancelled so JIT never runs. */
export function shouldBlock(
  details: CaptureRequestDetails,
  messages: readonly Omit<CapturedMessage, 'blocked'>[],
  diagnoseOnly: boolean,
): boolean {
  return (
    diagnoseOnly &&
    isGenesysAcs(details.url) &&
    messages.some((m) => m.parameter === 'SAMLResponse')
  );
}
