/**
 * Stage 2: parse the decoded XML with a hardened parser.
 *
 * Order matters for safety: the size limit, then a linear pre-scan that refuses every DOCTYPE or
 * ENTITY declaration and over-deep nesting, and only then @xmldom/xmldom, with every error and
 * warning treated as failure so malformed XML never yields a half-built document. Whitespace and
 * comments stay in the DOM exactly as in the text: signature verification and comment-injection
 * detection depend on them.
 */
import { DOMParser, MIME_TYPE, type Document } from '@xmldom/xmldom';
import { XMLValidator } from 'fast-xml-parser';
import type { Finding } from '../report';
import { DEFAULT_LIMITS, type EngineLimits, type ParseOutcome } from './types';
import {
  declarationFinding,
  malformedFinding,
  tooDeepFinding,
  tooLargeFinding,
} from './parse/findings';
import { createLocator } from './parse/locate';
import { lineColumnAt } from './parse/position';
import { prescanMarkup } from './parse/prescan';
import { rememberXmldomGrammarPatterns } from './parse/xmldom-speedup';

rememberXmldomGrammarPatterns();

export function parseXml(xml: string, limits: EngineLimits = DEFAULT_LIMITS): ParseOutcome {
  if (!/\S/.test(xml)) {
    return { ok: false, findings: [malformedFinding('the text is empty', null, null)] };
  }
  const refusal = refuseBeforeParsing(xml, limits);
  if (refusal !== null) return { ok: false, findings: [refusal] };

  const parsed = parseWithXmldom(xml);
  if (!parsed.ok) return { ok: false, findings: [describeMalformed(xml, parsed.failure)] };

  const { document } = parsed;
  const root = document.documentElement;
  if (document.doctype !== null) {
    // The pre-scan refuses every declaration first; this guards against the two ever disagreeing.
    return { ok: false, findings: [declarationFinding('DOCTYPE', 1, 1)] };
  }
  if (root === null) {
    return { ok: false, findings: [malformedFinding('there is no root element', null, null)] };
  }
  return { ok: true, parsed: { document, root, locate: createLocator() } };
}

/** Characters outside XML 1.0's Char production (xmldom would keep them silently). */
const NOT_XML_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

function refuseBeforeParsing(xml: string, limits: EngineLimits): Finding | null {
  const bytes = utf8Length(xml, limits.maxMessageBytes);
  if (bytes > limits.maxMessageBytes) return tooLargeFinding(bytes, limits.maxMessageBytes);

  const forbidden = xml.search(NOT_XML_CHARACTER);
  if (forbidden !== -1) {
    const { line, column } = lineColumnAt(xml, forbidden);
    const code = xml.charCodeAt(forbidden).toString(16).toUpperCase().padStart(4, '0');
    return malformedFinding(`the character U+${code} is not allowed in XML`, line, column);
  }

  const problem = prescanMarkup(xml, limits.maxDepth);
  if (problem === null) return null;
  const { line, column } = lineColumnAt(xml, problem.offset);
  switch (problem.kind) {
    case 'declaration':
      return declarationFinding(problem.keyword, line, column);
    case 'too-deep':
      return tooDeepFinding(limits.maxDepth, line, column);
    case 'malformed':
      return malformedFinding(problem.reason, line, column);
  }
}

/** UTF-8 size, skipping the exact count when the length alone settles the comparison. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  return Buffer.byteLength(text, 'utf8');
}

interface XmldomFailure {
  message: string;
  line: number | null;
  column: number | null;
}

type XmldomResult = { ok: true; document: Document } | { ok: false; failure: XmldomFailure };

/** Stops at the first problem xmldom reports: its recovery would otherwise hand back a guessed tree. */
class StopParsing extends Error {}

function parseWithXmldom(xml: string): XmldomResult {
  let failure: XmldomFailure | null = null;
  const parser = new DOMParser({
    onError(level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) {
      // A U+FFFD in the text is a value problem (VALUE_ENCODING), not a structural one.
      if (level === 'warning' && message.startsWith('Unicode replacement character')) return;
      failure ??= {
        message,
        line: context.locator?.lineNumber ?? null,
        column: context.locator?.columnNumber ?? null,
      };
      throw new StopParsing(message);
    },
  });
  try {
    const document = parser.parseFromString(xml, MIME_TYPE.XML_TEXT);
    if (failure !== null) return { ok: false, failure };
    return { ok: true, document };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: failure ?? { message, line: null, column: null } };
  }
}

/**
 * xmldom's positions point at the start of the element it was building; fast-xml-parser's
 * validator points at the offending character, so it is asked (only on this failure path).
 */
function describeMalformed(xml: string, failure: XmldomFailure): Finding {
  const verdict = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (verdict === true) {
    return malformedFinding(explainXmldomMessage(failure.message), failure.line, failure.column);
  }
  const unclosed = unclosedElements(verdict.err.msg);
  if (unclosed !== null) {
    const end = lineColumnAt(xml, xml.length);
    const reason = `the text ends before ${unclosed.join(', ')} ${unclosed.length === 1 ? 'is' : 'are'} closed: was the message cut short?`;
    return malformedFinding(reason, end.line, end.column);
  }
  return malformedFinding(verdict.err.msg, verdict.err.line ?? null, verdict.err.col ?? null);
}

/** xmldom's DOM-construction errors, in the words of the person reading the XML. */
const XMLDOM_EXPLANATIONS: Array<[RegExp, string]> = [
  [
    /prefix is non-null and namespace is null/,
    'a namespace prefix is used without being declared (no matching xmlns:prefix)',
  ],
  [/HierarchyRequestError/, 'there is more than one root element'],
  [
    /Maximum call stack size exceeded/,
    'a part of the message is too long for the XML parser to check (a comment, text or attribute of millions of characters)',
  ],
  [/missing root element/, 'there is no root element'],
];

function explainXmldomMessage(message: string): string {
  return XMLDOM_EXPLANATIONS.find(([pattern]) => pattern.test(message))?.[1] ?? message;
}

/** The open elements of the validator's end-of-text messages ("Unclosed tag 'x'.", "Invalid '[...]' found."). */
function unclosedElements(message: string): string[] | null {
  const single = /^Unclosed tag '([^']+)'\.$/.exec(message);
  if (single?.[1] !== undefined) return [single[1]];
  const list = /^Invalid '(\[.*\])' found\.$/.exec(message)?.[1];
  if (list === undefined) return null;
  try {
    const names: unknown = JSON.parse(list);
    return Array.isArray(names) && names.every((n) => typeof n === 'string') ? names : null;
  } catch {
    return null;
  }
}
