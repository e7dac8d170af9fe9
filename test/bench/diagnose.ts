/**
 * `diagnose.typical` and `diagnose.20k-values` (docs/benchmarks.md). The messages are generated here,
 * deterministically (fixed IDs and instants; RSA PKCS#1 v1.5 signatures have no randomness), and
 * signed with xml-crypto and the test IdP key. The typical one is compared, interleaved in the same
 * process, with @node-saml/node-saml's validatePostResponseAsync on the same base64 message and
 * certificate; both sides run every check they have (node-saml's clock window is widened, not
 * switched off, because the message carries fixed instants).
 */
import { SAML } from '@node-saml/node-saml';
import type { JitDoctorConfig } from '../../shared/config/types';
import { diagnose } from '../../shared/saml/diagnose';
import { CERT, signAssertion } from './signing';
import type { Benchmark } from './types';

const NOW = new Date('2026-11-23T09:00:00Z');
const TENANT = '5b7c1e2a-3f4d-4c8e-9a1b-2d6e7f809abc';
const ISSUER = `https://sts.windows.net/${TENANT}/`;
const AUDIENCE = 'urn:genesys:acme';
const ACS = 'https://login.mypurecloud.com/saml';
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const MS_CLAIMS = 'http://schemas.microsoft.com/identity/claims';

/** The configuration an admin of this Entra ID tenant would write. */
export const BENCH_CONFIG: JitDoctorConfig = {
  region: 'mypurecloud.com',
  organizationName: 'acme-contact',
  sso: {
    issuer: ISSUER,
    certificates: [CERT],
    relyingPartyIdentifier: AUDIENCE,
    nameIdentifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  },
  jit: { enabled: true, updateOnLogin: false, defaultDivision: 'Home' },
  attributeMapping: {
    email: `${CLAIMS}/emailaddress`,
    name: `${MS_CLAIMS}/displayname`,
    givenName: `${CLAIMS}/givenname`,
    surname: `${CLAIMS}/surname`,
    department: 'department',
    title: 'title',
    employeeId: 'employeeID',
  },
};

const attribute = (name: string, values: string[]) =>
  `<Attribute Name="${name}">${values.map((v) => `<AttributeValue>${v}</AttributeValue>`).join('')}</Attribute>`;

/** Security-group object IDs, as Entra ID sends them when "groups" is added to the claims. */
const GROUP_IDS = Array.from(
  { length: 44 },
  (_, i) =>
    `${(0x3f2a0000 + i * 7919).toString(16)}-6487-41e5-9c76-${(0x557806e24d13 + i).toString(16)}`,
);

/** The ten claims an Entra ID app for Genesys Cloud typically sends. */
function typicalClaims(groups: string[] = GROUP_IDS): string[] {
  return [
    attribute(`${MS_CLAIMS}/tenantid`, [TENANT]),
    attribute(`${MS_CLAIMS}/groups`, groups),
    attribute(`${CLAIMS}/givenname`, ['Jane']),
    attribute(`${CLAIMS}/surname`, ['Doe']),
    attribute(`${CLAIMS}/emailaddress`, ['jane.doe@acme.example']),
    attribute(`${MS_CLAIMS}/displayname`, ['Jane Doe']),
    attribute('department', ['Seasonal_Retail']),
    attribute('title', ['Agent']),
    attribute('employeeID', ['EMP-12345']),
    attribute('OrganizationName', ['acme-contact']),
  ];
}

function response(claims: string[]): string {
  const assertionId = '_94e0404c-6ecb-4c5c-b5b1-9a53f5c8ac8f';
  return [
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_8c0f7013-de7d-4b84-8a44-65dcd002e25a" Version="2.0" IssueInstant="2026-11-23T08:59:58.000Z" Destination="${ACS}" InResponseTo="_gcfa426008cd3b4ac7be4b388b369a99c3">`,
    `<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">${ISSUER}</Issuer>`,
    '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>',
    `<Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" IssueInstant="2026-11-23T08:59:58.000Z" Version="2.0">`,
    `<Issuer>${ISSUER}</Issuer>`,
    '<Subject><NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">jane.doe@acme.example</NameID>',
    `<SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><SubjectConfirmationData InResponseTo="_gcfa426008cd3b4ac7be4b388b369a99c3" NotOnOrAfter="2026-11-23T09:04:58.000Z" Recipient="${ACS}"/></SubjectConfirmation></Subject>`,
    `<Conditions NotBefore="2026-11-23T08:54:58.000Z" NotOnOrAfter="2026-11-23T09:59:58.000Z"><AudienceRestriction><Audience>${AUDIENCE}</Audience></AudienceRestriction></Conditions>`,
    `<AttributeStatement>${claims.join('')}</AttributeStatement>`,
    `<AuthnStatement AuthnInstant="2026-11-23T08:59:57.000Z" SessionIndex="${assertionId}-s"><AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</AuthnContextClassRef></AuthnContext></AuthnStatement>`,
    '</Assertion></samlp:Response>',
  ].join('');
}

export const typicalResponse = () => signAssertion(response(typicalClaims()));

/** A valid response whose groups claim carries 20,000 values (a user in very many groups). */
export function manyValuesResponse(count = 20_000): string {
  const groups = Array.from({ length: count }, (_, i) => `group-${String(i).padStart(5, '0')}`);
  return signAssertion(response(typicalClaims(groups)));
}

function runOurs(base64: string): void {
  const report = diagnose([{ name: 'bench.b64', bytes: Buffer.from(base64) }], {
    config: BENCH_CONFIG,
    directory: null,
    now: NOW,
  });
  // A benchmark of a failing diagnosis would measure the wrong path.
  if (report.messages[0]?.signature.status !== 'valid' || report.summary.errors > 0)
    throw new Error(
      `the benchmark message does not diagnose clean: ${JSON.stringify(report.summary)}`,
    );
}

function nodeSaml(): SAML {
  return new SAML({
    idpCert: CERT,
    issuer: AUDIENCE,
    audience: AUDIENCE,
    callbackUrl: ACS,
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: true,
    // The message has fixed instants; a window wide enough to include them keeps the check running.
    acceptedClockSkewMs: 10 * 365 * 24 * 3600 * 1000,
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const round = (n: number) => Number(n.toFixed(3));

export const diagnoseBenchmarks: Benchmark[] = [
  {
    name: 'diagnose.typical',
    async run(log) {
      const xml = typicalResponse();
      const base64 = Buffer.from(xml).toString('base64');
      const saml = nodeSaml();
      const reference = () => saml.validatePostResponseAsync({ SAMLResponse: base64 });
      log(`  message ${xml.length} bytes`);
      for (let i = 0; i < 50; i++) {
        runOurs(base64);
        await reference();
      }
      const ours: number[] = [];
      const theirs: number[] = [];
      const runs = 300;
      for (let i = 0; i < runs; i++) {
        // Alternate who goes first so neither always runs on a warmer cache.
        if (i % 2) {
          ours.push(await time(() => runOurs(base64)));
          theirs.push(await time(reference));
        } else {
          theirs.push(await time(reference));
          ours.push(await time(() => runOurs(base64)));
        }
      }
      const ourMedian = median(ours);
      const theirMedian = median(theirs);
      return {
        median_ms: round(ourMedian),
        reference_median_ms: round(theirMedian),
        ratio: round(ourMedian / theirMedian),
        runs,
        message_bytes: xml.length,
      };
    },
  },
  {
    name: 'diagnose.20k-values',
    async run(log) {
      const xml = manyValuesResponse();
      const base64 = Buffer.from(xml).toString('base64');
      log(`  message ${(xml.length / 1024).toFixed(0)} KiB`);
      for (let i = 0; i < 3; i++) runOurs(base64);
      const runs = 15;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await time(() => runOurs(base64)));
      return { median_ms: round(median(times)), runs };
    },
  },
];
