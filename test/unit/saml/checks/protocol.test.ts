import { describe, expect, it } from 'vitest';
import {
  checkAssertionCount,
  checkDestination,
  checkIssuer,
  checkStatus,
  checkVersion,
} from '../../../../shared/saml/checks/protocol';
import { codes, contextFor, extractSample, sampleConfig } from './fixtures';

const ENTRA = '001-entra-assertion-signed-pysaml2';
const config = sampleConfig(ENTRA);
const base = extractSample(ENTRA);

describe('protocol checks', () => {
  it('raise nothing on a clean Entra ID response', () => {
    const ctx = contextFor(base, config);
    for (const check of [
      checkStatus,
      checkAssertionCount,
      checkVersion,
      checkIssuer,
      checkDestination,
    ])
      expect(check(ctx)).toEqual([]);
  });

  it('STATUS_NOT_SUCCESS shows the sub-code and StatusMessage and names Entra ID', () => {
    const message = extractSample('055-status-responder-authnfailed');
    const [f, ...rest] = checkStatus(contextFor(message, config));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: 'STATUS_NOT_SUCCESS',
      severity: 'error',
      evidence: {
        code: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
        subCode: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed',
      },
    });
    expect(f!.message).toMatch(/Responder\/AuthnFailed/);
    expect(f!.message).toMatch(/^Microsoft Entra ID \(Azure AD\) answered /);
    expect(f!.message).toMatch(/AADSTS50105/);
    expect(f!.fix).toMatch(/Users and groups/);
    expect(f!.location?.path).toMatch(/Status$/);
    // A refused login rightly has no assertion: that is not a second error.
    expect(checkAssertionCount(contextFor(message, config))).toEqual([]);
  });

  it('ASSERTION_ENCRYPTED, without RESPONSE_NO_ASSERTION', () => {
    const message = extractSample('057-encrypted-assertion-pysaml2');
    expect(codes(checkAssertionCount(contextFor(message, config)))).toEqual([
      'ASSERTION_ENCRYPTED',
    ]);
  });

  it.each([
    ['okta', /Assertion Encryption: Unencrypted/],
    ['adfs', /EncryptClaims \$false/],
    ['entra', /Token encryption/],
    ['ping', /Encryption Policy/],
  ] as const)('ASSERTION_ENCRYPTED names where %s switches encryption off', (idp, where) => {
    const message = { ...extractSample('057-encrypted-assertion-pysaml2'), idp };
    const [f] = checkAssertionCount(contextFor(message, config));
    expect(f?.fix).toMatch(where);
    expect(f?.fix).not.toMatch(/sign(ing|ature) (certificate|algorithm)|Token-signing/i);
  });

  it('RESPONSE_NO_ASSERTION for a successful response with nothing in it', () => {
    const message = {
      ...base,
      assertionCount: 0,
      locations: { response: base.locations.response! },
    };
    expect(codes(checkAssertionCount(contextFor(message, config)))).toEqual([
      'RESPONSE_NO_ASSERTION',
    ]);
  });

  it('RESPONSE_MULTIPLE_ASSERTIONS counts every assertion in the document', () => {
    const message = extractSample('104-attack-unsigned-second-assertion');
    const [f] = checkAssertionCount(contextFor(message, config));
    expect(f).toMatchObject({ code: 'RESPONSE_MULTIPLE_ASSERTIONS', evidence: { assertions: 2 } });
  });

  it('VERSION_UNSUPPORTED for a Response or Assertion that is not 2.0', () => {
    expect(codes(checkVersion(contextFor({ ...base, version: '1.1' }, config)))).toEqual([
      'VERSION_UNSUPPORTED',
    ]);
    const [f] = checkVersion(contextFor({ ...base, assertionVersion: null }, config));
    expect(f?.evidence).toMatchObject({ element: 'Assertion', received: null });
  });

  it('ISSUER_MISMATCH says the difference is a trailing slash', () => {
    const message = extractSample('061-issuer-missing-trailing-slash');
    const findings = checkIssuer(
      contextFor(message, sampleConfig('061-issuer-missing-trailing-slash')),
    );
    expect(codes(findings)).toEqual(['ISSUER_MISMATCH']);
    expect(findings[0]!.evidence.how).toEqual(['trailing-slash']);
    expect(findings[0]!.message).toMatch(/trailing slash/);
  });

  it.each([
    ['http://sts.windows.net/5b7c1e2a-3f4d-4c8e-9a1b-2d6e7f809abc/', ['scheme']],
    ['https://STS.windows.net/5b7c1e2a-3f4d-4c8e-9a1b-2d6e7f809abc/', ['case']],
    ['https://sts.windows.net/00000000-3f4d-4c8e-9a1b-2d6e7f809abc/', ['tenant-id']],
    [
      'https://login.microsoftonline.com/5b7c1e2a-3f4d-4c8e-9a1b-2d6e7f809abc/v2.0',
      ['entra-endpoint'],
    ],
    ['http://www.okta.com/exk1abcdefghij', ['other']],
  ])('ISSUER_MISMATCH evidence for configured %s', (configured, how) => {
    const ctx = contextFor(base, { ...config, sso: { ...config.sso, issuer: configured } });
    const [f] = checkIssuer(ctx);
    expect(f?.evidence.how).toEqual(how);
  });

  it('ISSUER_MISMATCH names the element whose Issuer is wrong and points at it', () => {
    const message = { ...base, responseIssuer: 'https://idp.other.example/' };
    const findings = checkIssuer(contextFor(message, config));
    expect(findings.map((f) => f.evidence.element)).toEqual(['Response']);
    expect(findings[0]!.location?.path).toBe('/Response/Issuer');
    const both = { ...message, assertionIssuer: 'https://idp.other.example/' };
    const [one, ...none] = checkIssuer(contextFor(both, config));
    expect(none).toEqual([]);
    expect(one!.evidence.element).toBe('Assertion');
    expect(one!.location?.path).toBe('/Response/Assertion/Issuer');
  });

  it('ISSUER_MISSING when the assertion has no Issuer; no mismatch check without sso.issuer', () => {
    const message = { ...base, assertionIssuer: null };
    expect(codes(checkIssuer(contextFor(message, config)))).toEqual(['ISSUER_MISSING']);
    expect(checkIssuer(contextFor(base, { ...config, sso: {} }))).toEqual([]);
  });

  it('DESTINATION_MISMATCH names the region the Destination belongs to', () => {
    const message = { ...base, destination: 'https://login.mypurecloud.ie/saml' };
    const [f] = checkDestination(contextFor(message, config));
    expect(f).toMatchObject({
      code: 'DESTINATION_MISMATCH',
      evidence: {
        expected: 'https://login.mypurecloud.com/saml',
        receivedRegion: 'mypurecloud.ie',
      },
    });
    expect(checkDestination(contextFor(message, { ...config, region: 'eu_west_1' }))).toEqual([]);
    expect(checkDestination(contextFor(message, { ...config, region: undefined }))).toEqual([]);
  });
});
