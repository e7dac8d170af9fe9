/**
 * SAML fields copied out of browser developer tools rather than as a raw body:
 * Firefox's "Copy All" of a request's form data (`{"SAMLResponse": "...", "RelayState": "..."}`),
 * Chrome's parsed payload view (`SAMLResponse: ...` lines), and a request copied as a command
 * ("Copy as cURL", "Copy as fetch", "Copy as PowerShell").
 */
import { hasSamlParameter, samlFields, samlParameterName, type SamlFields } from './form';
import { isRecord } from './har';

/** A flat JSON object with a SAMLResponse/SAMLRequest string; `null` when it is not one. */
export function jsonFormFields(json: unknown): SamlFields | null {
  if (!isRecord(json)) return null;
  const pairs = Object.entries(json).flatMap(([name, value]) =>
    typeof value === 'string' ? [{ name, value }] : [],
  );
  const found = samlFields(pairs, true);
  return found.fields.length > 0 ? found : null;
}

const FIELD_LINE = /^\s*([A-Za-z]+)\s*:\s*(.*)$/;

/** `Name: value` lines starting with a SAML parameter; `null` when the text is not that. */
export function fieldLines(text: string): SamlFields | null {
  const firstName = FIELD_LINE.exec(
    text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')),
  )?.[1];
  if (firstName === undefined || samlParameterName(firstName) === null) return null;
  const pairs = text.split(/\r?\n/).flatMap((line) => {
    const match = FIELD_LINE.exec(line);
    return match ? [{ name: match[1] ?? '', value: (match[2] ?? '').trim() }] : [];
  });
  return samlFields(pairs, true);
}

const QUOTED = /(['"])([^'"\s]+)\1/g;

/**
 * The quoted URL or form body of a copied command (`curl '...?SAMLRequest=...'`,
 * `--data-raw 'SAMLResponse=...'`, `"body": "SAMLResponse=..."`): the first quoted token that
 * carries a SAML parameter, `null` when there is none. The encoded values never hold a quote or
 * a space, so the token is the whole URL or body.
 */
export function quotedSamlToken(text: string): string | null {
  for (const match of text.matchAll(QUOTED)) {
    const token = match[2] ?? '';
    if (hasSamlParameter(token)) return token;
  }
  return null;
}
