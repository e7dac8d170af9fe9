/** Audience and subject stage: audience, recipient, bearer confirmation, NameID. */
import type { JitDoctorConfig } from '../../config/types';
import { finding } from '../../findings/finding';
import { idpGuide, whereIn } from '../idp';
import { acsUrl, regionOfAcsUrl, resolveRegion, sameUrl } from '../regions';
import type { Check, ExtractedMessage } from '../types';
import { describeDifference, differencePhrase, isEmail } from './compare';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

const hasAssertion = (message: ExtractedMessage) => message.locations.assertion !== undefined;

export const checkAudience: Check = ({ message, config }) => {
  if (!hasAssertion(message)) return [];
  if (!message.hasAudienceRestriction) {
    return [
      finding('AUDIENCE_MISSING', {
        message:
          'The assertion has no AudienceRestriction, so it is not bound to Genesys Cloud and could be replayed to another service.',
        location: message.locations.conditions ?? message.locations.assertion ?? null,
        evidence: { audiences: [] },
        fix: `${whereIn(message.idp, 'serviceProvider')}, set the audience (SP entity ID) to the relying-party identifier configured in Genesys Cloud.`,
      }),
    ];
  }
  const expected = config.sso?.relyingPartyIdentifier;
  const audiences = message.conditions?.audiences ?? [];
  if (!expected || audiences.includes(expected)) return [];
  const closest = audiences.find((a) => describeDifference(expected, a)[0] !== 'other') ?? null;
  const how = closest ? describeDifference(expected, closest) : ['other'];
  return [
    finding('AUDIENCE_MISMATCH', {
      message: `The assertion is meant for ${audiences.map((a) => `"${a}"`).join(', ') || 'no audience'}, not for the configured relying-party identifier "${expected}"${closest ? ` (differs by ${differencePhrase(describeDifference(expected, closest))})` : ''}.`,
      location: message.locations.audience ?? message.locations.conditions ?? null,
      evidence: { expected, received: audiences, how },
      fix: `${whereIn(message.idp, 'serviceProvider')}, set the audience to "${expected}", or set the Genesys Cloud SSO configuration's Service Provider Entity ID to what the IdP sends.`,
    }),
  ];
};

export const checkRecipient: Check = ({ message, config }) => {
  const expected = acsUrl(config.region);
  if (!expected || !hasAssertion(message) || !message.subjectConfirmationMethods.includes(BEARER))
    return [];
  const received = message.subject?.recipient ?? null;
  if (received !== null && sameUrl(received, expected)) return [];
  const otherRegion = received ? regionOfAcsUrl(received) : null;
  const region = resolveRegion(config.region)!;
  return [
    finding('RECIPIENT_MISMATCH', {
      message:
        received === null
          ? `The bearer SubjectConfirmationData has no Recipient; Genesys Cloud expects "${expected}".`
          : `The SubjectConfirmationData Recipient is "${received}", not the ACS URL of region ${region.domain} ("${expected}")${otherRegion ? `: it is the ACS URL of region ${otherRegion}` : ''}.`,
      location: message.locations.subjectConfirmationData ?? null,
      evidence: {
        expected,
        received,
        receivedRegion: otherRegion,
        configuredRegion: region.domain,
      },
      fix: `${whereIn(message.idp, 'serviceProvider')}, set the ACS/reply URL to ${expected}.`,
    }),
  ];
};

export const checkBearer: Check = ({ message }) => {
  if (!hasAssertion(message) || message.subjectConfirmationMethods.includes(BEARER)) return [];
  return [
    finding('SUBJECT_NOT_BEARER', {
      message: message.subjectConfirmationMethods.length
        ? `The subject is confirmed only by ${message.subjectConfirmationMethods.map((m) => `"${m}"`).join(', ')}; Web browser SSO needs a bearer SubjectConfirmation.`
        : 'The subject has no SubjectConfirmation; Web browser SSO needs a bearer one.',
      location: message.locations.subjectConfirmationData ?? message.locations.assertion ?? null,
      evidence: { expected: BEARER, received: message.subjectConfirmationMethods },
      fix: `Configure ${idpGuide(message.idp).name} to use the SAML 2.0 Web browser SSO profile (HTTP-POST) for Genesys Cloud, which issues a bearer confirmation.`,
    }),
  ];
};

export const checkNameIdPresent: Check = ({ message }) => {
  if (!hasAssertion(message) || (message.subject?.nameId ?? '').trim() !== '') return [];
  return [
    finding('NAMEID_MISSING', {
      message:
        'The assertion has no NameID (or an empty one), so Genesys Cloud cannot tell who is logging in.',
      location: message.locations.nameId ?? message.locations.assertion ?? null,
      evidence: { nameId: message.subject?.nameId ?? null },
      fix: `${whereIn(message.idp, 'nameId')}, send the user's Genesys Cloud email address as the NameID.`,
    }),
  ];
};

export const checkNameIdFormat: Check = ({ message, config }) => {
  const expected = config.sso?.nameIdentifierFormat;
  const nameId = message.subject?.nameId;
  // "unspecified" configured means Genesys Cloud asks for nothing in particular.
  if (!expected || expected === UNSPECIFIED || !hasAssertion(message) || !nameId) return [];
  const received = message.subject?.nameIdFormat ?? null;
  if ((received ?? UNSPECIFIED) === expected) return [];
  return [
    finding('NAMEID_FORMAT_MISMATCH', {
      message: `The NameID Format is ${received ? `"${received}"` : 'not given (unspecified)'}, but the configuration expects "${expected}".`,
      location: message.locations.nameId ?? null,
      evidence: { expected, received },
      fix: `${whereIn(message.idp, 'nameId')}, choose the NameID format ${expected}, or change the name identifier format in the Genesys Cloud SSO configuration to match.`,
    }),
  ];
};

/** Genesys Cloud matches users by email unless another identifier format is configured. */
function identifiesByEmail(config: JitDoctorConfig): boolean {
  const format = config.sso?.nameIdentifierFormat;
  return !format || format === EMAIL_FORMAT || format === UNSPECIFIED;
}

export const checkNameIdIsEmail: Check = ({ message, config }) => {
  const nameId = message.subject?.nameId;
  if (!hasAssertion(message) || !nameId || !identifiesByEmail(config) || isEmail(nameId.trim()))
    return [];
  return [
    finding('NAMEID_NOT_EMAIL', {
      message: `The NameID "${nameId}" is not an email address, but Genesys Cloud identifies users by email here.`,
      location: message.locations.nameId ?? null,
      evidence: { nameId, nameIdFormat: message.subject?.nameIdFormat ?? null },
      fix: `${whereIn(message.idp, 'nameId')}, use the user's email address (e.g. user.mail rather than an object ID or UPN) as the NameID.`,
    }),
  ];
};

export const checkEmailMatchesNameId: Check = ({ message }) => {
  const nameId = message.subject?.nameId?.trim();
  if (!nameId || !isEmail(nameId)) return [];
  const emailAttribute = message.attributes.find((a) => a.name === 'email');
  const value = emailAttribute?.values.find((v) => v.trim() !== '')?.trim();
  if (!emailAttribute || !value || value.toLowerCase() === nameId.toLowerCase()) return [];
  return [
    finding('NAMEID_EMAIL_DIFFERS', {
      message: `The email attribute says "${value}" but the NameID is "${nameId}": Genesys Cloud logs in the NameID's user, so the two addresses name different people or records.`,
      location: emailAttribute.location ?? message.locations.nameId ?? null,
      evidence: { nameId, email: value },
      fix: `${whereIn(message.idp, 'claims')}, send the same source (e.g. the user's primary mail) for the NameID and the email attribute.`,
    }),
  ];
};

export const audienceChecks: readonly Check[] = [
  checkAudience,
  checkRecipient,
  checkBearer,
  checkNameIdPresent,
  checkNameIdFormat,
  checkNameIdIsEmail,
  checkEmailMatchesNameId,
];
