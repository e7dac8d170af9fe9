/** Protocol stage: status, assertion count and encryption, version, issuer, destination. */
import type { Finding } from '../../report';
import { finding } from '../../findings/finding';
import { idpGuide, whereIn } from '../idp';
import { acsUrl, regionOfAcsUrl, resolveRegion, sameUrl } from '../regions';
import type { Check, ExtractedMessage } from '../types';
import { describeDifference, differencePhrase } from './compare';
import { own } from '../../own';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const STATUS_PREFIX = 'urn:oasis:names:tc:SAML:2.0:status:';

/** What a status sub-code usually means for a Genesys Cloud login, and where to look. */
const SUB_CODE_ADVICE: Record<string, string> = {
  AuthnFailed:
    'the IdP did not authenticate the user; its StatusMessage says why (for Entra ID, AADSTS50105 means the user is not assigned to the application: Enterprise applications → your app → Users and groups)',
  InvalidNameIDPolicy:
    'the IdP cannot issue the NameID format Genesys Cloud asked for; align the NameID format on both sides',
  RequestDenied: 'the IdP refused the request (user or application policy)',
  NoPassive: 'the IdP needed to interact with the user but the request was passive',
  NoAuthnContext: 'the IdP cannot meet the requested authentication context',
  UnknownPrincipal: 'the IdP does not know this user',
  RequestUnsupported: 'the IdP does not support the request as sent',
  NoAvailableIDP: 'no IdP is available for this request',
};

const shortCode = (value: string | null) =>
  value && value.startsWith(STATUS_PREFIX) ? value.slice(STATUS_PREFIX.length) : value;

export const checkStatus: Check = ({ message }) => {
  const status = message.status;
  if (status?.code === SUCCESS) return [];
  const sub = shortCode(status?.subCode ?? null);
  const advice =
    (sub && own(SUB_CODE_ADVICE, sub)) ?? 'the IdP refused or could not complete the login';
  const guide = idpGuide(message.idp);
  return [
    finding('STATUS_NOT_SUCCESS', {
      message: status
        ? `${guide.kind === 'generic' ? 'The IdP' : guide.name} answered ${shortCode(status.code) ?? 'without a status code'}${sub ? `/${sub}` : ''}${status.message ? `: "${status.message}"` : ''}.`
        : 'The Response has no Status element, so it cannot be a successful login.',
      location: message.locations.status ?? message.locations.response ?? null,
      evidence: {
        code: status?.code ?? null,
        subCode: status?.subCode ?? null,
        statusMessage: status?.message ?? null,
      },
      fix: `Look at the IdP side: ${advice}. Check the sign-in logs of ${guide.name} for this user and time.`,
    }),
  ];
};

export const checkAssertionCount: Check = ({ message }) => {
  const findings: Finding[] = [];
  const total = message.assertionCount + message.encryptedAssertionCount;
  const location = message.locations.response ?? null;
  if (message.encryptedAssertionCount > 0) {
    findings.push(
      finding('ASSERTION_ENCRYPTED', {
        message:
          'The assertion is encrypted (EncryptedAssertion); Genesys Cloud does not accept encrypted assertions, and its claims and any signature inside it cannot be read until it is sent unencrypted.',
        location,
        evidence: { encryptedAssertions: message.encryptedAssertionCount },
        fix: `${whereIn(message.idp, 'encryption')}, turn assertion encryption off (keep the assertion signed): the login already runs over TLS.`,
      }),
    );
  }
  if (total === 0 && message.status?.code === SUCCESS) {
    findings.push(
      finding('RESPONSE_NO_ASSERTION', {
        message:
          'The Response says Success but carries no Assertion, so there is nobody to log in.',
        location,
        evidence: { assertions: 0 },
        fix: `Check ${idpGuide(message.idp).name}'s Genesys Cloud application: it must issue a signed assertion with the user's NameID.`,
      }),
    );
  }
  if (total > 1) {
    findings.push(
      finding('RESPONSE_MULTIPLE_ASSERTIONS', {
        message: `The Response carries ${total} assertions; a login response carries exactly one, and an extra one is a classic wrapping attack.`,
        location,
        evidence: {
          assertions: message.assertionCount,
          encryptedAssertions: message.encryptedAssertionCount,
        },
        fix: 'Do not trust this message. If the IdP really sends several assertions, configure it to send one signed assertion per response.',
      }),
    );
  }
  return findings;
};

export const checkVersion: Check = ({ message }) => {
  const findings: Finding[] = [];
  const candidates: [string, string | null | undefined, boolean][] = [
    ['Response', message.version, true],
    ['Assertion', message.assertionVersion, message.locations.assertion !== undefined],
  ];
  for (const [element, version, present] of candidates) {
    if (!present || version === '2.0') continue;
    findings.push(
      finding('VERSION_UNSUPPORTED', {
        message: `The ${element} has Version ${version === null || version === undefined ? '(none)' : `"${version}"`}; Genesys Cloud accepts SAML 2.0 only.`,
        location:
          (element === 'Response' ? message.locations.response : message.locations.assertion) ??
          null,
        evidence: { element, expected: '2.0', received: version ?? null },
        fix: `Configure ${idpGuide(message.idp).name} to use SAML 2.0 (not SAML 1.1 or WS-Federation) for the Genesys Cloud application.`,
      }),
    );
  }
  return findings;
};

export const checkIssuer: Check = ({ message, config }) => {
  const assertionPresent = message.locations.assertion !== undefined;
  const missing = assertionPresent ? !message.assertionIssuer : !message.responseIssuer;
  if (missing) {
    return [
      finding('ISSUER_MISSING', {
        message: assertionPresent
          ? 'The Assertion has no Issuer, so Genesys Cloud cannot tell which SSO provider sent it.'
          : 'The Response has no Issuer, so Genesys Cloud cannot tell which SSO provider sent it.',
        location: message.locations.assertion ?? message.locations.response ?? null,
        evidence: {
          responseIssuer: message.responseIssuer,
          assertionIssuer: message.assertionIssuer,
        },
        fix: `Configure the IdP to send its entity ID as the Issuer (${idpGuide(message.idp).issuer}).`,
      }),
    ];
  }
  const expected = config.sso?.issuer;
  if (!expected) return [];
  // One finding per distinct wrong value; the Assertion's Issuer is the one Genesys Cloud trusts.
  const findings: Finding[] = [];
  if (message.assertionIssuer && message.assertionIssuer !== expected)
    findings.push(issuerMismatch(message, expected, message.assertionIssuer, 'Assertion'));
  if (
    message.responseIssuer &&
    message.responseIssuer !== expected &&
    message.responseIssuer !== message.assertionIssuer
  )
    findings.push(issuerMismatch(message, expected, message.responseIssuer, 'Response'));
  return findings;
};

function issuerMismatch(
  message: ExtractedMessage,
  expected: string,
  received: string,
  element: 'Assertion' | 'Response',
): Finding {
  const how = describeDifference(expected, received);
  const location =
    element === 'Assertion' ? message.locations.issuer : message.locations.responseIssuer;
  return finding('ISSUER_MISMATCH', {
    message: `The ${element} Issuer "${received}" is not the configured issuer "${expected}"${how[0] === 'other' ? '' : ` (they differ by ${differencePhrase(how)})`}.`,
    location: location ?? null,
    evidence: { element, expected, received, how },
    fix:
      how[0] === 'other'
        ? `Copy the IdP's entity ID (${idpGuide(message.idp).issuer}) into the Genesys Cloud SSO configuration's Issuer URI (Admin → Integrations → Single Sign-on), or check that this message comes from the right IdP.`
        : `Set the Issuer URI in Genesys Cloud (Admin → Integrations → Single Sign-on) to exactly "${received}", character for character, as the IdP sends it (${idpGuide(message.idp).issuer}).`,
  });
}

export const checkDestination: Check = ({ message, config }) => {
  const expected = acsUrl(config.region);
  const received = message.destination;
  if (!expected || received === null || sameUrl(received, expected)) return [];
  const otherRegion = regionOfAcsUrl(received);
  const region = resolveRegion(config.region)!;
  return [
    finding('DESTINATION_MISMATCH', {
      message: `The Response is addressed to "${received}", not to the ACS URL of region ${region.domain} ("${expected}")${otherRegion ? `: it is the ACS URL of region ${otherRegion}` : ''}.`,
      location: message.locations.response ?? null,
      evidence: {
        expected,
        received,
        receivedRegion: otherRegion,
        configuredRegion: region.domain,
      },
      fix: `${whereIn(message.idp, 'serviceProvider')}, set the ACS/reply URL to ${expected}${otherRegion ? ', or fix the region in the configuration if the org lives in ' + otherRegion : ''}.`,
    }),
  ];
};

export const protocolChecks: readonly Check[] = [
  checkStatus,
  checkAssertionCount,
  checkVersion,
  checkIssuer,
  checkDestination,
];
