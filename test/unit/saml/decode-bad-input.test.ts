import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../shared/saml/decode';
import { parseXml } from '../../../shared/saml/parse';
import { sampleInput, signedResponseXml, textInput } from '../../fixtures/ingest/load';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);
// Each bad input must be refused quickly; a tight timeout catches a hang or a runaway decode.
const FAST = { timeout: 3_000 };

describe('decodeInput: bad input gets a finding, never a throw', () => {
  it('reports an empty file (sample 126) and whitespace-only text as empty', FAST, () => {
    expect(codes(decodeInput(sampleInput('126-bad-empty-file', 'input.txt')).findings)).toEqual([
      'INPUT_EMPTY',
    ]);
    expect(codes(decodeInput(textInput(' \r\n\t ')).findings)).toEqual(['INPUT_EMPTY']);
  });

  it('reports random bytes (sample 127) as unrecognised binary data', FAST, () => {
    const { messages, findings } = decodeInput(sampleInput('127-bad-random-bytes', 'input.txt'));
    expect(messages).toEqual([]);
    expect(codes(findings)).toEqual(['INPUT_UNRECOGNIZED']);
    expect(findings[0]?.evidence).toMatchObject({ detected: 'binary' });
  });

  it('reports text with NULs or mostly control characters as binary', FAST, () => {
    expect(codes(decodeInput(textInput('abc\u0000def')).findings)).toEqual(['INPUT_UNRECOGNIZED']);
    expect(codes(decodeInput(textInput('\u0001\u0002\u0003abc')).findings)).toEqual([
      'INPUT_UNRECOGNIZED',
    ]);
  });

  it('leaves a stray control character in XML for the parser to locate', FAST, () => {
    const { messages } = decodeInput(textInput(`<r>\n<v>a\u000cb</v>${'<w/>'.repeat(10)}</r>`));
    const parsed = parseXml(messages[0]?.xml ?? '');
    expect(parsed.ok ? null : parsed.findings[0]).toMatchObject({
      code: 'INPUT_XML_MALFORMED',
      location: { line: 2, column: 5 },
    });
  });

  it('reports prose as unrecognised', FAST, () => {
    const { findings } = decodeInput(textInput('The login failed again, see screenshot!'));
    expect(codes(findings)).toEqual(['INPUT_UNRECOGNIZED']);
    expect(findings[0]?.message).toMatch(/not a SAML message/);
  });

  it('reports base64 of something that is not XML as unrecognised', FAST, () => {
    const { findings } = decodeInput(
      textInput(Buffer.from('{"not": "saml"} but text').toString('base64')),
    );
    expect(codes(findings)).toEqual(['INPUT_UNRECOGNIZED']);
    expect(findings[0]?.evidence).toMatchObject({ detected: 'base64' });
  });

  it(
    'passes truncated base64 (sample 128) on as XML, which the parser reports as malformed',
    FAST,
    () => {
      const { messages, findings } = decodeInput(
        sampleInput('128-bad-truncated-base64', 'input.b64'),
      );
      expect(findings).toEqual([]);
      expect(messages).toHaveLength(1);
      const parsed = parseXml(messages[0]?.xml ?? '');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(codes(parsed.findings)).toEqual(['INPUT_XML_MALFORMED']);
    },
  );

  it('reports a corrupt deflate stream in a Redirect-binding URL clearly', FAST, () => {
    const deflated = deflateRawSync(Buffer.from(signedResponseXml()));
    deflated.fill(0xff, 10, 40);
    const url = `https://idp.example/sso?SAMLRequest=${encodeURIComponent(deflated.toString('base64'))}`;
    const { messages, findings } = decodeInput(textInput(url));
    expect(messages).toEqual([]);
    expect(codes(findings)).toEqual(['INPUT_UNRECOGNIZED']);
    expect(String(findings[0]?.evidence.reason)).toMatch(/deflate stream is corrupt/);
  });

  it('passes a deflate stream cut short on as the XML it starts with', FAST, () => {
    const deflated = deflateRawSync(Buffer.from(signedResponseXml()));
    const cut = deflated.subarray(0, Math.floor(deflated.length / 2)).toString('base64');
    const { messages, findings } = decodeInput(textInput(cut));
    expect(findings).toEqual([]);
    expect(messages[0]?.encoding).toBe('deflate-base64');
    expect(messages[0]?.xml).toMatch(/^<saml2p:Response /);
    expect(parseXml(messages[0]?.xml ?? '').ok).toBe(false);
  });

  it('stops a deflate bomb at the size limit', FAST, () => {
    const bomb = deflateRawSync(
      Buffer.concat([Buffer.from('<a>'), Buffer.alloc(16 * 1024 * 1024, 0x20)]),
    );
    const { messages, findings } = decodeInput(textInput(bomb.toString('base64')));
    expect(messages).toEqual([]);
    expect(codes(findings)).toEqual(['INPUT_TOO_LARGE']);
  });

  it('refuses an 11 MiB message, as XML and as base64', FAST, () => {
    const big = `<a>${'x'.repeat(11 * 1024 * 1024)}</a>`;
    expect(codes(decodeInput(textInput(big)).findings)).toEqual(['INPUT_TOO_LARGE']);
    const encoded = Buffer.from(big).toString('base64');
    expect(codes(decodeInput(textInput(encoded)).findings)).toEqual(['INPUT_TOO_LARGE']);
  });

  it('honours a lower size limit', FAST, () => {
    const limits = { maxMessageBytes: 1024, maxDepth: 256 };
    const { findings } = decodeInput(textInput(signedResponseXml()), limits);
    expect(codes(findings)).toEqual(['INPUT_TOO_LARGE']);
    expect(findings[0]?.evidence).toMatchObject({ limitBytes: 1024 });
  });

  it('reports a broken percent-escape in a URL-encoded value', FAST, () => {
    expect(codes(decodeInput(textInput('PHNhbWxw%ZZ')).findings)).toEqual(['INPUT_UNRECOGNIZED']);
  });

  it('reports invalid JSON that starts like a capture', FAST, () => {
    const { findings } = decodeInput(textInput('{"log": {"entries": ['));
    expect(codes(findings)).toEqual(['INPUT_UNRECOGNIZED']);
    expect(findings[0]?.evidence).toMatchObject({ detected: 'json' });
  });

  it('gives every finding a message and a fix for people', FAST, () => {
    const inputs = [
      textInput(''),
      textInput('???'),
      textInput('{}'),
      textInput('https://x.example/'),
    ];
    for (const finding of inputs.flatMap((input) => decodeInput(input).findings)) {
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.fix.length).toBeGreaterThan(10);
    }
  });
});
