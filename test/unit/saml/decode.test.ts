import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../shared/saml/decode';
import {
  fixtureBytes,
  sampleInput,
  signedResponseXml,
  textInput,
} from '../../fixtures/ingest/load';

const responseXml = signedResponseXml();
const responseBase64 = Buffer.from(responseXml, 'utf8').toString('base64');

describe('decodeInput: the input forms of docs/cli.md', () => {
  it('reads raw XML as it is, without a BOM or surrounding whitespace', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`\n  ${responseXml}\n`),
    ]);
    const { messages, findings } = decodeInput({ name: 'response.xml', bytes });
    expect(findings).toEqual([]);
    expect(messages).toEqual([
      {
        source: 'response.xml',
        encoding: 'xml',
        xml: responseXml.trim(),
        relayState: null,
        parameter: null,
      },
    ]);
  });

  it('reads XML saved as UTF-16 with a byte-order mark (PowerShell redirection)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(responseXml, 'utf16le')]);
    const { messages } = decodeInput({ name: 'ps.xml', bytes });
    expect(messages[0]?.xml).toBe(responseXml.trim());
  });

  it('decodes the POST-binding base64 of sample 113', () => {
    const { messages, findings } = decodeInput(
      sampleInput('113-enc-base64-post-binding', 'input.b64'),
    );
    expect(findings).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.encoding).toBe('base64');
    expect(messages[0]?.xml).toBe(responseXml.trim());
  });

  it('decodes base64 wrapped at 76 columns, URL-safe, and without padding', () => {
    const wrapped = responseBase64.replace(/.{76}/g, '$&\r\n');
    const urlSafe = responseBase64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    for (const text of [wrapped, urlSafe, `  ${responseBase64}\n`]) {
      const { messages, findings } = decodeInput(textInput(text));
      expect(findings).toEqual([]);
      expect(messages[0]?.xml).toBe(responseXml.trim());
    }
  });

  it('decodes a URL-encoded value', () => {
    const { messages } = decodeInput(textInput(encodeURIComponent(responseBase64)));
    expect(messages[0]).toMatchObject({ encoding: 'url-encoded', xml: responseXml.trim() });
  });

  it('decodes the form body of sample 115 and keeps its RelayState', () => {
    const { messages, findings } = decodeInput(
      sampleInput('115-enc-form-body-with-relaystate', 'input.txt'),
    );
    expect(findings).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ encoding: 'form', parameter: 'SAMLResponse' });
    expect(messages[0]?.relayState).toMatch(/^https:\/\/apps\.mypurecloud\.com\/directory\/#/);
    expect(messages[0]?.xml).toMatch(/^<samlp:Response /);
  });

  it('inflates the Redirect-binding AuthnRequest of sample 117', () => {
    const { messages, findings } = decodeInput(
      sampleInput('117-enc-redirect-binding-authnrequest-deflated', 'input.b64'),
    );
    expect(findings).toEqual([]);
    expect(messages[0]?.encoding).toBe('deflate-base64');
    expect(messages[0]?.xml).toMatch(/^<samlp:AuthnRequest /);
  });

  it('reads SAMLRequest and RelayState from a whole Redirect-binding URL', () => {
    const request =
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"/>';
    const value = encodeURIComponent(deflateRawSync(Buffer.from(request)).toString('base64'));
    const url = `https://idp.example/sso?SAMLRequest=${value}&RelayState=${encodeURIComponent('https://apps.mypurecloud.com/a b')}&x=1`;
    const { messages, findings } = decodeInput(textInput(url));
    expect(findings).toEqual([]);
    expect(messages).toEqual([
      {
        source: 'pasted',
        encoding: 'url',
        xml: request,
        relayState: 'https://apps.mypurecloud.com/a b',
        parameter: 'SAMLRequest',
      },
    ]);
  });

  it('reports a URL without SAML parameters as unrecognised', () => {
    const { messages, findings } = decodeInput(textInput('https://login.mypurecloud.com/?x=1'));
    expect(messages).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(['INPUT_UNRECOGNIZED']);
    expect(findings[0]?.evidence).toMatchObject({ detected: 'url' });
  });
});

describe('decodeInput: captures', () => {
  it('finds both messages of the Chromium HAR of sample 121, in entry order', () => {
    const { messages, findings } = decodeInput(
      sampleInput('121-har-chromium-sp-initiated-login', 'input.har'),
    );
    expect(findings).toEqual([]);
    expect(messages.map((m) => [m.source, m.encoding, m.parameter])).toEqual([
      ['input.har#1', 'har', 'SAMLRequest'],
      ['input.har#2', 'har', 'SAMLResponse'],
    ]);
    expect(messages[0]?.xml).toMatch(/^<samlp:AuthnRequest /);
    expect(messages[1]?.xml).toMatch(/^<samlp:Response /);
    expect(messages[1]?.relayState).toMatch(/^https:\/\/apps\.mypurecloud\.com\//);
  });

  it('reads a Firefox-style HAR (percent-encoded params) to the same messages', () => {
    const chromium = decodeInput(sampleInput('121-har-chromium-sp-initiated-login', 'input.har'));
    const firefox = decodeInput({
      name: 'input.har',
      bytes: fixtureBytes('ingest/firefox-sp-initiated-login.har'),
    });
    expect(firefox.findings).toEqual([]);
    expect(firefox.messages).toEqual(chromium.messages);
  });

  it('falls back to the request URL and the raw body when a HAR lists no parsed fields', () => {
    const har = JSON.parse(fixtureBytes('ingest/firefox-sp-initiated-login.har').toString('utf8'));
    for (const entry of har.log.entries) {
      entry.request.queryString = [];
      if (entry.request.postData) delete entry.request.postData.params;
    }
    const chromium = decodeInput(sampleInput('121-har-chromium-sp-initiated-login', 'input.har'));
    const stripped = decodeInput(textInput(JSON.stringify(har), 'input.har'));
    expect(stripped.messages).toEqual(chromium.messages);
  });

  it('reports a HAR without SAML traffic', () => {
    const { messages, findings } = decodeInput({
      name: 'x.har',
      bytes: fixtureBytes('ingest/firefox-no-saml.har'),
    });
    expect(messages).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(['INPUT_NO_SAML_MESSAGE']);
  });

  it('says a HAR saved before anything was recorded is empty', () => {
    const empty = { log: { version: '1.2', entries: [] } };
    const { messages, findings } = decodeInput(textInput(JSON.stringify(empty), 'empty.har'));
    expect(messages).toEqual([]);
    expect(findings.map((f) => [f.code, f.message])).toEqual([
      [
        'INPUT_NO_SAML_MESSAGE',
        'The HAR file empty.har holds no requests at all, so no SAMLResponse or SAMLRequest.',
      ],
    ]);
  });

  it('reads the decoded messages of a masked SAML-tracer export (sample 124)', () => {
    const { messages, findings } = decodeInput(
      sampleInput('124-samltracer-export-masked-values', 'input.json'),
    );
    expect(findings).toEqual([]);
    expect(messages.map((m) => [m.source, m.encoding, m.parameter])).toEqual([
      ['input.json#1', 'saml-tracer', 'SAMLRequest'],
      ['input.json#2', 'saml-tracer', 'SAMLResponse'],
    ]);
    expect(messages[1]?.xml).toMatch(/^<saml2p:Response /);
    // A masked RelayState is unknown, never the hash.
    expect(messages[1]?.relayState).toBeNull();
    expect(messages[0]?.relayState).toMatch(/^https:\/\/apps\.mypurecloud\.com\//);
  });

  it('decodes the parameters of a SAML-tracer request that has no saml field', () => {
    const trace = {
      requests: [
        {
          method: 'POST',
          url: 'https://login.mypurecloud.com/saml',
          post: [
            ['SAMLResponse', responseBase64],
            ['RelayState', 'r'],
          ],
        },
      ],
    };
    const { messages } = decodeInput(textInput(JSON.stringify(trace), 'trace.json'));
    expect(messages).toEqual([
      {
        source: 'trace.json#0',
        encoding: 'saml-tracer',
        xml: responseXml.trim(),
        relayState: 'r',
        parameter: 'SAMLResponse',
      },
    ]);
  });

  it('reports a SAML-tracer export without SAML traffic', () => {
    const trace = { requests: [{ method: 'GET', url: 'https://example.com/', get: [['q', '1']] }] };
    const { findings } = decodeInput(textInput(JSON.stringify(trace), 'trace.json'));
    expect(findings.map((f) => f.code)).toEqual(['INPUT_NO_SAML_MESSAGE']);
  });

  it('reports JSON that is neither a HAR nor a trace as unrecognised', () => {
    const { findings } = decodeInput(textInput('{"hello": 1}'));
    expect(findings.map((f) => f.code)).toEqual(['INPUT_UNRECOGNIZED']);
    expect(findings[0]?.evidence).toMatchObject({ detected: 'json' });
  });
});
