/**
 * The demo org's own test IdP: it signs SAML responses for the demo org's users the way Entra ID
 * does by default (RSA-SHA256, exclusive c14n, the assertion signed, certificate in KeyInfo), with
 * the TEST key whose certificate the demo configuration trusts. The app's "Try a sample" asks it
 * for a few fresh messages; what they mean is left to the engine, never written down here.
 */
import { SignedXml } from 'xml-crypto';
import type { DemoSample } from '../../../shared/ipc';
import demoConfig from '../../../resources/demo/config.json';
import testIdp from '../../../resources/demo/test-idp.json';

export interface SigningKey {
  privateKey: string | Buffer;
  certificate: string;
}

/** The demo IdP's key and the certificate resources/demo/config.json trusts. */
const DEMO_IDP_KEY: SigningKey = {
  privateKey: testIdp.privateKey,
  certificate: demoConfig.sso.certificates[0]!,
};

/** Signs the (first) Assertion of a Response, the signature placed after the assertion's Issuer. */
export function signAssertion(xml: string, key: SigningKey = DEMO_IDP_KEY): string {
  const signer = new SignedXml({
    privateKey: key.privateKey,
    publicCert: key.certificate,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signer.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signer.computeSignature(xml, {
    location: {
      reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']",
      action: 'after',
    },
  });
  return signer.getSignedXml();
}

const SSO = demoConfig.sso;
const MAP = demoConfig.attributeMapping;
const ACS = 'https://login.mypurecloud.com/saml';

interface Person {
  nameId: string;
  claims: [string, string[]][];
}

/** Arjun Novak, an existing team lead of the demo org, with every claim the demo mapping expects. */
const ARJUN: Person = {
  nameId: 'arjun.novak@acme.example',
  claims: [
    [MAP.email, ['arjun.novak@acme.example']],
    [MAP.name, ['Arjun Novak']],
    [MAP.givenName, ['Arjun']],
    [MAP.surname, ['Novak']],
    [MAP.department, ['Seasonal_Retail']],
    [MAP.title, ['Team Lead']],
    [MAP.employeeId, ['EMP-10002']],
    [MAP.roles, ['Communicate_User,Agent_Tier1,Supervisor']],
    [MAP.location, ['Chicago']],
    [MAP.manager, ['sam.lead@acme.example']],
    ['OrganizationName', [demoConfig.organizationName]],
  ],
};

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Deterministic-looking but distinct IDs per sample and instant. */
const idFor = (label: string, at: Date) =>
  `_${label}-${at.getTime().toString(16)}-${label.length.toString(16).padStart(4, '0')}`;

function assertion(person: Person, id: string, at: Date): string {
  const iso = (offsetMs: number) => new Date(at.getTime() + offsetMs).toISOString();
  const attributes = person.claims
    .map(
      ([name, values]) =>
        `<Attribute Name="${escapeXml(name)}">${values.map((v) => `<AttributeValue>${escapeXml(v)}</AttributeValue>`).join('')}</Attribute>`,
    )
    .join('');
  return [
    `<Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" IssueInstant="${iso(0)}" Version="2.0">`,
    `<Issuer>${escapeXml(SSO.issuer)}</Issuer>`,
    `<Subject><NameID Format="${SSO.nameIdentifierFormat}">${escapeXml(person.nameId)}</NameID>`,
    `<SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><SubjectConfirmationData NotOnOrAfter="${iso(5 * 60_000)}" Recipient="${ACS}"/></SubjectConfirmation></Subject>`,
    `<Conditions NotBefore="${iso(-5 * 60_000)}" NotOnOrAfter="${iso(60 * 60_000)}"><AudienceRestriction><Audience>${escapeXml(SSO.relyingPartyIdentifier)}</Audience></AudienceRestriction></Conditions>`,
    `<AttributeStatement>${attributes}</AttributeStatement>`,
    `<AuthnStatement AuthnInstant="${iso(-1000)}" SessionIndex="${id}-s"><AuthnContext><AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</AuthnContextClassRef></AuthnContext></AuthnStatement>`,
    '</Assertion>',
  ].join('');
}

/** An IdP-initiated Response (no InResponseTo), with its assertions inside. */
function response(id: string, at: Date, assertions: string): string {
  return [
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${id}" Version="2.0" IssueInstant="${at.toISOString()}" Destination="${ACS}">`,
    `<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">${escapeXml(SSO.issuer)}</Issuer>`,
    '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>',
    assertions,
    '</samlp:Response>',
  ].join('');
}

const signedResponse = (label: string, person: Person, at: Date) =>
  signAssertion(response(idFor(`${label}-r`, at), at, assertion(person, idFor(label, at), at)));

const base64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

/**
 * Three fresh messages from the demo IdP, issued a moment before `now`: a working login, the same
 * login with a claim name that misses the mapping by its letter case, and a signature-wrapping
 * attack (a forged, unsigned assertion for another user placed before the genuine signed one).
 */
export function demoSamples(now: Date): DemoSample[] {
  const at = new Date(Math.floor((now.getTime() - 2000) / 1000) * 1000);
  const nearMiss: Person = {
    ...ARJUN,
    claims: ARJUN.claims.map(([name, values]) =>
      name === MAP.department ? ['Department', values] : [name, values],
    ),
  };
  const genuine = signedResponse('wrapped', ARJUN, at);
  const forged = assertion(
    {
      nameId: 'it.admin@acme.example',
      claims: [
        [MAP.email, ['it.admin@acme.example']],
        [MAP.name, ['IT Admin']],
        [MAP.roles, ['admin']],
      ],
    },
    idFor('forged', at),
    at,
  );
  // XSW3: the forged assertion goes first, where a careless service provider looks.
  const wrapped = genuine.replace(/<Assertion /, `${forged}<Assertion `);
  return [
    {
      name: 'sample-working-login.b64',
      shows:
        'A working login: Arjun Novak, an existing team lead, signs in with every claim mapped.',
      text: base64(signedResponse('working', ARJUN, at)),
    },
    {
      name: 'sample-claim-near-miss.b64',
      shows:
        'The same login, but the IdP sends "Department" where the mapping expects "department".',
      text: base64(signedResponse('near-miss', nearMiss, at)),
    },
    {
      name: 'sample-wrapped-attack.b64',
      shows:
        'A signature-wrapping attack: a forged admin assertion placed before the genuine signed one.',
      text: base64(wrapped),
    },
  ];
}
