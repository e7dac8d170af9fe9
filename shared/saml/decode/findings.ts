/** The decode stage's findings, worded for the person who pasted or dropped the input. */
import { finding } from '../../findings/finding';
import type { Finding } from '../../report';

const ACCEPTED_FORMS =
  'raw XML, the base64 SAMLResponse value, a deflated SAMLRequest, a form body (SAMLResponse=...), a URL with SAMLResponse/SAMLRequest in its query, a HAR file or a SAML-tracer export';

export function emptyFinding(source: string): Finding {
  return finding('INPUT_EMPTY', {
    message: `${source} is empty: there is nothing to diagnose.`,
    fix: `Paste or load a SAML message: ${ACCEPTED_FORMS}.`,
    evidence: { source },
  });
}

/** `detected` says what the input looked like; `reason` why it is not a usable SAML message. */
export function unrecognizedFinding(
  source: string,
  detected: string,
  reason: string,
  details: Record<string, string> = {},
  fix = `Give ${ACCEPTED_FORMS}. Copy the SAMLResponse value whole, from the browser's network tab or a SAML-tracer/HAR capture.`,
): Finding {
  return finding('INPUT_UNRECOGNIZED', {
    message: `${source} is not a SAML message: ${reason}.`,
    fix,
    evidence: { source, detected, reason, ...details },
  });
}

export type CaptureKind = 'HAR file' | 'SAML-tracer export';

export function noSamlMessageFinding(source: string, kind: CaptureKind, requests: number): Finding {
  return finding('INPUT_NO_SAML_MESSAGE', {
    message:
      requests === 0
        ? `The ${kind} ${source} holds no requests at all, so no SAMLResponse or SAMLRequest.`
        : `The ${kind} ${source} holds ${requests} request${requests === 1 ? '' : 's'} but no SAMLResponse or SAMLRequest.`,
    fix: 'Record the capture again from before you start the sign-in until Genesys Cloud has loaded (enable "Preserve log" in the browser\'s network tab), then export it.',
    evidence: { source, requests },
  });
}

/** `bytes` is null when inflation stopped at the limit, so the full size is unknown (by design). */
export function tooLargeInputFinding(source: string, bytes: number | null, limit: number): Finding {
  const size =
    bytes === null
      ? `inflates to more than the ${formatMiB(limit)} limit, so inflating stopped there`
      : `is ${formatMiB(bytes)} once decoded, over the ${formatMiB(limit)} limit, so it was not read further`;
  return finding('INPUT_TOO_LARGE', {
    message: `The message in ${source} ${size}.`,
    fix: 'Give one SAML message at a time (a real SAML Response is a few kilobytes); a message this large is not what the identity provider sends, or is built to exhaust memory.',
    evidence: { source, limitBytes: limit, ...(bytes === null ? {} : { bytes }) },
  });
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
