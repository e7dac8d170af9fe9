/**
 * A linear, non-recursive look at the markup before any parser sees it.
 *
 * It refuses every markup declaration (`<!DOCTYPE`, `<!ENTITY`, ...) so nothing is ever expanded or
 * fetched, and it refuses element nesting deeper than the limit, because xmldom and xml-crypto walk
 * the tree recursively and would overflow the stack on a 50,000-deep document.
 * Comments (up to a length the parser handles), CDATA sections and processing instructions are
 * skipped as the XML grammar says; a declaration-looking text inside them is only text. Anything
 * malformed is left to the parser, which reports it with a position, except constructs the scan
 * cannot step over (an unterminated comment, CDATA section, processing instruction or tag, or an
 * overlong comment): those are reported here, so no part of the text escapes the scan.
 */
export type PrescanProblem =
  | { kind: 'declaration'; keyword: string; offset: number }
  | { kind: 'too-deep'; depth: number; offset: number }
  | { kind: 'malformed'; reason: string; offset: number };

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

export function prescanMarkup(xml: string, maxDepth: number): PrescanProblem | null {
  let depth = 0;
  let i = xml.indexOf('<');
  while (i !== -1) {
    const next = xml.charCodeAt(i + 1);
    let resume: number;
    if (next === BANG) {
      if (xml.startsWith('<!--', i)) {
        resume = skipPast(xml, '-->', i + 4);
        if (resume === -1) return unterminated('comment', i);
        if (resume - i > MAX_COMMENT_CHARACTERS) return overlongComment(resume - i, i);
      } else if (xml.startsWith('<![CDATA[', i)) {
        resume = skipPast(xml, ']]>', i + 9);
        if (resume === -1) return unterminated('CDATA section', i);
      } else {
        return { kind: 'declaration', keyword: declarationKeyword(xml, i + 2), offset: i };
      }
    } else if (next === QUESTION) {
      resume = skipPast(xml, '?>', i + 2);
      if (resume === -1) return unterminated('processing instruction', i);
    } else if (next === SLASH) {
      depth--;
      resume = i + 2;
    } else {
      const end = endOfStartTag(xml, i + 1);
      if (end === TAG_RUNS_TO_END) return unterminated('tag', i);
      if (end === TAG_INTERRUPTED) {
        return { kind: 'malformed', reason: "a tag is not closed before the next '<'", offset: i };
      }
      if (xml.charCodeAt(end - 1) !== SLASH) {
        depth++;
        if (depth > maxDepth) return { kind: 'too-deep', depth, offset: i };
      }
      resume = end + 1;
    }
    i = xml.indexOf('<', resume);
  }
  return null;
}

/**
 * xmldom matches a comment with a backtracking pattern that runs out of stack at a few million
 * characters; no identity provider writes a comment of even a kilobyte, so a far shorter bound
 * refuses such a comment with its length and place instead of a parser crash.
 */
export const MAX_COMMENT_CHARACTERS = 1024 * 1024;

function overlongComment(length: number, offset: number): PrescanProblem {
  return {
    kind: 'malformed',
    reason: `a comment of ${length.toLocaleString('en-US')} characters, more than the ${MAX_COMMENT_CHARACTERS.toLocaleString('en-US')} the parser checks safely (identity providers write no such comment: was the message padded or edited?)`,
    offset,
  };
}

function unterminated(construct: string, offset: number): PrescanProblem {
  return {
    kind: 'malformed',
    reason: `the text ends inside a ${construct}: was the message cut short?`,
    offset,
  };
}

/** Index just after `terminator`, or -1 when the construct never ends. */
function skipPast(xml: string, terminator: string, from: number): number {
  const at = xml.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

const TAG_RUNS_TO_END = -1;
const TAG_INTERRUPTED = -2;

/** Index of the `>` closing a start tag, stepping over quoted attribute values. */
function endOfStartTag(xml: string, from: number): number {
  let quote = 0;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      quote = c;
    } else if (c === GT) {
      return j;
    } else if (c === LT) {
      // XML allows no `<` inside a tag outside attribute values: this tag never closes.
      return TAG_INTERRUPTED;
    }
  }
  return TAG_RUNS_TO_END;
}

function declarationKeyword(xml: string, from: number): string {
  const match = /^[A-Za-z]*/.exec(xml.slice(from, from + 16));
  const word = match?.[0] ?? '';
  return word === '' ? '<!' : word.toUpperCase();
}
