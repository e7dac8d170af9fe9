/** Turns SAML parameters found in a form, URL, HAR entry or trace into decoded messages. */
import type { Finding, InputEncoding } from '../../report';
import type { DecodedMessage, EngineLimits } from '../types';
import { noSamlMessageFinding, type CaptureKind } from './findings';
import type { SamlFields } from './form';
import { decodeSamlValue } from './value';

export interface Collected {
  messages: DecodedMessage[];
  findings: Finding[];
}

export function emptyCollection(): Collected {
  return { messages: [], findings: [] };
}

/**
 * The end of reading a capture (HAR file, SAML-tracer export) of `requests` requests: one that held
 * no SAML message says so. One whose values the spent budget skipped does hold SAML messages: the
 * budget's own finding says that.
 */
export function endOfCapture(
  collected: Collected,
  capture: { name: string; kind: CaptureKind; requests: number },
  limits: EngineLimits,
): Collected {
  if (
    collected.messages.length === 0 &&
    collected.findings.length === 0 &&
    !limits.budget?.isSpent()
  ) {
    collected.findings.push(noSamlMessageFinding(capture.name, capture.kind, capture.requests));
  }
  return collected;
}

export interface FieldOrigin {
  source: string;
  encoding: InputEncoding;
  /** The values came through a URL query: the Redirect binding, so DEFLATE-compressed. */
  fromQuery: boolean;
}

export function collectFields(
  found: SamlFields,
  origin: FieldOrigin,
  limits: EngineLimits,
  into: Collected,
): void {
  for (const field of found.fields) {
    const decoded = decodeSamlValue(
      field.value,
      { source: origin.source, expectDeflate: origin.fromQuery },
      limits,
    );
    if (!decoded.ok) {
      if (decoded.finding) into.findings.push(decoded.finding);
      continue;
    }
    into.messages.push({
      source: origin.source,
      encoding: origin.encoding,
      xml: decoded.xml,
      relayState: found.relayState,
      parameter: field.parameter,
    });
  }
}
