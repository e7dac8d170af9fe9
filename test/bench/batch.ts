/**
 * `batch.2000x50000` (docs/benchmarks.md): 2,000 signed logins diagnosed with every check and `--batch`
 * uniqueness against a 50,000-user snapshot. The messages are generated deterministically (fixed
 * IDs and instants; RSA PKCS#1 v1.5 signatures have no randomness) and signed with xml-crypto as
 * setup, outside the timing. Timed: reading the snapshot text (JSON + schema), indexing it once,
 * and diagnosing the batch, as `jit-doctor diagnose --batch --directory` does.
 */
import type { JitDoctorConfig } from '../../shared/config/types';
import { parseDirectoryFile } from '../../shared/directory/file';
import type { DirectorySnapshot, DirectoryUser } from '../../shared/directory/types';
import { createDirectoryView } from '../../shared/directory/view';
import { diagnose } from '../../shared/saml/diagnose';
import type { RawInput } from '../../shared/saml/types';
import { CERT, signAssertion } from './signing';
import type { Benchmark } from './types';

const NOW = new Date('2026-11-23T09:00:00Z');
const ISSUER = 'http://www.okta.com/exk8b3v2xqhJ7Zp9d5d7';
const ACS = 'https://login.mypurecloud.com/saml';
const MESSAGES = 2_000;
const USERS = 50_000;
const DEPARTMENTS = ['Seasonal_Retail', 'Tech_Support', 'Billing', 'Sales'];

const CONFIG: JitDoctorConfig = {
  region: 'mypurecloud.com',
  organizationName: 'acme-contact',
  licenses: { total: 60_000 },
  sso: {
    issuer: ISSUER,
    certificates: [CERT],
    relyingPartyIdentifier: 'urn:genesys:acme',
    nameIdentifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  },
  jit: { enabled: true, updateOnLogin: true, defaultDivision: 'Home' },
  attributeMapping: {
    email: 'email',
    name: 'displayName',
    givenName: 'firstName',
    surname: 'lastName',
    department: 'department',
    title: 'title',
    employeeId: 'employeeNumber',
    roles: 'Genesys_Roles',
  },
  postJit: {
    phone: { site: 'Chicago', phoneBaseSettings: 'WebRTC Phone' },
    rules: [
      {
        when: { department: 'Seasonal_Retail' },
        skills: [{ name: 'Customer_Service', proficiency: 1 }],
        webRtcPhone: true,
      },
    ],
  },
};

const pad = (n: number) => String(n).padStart(5, '0');

/** Agent n of the org: the first half of the batch already exists, the second half is new. */
function agent(n: number): DirectoryUser {
  return {
    id: `u-${pad(n)}`,
    name: `Agent ${pad(n)}`,
    email: `agent${pad(n)}@acme.example`,
    state: 'active',
    department: DEPARTMENTS[n % DEPARTMENTS.length]!,
    title: n % 7 === 0 ? 'Senior Agent' : 'Agent',
    employeeId: `EMP-${pad(n)}`,
    manager: 'sam.lead@acme.example',
    division: 'Home',
    roles: ['Communicate_User', 'Agent_Tier1'],
    skills: [{ name: 'Customer_Service', proficiency: 1 }],
    webRtcPhone: n % 3 !== 0,
    defaultStation: n % 3 !== 0,
  };
}

function snapshotText(users = USERS): string {
  const snapshot: DirectorySnapshot = {
    org: { name: 'acme-contact', region: 'mypurecloud.com' },
    takenAt: '2026-11-23T08:30:00Z',
    licenses: { total: 60_000, assigned: users },
    roles: ['Communicate_User', 'Agent_Tier1', 'Agent_Tier2', 'Quality Evaluator', 'Supervisor'],
    divisions: ['Home'],
    locations: ['Chicago', 'Dublin'],
    skills: ['Customer_Service'],
    users: Array.from({ length: users }, (_, n) => agent(n)),
  };
  return JSON.stringify(snapshot);
}

const attribute = (name: string, value: string) =>
  `<saml2:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml2:AttributeValue>${value}</saml2:AttributeValue></saml2:Attribute>`;

/** Login i: users 48,000.. exist (half the batch), the rest are new; two new ones share an employee ID. */
function login(i: number): string {
  const n = USERS - MESSAGES / 2 + i;
  const id = `_${pad(i)}a0c1e2f3-4b5d-4e6f-8a9b-0c1d2e3f4a5b`;
  const employee = i === MESSAGES - 1 ? `EMP-${pad(n - 1)}` : `EMP-${pad(n)}`;
  const claims = [
    attribute('firstName', 'Agent'),
    attribute('lastName', pad(n)),
    attribute('email', `agent${pad(n)}@acme.example`),
    attribute('displayName', `Agent ${pad(n)}`),
    attribute('department', DEPARTMENTS[n % DEPARTMENTS.length]!),
    attribute('title', 'Agent'),
    attribute('employeeNumber', employee),
    attribute('OrganizationName', 'acme-contact'),
    attribute('Genesys_Roles', 'Communicate_User,Agent_Tier1'),
  ];
  return [
    `<saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${id}" Version="2.0" IssueInstant="2026-11-23T08:59:58.000Z" Destination="${ACS}">`,
    `<saml2:Issuer>${ISSUER}</saml2:Issuer>`,
    '<saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status>',
    `<saml2:Assertion ID="_a${id}" IssueInstant="2026-11-23T08:59:58.000Z" Version="2.0">`,
    `<saml2:Issuer>${ISSUER}</saml2:Issuer>`,
    `<saml2:Subject><saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">agent${pad(n)}@acme.example</saml2:NameID>`,
    `<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData NotOnOrAfter="2026-11-23T09:04:58.000Z" Recipient="${ACS}"/></saml2:SubjectConfirmation></saml2:Subject>`,
    '<saml2:Conditions NotBefore="2026-11-23T08:54:58.000Z" NotOnOrAfter="2026-11-23T09:59:58.000Z"><saml2:AudienceRestriction><saml2:Audience>urn:genesys:acme</saml2:Audience></saml2:AudienceRestriction></saml2:Conditions>',
    `<saml2:AuthnStatement AuthnInstant="2026-11-23T08:59:57.000Z"><saml2:AuthnContext><saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml2:AuthnContextClassRef></saml2:AuthnContext></saml2:AuthnStatement>`,
    `<saml2:AttributeStatement>${claims.join('')}</saml2:AttributeStatement>`,
    '</saml2:Assertion></saml2p:Response>',
  ].join('');
}

function batchInputs(count = MESSAGES): RawInput[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `login-${pad(i)}.b64`,
    bytes: Buffer.from(Buffer.from(signAssertion(login(i))).toString('base64')),
  }));
}

/** What `diagnose --batch --directory snapshot.json` does after reading the files. */
function run(inputs: RawInput[], snapshot: string) {
  const file = parseDirectoryFile(snapshot, 'snapshot.json');
  const directory = createDirectoryView(file.snapshot, file.source);
  return diagnose(inputs, { config: CONFIG, directory, now: NOW, batch: true });
}

function check(
  report: ReturnType<typeof run>,
  duplicates: number,
): { creates: number; updates: number } {
  const codes = report.messages.flatMap((m) => m.findings.map((f) => f.code));
  const invalid = report.messages.filter((m) => m.signature.status !== 'valid').length;
  const batch = report.findings.filter((f) => f.code === 'UNIQUE_BATCH_DUPLICATE').length;
  // A benchmark of a broken diagnosis would measure the wrong path.
  if (invalid > 0 || batch !== duplicates || codes.includes('INTERNAL_ERROR'))
    throw new Error(
      `unexpected diagnosis: ${invalid} invalid signatures, ${batch} batch duplicates`,
    );
  return {
    creates: report.messages.filter((m) => m.jit?.action === 'create').length,
    updates: report.messages.filter((m) => m.jit?.action === 'update').length,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export const batchBenchmarks: Benchmark[] = [
  {
    name: 'batch.2000x50000',
    async run(log) {
      let start = performance.now();
      const inputs = batchInputs();
      const snapshot = snapshotText();
      log(
        `  setup: ${MESSAGES} signed messages and a ${USERS}-user snapshot (${(snapshot.length / 1e6).toFixed(1)} MB) in ${((performance.now() - start) / 1000).toFixed(1)} s`,
      );
      check(run(inputs.slice(0, 100), snapshot), 0);
      const totals: number[] = [];
      let outcome = { creates: 0, updates: 0 };
      for (let i = 0; i < 3; i++) {
        start = performance.now();
        const report = run(inputs, snapshot);
        totals.push(performance.now() - start);
        outcome = check(report, 1);
      }
      const total = median(totals);
      return {
        median_ms: Number(total.toFixed(1)),
        total_s: Number((total / 1000).toFixed(2)),
        messages_per_s: Math.round((MESSAGES / total) * 1000),
        runs: totals.length,
        jit_creates: outcome.creates,
        jit_updates: outcome.updates,
      };
    },
  },
];
