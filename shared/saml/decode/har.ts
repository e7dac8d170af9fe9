/**
 * HAR files (Chrome, Edge and Firefox "Save all as HAR"): every SAMLRequest/SAMLResponse sent in a
 * request, in entry order. Chrome keeps query and form values percent-encoded, Firefox decodes
 * them; value.ts accepts both. `source` is `<name>#<index>`, the 0-based index in log.entries.
 */
import type { EngineLimits } from '../types';
import { collectFields, emptyCollection, endOfCapture, type Collected } from './collect';
import { hasSamlParameter, queryOf, samlFields, splitPairs, type SamlFields } from './form';

export function isHar(json: unknown): boolean {
  return isRecord(json) && isRecord(json.log) && Array.isArray(json.log.entries);
}

export function messagesFromHar(json: unknown, name: string, limits: EngineLimits): Collected {
  const entries =
    isRecord(json) && isRecord(json.log) && Array.isArray(json.log.entries) ? json.log.entries : [];
  const collected = emptyCollection();
  entries.forEach((entry: unknown, index: number) => {
    const request = isRecord(entry) && isRecord(entry.request) ? entry.request : null;
    if (request === null) return;
    const source = `${name}#${index}`;
    collectFields(
      queryFields(request),
      { source, encoding: 'har', fromQuery: true },
      limits,
      collected,
    );
    collectFields(
      postFields(request),
      { source, encoding: 'har', fromQuery: false },
      limits,
      collected,
    );
  });
  return endOfCapture(collected, { name, kind: 'HAR file', requests: entries.length }, limits);
}

function queryFields(request: Record<string, unknown>): SamlFields {
  const listed = nameValueList(request.queryString);
  if (listed.length > 0) return samlFields(listed);
  const query = typeof request.url === 'string' ? queryOf(request.url) : null;
  return query === null ? samlFields([]) : samlFields(splitPairs(query));
}

/** Parsed `params` when the exporter filled them, else the raw body `text`. */
function postFields(request: Record<string, unknown>): SamlFields {
  const postData = isRecord(request.postData) ? request.postData : null;
  if (postData === null) return samlFields([]);
  const fromParams = samlFields(nameValueList(postData.params));
  if (fromParams.fields.length > 0) return fromParams;
  const text = typeof postData.text === 'string' ? postData.text : '';
  return hasSamlParameter(text) ? samlFields(splitPairs(text)) : samlFields([]);
}

function nameValueList(list: unknown): Array<{ name: string; value: string }> {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) =>
    isRecord(item) && typeof item.name === 'string'
      ? [{ name: item.name, value: typeof item.value === 'string' ? item.value : '' }]
      : [],
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
