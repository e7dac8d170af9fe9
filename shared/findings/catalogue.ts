/**
 * The finding catalogue (spec/findings.md). Codes are product API: never rename or reuse one.
 * `severity` is the default; a few codes are raised at another severity where the spec says so
 * (CLAIM_MISSING, ORGNAME_MISSING, JIT_DEFAULT_DIVISION).
 */
import type { Severity } from '../report';

export type Stage =
  | 'input'
  | 'protocol'
  | 'signature'
  | 'time'
  | 'audience'
  | 'genesys'
  | 'mapping'
  | 'values'
  | 'names'
  | 'uniqueness'
  | 'jit'
  | 'postjit';

export const STAGE_TITLES: Record<Stage, string> = {
  input: 'Input',
  protocol: 'Protocol',
  signature: 'Signature',
  time: 'Time',
  audience: 'Audience and subject',
  genesys: 'Genesys Cloud attributes',
  mapping: 'Claim mapping',
  values: 'Values',
  names: 'Names',
  uniqueness: 'Uniqueness',
  jit: 'JIT outcome',
  postjit: 'Post-JIT',
};

export interface CatalogueEntry {
  stage: Stage;
  severity: Severity;
  title: string;
  needsDirectory?: boolean;
}

const e = (
  stage: Stage,
  severity: Severity,
  title: string,
  needsDirectory = false,
): CatalogueEntry => ({
  stage,
  severity,
  title,
  ...(needsDirectory ? { needsDirectory } : {}),
});

export const CATALOGUE = {
  INPUT_EMPTY: e('input', 'error', 'Nothing to diagnose'),
  INPUT_UNRECOGNIZED: e('input', 'error', 'Input not recognised'),
  INPUT_XML_MALFORMED: e('input', 'error', 'Malformed XML'),
  INPUT_DTD_FORBIDDEN: e('input', 'error', 'DOCTYPE or ENTITY declaration'),
  INPUT_TOO_LARGE: e('input', 'error', 'Message too large'),
  INPUT_NO_SAML_MESSAGE: e('input', 'error', 'No SAML message in the capture'),
  INPUT_NOT_A_RESPONSE: e('input', 'info', 'Not a SAML Response'),
  /** The engine itself failed on this input (a bug): reported instead of crashing the batch. */
  INTERNAL_ERROR: e('input', 'error', 'Diagnosis failed'),

  STATUS_NOT_SUCCESS: e('protocol', 'error', 'Status is not Success'),
  RESPONSE_NO_ASSERTION: e('protocol', 'error', 'No Assertion'),
  RESPONSE_MULTIPLE_ASSERTIONS: e('protocol', 'error', 'More than one Assertion'),
  ASSERTION_ENCRYPTED: e('protocol', 'error', 'Encrypted assertion'),
  VERSION_UNSUPPORTED: e('protocol', 'error', 'Unsupported SAML version'),
  ISSUER_MISSING: e('protocol', 'error', 'No Issuer'),
  ISSUER_MISMATCH: e('protocol', 'error', 'Issuer mismatch'),
  DESTINATION_MISMATCH: e('protocol', 'error', 'Destination mismatch'),

  SIGNATURE_MISSING: e('signature', 'error', 'No signature'),
  SIGNATURE_INVALID: e('signature', 'error', 'Signature does not verify'),
  SIGNATURE_CERT_UNTRUSTED: e('signature', 'error', 'Signed by an untrusted key'),
  SIGNATURE_NOT_CHECKED: e('signature', 'warning', 'Trust not checked'),
  SIGNATURE_WRAPPING: e('signature', 'error', 'Signature wrapping'),
  SIGNATURE_UNEXPECTED_TRANSFORM: e('signature', 'error', 'Unexpected transform'),
  SIGNATURE_WEAK_ALGORITHM: e('signature', 'warning', 'SHA-1 algorithm'),
  TEXT_SPLIT_BY_COMMENT: e('signature', 'error', 'Text split by comment'),
  CERT_EXPIRED: e('signature', 'error', 'Certificate expired'),
  CERT_EXPIRING: e('signature', 'warning', 'Certificate expiring'),

  TIME_NOT_YET_VALID: e('time', 'error', 'Not yet valid'),
  TIME_EXPIRED: e('time', 'error', 'Expired'),
  TIME_ISSUED_IN_FUTURE: e('time', 'warning', 'Issued in the future'),

  AUDIENCE_MISSING: e('audience', 'warning', 'No audience restriction'),
  AUDIENCE_MISMATCH: e('audience', 'error', 'Audience mismatch'),
  RECIPIENT_MISMATCH: e('audience', 'error', 'Recipient mismatch'),
  SUBJECT_NOT_BEARER: e('audience', 'error', 'No bearer confirmation'),
  NAMEID_MISSING: e('audience', 'error', 'No NameID'),
  NAMEID_FORMAT_MISMATCH: e('audience', 'warning', 'NameID format mismatch'),
  NAMEID_NOT_EMAIL: e('audience', 'error', 'NameID is not an email'),
  NAMEID_EMAIL_DIFFERS: e('audience', 'warning', 'email attribute differs from NameID'),

  ORGNAME_MISSING: e('genesys', 'warning', 'No OrganizationName'),
  ORGNAME_MISMATCH: e('genesys', 'error', 'OrganizationName mismatch'),
  GENESYS_ATTRIBUTE_CASE: e('genesys', 'error', 'Genesys attribute letter case'),
  SERVICENAME_INVALID: e('genesys', 'warning', 'Invalid ServiceName'),

  CLAIM_MISSING: e('mapping', 'error', 'Claim missing'),
  CLAIM_NEAR_MISS: e('mapping', 'error', 'Claim near miss'),
  CLAIM_DUPLICATE: e('mapping', 'error', 'Duplicate claim'),
  CLAIM_MULTIVALUED: e('mapping', 'warning', 'Several values'),
  CLAIM_EMPTY: e('mapping', 'warning', 'Empty value'),
  CLAIM_VALUE_WHITESPACE: e('mapping', 'warning', 'Invisible characters in value'),
  CLAIM_UNMAPPED: e('mapping', 'info', 'Unmapped attributes'),

  VALUE_EMAIL_INVALID: e('values', 'error', 'Invalid email'),
  VALUE_ENCODING: e('values', 'warning', 'Encoding damage'),
  ROLES_FORMAT: e('values', 'warning', 'Roles format'),
  ROLE_UNKNOWN: e('values', 'error', 'Unknown role', true),
  LOCATION_UNKNOWN: e('values', 'warning', 'Unknown location', true),
  MANAGER_UNKNOWN: e('values', 'warning', 'Unknown manager', true),
  DIVISION_UNKNOWN: e('values', 'error', 'Unknown division', true),

  NAME_MISSING: e('names', 'error', 'No display name'),
  NAME_PARTS_ONLY: e('names', 'warning', 'Name parts only'),
  NAME_LAST_FIRST: e('names', 'warning', 'Last, First'),
  NAME_IS_EMAIL: e('names', 'warning', 'Name is an email'),
  NAME_PARTS_DISAGREE: e('names', 'warning', 'Name parts disagree'),

  UNIQUE_EMPLOYEE_ID: e('uniqueness', 'error', 'Employee ID taken', true),
  UNIQUE_EMAIL: e('uniqueness', 'error', 'Email taken', true),
  UNIQUE_BATCH_DUPLICATE: e('uniqueness', 'error', 'Duplicate in batch'),

  JIT_DISABLED_UNKNOWN_USER: e('jit', 'error', 'JIT off, user unknown', true),
  JIT_WILL_CREATE: e('jit', 'info', 'Will create'),
  JIT_WILL_UPDATE: e('jit', 'info', 'Will update', true),
  JIT_OVERWRITES_MANUAL_EDIT: e('jit', 'warning', 'Overwrites a manual edit', true),
  JIT_STRIPS_ROLES: e('jit', 'warning', 'Strips roles', true),
  JIT_LICENSE_CAP: e('jit', 'error', 'No license left', true),
  JIT_DEFAULT_DIVISION: e('jit', 'info', 'Default division'),

  POSTJIT_MISSING_SKILLS: e('postjit', 'warning', 'Missing skills', true),
  POSTJIT_MISSING_PHONE: e('postjit', 'warning', 'No WebRTC phone', true),
  POSTJIT_MISSING_STATION: e('postjit', 'warning', 'No default station', true),
  POSTJIT_UTILIZATION: e('postjit', 'info', 'Utilization differs', true),
} as const satisfies Record<string, CatalogueEntry>;

export type FindingCode = keyof typeof CATALOGUE;

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return (CATALOGUE as Record<string, CatalogueEntry>)[code];
}
