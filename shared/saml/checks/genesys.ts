/**
 * Genesys Cloud attributes: OrganizationName, email and ServiceName, whose names Genesys Cloud
 * reads case-sensitively.
 */
import type { AttributeSummary, Finding } from '../../report';
import { finding } from '../../findings/finding';
import { whereIn } from '../idp';
import type { Check, ExtractedMessage } from '../types';

const GENESYS_ATTRIBUTES = ['OrganizationName', 'email', 'ServiceName'] as const;

/** Keywords Genesys Cloud accepts in ServiceName besides an absolute URL. */
const SERVICE_NAME_KEYWORDS = [
  'directory',
  'directory-admin',
  'engage-agent',
  'engage-supervisor',
] as const;

const hasAssertion = (message: ExtractedMessage) => message.locations.assertion !== undefined;
const exact = (message: ExtractedMessage, name: string) =>
  message.attributes.find((a) => a.name === name);

/** IdP-initiated: Genesys Cloud did not ask for this login, so nothing tells it which org. */
function isIdpInitiated(message: ExtractedMessage): boolean {
  return !message.inResponseTo && !message.subjectInResponseTo;
}

export const checkOrganizationName: Check = ({ message, config }) => {
  if (!hasAssertion(message)) return [];
  const attribute = exact(message, 'OrganizationName');
  if (!attribute) {
    // A differently cased OrganizationName is reported as GENESYS_ATTRIBUTE_CASE instead.
    if (message.attributes.some((a) => a.name.toLowerCase() === 'organizationname')) return [];
    const idpInitiated = isIdpInitiated(message);
    return [
      finding('ORGNAME_MISSING', {
        severity: idpInitiated ? 'error' : 'warning',
        message: idpInitiated
          ? 'No OrganizationName attribute in an IdP-initiated login (no InResponseTo): Genesys Cloud cannot tell which organization to log in to.'
          : 'No OrganizationName attribute: SP-initiated logins work, but IdP-initiated ones (from the IdP portal) fail.',
        location: message.locations.attributeStatement ?? message.locations.assertion ?? null,
        evidence: {
          inResponseTo: message.inResponseTo ?? message.subjectInResponseTo ?? null,
          idpInitiated,
          expectedValue: config.organizationName ?? null,
        },
        fix: `${whereIn(message.idp, 'claims')}, add an attribute named exactly OrganizationName with the Genesys Cloud organization short name${config.organizationName ? ` ("${config.organizationName}")` : ''}.`,
      }),
    ];
  }
  const expected = config.organizationName;
  if (!expected) return [];
  const values = attribute.values.filter((v) => v !== '');
  // Organization short names are case-insensitive; any other difference sends the login elsewhere.
  if (values.some((v) => v.toLowerCase() === expected.toLowerCase())) return [];
  return [
    finding('ORGNAME_MISMATCH', {
      message: values.length
        ? `OrganizationName is ${values.map((v) => `"${v}"`).join(', ')}, not the configured organization "${expected}".`
        : `OrganizationName is empty; the configured organization is "${expected}".`,
      location: attribute.location ?? null,
      evidence: { expected, received: attribute.values },
      fix: `${whereIn(message.idp, 'claims')}, set the OrganizationName attribute's value to "${expected}" (the organization short name shown in Genesys Cloud under Admin → Organization Settings).`,
    }),
  ];
};

export const checkGenesysAttributeCase: Check = ({ message, config }) => {
  if (!hasAssertion(message)) return [];
  // A claim name the configuration maps on purpose is not a typo of a Genesys attribute.
  const mapped = new Set(Object.values(config.attributeMapping ?? {}));
  const findings: Finding[] = [];
  for (const expected of GENESYS_ATTRIBUTES) {
    if (exact(message, expected)) continue;
    const variant = message.attributes.find(
      (a) =>
        a.name !== expected &&
        a.name.toLowerCase() === expected.toLowerCase() &&
        !mapped.has(a.name),
    );
    if (!variant) continue;
    findings.push(caseFinding(message, expected, variant));
  }
  return findings;
};

function caseFinding(
  message: ExtractedMessage,
  expected: string,
  variant: AttributeSummary,
): Finding {
  return finding('GENESYS_ATTRIBUTE_CASE', {
    message: `The attribute is named "${variant.name}"; Genesys Cloud reads "${expected}" case-sensitively, so this one is ignored.`,
    location: variant.location ?? null,
    evidence: { expected, received: variant.name },
    fix: `${whereIn(message.idp, 'claims')}, rename the attribute "${variant.name}" to exactly "${expected}".`,
  });
}

export const checkServiceName: Check = ({ message }) => {
  const attribute = exact(message, 'ServiceName');
  if (!attribute || !hasAssertion(message)) return [];
  const invalid = attribute.values.filter((v) => !isValidServiceName(v.trim()));
  if (invalid.length === 0) return [];
  return [
    finding('SERVICENAME_INVALID', {
      message: `ServiceName ${invalid.map((v) => `"${v}"`).join(', ')} is neither an absolute URL nor one of ${SERVICE_NAME_KEYWORDS.join(', ')}: Genesys Cloud ignores it and opens its default page.`,
      location: attribute.location ?? null,
      evidence: { received: attribute.values, invalid, keywords: [...SERVICE_NAME_KEYWORDS] },
      fix: `${whereIn(message.idp, 'claims')}, set ServiceName to an absolute https URL (for example https://apps.mypurecloud.com/directory/) or to a keyword such as "directory", or remove it.`,
    }),
  ];
};

function isValidServiceName(value: string): boolean {
  if ((SERVICE_NAME_KEYWORDS as readonly string[]).includes(value)) return true;
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value);
}

export const genesysChecks: readonly Check[] = [
  checkOrganizationName,
  checkGenesysAttributeCase,
  checkServiceName,
];
