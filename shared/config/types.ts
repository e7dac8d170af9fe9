/** SSO/JIT configuration (docs/configuration.md). Validated by shared/config/load.ts against resources/schema/config.schema.json. */

export const GENESYS_USER_FIELDS = [
  'email',
  'name',
  'givenName',
  'surname',
  'department',
  'title',
  'employeeId',
  'roles',
  'location',
  'manager',
  'division',
  'phone',
  'username',
] as const;
export type GenesysUserField = (typeof GENESYS_USER_FIELDS)[number];

export interface SsoConfig {
  issuer?: string;
  /** PEM or bare base64 DER, at most five. */
  certificates?: string[];
  relyingPartyIdentifier?: string;
  nameIdentifierFormat?: string;
  clockSkewSeconds?: number;
  partner?: boolean;
}

interface JitConfig {
  enabled?: boolean;
  updateOnLogin?: boolean;
  defaultDivision?: string;
}

export type MediaType = 'call' | 'callback' | 'chat' | 'email' | 'message';

export interface PostJitRule {
  /** Each key a user field (department, title, location, role); a string matches exactly, an array any of its strings. */
  when: Partial<Record<'department' | 'title' | 'location' | 'role', string | string[]>>;
  skills?: { name: string; proficiency: number }[];
  webRtcPhone?: boolean;
  utilization?: Partial<Record<MediaType, number>>;
  roles?: string[];
  division?: string;
}

export interface PostJitConfig {
  phone?: { site: string; phoneBaseSettings: string; lineBaseSettings?: string };
  rules: PostJitRule[];
}

export interface JitDoctorConfig {
  name?: string;
  region?: string;
  organizationName?: string;
  licenses?: { total: number };
  sso?: SsoConfig;
  jit?: JitConfig;
  attributeMapping?: Partial<Record<GenesysUserField, string>>;
  postJit?: PostJitConfig;
}

/** One identity provider of the metadata, as a person chooses among several. */
export interface MetadataIdp {
  entityId: string;
  /** Its display name (mdui:DisplayName, else the Organization's), English first; null when none. */
  displayName: string | null;
  /**
   * The signing certificates an import takes (up to five): each one's end of validity (ISO-8601)
   * and whether it is expired at the time the list was made.
   */
  certificates: { notAfter: string; expired: boolean }[];
}
