/**
 * The finding catalogue: every code the diagnosis reports, and the source of docs/findings.md
 * (`npm run docs` writes it; a test keeps them equal). Codes are product API: never rename or
 * reuse one. `severity` is the default; a few codes are raised at another severity where `when`
 * says so (CLAIM_MISSING, ORGNAME_MISSING, JIT_DEFAULT_DIVISION).
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
  /** When the finding is reported, in the words of docs/findings.md. */
  when: string;
  /** Reported only with a directory (a live org or a snapshot); skipped, and said so, without. */
  needsDirectory?: boolean;
}

const e = (
  stage: Stage,
  severity: Severity,
  title: string,
  when: string,
  needsDirectory = false,
): CatalogueEntry => ({
  stage,
  severity,
  title,
  when,
  ...(needsDirectory ? { needsDirectory } : {}),
});

export const CATALOGUE = {
  INPUT_EMPTY: e(
    'input',
    'error',
    'Nothing to diagnose',
    'The input is empty: nothing to diagnose.',
  ),
  INPUT_UNRECOGNIZED: e(
    'input',
    'error',
    'Input not recognised',
    'The input is not XML, base64, deflated base64, a URL-encoded value or form body, a URL, a HAR file or a SAML-tracer export.',
  ),
  INPUT_XML_MALFORMED: e(
    'input',
    'error',
    'Malformed XML',
    'The decoded text is not well-formed XML; the finding gives the line and column.',
  ),
  INPUT_DTD_FORBIDDEN: e(
    'input',
    'error',
    'DOCTYPE or ENTITY declaration',
    'A DOCTYPE or ENTITY declaration is present; nothing in it is expanded or fetched.',
  ),
  INPUT_TOO_LARGE: e(
    'input',
    'error',
    'Message too large',
    'A decoded message is over the size limit (10 MiB), or the input as a whole is over its budget.',
  ),
  INPUT_NO_SAML_MESSAGE: e(
    'input',
    'error',
    'No SAML message in the capture',
    'A HAR or SAML-tracer file holds no SAML message.',
  ),
  INPUT_NOT_A_RESPONSE: e(
    'input',
    'info',
    'Not a SAML Response',
    'The message is an AuthnRequest or a Logout message: it is shown, and the checks of a response are skipped.',
  ),
  /** The engine itself failed on this input (a bug): reported instead of crashing the batch. */
  INTERNAL_ERROR: e(
    'input',
    'error',
    'Diagnosis failed',
    'JIT Doctor itself failed on this message (a bug): the other messages are still diagnosed; please report it with the input.',
  ),

  STATUS_NOT_SUCCESS: e(
    'protocol',
    'error',
    'Status is not Success',
    'The top-level StatusCode is not Success; the finding shows the sub-code and StatusMessage.',
  ),
  RESPONSE_NO_ASSERTION: e(
    'protocol',
    'error',
    'No Assertion',
    'A successful Response with no Assertion.',
  ),
  RESPONSE_MULTIPLE_ASSERTIONS: e(
    'protocol',
    'error',
    'More than one Assertion',
    'The Response carries more than one Assertion.',
  ),
  ASSERTION_ENCRYPTED: e(
    'protocol',
    'error',
    'Encrypted assertion',
    'The assertion is encrypted (EncryptedAssertion): Genesys Cloud does not accept encrypted assertions.',
  ),
  VERSION_UNSUPPORTED: e(
    'protocol',
    'error',
    'Unsupported SAML version',
    'The message Version is not 2.0.',
  ),
  ISSUER_MISSING: e('protocol', 'error', 'No Issuer', 'No Issuer on the Response or Assertion.'),
  ISSUER_MISMATCH: e(
    'protocol',
    'error',
    'Issuer mismatch',
    'The Issuer differs from the configured issuer; the evidence says how (trailing slash, scheme, letter case, tenant id).',
  ),
  DESTINATION_MISMATCH: e(
    'protocol',
    'error',
    'Destination mismatch',
    'The Response Destination is not the ACS URL of the configured region.',
  ),

  SIGNATURE_MISSING: e(
    'signature',
    'error',
    'No signature',
    'Neither the Response nor the Assertion carries a signature.',
  ),
  SIGNATURE_INVALID: e(
    'signature',
    'error',
    'Signature does not verify',
    'A digest or signature value does not verify: the content changed after signing, or was canonicalized differently.',
  ),
  SIGNATURE_CERT_UNTRUSTED: e(
    'signature',
    'error',
    'Signed by an untrusted key',
    'The signature verifies only with a key that is not one of the configured certificates; the evidence gives the SHA-256 and SHA-1 fingerprints of the signing key and of every configured certificate.',
  ),
  SIGNATURE_NOT_CHECKED: e(
    'signature',
    'warning',
    'Trust not checked',
    'No certificate is configured, so trust could not be checked.',
  ),
  SIGNATURE_WRAPPING: e(
    'signature',
    'error',
    'Signature wrapping',
    'What is signed is not what would be used: a Reference that does not point at the enclosing Response/Assertion, duplicate IDs, an extra Assertion or Response beside or inside the signed one, a signature that covers another element.',
  ),
  SIGNATURE_UNEXPECTED_TRANSFORM: e(
    'signature',
    'error',
    'Unexpected transform',
    'The signature uses a transform other than enveloped-signature and canonicalization.',
  ),
  SIGNATURE_WEAK_ALGORITHM: e(
    'signature',
    'warning',
    'SHA-1 algorithm',
    'The signature or digest algorithm is SHA-1.',
  ),
  TEXT_SPLIT_BY_COMMENT: e(
    'signature',
    'error',
    'Text split by comment',
    'A NameID or attribute value is split by a comment, processing instruction or CDATA section, so different parsers read different text (the comment-injection attack).',
  ),
  CERT_EXPIRED: e(
    'signature',
    'error',
    'Certificate expired',
    'The trusted certificate that signed it is expired at the evaluation time.',
  ),
  CERT_NOT_YET_VALID: e(
    'signature',
    'error',
    'Certificate not valid yet',
    'The trusted certificate that signed it is not valid yet at the evaluation time (a rollover certificate uploaded before its start date).',
  ),
  CERT_EXPIRING: e(
    'signature',
    'warning',
    'Certificate expiring',
    'The trusted certificate that signed it expires within 30 days.',
  ),

  TIME_NOT_YET_VALID: e(
    'time',
    'error',
    'Not yet valid',
    'The evaluation time is before NotBefore minus the tolerance.',
  ),
  TIME_EXPIRED: e(
    'time',
    'error',
    'Expired',
    'The evaluation time is at or after a NotOnOrAfter (Conditions or SubjectConfirmationData) plus the tolerance.',
  ),
  TIME_ISSUED_IN_FUTURE: e(
    'time',
    'warning',
    'Issued in the future',
    'IssueInstant is later than the evaluation time plus the tolerance (IdP clock ahead).',
  ),

  AUDIENCE_MISSING: e(
    'audience',
    'warning',
    'No audience restriction',
    'The assertion has no AudienceRestriction.',
  ),
  AUDIENCE_MISMATCH: e(
    'audience',
    'error',
    'Audience mismatch',
    'The configured relying-party identifier is not among the Audience values.',
  ),
  RECIPIENT_MISMATCH: e(
    'audience',
    'error',
    'Recipient mismatch',
    "The SubjectConfirmationData Recipient is not the region's ACS URL.",
  ),
  SUBJECT_NOT_BEARER: e(
    'audience',
    'error',
    'No bearer confirmation',
    'The subject has no bearer SubjectConfirmation.',
  ),
  NAMEID_MISSING: e('audience', 'error', 'No NameID', 'The subject has no NameID.'),
  NAMEID_FORMAT_MISMATCH: e(
    'audience',
    'warning',
    'NameID format mismatch',
    'The NameID Format differs from the configured name identifier format.',
  ),
  NAMEID_NOT_EMAIL: e(
    'audience',
    'error',
    'NameID is not an email',
    'The configuration identifies users by email and the NameID is not an email address.',
  ),
  NAMEID_EMAIL_DIFFERS: e(
    'audience',
    'warning',
    'email attribute differs from NameID',
    'The `email` attribute and the NameID name different addresses.',
  ),

  ORGNAME_MISSING: e(
    'genesys',
    'warning',
    'No OrganizationName',
    'There is no OrganizationName attribute (an error for an IdP-initiated login, one with no InResponseTo; a warning otherwise).',
  ),
  ORGNAME_MISMATCH: e(
    'genesys',
    'error',
    'OrganizationName mismatch',
    'The OrganizationName attribute differs from the configured organization name.',
  ),
  GENESYS_ATTRIBUTE_CASE: e(
    'genesys',
    'error',
    'Genesys attribute letter case',
    'OrganizationName, email or ServiceName is sent with other letter case (Genesys Cloud reads these names case-sensitively).',
  ),
  SERVICENAME_INVALID: e(
    'genesys',
    'warning',
    'Invalid ServiceName',
    'The ServiceName attribute is neither an absolute URL nor a known keyword.',
  ),

  CLAIM_MISSING: e(
    'mapping',
    'error',
    'Claim missing',
    'A mapped claim is absent (an error for the fields JIT needs to create a user, email and a name; a warning otherwise).',
  ),
  CLAIM_NEAR_MISS: e(
    'mapping',
    'error',
    'Claim near miss',
    'The mapped claim is absent but a close one is present; the evidence says how close: case, whitespace, namespace (same last segment, other URI), friendly-name (its FriendlyName matches) or similar (a small edit distance).',
  ),
  CLAIM_DUPLICATE: e(
    'mapping',
    'error',
    'Duplicate claim',
    'The same attribute Name appears in more than one Attribute element.',
  ),
  CLAIM_MULTIVALUED: e(
    'mapping',
    'warning',
    'Several values',
    'A single-valued field received several values.',
  ),
  CLAIM_EMPTY: e(
    'mapping',
    'warning',
    'Empty value',
    'A mapped claim is present with an empty or blank value.',
  ),
  CLAIM_VALUE_WHITESPACE: e(
    'mapping',
    'warning',
    'Invisible characters in value',
    'A value has leading or trailing spaces, no-break spaces, zero-width or control characters; the evidence shows them escaped.',
  ),
  CLAIM_UNMAPPED: e(
    'mapping',
    'info',
    'Unmapped attributes',
    'The IdP sends attributes that no mapping uses.',
  ),

  VALUE_EMAIL_INVALID: e(
    'values',
    'error',
    'Invalid email',
    'The value mapped to email is not an address.',
  ),
  VALUE_ENCODING: e(
    'values',
    'warning',
    'Encoding damage',
    'A value shows encoding damage (such as "Ã¼" or "â€™") or U+FFFD.',
  ),
  ROLES_FORMAT: e(
    'values',
    'warning',
    'Roles format',
    'Roles separated by something other than commas, empty items, duplicates, or a JSON-array string.',
  ),
  ROLE_UNKNOWN: e(
    'values',
    'error',
    'Unknown role',
    'A role name does not exist in the org; the evidence gives the closest existing name.',
    true,
  ),
  LOCATION_UNKNOWN: e(
    'values',
    'warning',
    'Unknown location',
    'The location is not found in the org.',
    true,
  ),
  MANAGER_UNKNOWN: e(
    'values',
    'warning',
    'Unknown manager',
    "The manager's email is not a user of the org.",
    true,
  ),
  DIVISION_UNKNOWN: e(
    'values',
    'error',
    'Unknown division',
    'The configured default division does not exist.',
    true,
  ),

  NAME_MISSING: e(
    'names',
    'error',
    'No display name',
    'No display name can be formed (no mapped name claim, no given name plus surname).',
  ),
  NAME_PARTS_ONLY: e(
    'names',
    'warning',
    'Name parts only',
    'Given name and surname are sent separately but the mapping expects one display-name claim; the fix is a computed attribute in the IdP.',
  ),
  NAME_LAST_FIRST: e(
    'names',
    'warning',
    'Last, First',
    'The display name looks like "Last, First".',
  ),
  NAME_IS_EMAIL: e(
    'names',
    'warning',
    'Name is an email',
    'The display name is an email address or UPN.',
  ),
  NAME_PARTS_DISAGREE: e(
    'names',
    'warning',
    'Name parts disagree',
    'The display name does not contain the given name and surname that were also sent.',
  ),

  UNIQUE_EMPLOYEE_ID: e(
    'uniqueness',
    'error',
    'Employee ID taken',
    'Another user already has this employee ID: the JIT create fails with 409; the evidence names that user.',
    true,
  ),
  UNIQUE_EMAIL: e(
    'uniqueness',
    'error',
    'Email taken',
    'The email belongs to another user record, or differs only in case from one.',
    true,
  ),
  UNIQUE_BATCH_DUPLICATE: e(
    'uniqueness',
    'error',
    'Duplicate in batch',
    'In a batch of messages, two different subjects carry the same employee ID or email.',
  ),

  JIT_DISABLED_UNKNOWN_USER: e(
    'jit',
    'error',
    'JIT off, user unknown',
    'The user does not exist and JIT creation is off: the login fails.',
    true,
  ),
  JIT_WILL_CREATE: e(
    'jit',
    'info',
    'Will create',
    'The user would be created; the evidence lists every field it would get.',
  ),
  JIT_WILL_UPDATE: e(
    'jit',
    'info',
    'Will update',
    'Update-on-login is on; the evidence lists each field from → to.',
    true,
  ),
  JIT_OVERWRITES_MANUAL_EDIT: e(
    'jit',
    'warning',
    'Overwrites a manual edit',
    "Update-on-login is on and a field's value in Genesys Cloud differs from the IdP's: that edit is lost at next login.",
    true,
  ),
  JIT_STRIPS_ROLES: e(
    'jit',
    'warning',
    'Strips roles',
    'Roles the user holds that the assertion does not carry would be removed.',
    true,
  ),
  JIT_LICENSE_CAP: e(
    'jit',
    'error',
    'No license left',
    'No license is left for a new user (counted over every new user of a batch).',
    true,
  ),
  JIT_DEFAULT_DIVISION: e(
    'jit',
    'info',
    'Default division',
    'Where a new user lands; a warning when an integration marked as partner has no default division or uses Home.',
  ),

  POSTJIT_MISSING_SKILLS: e(
    'postjit',
    'warning',
    'Missing skills',
    'An existing user lacks the skills the rules give its department or title: a stuck agent.',
    true,
  ),
  POSTJIT_MISSING_PHONE: e(
    'postjit',
    'warning',
    'No WebRTC phone',
    'The user has no WebRTC phone although the rules ask for one.',
    true,
  ),
  POSTJIT_MISSING_STATION: e(
    'postjit',
    'warning',
    'No default station',
    "The WebRTC phone exists but is not the user's default station.",
    true,
  ),
  POSTJIT_UTILIZATION: e(
    'postjit',
    'info',
    'Utilization differs',
    "The user's utilization differs from the rules.",
    true,
  ),
} as const satisfies Record<string, CatalogueEntry>;

export type FindingCode = keyof typeof CATALOGUE;

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return (CATALOGUE as Record<string, CatalogueEntry>)[code];
}
