/** The fake org's records, its error type and its deterministic ids. */
import { createHash } from 'node:crypto';
import type { GenesysErrorBody } from '../errors';

export type UserState = 'active' | 'inactive' | 'deleted';
export type MediaType = 'call' | 'callback' | 'chat' | 'email' | 'message';
export const MEDIA_TYPES: readonly MediaType[] = ['call', 'callback', 'chat', 'email', 'message'];

export interface MediaUtilization {
  maximumCapacity: number;
  interruptableMediaTypes: string[];
  includeNonAcd: boolean;
}

export interface FakeUser {
  id: string;
  name: string;
  email: string;
  department?: string;
  title?: string;
  state: UserState;
  divisionId: string;
  managerId?: string;
  employeeId?: string;
  locationIds: string[];
  version: number;
  grants: { roleId: string; divisionId: string }[];
  /** skill id → proficiency */
  skills: Map<string, number>;
  utilization?: Partial<Record<MediaType, MediaUtilization>>;
  /** Label utilizations: dropped by a PUT that leaves them out, as Genesys does. */
  labelUtilizations?: Record<string, { maximumCapacity: number; interruptingLabelIds: string[] }>;
  defaultStationId?: string;
  createdAt?: string;
  /** Clock ms before which the API answers 404 for this brand-new user (hardness.ts). */
  visibleAtMs?: number;
}

export interface FakeRole {
  id: string;
  name: string;
  description: string;
  default: boolean;
  base: boolean;
}

export interface Named {
  id: string;
  name: string;
}

export interface FakeDivision extends Named {
  homeDivision: boolean;
}

export interface FakePhoneBase extends Named {
  lineIds: string[];
  phoneMetaBaseId: string;
}

export interface FakePhone extends Named {
  siteId: string;
  phoneBaseSettingsId: string;
  lineBaseSettingsId?: string;
  webRtcUserId?: string;
  /** Clock ms from which its WebRTC station is visible (hardness.ts: some time after creation). */
  stationVisibleAtMs: number;
  dateCreated: string;
}

export interface FakeIdentityProvider {
  id: string;
  name: string;
  [field: string]: unknown;
}

export interface FakeAuditEvent {
  id: string;
  eventDate: string;
  serviceName: 'Directory' | 'SCIM';
  /** Clock ms from which the audit query returns it (records arrive late). */
  visibleAtMs: number;
  action: 'Create' | 'Update' | 'Delete';
  entityType: 'User';
  entity: Named;
}

/** A failure the fake org answers with a Genesys error body. */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: GenesysErrorBody['details'] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) =>
  new FakeApiError(404, 'not.found', `${what} ${id} was not found`);
export const badRequest = (message: string, code = 'bad.request') =>
  new FakeApiError(400, code, message);
export const conflict = (message: string) => new FakeApiError(409, 'general.conflict', message);

/** Stable UUID-shaped ids from a name, so a seed produces the same ids on every run. */
export function stableId(...parts: (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
