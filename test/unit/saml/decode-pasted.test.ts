import { deflateRawSync, deflateSync } from 'node:zlib';
import grammar from '@xmldom/xmldom/lib/grammar.js';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../shared/saml/decode';
import { parseXml } from '../../../shared/saml/parse';
import { fixtureBytes, signedResponseXml, textInput } from '../../fixtures/ingest/load';

const responseXml = signedResponseXml().trim();
const responseBase64 = Buffer.from(responseXml, 'utf8').toString('base64');

describe('decodeInput: what people copy out of a browser', () => {
  it("reads the IdP's auto-submit page, character references and all", () => {
    const { messages, findings } = decodeInput({
      name: 'page.html',
      bytes: fixtureBytes('ingest/okta-autopost.html'),
    });
    expect(findings).toEqual([]);
    expect(messages).toEqual([
      {
        source: 'page.html',
        encoding: 'form',
        xml: responseXml,
        relayState: 'https://apps.mypurecloud.com/directory/',
        parameter: 'SAMLResponse',
      },
    ]);
  });

  it('reports an HTML page without a SAML form field as unrecognised, not as malformed XML', () => {
    const { findings } = decodeInput(
      textInput('<!DOCTYPE html><html><body>Sign-in failed</body></html>'),
    );
    expect(findings.map((f) => f.code)).toEqual(['INPUT_UNRECOGNIZED']);
    expect(findings[0]?.evidence).toMatchObject({ detected: 'html' });
  });

  it('still hands a non-HTML DOCTYPE to the parser, which refuses it', () => {
    const { messages } = decodeInput(textInput('<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'));
    expect(messages).toHaveLength(1);
    const parsed = parseXml(messages[0]?.xml ?? '');
    expect(parsed.ok ? [] : parsed.findings.map((f) => f.code)).toEqual(['INPUT_DTD_FORBIDDEN']);
  });

  it("reads Firefox's Copy All of a request's form data", () => {
    const copied = JSON.stringify({
      SAMLResponse: responseBase64,
      RelayState: 'https://apps.mypurecloud.com/',
    });
    const { messages } = decodeInput(textInput(copied));
    expect(messages[0]).toMatchObject({
      encoding: 'form',
      xml: responseXml,
      relayState: 'https://apps.mypurecloud.com/',
    });
  });

  it("reads the parsed payload lines of Chrome's developer tools", () => {
    const copied = `SAMLResponse: ${responseBase64}\nRelayState: https://apps.mypurecloud.com/a+b\n`;
    const { messages } = decodeInput(textInput(copied));
    expect(messages[0]).toMatchObject({
      encoding: 'form',
      xml: responseXml,
      relayState: 'https://apps.mypurecloud.com/a+b',
    });
  });

  it('decodes a value that was percent-encoded twice', () => {
    const twice = encodeURIComponent(encodeURIComponent(responseBase64));
    expect(decodeInput(textInput(twice)).messages[0]?.xml).toBe(responseXml);
  });

  it('restores base64 plus signs that form decoding turned into spaces', () => {
    expect(responseBase64).toContain('+');
    const spaced = JSON.stringify({ SAMLResponse: responseBase64.replace(/\+/g, ' ') });
    expect(decodeInput(textInput(spaced)).messages[0]?.xml).toBe(responseXml);
  });

  it('inflates a zlib-wrapped SAMLRequest, a common IdP and SP mistake', () => {
    const request =
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"/>';
    const { messages } = decodeInput(
      textInput(deflateSync(Buffer.from(request)).toString('base64')),
    );
    expect(messages[0]).toMatchObject({ encoding: 'deflate-base64', xml: request });
  });

  it('decodes a message whose XML declaration names ISO-8859-1', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><r>Zoë Müller</r>';
    const latin1 = Buffer.from(xml, 'latin1');
    expect(decodeInput({ name: 'raw.xml', bytes: latin1 }).messages[0]?.xml).toBe(xml);
    expect(decodeInput(textInput(latin1.toString('base64'))).messages[0]?.xml).toBe(xml);
  });
});

describe('decodeInput: a request copied as a command', () => {
  const body = `RelayState=${encodeURIComponent('https://apps.mypurecloud.com/')}&SAMLResponse=${encodeURIComponent(responseBase64)}`;

  it("reads the form body of Chrome's Copy as cURL", () => {
    const curl = `curl 'https://login.mypurecloud.com/saml' \\\n  -H 'content-type: application/x-www-form-urlencoded' \\\n  --data-raw '${body}'\n`;
    const { messages, findings } = decodeInput(textInput(curl));
    expect(findings).toEqual([]);
    expect(messages).toEqual([
      {
        source: 'pasted',
        encoding: 'form',
        xml: responseXml,
        relayState: 'https://apps.mypurecloud.com/',
        parameter: 'SAMLResponse',
      },
    ]);
  });

  it('reads the body of Copy as fetch, and the URL of a copied Redirect', () => {
    const fetch = `fetch("https://login.mypurecloud.com/saml", {\n  "body": "${body}",\n  "method": "POST"\n});`;
    expect(decodeInput(textInput(fetch)).messages[0]).toMatchObject({
      encoding: 'form',
      xml: responseXml,
    });
    const request =
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"/>';
    const deflated = deflateRawSync(Buffer.from(request)).toString('base64');
    const curl = `curl 'https://idp.example/sso?SAMLRequest=${encodeURIComponent(deflated)}&RelayState=x' -H 'accept: text/html'`;
    expect(decodeInput(textInput(curl)).messages[0]).toMatchObject({
      encoding: 'url',
      xml: request,
      relayState: 'x',
    });
  });

  it('calls a pasted body that starts with RelayState a form body, not a URL', () => {
    expect(decodeInput(textInput(body)).messages[0]?.encoding).toBe('form');
  });
});

describe('parseXml: xmldom grammar patterns are built once', () => {
  it('returns the same pattern for the same grammar parts, and parses as before', () => {
    expect(grammar.reg('^', 'ab', '$')).toBe(grammar.reg('^', 'ab', '$'));
    const parsed = parseXml('<a:r xmlns:a="urn:x"><a:v>1</a:v><a:v>2</a:v></a:r>');
    expect(parsed.ok).toBe(true);
  });
});
