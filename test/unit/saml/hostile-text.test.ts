/** Text as editors and attackers leave it: other encodings, a stray byte, an enormous comment. */
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../shared/saml/decode';
import { parseXml } from '../../../shared/saml/parse';
import { MAX_COMMENT_CHARACTERS } from '../../../shared/saml/parse/prescan';
import { signedResponseXml } from '../../fixtures/ingest/load';

const xml = signedResponseXml();
const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const bytes = Buffer.from(text, 'utf16le');
  if (bigEndian) bytes.swap16();
  return bytes;
};

describe('input text in another encoding or with a stray byte', () => {
  it.each([false, true])('reads UTF-16 without a byte-order mark (big-endian: %s)', (be) => {
    const { messages, findings } = decodeInput({ name: 'u16.xml', bytes: utf16(xml, be) });
    expect(findings).toEqual([]);
    expect(messages.map((m) => m.xml)).toEqual([xml.trim()]);
  });

  it('names a stray byte with its line and column, and says to save as UTF-8', () => {
    const at = xml.indexOf('<saml:Issuer');
    const bytes = Buffer.concat([
      Buffer.from(xml.slice(0, at)),
      Buffer.from([0xff]),
      Buffer.from(xml.slice(at)),
    ]);
    const lines = xml.slice(0, at).split('\n');
    const { messages, findings } = decodeInput({ name: 'stray.xml', bytes });
    expect(messages).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'INPUT_UNRECOGNIZED',
      evidence: { detected: 'text' },
      fix: expect.stringContaining('Save the message as UTF-8'),
    });
    expect(findings[0]!.message).toContain(
      `the byte 0xFF at line ${lines.length}, column ${lines.at(-1)!.length + 1} is not UTF-8`,
    );
  });

  it('names the first byte of a Latin-1 character, not the one after it', () => {
    const bytes = Buffer.concat([Buffer.from('<a>caf'), Buffer.from([0xe9]), Buffer.from(' </a>')]);
    expect(decodeInput({ name: 'latin1.xml', bytes }).findings[0]!.message).toContain(
      'the byte 0xE9 at line 1, column 7 is not UTF-8',
    );
  });

  it('still calls bytes that are mostly not text binary', () => {
    const bytes = Uint8Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) % 256);
    expect(decodeInput({ name: 'noise.bin', bytes }).findings[0]).toMatchObject({
      evidence: { detected: 'binary' },
    });
  });
});

describe('an enormous comment', () => {
  it(
    'is refused with its length and place, not a parser stack overflow',
    { timeout: 20_000 },
    () => {
      const open = xml.indexOf('>', xml.indexOf('<samlp:Response')) + 1;
      const padded = `${xml.slice(0, open)}<!--${'x'.repeat(9_000_000)}-->${xml.slice(open)}`;
      const outcome = parseXml(padded);
      expect(outcome.ok).toBe(false);
      const [finding] = outcome.ok ? [] : outcome.findings;
      expect(finding!.code).toBe('INPUT_XML_MALFORMED');
      expect(finding!.message).toContain('a comment of 9,000,007 characters');
      expect(finding!.message).not.toMatch(/RangeError|call stack/);
    },
  );

  it('leaves a comment under the bound to the parser', () => {
    const open = xml.indexOf('>', xml.indexOf('<samlp:Response')) + 1;
    const body = 'x'.repeat(MAX_COMMENT_CHARACTERS - 7);
    expect(parseXml(`${xml.slice(0, open)}<!--${body}-->${xml.slice(open)}`).ok).toBe(true);
  });
});
