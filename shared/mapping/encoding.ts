/**
 * Mojibake: UTF-8 bytes read as Windows-1252/Latin-1 somewhere between the HR system and the IdP
 * ("MÃ¼ller" for "Müller", "Oâ€™Brien" for "O’Brien"). Detected by re-encoding runs of such
 * characters to bytes and checking that they form valid multi-byte UTF-8.
 */

/** Windows-1252 characters for bytes 0x80–0x9F (the rest of 0x80–0xFF is Latin-1). */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

function byteOf(char: string): number | null {
  const code = char.codePointAt(0)!;
  if (code >= 0x80 && code <= 0xff) return code;
  return CP1252_HIGH[char] ?? null;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export interface EncodingDamage {
  /** The damaged characters as they arrived ("Ã¼"). */
  damaged: string;
  /** What they most likely were ("ü"), or null for U+FFFD (the original is lost). */
  probably: string | null;
}

/** Every mojibake sequence or replacement character in a value. */
export function encodingDamage(value: string): EncodingDamage[] {
  const found: EncodingDamage[] = [];
  if (value.includes('\ufffd')) found.push({ damaged: '\ufffd', probably: null });
  const chars = [...value];
  for (let i = 0; i < chars.length; i++) {
    const lead = byteOf(chars[i]!);
    // A UTF-8 lead byte of a 2-, 3- or 4-byte sequence.
    if (lead === null || lead < 0xc2 || lead > 0xf4) continue;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    const bytes = [lead];
    for (let k = 1; k < length; k++) {
      const next = chars[i + k];
      const byte = next === undefined ? null : byteOf(next);
      if (byte === null || byte < 0x80 || byte > 0xbf) break;
      bytes.push(byte);
    }
    if (bytes.length !== length) continue;
    try {
      const probably = decoder.decode(Uint8Array.from(bytes));
      found.push({ damaged: chars.slice(i, i + length).join(''), probably });
      i += length - 1;
    } catch {
      // Not valid UTF-8: an ordinary accented letter, not damage.
    }
  }
  return found;
}
