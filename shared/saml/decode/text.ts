/** Bytes → text, for the whole input and for decoded messages. */

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** How many bytes after `<` must look like markup before decoded bytes count as XML. */
const XML_PROBE_BYTES = 48;

export type InputText =
  | { ok: true; text: string }
  | { ok: false; detected: 'binary' | 'text'; reason: string; fix?: string };

const BINARY: InputText = {
  ok: false,
  detected: 'binary',
  reason: 'it is binary data, not text (it holds control characters)',
};

/**
 * The input as text. UTF-16 with a byte-order mark (what Windows PowerShell's `>` writes), or
 * without one when its zero bytes say so, is accepted. Text with a few bytes that are not UTF-8
 * (a stray byte, a Latin-1 "ü") is named at its line and column; bytes that are mostly not text
 * are binary.
 */
export function inputToText(bytes: Uint8Array): InputText {
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== null) {
    const bom = bytes[0] === 0xff || bytes[0] === 0xfe ? 2 : 0;
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(bom));
      return looksBinary(text) ? BINARY : { ok: true, text };
    } catch {
      return {
        ok: false,
        detected: 'text',
        reason: `it looks like ${utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} text, but its bytes do not pair up into characters (cut at an odd byte?)`,
        fix: 'Save the message again as UTF-8 (or copy it again whole), then give that file.',
      };
    }
  }
  const encoding = declaredEncoding(bytes) ?? 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return notUtf8(bytes);
  }
  return looksBinary(text) ? BINARY : { ok: true, text };
}

/**
 * UTF-16 by its byte-order mark, or without one by the zero byte beside each ASCII character of
 * the start (`<\0s\0a\0m\0l\0` is UTF-16LE): UTF-8 text never holds a zero byte.
 */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(64, Math.floor(bytes.length / 2));
  if (pairs < 2) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i++) {
    const [even, odd] = [bytes[2 * i]!, bytes[2 * i + 1]!];
    if (odd === 0 && even !== 0) le += 1;
    if (even === 0 && odd !== 0) be += 1;
  }
  if (le * 10 >= pairs * 9) return 'utf-16le';
  if (be * 10 >= pairs * 9) return 'utf-16be';
  return null;
}

/**
 * Bytes that are not valid UTF-8. When nearly all of them are (one stray byte, a name saved in
 * Latin-1), the first bad byte is named with its line and column; otherwise the input is binary.
 */
function notUtf8(bytes: Uint8Array): InputText {
  const lenient = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_CHARACTERS));
  const replaced = lenient.split('\uFFFD').length - 1;
  if (looksBinary(lenient) || replaced > Math.max(1, lenient.length / 100))
    return {
      ok: false,
      detected: 'binary',
      reason: 'it is binary data, not text (the bytes are not valid UTF-8)',
    };
  const at = firstInvalidUtf8(bytes);
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    ok: false,
    detected: 'text',
    reason: `it is text, but the byte 0x${byte} at line ${line}, column ${column} is not UTF-8 (a stray byte, or text saved in another encoding such as Latin-1)`,
    fix: 'Save the message as UTF-8, or copy it again whole from the browser; a message whose bytes were changed no longer matches its signature.',
  };
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // A prefix decodes (a sequence cut at its end is fine when streaming) until it takes in the
  // first bad byte: halve the range between a prefix that decodes and one that does not.
  const decodes = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    if (decodes(middle)) good = middle;
    else bad = middle;
  }
  // The byte that broke it may be the one after a lead byte (0xE9 then a space): name the lead.
  const at = bad - 1;
  for (let back = 1; back <= 3 && at - back >= 0; back++) {
    const byte = bytes[at - back]!;
    if (byte < 0x80) break;
    if (byte >= 0xc0)
      return at - back + (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) > at ? at - back : at;
  }
  return at;
}

const CONTROL_CHARACTERS = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const SNIFF_CHARACTERS = 4096;

/**
 * A NUL anywhere, or control characters making up more than 1 in 20 of the start. A stray control
 * character inside otherwise good XML is left for the parser, which says where it is.
 */
function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const head = text.slice(0, SNIFF_CHARACTERS);
  const controls = head.match(CONTROL_CHARACTERS)?.length ?? 0;
  return controls * 20 > head.length;
}

/**
 * Decoded bytes that start (after a BOM and whitespace) with `<` followed by printable ASCII.
 * DEFLATE output can begin with the byte 0x3C too, but never with a run of printable characters.
 */
export function looksLikeXml(bytes: Uint8Array): boolean {
  let i = hasUtf8Bom(bytes) ? 3 : 0;
  while (i < bytes.length && isXmlSpace(bytes[i] ?? 0)) i++;
  if (bytes[i] !== 0x3c) return false;
  const end = Math.min(bytes.length, i + XML_PROBE_BYTES);
  for (let j = i + 1; j < end; j++) {
    const b = bytes[j] ?? 0;
    if (!(isXmlSpace(b) || (b >= 0x20 && b < 0x7f))) return false;
  }
  return end > i + 1;
}

/**
 * A decoded message as text, BOM and surrounding whitespace removed: UTF-8 (what SAML uses)
 * unless the XML declaration names another encoding.
 */
export function bytesToXmlText(bytes: Uint8Array): string {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  return new TextDecoder(declaredEncoding(body) ?? 'utf-8').decode(body).trim();
}

/**
 * The `encoding` of an XML declaration at the start, when it is one TextDecoder knows and not
 * UTF-8 (an IdP that writes ISO-8859-1 does say so); `null` otherwise.
 */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 128));
  const declared = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(
    head,
  )?.[1];
  if (declared === undefined) return null;
  try {
    const label = new TextDecoder(declared).encoding;
    return label === 'utf-8' || label.startsWith('utf-16') ? null : label;
  } catch {
    return null;
  }
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

function isXmlSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}
