/** Bytes → text, for the whole input and for decoded messages. */

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** How many bytes after `<` must look like markup before decoded bytes count as XML. */
const XML_PROBE_BYTES = 48;

export type InputText = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The input as text. UTF-16 with a byte-order mark (what Windows PowerShell's `>` writes) is
 * accepted; bytes that are not valid UTF-8, or are mostly control characters, are binary.
 */
export function inputToText(bytes: Uint8Array): InputText {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    } else {
      text = new TextDecoder(declaredEncoding(bytes) ?? 'utf-8', { fatal: true }).decode(bytes);
    }
  } catch {
    return { ok: false, reason: 'it is binary data, not text (the bytes are not valid UTF-8)' };
  }
  if (looksBinary(text)) {
    return { ok: false, reason: 'it is binary data, not text (it holds control characters)' };
  }
  return { ok: true, text };
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
export function declaredEncoding(bytes: Uint8Array): string | null {
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
