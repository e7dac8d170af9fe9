/**
 * Stage 1: detect what the person gave us and decode every SAML message in it.
 *
 * Accepted (docs/cli.md): raw XML, base64 (POST binding), deflated base64 (Redirect binding), a
 * URL-encoded value, a form body `SAMLResponse=...&RelayState=...`, a URL with SAMLResponse or
 * SAMLRequest in its query, a HAR file and a SAML-tracer export; also what people copy from a
 * browser besides those (the IdP's auto-submit HTML page, developer-tools form views, a request
 * copied as cURL/fetch/PowerShell), reported as `form`. Nothing here throws: every unusable input becomes a finding. Parsing the XML is the next stage's job, so text that merely
 * starts like XML (a truncated message) is passed on for the parser to report precisely.
 */
import type { InputEncoding } from '../../report';
import { DEFAULT_LIMITS, type DecodeOutcome, type EngineLimits, type RawInput } from '../types';
import { collectFields, emptyCollection, type Collected, type FieldOrigin } from './collect';
import { emptyFinding, unrecognizedFinding } from './findings';
import { hasSamlParameter, queryOf, samlFields, splitPairs, type SamlFields } from './form';
import { isHar, messagesFromHar } from './har';
import { htmlFormFields, isHtmlPage } from './html-form';
import { fieldLines, jsonFormFields, quotedSamlToken } from './pasted-fields';
import { isSamlTracerExport, messagesFromSamlTracer } from './saml-tracer';
import { inputToText } from './text';
import { decodeSamlValue, type ValueOutcome } from './value';

const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Characters of base64 (both alphabets), padding, percent-escapes and line breaks. */
const ENCODED_VALUE = /^[A-Za-z0-9+/=_%\s-]+$/;

export function decodeInput(input: RawInput, limits: EngineLimits = DEFAULT_LIMITS): DecodeOutcome {
  const source = input.name;
  if (input.bytes.length === 0) return { messages: [], findings: [emptyFinding(source)] };

  const decodedText = inputToText(input.bytes);
  if (!decodedText.ok) {
    const { detected, reason, fix } = decodedText;
    return { messages: [], findings: [unrecognizedFinding(source, detected, reason, {}, fix)] };
  }
  const text = decodedText.text.trim();
  if (text === '') return { messages: [], findings: [emptyFinding(source)] };

  return decodeText(text, source, limits);
}

function decodeText(text: string, source: string, limits: EngineLimits): Collected {
  const first = text[0];
  if (first === '<') {
    if (isHtmlPage(text)) return decodeHtml(text, source, limits);
    return single(decodeSamlValue(text, { source, expectDeflate: false }, limits), source, 'xml');
  }
  if (first === '{') return decodeJson(text, source, limits);
  if (URL_START.test(text)) return decodeUrl(text, source, limits);
  // Bodies, URLs and base64 never hold a quote: quotes mean a copied command around one of them.
  const quoted = /['"]/.test(text) ? quotedSamlToken(text) : null;
  if (quoted !== null) return decodeText(quoted, source, limits);
  if (hasSamlParameter(text)) return decodeForm(text, source, limits);
  const lines = fieldLines(text);
  if (lines !== null)
    return fromFields(lines, { source, encoding: 'form', fromQuery: false }, limits);
  if (ENCODED_VALUE.test(text)) {
    const outcome = decodeSamlValue(text, { source, expectDeflate: false }, limits);
    return single(outcome, source, text.includes('%') ? 'url-encoded' : null);
  }
  return failure(
    source,
    'text',
    'it is text that is neither XML, base64, a form body, a URL, a HAR file nor a SAML-tracer export',
  );
}

function decodeJson(text: string, source: string, limits: EngineLimits): Collected {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure(source, 'json', `it starts like JSON but is not valid JSON (${detail})`);
  }
  if (isHar(json)) return messagesFromHar(json, source, limits);
  if (isSamlTracerExport(json)) return messagesFromSamlTracer(json, source, limits);
  const fields = jsonFormFields(json);
  if (fields !== null)
    return fromFields(fields, { source, encoding: 'form', fromQuery: false }, limits);
  return failure(
    source,
    'json',
    'it is JSON, but neither a HAR file (log.entries) nor a SAML-tracer export (requests)',
  );
}

function decodeUrl(text: string, source: string, limits: EngineLimits): Collected {
  const query = queryOf(text);
  const found = samlFields(query === null ? [] : splitPairs(query));
  if (found.fields.length === 0) {
    return failure(
      source,
      'url',
      'it is a URL without a SAMLResponse or SAMLRequest parameter in its query',
    );
  }
  return fromFields(found, { source, encoding: 'url', fromQuery: true }, limits);
}

function decodeHtml(html: string, source: string, limits: EngineLimits): Collected {
  const found = htmlFormFields(html);
  if (found.fields.length === 0) {
    return failure(
      source,
      'html',
      'it is an HTML page without a SAMLResponse or SAMLRequest form field',
    );
  }
  return fromFields(found, { source, encoding: 'form', fromQuery: false }, limits);
}

/** A form body, or a bare query (`?SAMLRequest=...`, `/saml?SAMLResponse=...`). */
function decodeForm(text: string, source: string, limits: EngineLimits): Collected {
  // A query has its `?` before the first pair; a body may start with RelayState=.
  const isQuery = /^[^=&]*\?/.test(text);
  const body = isQuery ? (queryOf(text) ?? text) : text;
  const origin = { source, encoding: isQuery ? 'url' : 'form', fromQuery: isQuery } as const;
  return fromFields(samlFields(splitPairs(body)), origin, limits);
}

function fromFields(found: SamlFields, origin: FieldOrigin, limits: EngineLimits): Collected {
  const collected = emptyCollection();
  collectFields(found, origin, limits, collected);
  return collected;
}

/** One message from a whole-input value; `encoding` null means "the layer the value had". */
function single(outcome: ValueOutcome, source: string, encoding: InputEncoding | null): Collected {
  if (!outcome.ok) return { messages: [], findings: outcome.finding ? [outcome.finding] : [] };
  return {
    messages: [
      {
        source,
        encoding: encoding ?? outcome.layer,
        xml: outcome.xml,
        relayState: null,
        parameter: null,
      },
    ],
    findings: [],
  };
}

function failure(source: string, detected: string, reason: string): Collected {
  return { messages: [], findings: [unrecognizedFinding(source, detected, reason)] };
}
