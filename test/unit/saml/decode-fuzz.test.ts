import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../shared/saml/decode';
import { parseXml } from '../../../shared/saml/parse';
import { signedResponseXml } from '../../fixtures/ingest/load';

const responseXml = signedResponseXml();
const INPUT_CODES = [
  'INPUT_EMPTY',
  'INPUT_UNRECOGNIZED',
  'INPUT_NO_SAML_MESSAGE',
  'INPUT_TOO_LARGE',
];
const PARSE_CODES = ['INPUT_XML_MALFORMED', 'INPUT_DTD_FORBIDDEN', 'INPUT_TOO_LARGE'];

/** Whatever it is given, the decoder answers with messages or input findings, never a throw. */
function decodesCleanly(bytes: Uint8Array): void {
  const { messages, findings } = decodeInput({ name: 'fuzz', bytes });
  for (const finding of findings) expect(INPUT_CODES).toContain(finding.code);
  for (const message of messages) parsesCleanly(message.xml);
}

function parsesCleanly(xml: string): void {
  const outcome = parseXml(xml);
  if (!outcome.ok)
    for (const finding of outcome.findings) expect(PARSE_CODES).toContain(finding.code);
}

const jsonCapture = fc.oneof(
  fc.record({ log: fc.record({ entries: fc.array(fc.anything(), { maxLength: 5 }) }) }),
  fc.record({ requests: fc.array(fc.anything(), { maxLength: 5 }) }),
  fc.record({
    log: fc.record({
      entries: fc.array(
        fc.record({
          request: fc.record({
            url: fc.oneof(fc.webUrl(), fc.anything()),
            queryString: fc.array(
              fc.record({
                name: fc.constantFrom('SAMLRequest', 'RelayState', 'x'),
                value: fc.anything(),
              }),
            ),
            postData: fc.record({
              text: fc.oneof(fc.string(), fc.anything()),
              params: fc.anything(),
            }),
          }),
        }),
        { maxLength: 4 },
      ),
    }),
  }),
);

describe('decodeInput and parseXml never throw', () => {
  it('on arbitrary bytes', { timeout: 20_000 }, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => decodesCleanly(bytes)),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text, form bodies and URLs', { timeout: 20_000 }, () => {
    const text = fc.oneof(
      fc.string(),
      fc.string().map((s) => `SAMLResponse=${s}&RelayState=${s}`),
      fc.string().map((s) => `https://idp.example/sso?SAMLRequest=${s}`),
      fc.base64String(),
    );
    fc.assert(
      fc.property(text, (s) => decodesCleanly(new TextEncoder().encode(s))),
      { numRuns: 300 },
    );
  });

  it('on odd HAR and SAML-tracer structures', { timeout: 20_000 }, () => {
    fc.assert(
      fc.property(jsonCapture, (capture) =>
        decodesCleanly(new TextEncoder().encode(JSON.stringify(capture) ?? '')),
      ),
      { numRuns: 200 },
    );
  });

  it('on a signed response cut or corrupted anywhere', { timeout: 20_000 }, () => {
    fc.assert(
      fc.property(fc.nat({ max: responseXml.length }), fc.string({ maxLength: 3 }), (at, junk) =>
        parsesCleanly(responseXml.slice(0, at) + junk + responseXml.slice(at + junk.length)),
      ),
      { numRuns: 300 },
    );
  });
});
