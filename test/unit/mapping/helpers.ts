/** Builders for the mapping tests: an extracted Response with chosen claims, and real sample cases. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../../shared/config/load';
import type { JitDoctorConfig } from '../../../shared/config/types';
import { parseDirectoryFile } from '../../../shared/directory/file';
import type {
  DirectorySnapshot,
  DirectoryUser,
  DirectoryView,
} from '../../../shared/directory/types';
import { createDirectoryView } from '../../../shared/directory/view';
import { analyseMapping, type MappingAnalysis } from '../../../shared/mapping/index';
import type { AttributeSummary, IdpKind, Report } from '../../../shared/report';
import { diagnose } from '../../../shared/saml/diagnose';
import type { ExtractedMessage } from '../../../shared/saml/types';

export type Claim = [name: string, values: string[], friendlyName?: string];

export function attributes(claims: readonly Claim[]): AttributeSummary[] {
  return claims.map(([name, values, friendlyName], i) => ({
    name,
    nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
    friendlyName: friendlyName ?? null,
    values,
    location: {
      path: `/Response/Assertion/AttributeStatement/Attribute[${i + 1}]`,
      line: 10 + i,
      column: 5,
    },
  }));
}

export function response(
  claims: readonly Claim[],
  options: { nameId?: string | null; idp?: IdpKind; source?: string } = {},
): ExtractedMessage {
  const nameId = options.nameId === undefined ? 'jane.doe@acme.example' : options.nameId;
  return {
    type: 'Response',
    source: options.source ?? 'input.xml',
    encoding: 'xml',
    relayState: null,
    version: '2.0',
    id: '_r1',
    issuer: 'http://www.okta.com/exk8b3v2xqhJ7Zp9d5d7',
    responseIssuer: null,
    assertionIssuer: null,
    destination: 'https://login.mypurecloud.com/saml',
    inResponseTo: null,
    issueInstant: '2026-11-23T08:59:58Z',
    status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success', subCode: null, message: null },
    subject:
      nameId === null ? null : { nameId, nameIdFormat: null, recipient: null, notOnOrAfter: null },
    subjectConfirmationMethods: ['urn:oasis:names:tc:SAML:2.0:cm:bearer'],
    conditions: null,
    hasAudienceRestriction: true,
    attributes: attributes(claims),
    assertionCount: 1,
    encryptedAssertionCount: 0,
    locations: {
      attributeStatement: { path: '/Response/Assertion/AttributeStatement', line: 9, column: 3 },
    },
    idp: options.idp ?? 'okta',
  };
}

/** The Okta mapping of the samples. */
const OKTA_MAPPING = {
  email: 'email',
  name: 'displayName',
  givenName: 'firstName',
  surname: 'lastName',
  department: 'department',
  title: 'title',
  employeeId: 'employeeNumber',
  roles: 'Genesys_Roles',
} as const;

export const JANE: Claim[] = [
  ['firstName', ['Jane']],
  ['lastName', ['Doe']],
  ['email', ['jane.doe@acme.example']],
  ['displayName', ['Jane Doe']],
  ['department', ['Seasonal_Retail']],
  ['title', ['Agent']],
  ['employeeNumber', ['EMP-12345']],
  ['OrganizationName', ['acme-contact']],
  ['Genesys_Roles', ['Communicate_User,Agent_Tier1']],
];

export function config(overrides: Partial<JitDoctorConfig> = {}): JitDoctorConfig {
  return {
    organizationName: 'acme-contact',
    jit: { enabled: true, updateOnLogin: false, defaultDivision: 'Home' },
    attributeMapping: { ...OKTA_MAPPING },
    ...overrides,
  };
}

export function user(overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    id: 'u-jane',
    name: 'Jane Doe',
    email: 'jane.doe@acme.example',
    state: 'active',
    department: 'Seasonal_Retail',
    title: 'Agent',
    employeeId: 'EMP-12345',
    division: 'Home',
    roles: ['Communicate_User', 'Agent_Tier1'],
    ...overrides,
  };
}

export function directory(
  users: DirectoryUser[],
  extra: Partial<DirectorySnapshot> = {},
): DirectoryView {
  return createDirectoryView(
    {
      roles: ['Communicate_User', 'Agent_Tier1', 'Agent_Tier2', 'Quality Evaluator'],
      divisions: ['Home', 'Partner Division'],
      locations: ['Chicago', 'Dublin'],
      licenses: { total: 100, assigned: 42 },
      users,
      ...extra,
    },
    'test directory',
  );
}

export function analyse(
  claims: readonly Claim[],
  cfg: JitDoctorConfig = config(),
  dir: DirectoryView | null = null,
  options: Parameters<typeof response>[1] = {},
): MappingAnalysis {
  return analyseMapping({
    message: response(claims, options),
    config: cfg,
    now: new Date('2026-11-23T09:00:00Z'),
    directory: dir,
  });
}

export const codes = (analysis: { findings: { code: string }[] }) =>
  analysis.findings.map((f) => f.code);

const SAMPLES = fileURLToPath(new URL('../../fixtures/samples', import.meta.url));

/** A real sample case run through the whole engine, with its config and directory. */
export function sample(
  name: string,
  extraInputs: string[] = [],
  overrides: { now?: string; directory?: DirectoryView | null } = {},
): Report {
  const dir = join(SAMPLES, name);
  const expect = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { now: string };
  const cfg = parseConfig(readFileSync(join(dir, 'config.json'), 'utf8'), 'config.json');
  const dirFile = join(dir, 'directory.json');
  const view = existsSync(dirFile)
    ? createDirectoryView(
        parseDirectoryFile(readFileSync(dirFile, 'utf8'), 'directory.json').snapshot,
        'snapshot',
      )
    : null;
  const inputs = ['input.xml', ...extraInputs].map((f) => ({
    name: f,
    bytes: readFileSync(join(dir, f)),
  }));
  return diagnose(inputs, {
    config: cfg,
    directory: overrides.directory === undefined ? view : overrides.directory,
    now: new Date(overrides.now ?? expect.now),
    batch: extraInputs.length > 0,
  });
}
