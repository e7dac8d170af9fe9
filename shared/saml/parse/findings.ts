/** The parse stage's findings, worded for the person who pasted the message. */
import { finding } from '../../findings/finding';
import type { Finding } from '../../report';

export function tooLargeFinding(bytes: number, limit: number): Finding {
  return finding('INPUT_TOO_LARGE', {
    message: `The message is ${formatBytes(bytes)}, over the ${formatBytes(limit)} limit, so it was not parsed.`,
    fix: 'Give one SAML message at a time (a real SAML Response is a few kilobytes); if it really is this large, ask the identity provider why it sends so many attributes.',
    location: null,
    evidence: { bytes, limitBytes: limit },
  });
}

export function tooDeepFinding(maxDepth: number, line: number, column: number): Finding {
  return finding('INPUT_TOO_LARGE', {
    message: `The XML nests elements more than ${maxDepth} levels deep, far deeper than any SAML message, so it was not parsed.`,
    fix: 'Check that the input is the SAML message your identity provider sent; a document nested this deeply is malformed or built to exhaust the parser.',
    location: { path: '/', line, column },
    evidence: { reason: `nesting deeper than ${maxDepth}`, maxDepth },
  });
}

export function declarationFinding(keyword: string, line: number, column: number): Finding {
  return finding('INPUT_DTD_FORBIDDEN', {
    message: `The XML contains ${/^[AEIOU]/.test(keyword) ? 'an' : 'a'} ${keyword} declaration at line ${line}, column ${column}; SAML messages never carry one, so the message was refused before parsing and nothing in it was expanded or fetched.`,
    fix: 'Remove the DOCTYPE/ENTITY declaration at the identity provider; if the message came from somewhere you do not control, treat it as an attack (entity expansion or external entity).',
    location: { path: '/', line, column },
    evidence: { declaration: keyword },
  });
}

export function malformedFinding(
  reason: string,
  line: number | null,
  column: number | null,
): Finding {
  const where =
    line === null ? '' : ` at line ${line}${column === null ? '' : `, column ${column}`}`;
  return finding('INPUT_XML_MALFORMED', {
    message: `The XML is not well-formed${where}: ${reason}`,
    fix: 'Copy the whole message again, straight from the browser (a HAR or SAML-tracer export is safest); a message that was cut short or edited by hand cannot be checked, and its signature would no longer verify.',
    location: { path: '/', line, column },
    evidence: { reason },
  });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
