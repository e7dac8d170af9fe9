/**
 * Every failure of a Genesys Cloud call becomes one error type, `GenesysApiError`, with the HTTP
 * status, the Genesys error code and a message a person can act on (never a raw axios dump).
 */
import { UserError } from '../../shared/errors';
import { describePermissions, operationSpec } from './operations';

/** How the call failed, which decides whether the scheduler may try again. */
export type FailureKind =
  | 'http' // Genesys answered with an error status
  | 'timeout' // no answer in time: the request may or may not have been applied
  | 'connection-reset' // the connection broke mid-request: may or may not have been applied
  | 'unreachable' // never connected: certainly not applied
  | 'cancelled'
  | 'invalid-request'; // the SDK refused the call before sending it

/** The Genesys error body (docs/genesys-api.md "Errors and limits"). */
export interface GenesysErrorBody {
  message?: string;
  code?: string;
  status?: number;
  messageParams?: Record<string, string>;
  messageWithParams?: string;
  contextId?: string;
  details?: { errorCode?: string; fieldName?: string; entityId?: string }[];
  errors?: unknown[];
}

export interface GenesysApiErrorInit {
  operation: string;
  kind: FailureKind;
  status?: number;
  code?: string;
  serverMessage?: string;
  contextId?: string;
  headers?: Record<string, string>;
  /** Attempts made before giving up (filled in by the scheduler). */
  attempts?: number;
}

/** A call to Genesys Cloud that failed; `code` is Genesys's own error code. */
export class GenesysApiError extends UserError {
  override readonly name = 'GenesysApiError';
  readonly operation: string;
  readonly kind: FailureKind;
  readonly status: number | undefined;
  /** The Genesys error code (`general.conflict`, `missing.permissions`) or a network code. */
  readonly code: string | undefined;
  readonly serverMessage: string | undefined;
  readonly contextId: string | undefined;
  readonly headers: Record<string, string>;
  attempts: number;

  constructor(init: GenesysApiErrorInit, message = describeFailure(init)) {
    super(message);
    this.operation = init.operation;
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.contextId = init.contextId;
    this.headers = init.headers ?? {};
    this.attempts = init.attempts ?? 1;
  }

  /** True when the request surely never changed anything (safe to repeat even a POST). */
  get certainlyNotApplied(): boolean {
    if (this.kind === 'unreachable' || this.kind === 'invalid-request') return true;
    if (this.kind !== 'http' || this.status === undefined) return false;
    // Genesys rejects 4xx before acting; a 503 is the gateway refusing work. 500/502/504 may hide
    // a change that happened before the failure.
    return this.status < 500 || this.status === 503;
  }
}

function describeFailure(init: GenesysApiErrorInit): string {
  const what = `Genesys Cloud ${init.operation}`;
  const tag = [init.status, init.code].filter(Boolean).join(' ');
  const server = init.serverMessage ? `: ${init.serverMessage}` : '';
  switch (init.kind) {
    case 'timeout':
      return `${what}: no answer in time (it may still have been applied)`;
    case 'connection-reset':
      return `${what}: the connection was reset (it may still have been applied)`;
    case 'unreachable':
      return `${what}: cannot reach the Genesys Cloud API (${init.code ?? 'network error'}); check the region, the network or the API base`;
    case 'cancelled':
      return `${what}: cancelled`;
    case 'invalid-request':
      return `${what}: invalid request${server}`;
    case 'http':
      break;
  }
  const status = init.status ?? 0;
  if (status === 401)
    return `${what} refused the credentials (${tag})${server}. Check the OAuth client's ID, secret and region: it must be a Client Credentials grant in that region.`;
  if (status === 403) {
    const spec = operationSpec(init.operation);
    const permission = spec && describePermissions(spec);
    const needs = permission
      ? ` The OAuth client's role needs the permission ${permission} (${spec.method} ${spec.path}).`
      : ' Give the OAuth client a role with the permission named above.';
    return `${what} is not allowed (${tag})${server}.${needs}`;
  }
  if (status === 404) return `${what}: not found (${tag})${server}`;
  if (status === 409) return `${what}: conflict with the current state (${tag})${server}`;
  if (status === 429)
    return `${what}: the API rate limit was exceeded and retries ran out (${tag})${server}`;
  if (status >= 500)
    return `${what}: Genesys Cloud had a temporary failure (${tag})${server}; try again later`;
  return `${what} failed (${tag})${server}`;
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_SOCKET_CLOSED']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

interface AxiosLikeError {
  code?: string;
  message?: string;
  response?: { status?: number; data?: unknown; headers?: unknown };
}

/** Turns whatever the SDK rejected with (extended response, axios error, thrown string) into a GenesysApiError. */
export function toGenesysApiError(operation: string, raw: unknown): GenesysApiError {
  if (raw instanceof GenesysApiError) return raw;
  if (typeof raw === 'string')
    return new GenesysApiError({ operation, kind: 'invalid-request', serverMessage: raw });
  if (!raw || typeof raw !== 'object')
    return new GenesysApiError({ operation, kind: 'invalid-request', serverMessage: String(raw) });

  const record = raw as Record<string, unknown>;
  // setReturnExtendedResponses(true): {status, headers, body, error}
  if (typeof record.status === 'number' && 'body' in record) {
    return httpError(operation, record.status, record.body, record.headers);
  }
  const axios = raw as AxiosLikeError;
  if (axios.response && typeof axios.response.status === 'number') {
    return httpError(operation, axios.response.status, axios.response.data, axios.response.headers);
  }
  const code = axios.code;
  if (code && TIMEOUT_CODES.has(code))
    return new GenesysApiError({ operation, kind: 'timeout', code });
  if ((code && RESET_CODES.has(code)) || /socket hang up/i.test(axios.message ?? ''))
    return new GenesysApiError({ operation, kind: 'connection-reset', code: code ?? 'ECONNRESET' });
  if (code && UNREACHABLE_CODES.has(code))
    return new GenesysApiError({ operation, kind: 'unreachable', code });
  if (code === 'ERR_NETWORK')
    return new GenesysApiError({ operation, kind: 'connection-reset', code });
  return new GenesysApiError({
    operation,
    kind: 'invalid-request',
    code,
    serverMessage: axios.message ?? 'unknown failure',
  });
}

function httpError(
  operation: string,
  status: number,
  body: unknown,
  headers: unknown,
): GenesysApiError {
  const parsed = parseBody(body);
  return new GenesysApiError({
    operation,
    kind: 'http',
    status,
    code: parsed.code ?? oauthErrorCode(body),
    serverMessage: parsed.message ?? oauthErrorDescription(body),
    contextId: parsed.contextId,
    headers: normaliseHeaders(headers),
  });
}

function parseBody(body: unknown): GenesysErrorBody {
  if (typeof body === 'string') {
    try {
      return parseBody(JSON.parse(body));
    } catch {
      return { message: body.slice(0, 200) || undefined };
    }
  }
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  return {
    message: typeof b.message === 'string' ? b.message : undefined,
    code: typeof b.code === 'string' ? b.code : undefined,
    contextId: typeof b.contextId === 'string' ? b.contextId : undefined,
  };
}

/** The OAuth endpoint answers RFC 6749 bodies ({error, description}) rather than Genesys ones. */
function oauthErrorCode(body: unknown): string | undefined {
  const b = body as Record<string, unknown> | null;
  return b && typeof b.error === 'string' ? b.error : undefined;
}

function oauthErrorDescription(body: unknown): string | undefined {
  const b = body as Record<string, unknown> | null;
  if (!b) return undefined;
  for (const key of ['description', 'error_description'])
    if (typeof b[key] === 'string') return b[key];
  return undefined;
}

/** Lower-cased string headers, whatever shape axios handed over. */
export function normaliseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers || typeof headers !== 'object') return out;
  const source =
    typeof (headers as { toJSON?: () => unknown }).toJSON === 'function'
      ? ((headers as { toJSON: () => unknown }).toJSON() as Record<string, unknown>)
      : (headers as Record<string, unknown>);
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined || value === null) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
