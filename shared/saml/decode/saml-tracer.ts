/**
 * SAML-tracer (Firefox/Chrome add-on) JSON exports: `{ requests: [...] }`.
 * Each request carries `get`/`post` as `[name, value]` pairs (values already URL-decoded) and, for
 * SAML traffic, the decoded message in `saml`. An export made with "Mask values" replaces POST
 * values with `{hash:...}`, so the `saml` field is read first and the parameters only without it.
 * `source` is `<name>#<index>`, the 0-based index in requests.
 */
import type { DecodedMessage, EngineLimits } from '../types';
import { collectFields, emptyCollection, endOfCapture, type Collected } from './collect';
import { samlFields, type SamlFields } from './form';
import { isRecord } from './har';
import { xmlText } from './value';

export function isSamlTracerExport(json: unknown): boolean {
  return isRecord(json) && Array.isArray(json.requests);
}

export function messagesFromSamlTracer(
  json: unknown,
  name: string,
  limits: EngineLimits,
): Collected {
  const requests = isRecord(json) && Array.isArray(json.requests) ? json.requests : [];
  const collected = emptyCollection();
  requests.forEach((request: unknown, index: number) => {
    if (!isRecord(request)) return;
    const source = `${name}#${index}`;
    const sentGet = samlFields(pairs(request.get), true);
    const sentPost = samlFields(pairs(request.post), true);
    const get = unmasked(sentGet);
    const post = unmasked(sentPost);
    if (typeof request.saml === 'string' && request.saml.trim().startsWith('<')) {
      const parameter = (sentPost.fields[0] ?? sentGet.fields[0])?.parameter ?? null;
      const relayState = post.relayState ?? get.relayState;
      addDecodedMessage(request.saml, { source, parameter, relayState }, limits, collected);
      return;
    }
    collectFields(get, { source, encoding: 'saml-tracer', fromQuery: true }, limits, collected);
    collectFields(post, { source, encoding: 'saml-tracer', fromQuery: false }, limits, collected);
  });
  const capture = { name, kind: 'SAML-tracer export', requests: requests.length } as const;
  return endOfCapture(collected, capture, limits);
}

function addDecodedMessage(
  saml: string,
  about: Pick<DecodedMessage, 'source' | 'parameter' | 'relayState'>,
  limits: EngineLimits,
  collected: Collected,
): void {
  const decoded = xmlText(saml, about.source, limits);
  if (!decoded.ok) {
    if (decoded.finding) collected.findings.push(decoded.finding);
    return;
  }
  collected.messages.push({ ...about, encoding: 'saml-tracer', xml: decoded.xml });
}

/** Masked values (`{hash:...}`) carry nothing: a masked RelayState is unknown, not the hash. */
function unmasked(found: SamlFields): SamlFields {
  const isMasked = (value: string): boolean => /^\{hash:[0-9a-f]*\}$/i.test(value.trim());
  return {
    fields: found.fields.filter((field) => !isMasked(field.value)),
    relayState: found.relayState !== null && isMasked(found.relayState) ? null : found.relayState,
  };
}

function pairs(list: unknown): Array<{ name: string; value: string }> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) =>
    Array.isArray(item) && typeof item[0] === 'string'
      ? [{ name: item[0], value: typeof item[1] === 'string' ? item[1] : '' }]
      : [],
  );
}
