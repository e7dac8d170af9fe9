/**
 * Test fixtures for the extract and check stages: the real signed sample responses, parsed with
 * @xmldom/xmldom and handed to the extractor the way the verify stage hands them over (the root
 * Response and its one Assertion).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { JitDoctorConfig } from '../../../../shared/config/types';
import { extractMessage, type ExtractOutcome } from '../../../../shared/saml/extract';
import { NS, childNamed } from '../../../../shared/saml/extract-text';
import type {
  CheckContext,
  DecodedMessage,
  ExtractedMessage,
  ParsedXml,
  VerifyOutcome,
} from '../../../../shared/saml/types';

export const SAMPLES = fileURLToPath(new URL('../../../fixtures/samples', import.meta.url));

export function sampleXml(name: string, file = 'input.xml'): string {
  return readFileSync(join(SAMPLES, name, file), 'utf8');
}

export function sampleConfig(name: string): JitDoctorConfig {
  return JSON.parse(readFileSync(join(SAMPLES, name, 'config.json'), 'utf8')) as JitDoctorConfig;
}

export function parsedFrom(xml: string): ParsedXml {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const root = document.documentElement!;
  const locate = (node: Node) => {
    const parts: string[] = [];
    for (let n: Node | null = node; n && n.nodeType === 1; n = n.parentNode) {
      parts.unshift((n as Element).localName ?? '');
    }
    return {
      path: `/${parts.join('/')}`,
      line: node.lineNumber ?? null,
      column: node.columnNumber ?? null,
    };
  };
  return { document, root, locate };
}

/** What the verify stage returns for a message whose one Assertion sits under the Response. */
export function verifiedOutcome(parsed: ParsedXml): VerifyOutcome {
  return {
    signature: { status: 'valid', signed: [] },
    findings: [],
    response: parsed.root,
    assertion: childNamed(parsed.root, NS.assertion, 'Assertion'),
  };
}

export function decodedFrom(xml: string, source = 'input.xml'): DecodedMessage {
  return { source, encoding: 'xml', xml, relayState: null, parameter: null };
}

export function extractXml(xml: string): ExtractOutcome {
  const parsed = parsedFrom(xml);
  return extractMessage(decodedFrom(xml), parsed, verifiedOutcome(parsed));
}

export function extractSample(name: string): ExtractedMessage {
  return extractXml(sampleXml(name)).message;
}

export const NOW = new Date('2026-11-23T09:00:00Z');

export function contextFor(
  message: ExtractedMessage,
  config: JitDoctorConfig,
  now: Date = NOW,
): CheckContext {
  return { message, config, now, directory: null };
}

export const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);
