/**
 * Form bodies and URL queries (`SAMLResponse=...&RelayState=...`): which SAML parameters they
 * carry and the RelayState beside them.
 */

export type SamlParameter = 'SAMLResponse' | 'SAMLRequest';

interface SamlField {
  parameter: SamlParameter;
  /** Still encoded as it was found (percent-encoding and all); value.ts decodes it. */
  value: string;
}

export interface SamlFields {
  fields: SamlField[];
  relayState: string | null;
}

/** Pairs as found in a form body or a query string, names decoded, values left as they are. */
export function splitPairs(body: string): Array<{ name: string; value: string }> {
  const pairs: Array<{ name: string; value: string }> = [];
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    pairs.push({ name: formDecode(rawName).trim(), value: eq === -1 ? '' : part.slice(eq + 1) });
  }
  return pairs;
}

/** SAML parameters among name/value pairs; names match case-insensitively (people retype them). */
export function samlFields(
  pairs: Iterable<{ name: string; value: string }>,
  valuesAreDecoded = false,
): SamlFields {
  const fields: SamlField[] = [];
  let relayState: string | null = null;
  for (const { name, value } of pairs) {
    const parameter = samlParameterName(name);
    if (parameter !== null) fields.push({ parameter, value });
    else if (name.toLowerCase() === 'relaystate' && relayState === null) {
      relayState = valuesAreDecoded ? value : formDecode(value);
    }
  }
  return { fields, relayState };
}

export function samlParameterName(name: string): SamlParameter | null {
  const lower = name.toLowerCase();
  if (lower === 'samlresponse') return 'SAMLResponse';
  if (lower === 'samlrequest') return 'SAMLRequest';
  return null;
}

/** The query of a URL (or of `path?query`), without the fragment; `null` when there is none. */
export function queryOf(url: string): string | null {
  const start = url.indexOf('?');
  if (start === -1) return null;
  const hash = url.indexOf('#', start);
  return url.slice(start + 1, hash === -1 ? undefined : hash);
}

/** application/x-www-form-urlencoded decoding for names and RelayState; broken escapes stay as typed. */
function formDecode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Whether text carries a SAML parameter as `name=` at its start or after `?`/`&`. */
export function hasSamlParameter(text: string): boolean {
  return /(?:^|[?&])SAML(?:Response|Request)=/i.test(text);
}
