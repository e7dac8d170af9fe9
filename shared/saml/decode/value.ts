/**
 * One SAML parameter value → XML text: percent-decoding, base64 (POST binding) and raw DEFLATE
 * (Redirect binding). Linear in the input, and inflation is capped so a deflate bomb stops at the
 * size limit instead of filling memory.
 */
import { constants, inflateRawSync, inflateSync } from 'node:zlib';
import type { Finding } from '../../report';
import type { EngineLimits } from '../types';
import { tooLargeInputFinding, unrecognizedFinding } from './findings';
import { bytesToXmlText, looksLikeXml } from './text';

export type ValueOutcome =
  | { ok: true; xml: string; layer: 'xml' | 'base64' | 'deflate-base64' }
  /** `finding` is null when the run's budget is spent: the budget reports the skip once. */
  | { ok: false; finding: Finding | null };

const OVER_BUDGET: ValueOutcome = { ok: false, finding: null };

export interface ValueOrigin {
  /** Input name (with `#entry` inside a capture), for findings. */
  source: string;
  /** Redirect binding: the value is DEFLATE-compressed, so inflation is tried first. */
  expectDeflate: boolean;
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function decodeSamlValue(
  value: string,
  origin: ValueOrigin,
  limits: EngineLimits,
): ValueOutcome {
  if (limits.budget && !limits.budget.allows()) return OVER_BUDGET;
  const trimmed = value.trim();
  if (trimmed.startsWith('<')) return xmlText(trimmed, origin.source, limits);
  const text = trimmed.includes('%') ? percentDecode(trimmed) : trimmed;
  if (text === null) {
    return fail(
      origin,
      'url-encoded',
      'its percent-encoding is broken (a % not followed by two hex digits)',
    );
  }
  if (text.startsWith('<')) return xmlText(text, origin.source, limits);

  const compact = compactBase64(text);
  if (compact === '') return fail(origin, 'empty value', 'the SAML parameter is empty');
  if (!BASE64.test(compact)) {
    return fail(
      origin,
      'text',
      'it is neither XML nor base64 (it holds characters base64 never uses)',
    );
  }
  const decodedSize = Math.floor((compact.length * 3) / 4);
  if (decodedSize > limits.maxMessageBytes) {
    return {
      ok: false,
      finding: tooLargeInputFinding(origin.source, decodedSize, limits.maxMessageBytes),
    };
  }
  return fromBase64(compact, origin, limits);
}

/**
 * Base64 without its line breaks. Spaces in a value with no `+` and no line break are `+` signs
 * that a form decoder turned into spaces (base64 is wrapped with line breaks, never with spaces).
 */
function compactBase64(text: string): string {
  if (text.includes(' ') && !/[+\r\n\t]/.test(text)) return text.replace(/ /g, '+');
  return text.replace(/\s+/g, '');
}

function fromBase64(base64: string, origin: ValueOrigin, limits: EngineLimits): ValueOutcome {
  const bytes = Buffer.from(base64, 'base64');
  if (!origin.expectDeflate && looksLikeXml(bytes))
    return xmlBytes(bytes, 'base64', origin, limits);
  const inflated = inflate(bytes, limits.maxMessageBytes);
  switch (inflated.kind) {
    case 'xml':
      return xmlBytes(inflated.bytes, 'deflate-base64', origin, limits);
    case 'too-large':
      return {
        ok: false,
        finding: tooLargeInputFinding(origin.source, null, limits.maxMessageBytes),
      };
    case 'not-xml':
      if (looksLikeXml(bytes)) return xmlBytes(bytes, 'base64', origin, limits);
      return fail(origin, 'base64', NEITHER_XML_NOR_DEFLATE);
    case 'corrupt': {
      if (looksLikeXml(bytes)) return xmlBytes(bytes, 'base64', origin, limits);
      const deflate = `deflate stream is corrupt: ${inflated.reason}`;
      // Only a Redirect-binding value is known to be compressed; anything else may be plain junk.
      const reason = origin.expectDeflate ? `the ${deflate}` : NEITHER_XML_NOR_DEFLATE;
      return fail(origin, 'base64', reason, { deflate });
    }
  }
}

type Inflated =
  | { kind: 'xml'; bytes: Buffer }
  | { kind: 'not-xml' }
  | { kind: 'too-large' }
  | { kind: 'corrupt'; reason: string };

/**
 * Raw DEFLATE as the Redirect binding requires; zlib-wrapped streams (a common IdP mistake) too.
 * A stream cut short still yields its beginning, which the parser then reports as malformed XML,
 * the same way as truncated base64.
 */
function inflate(bytes: Buffer, maxBytes: number): Inflated {
  const attempts = bytes[0] === 0x78 ? [inflateSync, inflateRawSync] : [inflateRawSync];
  let reason = 'no data';
  for (const run of attempts) {
    try {
      const out = run(bytes, { maxOutputLength: maxBytes });
      return looksLikeXml(out) ? { kind: 'xml', bytes: out } : { kind: 'not-xml' };
    } catch (error) {
      if (isOutputTooLarge(error)) return { kind: 'too-large' };
      reason = error instanceof Error ? error.message : String(error);
      if (reason === 'unexpected end of file') {
        const partial = inflateTruncated(run, bytes, maxBytes);
        if (partial !== null) return partial;
      }
    }
  }
  return { kind: 'corrupt', reason };
}

function inflateTruncated(
  run: typeof inflateRawSync,
  bytes: Buffer,
  maxBytes: number,
): Inflated | null {
  try {
    const out = run(bytes, { maxOutputLength: maxBytes, finishFlush: constants.Z_SYNC_FLUSH });
    return looksLikeXml(out) ? { kind: 'xml', bytes: out } : null;
  } catch (error) {
    return isOutputTooLarge(error) ? { kind: 'too-large' } : null;
  }
}

function isOutputTooLarge(error: unknown): boolean {
  return (
    error instanceof RangeError ||
    (typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      error.code === 'ERR_BUFFER_TOO_LARGE')
  );
}

function xmlBytes(
  bytes: Uint8Array,
  layer: 'base64' | 'deflate-base64',
  origin: ValueOrigin,
  limits: EngineLimits,
): ValueOutcome {
  if (bytes.length > limits.maxMessageBytes) {
    return {
      ok: false,
      finding: tooLargeInputFinding(origin.source, bytes.length, limits.maxMessageBytes),
    };
  }
  const xml = bytesToXmlText(bytes);
  limits.budget?.charge(origin.source, bytes.length, layer === 'deflate-base64');
  return { ok: true, xml, layer };
}

/** Text that already is XML (raw input, a SAML-tracer `saml` field): only the size limit applies. */
export function xmlText(text: string, source: string, limits: EngineLimits): ValueOutcome {
  if (limits.budget && !limits.budget.allows()) return OVER_BUDGET;
  const bytes =
    text.length > limits.maxMessageBytes ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxMessageBytes) {
    return { ok: false, finding: tooLargeInputFinding(source, bytes, limits.maxMessageBytes) };
  }
  limits.budget?.charge(source, bytes, false);
  return { ok: true, xml: text.trim(), layer: 'xml' };
}

/**
 * Percent-decoding that keeps `+` as `+`: base64 never holds a space, so a `+` in a SAML value is
 * always the base64 character (browsers send it as %2B; people paste half-decoded values).
 */
function percentDecode(value: string): string | null {
  try {
    const once = decodeURIComponent(value);
    // Encoded twice (a value copied from a URL that was itself a parameter): `%253D` → `%3D` → `=`.
    return /%[0-9A-Fa-f]{2}/.test(once) ? decodeURIComponent(once) : once;
  } catch {
    return null;
  }
}

const NEITHER_XML_NOR_DEFLATE =
  'it looks like base64, but decodes to data that is neither XML nor DEFLATE-compressed XML';

function fail(
  origin: ValueOrigin,
  detected: string,
  reason: string,
  details: Record<string, string> = {},
): ValueOutcome {
  return { ok: false, finding: unrecognizedFinding(origin.source, detected, reason, details) };
}
