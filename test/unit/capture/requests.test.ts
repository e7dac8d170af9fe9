import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../../electron/cli/browser';
import {
  captureStartProblem,
  isGenesysAcs,
  samlMessagesIn,
  shouldBlock,
  type CaptureRequestDetails,
} from '../../../shared/capture/requests';

const clock = { wallNow: () => Date.parse('2026-11-23T09:00:00Z') };
const body = (text: string) => [{ bytes: new TextEncoder().encode(text) }];
const SAML_RESPONSE = 'PHNhbWxwOlJlc3BvbnNlLz4=';

describe('reading SAML messages from the capture window requests', () => {
  it('reads a POST-binding SAMLResponse with its RelayState, split over upload chunks', () => {
    const form = `SAMLResponse=${encodeURIComponent(SAML_RESPONSE)}&RelayState=${encodeURIComponent('https://apps.mypurecloud.com/?a=1')}`;
    const details: CaptureRequestDetails = {
      url: 'https://login.mypurecloud.com/saml',
      method: 'POST',
      timestamp: Date.parse('2026-11-23T08:59:58Z'),
      uploadData: [
        { bytes: new TextEncoder().encode(form.slice(0, 10)) },
        { bytes: new TextEncoder().encode(form.slice(10)) },
      ],
    };
    expect(samlMessagesIn(details, clock)).toEqual([
      {
        time: '2026-11-23T08:59:58.000Z',
        parameter: 'SAMLResponse',
        binding: 'post',
        url: 'https://login.mypurecloud.com/saml',
        value: SAML_RESPONSE,
        relayState: 'https://apps.mypurecloud.com/?a=1',
      },
    ]);
  });

  it('reads a Redirect-binding SAMLRequest from the query and strips the query from the URL', () => {
    const details = {
      url: 'https://idp.example/sso?SAMLRequest=fZJNT8Mw&RelayState=abc&Signature=x',
      method: 'GET',
    };
    const [message] = samlMessagesIn(details, clock);
    expect(message).toMatchObject({
      parameter: 'SAMLRequest',
      binding: 'redirect',
      url: 'https://idp.example/sso',
      value: 'fZJNT8Mw',
      relayState: 'abc',
      time: '2026-11-23T09:00:00.000Z',
    });
  });

  it('ignores requests without a SAML parameter and bodies that are not forms', () => {
    expect(
      samlMessagesIn({ url: 'https://idp.example/login?user=jane', method: 'GET' }, clock),
    ).toEqual([]);
    expect(
      samlMessagesIn(
        {
          url: 'https://idp.example/api',
          method: 'POST',
          uploadData: body('{"SAMLResponse":"x"}'),
        },
        clock,
      ),
    ).toEqual([]);
    expect(samlMessagesIn({ url: 'not a url', method: 'GET' }, clock)).toEqual([]);
  });
});

describe('"diagnose only" blocking', () => {
  const post = (url: string): CaptureRequestDetails => ({
    url,
    method: 'POST',
    uploadData: body(`SAMLResponse=${encodeURIComponent(SAML_RESPONSE)}`),
  });

  it('cancels the SAMLResponse POST to the Genesys Cloud ACS of any region', () => {
    for (const url of [
      'https://login.mypurecloud.com/saml',
      'https://login.mypurecloud.ie/saml',
      'https://login.mypurecloud.com.au/saml',
      'https://login.euw2.pure.cloud/saml',
      'https://login.use2.us-gov-pure.cloud/saml',
    ]) {
      const details = post(url);
      expect(shouldBlock(details, samlMessagesIn(details, clock), true), url).toBe(true);
    }
  });

  it('lets it through when the person chose to log in, and never blocks other hosts or requests', () => {
    const acs = post('https://login.mypurecloud.com/saml');
    expect(shouldBlock(acs, samlMessagesIn(acs, clock), false)).toBe(false);
    const elsewhere = post('https://sp.example/saml');
    expect(shouldBlock(elsewhere, samlMessagesIn(elsewhere, clock), true)).toBe(false);
    const request = { url: 'https://login.mypurecloud.com/saml?SAMLRequest=abc', method: 'GET' };
    expect(shouldBlock(request, samlMessagesIn(request, clock), true)).toBe(false);
  });

  it('does not mistake look-alike hosts or plain http for Genesys Cloud', () => {
    expect(isGenesysAcs('https://login.mypurecloud.com.evil.example/saml')).toBe(false);
    expect(isGenesysAcs('http://login.mypurecloud.com/saml')).toBe(false);
    expect(isGenesysAcs('https://apps.mypurecloud.com/saml')).toBe(false);
    expect(isGenesysAcs('https://login.mypurecloud.com/samlx')).toBe(false);
  });
});

describe('where a capture may start', () => {
  it('opens https anywhere, http only on this machine', () => {
    expect(captureStartProblem('https://login.mypurecloud.com/')).toBeNull();
    expect(captureStartProblem('http://127.0.0.1:8080/start')).toBeNull();
    expect(captureStartProblem('http://localhost/start')).toBeNull();
    expect(captureStartProblem('http://idp.example/')).toMatch(/https:\/\/ addresses only/);
    expect(captureStartProblem('not a url')).toMatch(/is not a URL/);
  });
});

describe("the admin's installed browser", () => {
  it('is found on PATH on Linux, Chrome before Chromium, and not invented', () => {
    const installed = new Set(['/opt/bin/chromium', '/usr/bin/google-chrome']);
    const env = { PATH: '/opt/bin:/usr/bin' };
    expect(findBrowser('linux', env, (p) => installed.has(p))).toBe('/usr/bin/google-chrome');
    expect(findBrowser('linux', env, () => false)).toBeNull();
    expect(
      findBrowser('win32', { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, (p) =>
        p.endsWith('msedge.exe'),
      ),
    ).toMatch(/Microsoft.Edge.Application.msedge\.exe$/);
  });
});
