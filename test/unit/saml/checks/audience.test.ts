import { describe, expect, it } from 'vitest';
import {
  audienceChecks,
  checkAudience,
  checkBearer,
  checkEmailMatchesNameId,
  checkNameIdFormat,
  checkNameIdIsEmail,
  checkNameIdPresent,
  checkRecipient,
} from '../../../../shared/saml/checks/audience';
import { codes, contextFor, extractSample, sampleConfig } from './fixtures';

const ENTRA = '001-entra-assertion-signed-pysaml2';
const config = sampleConfig(ENTRA);
const base = extractSample(ENTRA);
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

describe('audience and subject checks', () => {
  it('raise nothing on the clean Entra ID response', () => {
    expect(audienceChecks.flatMap((c) => c(contextFor(base, config)))).toEqual([]);
  });

  it('AUDIENCE_MISMATCH with the received audiences, not AUDIENCE_MISSING', () => {
    const name = '063-audience-mismatch';
    const findings = checkAudience(contextFor(extractSample(name), sampleConfig(name)));
    expect(codes(findings)).toEqual(['AUDIENCE_MISMATCH']);
    expect(findings[0]!.evidence.expected).toBe('urn:genesys:acme');
    expect(findings[0]!.evidence.received).not.toContain('urn:genesys:acme');
    expect(findings[0]!.fix).toMatch(/Basic SAML Configuration/);
  });

  it('AUDIENCE_MISSING without an AudienceRestriction, even with no identifier configured', () => {
    const message = {
      ...base,
      hasAudienceRestriction: false,
      conditions: { ...base.conditions!, audiences: [] },
    };
    expect(codes(checkAudience(contextFor(message, { ...config, sso: {} })))).toEqual([
      'AUDIENCE_MISSING',
    ]);
  });

  it('RECIPIENT_MISMATCH for another region or no Recipient at all', () => {
    const ie = {
      ...base,
      subject: { ...base.subject!, recipient: 'https://login.mypurecloud.ie/saml' },
    };
    const [f] = checkRecipient(contextFor(ie, config));
    expect(f).toMatchObject({
      code: 'RECIPIENT_MISMATCH',
      evidence: { receivedRegion: 'mypurecloud.ie' },
    });
    const none = { ...base, subject: { ...base.subject!, recipient: null } };
    expect(codes(checkRecipient(contextFor(none, config)))).toEqual(['RECIPIENT_MISMATCH']);
    expect(checkRecipient(contextFor(ie, { ...config, region: 'mypurecloud.ie' }))).toEqual([]);
    expect(checkRecipient(contextFor(base, { ...config, region: 'us_east_1' }))).toEqual([]);
  });

  it('SUBJECT_NOT_BEARER when only holder-of-key confirms the subject', () => {
    const hok = {
      ...base,
      subjectConfirmationMethods: ['urn:oasis:names:tc:SAML:2.0:cm:holder-of-key'],
    };
    expect(codes(checkBearer(contextFor(hok, config)))).toEqual(['SUBJECT_NOT_BEARER']);
    expect(checkRecipient(contextFor(hok, config))).toEqual([]);
    expect(
      checkBearer(contextFor({ ...base, subjectConfirmationMethods: ['x', BEARER] }, config)),
    ).toEqual([]);
  });

  it('NAMEID_MISSING for an absent or blank NameID', () => {
    const blank = { ...base, subject: { ...base.subject!, nameId: '  ' } };
    expect(codes(checkNameIdPresent(contextFor(blank, config)))).toEqual(['NAMEID_MISSING']);
    expect(codes(checkNameIdPresent(contextFor({ ...base, subject: null }, config)))).toEqual([
      'NAMEID_MISSING',
    ]);
  });

  it('NAMEID_FORMAT_MISMATCH for an unspecified format when emailAddress is configured', () => {
    const name = '087-nameid-format-unspecified';
    const findings = checkNameIdFormat(contextFor(extractSample(name), sampleConfig(name)));
    expect(codes(findings)).toEqual(['NAMEID_FORMAT_MISMATCH']);
    expect(findings[0]!.severity).toBe('warning');
    expect(checkNameIdFormat(contextFor(extractSample(name), { ...config, sso: {} }))).toEqual([]);
  });

  it('NAMEID_NOT_EMAIL when users are identified by email and the NameID is an object ID', () => {
    const objectId = {
      ...base,
      subject: { ...base.subject!, nameId: 'd0e5006e-6487-41e5-9c76-557806e24d13' },
    };
    const [f] = checkNameIdIsEmail(contextFor(objectId, config));
    expect(f).toMatchObject({ code: 'NAMEID_NOT_EMAIL', severity: 'error' });
    expect(f!.fix).toMatch(/Unique User Identifier/);
    const persistent = {
      ...config,
      sso: {
        ...config.sso,
        nameIdentifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      },
    };
    expect(checkNameIdIsEmail(contextFor(objectId, persistent))).toEqual([]);
  });

  it('NAMEID_EMAIL_DIFFERS compares the email attribute with the NameID, ignoring case', () => {
    const name = '034-genesys-email-attribute-differs-from-nameid';
    const [f] = checkEmailMatchesNameId(contextFor(extractSample(name), sampleConfig(name)));
    expect(f).toMatchObject({
      code: 'NAMEID_EMAIL_DIFFERS',
      evidence: { nameId: 'jane.doe@acme.example', email: 'jdoe@acme-mail.example' },
    });
    const upper = { ...base, subject: { ...base.subject!, nameId: 'Jane.Doe@ACME.example' } };
    expect(checkEmailMatchesNameId(contextFor(upper, config))).toEqual([]);
  });
});
