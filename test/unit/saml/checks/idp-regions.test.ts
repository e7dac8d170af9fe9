import { describe, expect, it } from 'vitest';
import { idpGuide, recogniseIdp, whereIn } from '../../../../shared/saml/idp';
import { acsUrl, regionOfAcsUrl, resolveRegion, sameUrl } from '../../../../shared/saml/regions';
import { isEmail, parseInstant } from '../../../../shared/saml/checks/compare';

describe('recogniseIdp', () => {
  it.each([
    ['https://sts.windows.net/5b7c1e2a-3f4d-4c8e-9a1b-2d6e7f809abc/', 'entra'],
    ['https://login.microsoftonline.com/5b7c1e2a-3f4d-4c8e-9a1b-2d6e7f809abc/v2.0', 'entra'],
    ['http://www.okta.com/exk1a2b3c4d5e6f7g8h9', 'okta'],
    ['https://acme.oktapreview.com', 'okta'],
    ['http://adfs.acme.example/adfs/services/trust', 'adfs'],
    ['https://auth.pingone.eu/4a3b/', 'ping'],
    ['https://sso.acme.example/pingfederate', 'ping'],
    ['https://pingfed.acme.example:9031', 'ping'],
    ['https://sso.acme.example:9031/idp', 'ping'],
    ['https://accounts.google.com/o/saml2?idpid=C01abc', 'google'],
    ['https://idp.acme.example/saml', 'generic'],
    [null, 'generic'],
  ])('%s → %s', (issuer, kind) => {
    expect(recogniseIdp(issuer)).toBe(kind);
  });

  it('points fixes at the screen of each IdP', () => {
    expect(whereIn('okta', 'claims')).toMatch(/^In Okta \(.*Attribute Statements\)$/);
    expect(idpGuide('adfs').claims).toMatch(/Claim Issuance Policy/);
    expect(idpGuide('ping').claims).toMatch(/Attribute Contract/);
    expect(idpGuide('google').claims).toMatch(/SAML attribute mapping/);
    expect(whereIn('generic', 'claims')).toMatch(/^In your IdP's attribute/);
  });
});

describe('regions', () => {
  it('accepts a domain, an SDK key or a pasted host', () => {
    expect(acsUrl('mypurecloud.com')).toBe('https://login.mypurecloud.com/saml');
    expect(acsUrl('eu_west_1')).toBe('https://login.mypurecloud.ie/saml');
    expect(acsUrl('ap-southeast-2')).toBe('https://login.mypurecloud.com.au/saml');
    expect(resolveRegion('https://apps.usw2.pure.cloud/')).toEqual({
      domain: 'usw2.pure.cloud',
      key: 'us_west_2',
      known: true,
    });
    expect(resolveRegion('new.pure.cloud')?.known).toBe(false);
    expect(acsUrl(undefined)).toBeNull();
  });

  it('compares ACS URLs with case-insensitive scheme and host, exact path', () => {
    expect(
      sameUrl('HTTPS://Login.MyPureCloud.com/saml', 'https://login.mypurecloud.com/saml'),
    ).toBe(true);
    expect(
      sameUrl('https://login.mypurecloud.com/SAML', 'https://login.mypurecloud.com/saml'),
    ).toBe(false);
    expect(regionOfAcsUrl('https://login.euw2.pure.cloud/saml')).toBe('euw2.pure.cloud');
    expect(regionOfAcsUrl('https://login.example.com/saml')).toBeNull();
  });
});

describe('value helpers', () => {
  it('isEmail', () => {
    expect(isEmail('jane.doe@acme.example')).toBe(true);
    expect(isEmail('ACME\\jdoe')).toBe(false);
    expect(isEmail('jane doe@acme.example')).toBe(false);
    expect(isEmail('jane@localhost')).toBe(false);
  });

  it('parseInstant accepts xs:dateTime only', () => {
    expect(parseInstant('2026-11-23T09:00:00Z')).toBe(Date.UTC(2026, 10, 23, 9));
    expect(parseInstant('2026-11-23T10:00:00+01:00')).toBe(Date.UTC(2026, 10, 23, 9));
    expect(parseInstant('23/11/2026')).toBeNull();
    expect(parseInstant('2026-13-45T99:00:00Z')).toBeNull();
  });
});
