/**
 * The XML view's model: the decoded XML tokenised for highlighting and laid out one element per
 * row (indented), so a one-line IdP response still reads well. Every element keeps the line and
 * column where it starts in the decoded XML, which is what findings point at. Pure; no DOM.
 */

type TokenKind =
  'punct' | 'tag' | 'attr' | 'value' | 'text' | 'comment' | 'cdata' | 'pi' | 'doctype';

interface Token {
  kind: TokenKind;
  text: string;
}

export interface XmlRow {
  depth: number;
  tokens: Token[];
  /** Index into `elements` of the element whose start tag opens this row. */
  element: number | null;
}

interface XmlElementSpan {
  name: string;
  /** `/Response/Assertion/AttributeStatement/Attribute[3]`, local names, 1-based sibling index. */
  path: string;
  line: number;
  column: number;
  firstRow: number;
  lastRow: number;
  /** Where the element's source starts and ends in the decoded XML (offsets, end exclusive). */
  start: number;
  end: number;
}

export interface XmlLayout {
  rows: XmlRow[];
  elements: XmlElementSpan[];
}

const PATTERN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![^>]*>?|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>|[^<]+|</g;
const ATTRIBUTE = /(\s+)([^\s=/>]+)(?:(\s*=\s*)("[^"]*"|'[^']*'))?/g;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

function startTagTokens(name: string, attributes: string, selfClosing: boolean): Token[] {
  const tokens: Token[] = [
    { kind: 'punct', text: '<' },
    { kind: 'tag', text: name },
  ];
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    tokens.push({ kind: 'attr', text: ` ${match[2]}` });
    if (match[4] !== undefined) {
      tokens.push({ kind: 'punct', text: '=' }, { kind: 'value', text: match[4] });
    }
  }
  tokens.push({ kind: 'punct', text: selfClosing ? '/>' : '>' });
  return tokens;
}

/** Lays the XML out; text that is only whitespace between tags is dropped from the view. */
export function layoutXml(xml: string): XmlLayout {
  const starts = lineStarts(xml);
  const rows: XmlRow[] = [];
  const elements: XmlElementSpan[] = [];
  /** Open elements: index into elements, and per-name child counters for paths. */
  const stack: { element: number; children: Map<string, number>; hasChildRows: boolean }[] = [];
  const rootChildren = new Map<string, number>();
  let current: XmlRow | null = null;

  const newRow = (element: number | null): XmlRow => {
    current = { depth: stack.length, tokens: [], element };
    rows.push(current);
    return current;
  };

  for (const match of xml.matchAll(PATTERN)) {
    const [text, endName, startName, attributes, slash] = match;
    const offset = match.index;
    if (startName !== undefined) {
      const parent = stack[stack.length - 1];
      if (parent) parent.hasChildRows = true;
      const siblings = parent?.children ?? rootChildren;
      const name = localName(startName);
      const index = (siblings.get(name) ?? 0) + 1;
      siblings.set(name, index);
      const parentPath = parent ? elements[parent.element]!.path : '';
      const { line, column } = position(starts, offset);
      const elementIndex = elements.length;
      const row = newRow(elementIndex);
      elements.push({
        name,
        path: `${parentPath}/${name}[${index}]`,
        line,
        column,
        firstRow: rows.length - 1,
        lastRow: rows.length - 1,
        start: offset,
        end: offset + text.length,
      });
      row.tokens.push(...startTagTokens(startName, attributes ?? '', slash === '/'));
      if (slash !== '/')
        stack.push({ element: elementIndex, children: new Map(), hasChildRows: false });
    } else if (endName !== undefined) {
      const open = stack.pop();
      const target: XmlRow =
        open && !open.hasChildRows && current !== null ? current : newRow(null);
      if (open && target.element === null) target.depth = stack.length;
      target.tokens.push(
        { kind: 'punct', text: '</' },
        { kind: 'tag', text: endName },
        { kind: 'punct', text: '>' },
      );
      if (open) {
        elements[open.element]!.lastRow = rows.length - 1;
        elements[open.element]!.end = offset + text.length;
      }
    } else if (text.startsWith('<!--')) {
      markChild(stack);
      newRow(null).tokens.push({ kind: 'comment', text });
    } else if (text.startsWith('<![CDATA[')) {
      appendInline(stack, current, newRow).tokens.push({ kind: 'cdata', text });
    } else if (text.startsWith('<?')) {
      markChild(stack);
      newRow(null).tokens.push({ kind: 'pi', text });
    } else if (text.startsWith('<!')) {
      markChild(stack);
      newRow(null).tokens.push({ kind: 'doctype', text });
    } else if (text.trim() !== '') {
      appendInline(stack, current, newRow).tokens.push({ kind: 'text', text });
    }
  }
  // Unclosed elements (malformed input) run to the end.
  for (const open of stack) {
    elements[open.element]!.lastRow = rows.length - 1;
    elements[open.element]!.end = xml.length;
  }
  return { rows, elements };
}

function markChild(stack: { hasChildRows: boolean }[]): void {
  const parent = stack[stack.length - 1];
  if (parent) parent.hasChildRows = true;
}

/** Text and CDATA stay on their element's row unless the element already has child rows. */
function appendInline(
  stack: { hasChildRows: boolean }[],
  current: XmlRow | null,
  newRow: (element: number | null) => XmlRow,
): XmlRow {
  const parent = stack[stack.length - 1];
  if (parent && !parent.hasChildRows && current) return current;
  return newRow(null);
}

const withoutFirstIndex = (path: string) => path.replace(/\[1\]/g, '');

/**
 * The element a finding points at: the one starting at its line and column, else the first on
 * its line, else the one with its path (indices `[1]` optional on either side).
 */
export function elementAt(
  layout: XmlLayout,
  location: { path: string; line: number | null; column: number | null } | null,
): number | null {
  if (!location) return null;
  const { elements } = layout;
  if (location.line !== null) {
    const exact = elements.findIndex(
      (e) => e.line === location.line && (location.column === null || e.column === location.column),
    );
    if (exact !== -1) return exact;
    // Some parsers report the column after the tag name or at the tag's end: take the last element starting before it.
    let best = -1;
    for (let i = 0; i < elements.length; i += 1) {
      const e = elements[i]!;
      if (e.line === location.line && (location.column === null || e.column <= location.column)) {
        best = i;
      }
    }
    if (best !== -1) return best;
  }
  if (location.path) {
    const wanted = withoutFirstIndex(location.path);
    const found = elements.findIndex((e) => withoutFirstIndex(e.path) === wanted);
    if (found !== -1) return found;
  }
  return null;
}

/** The rows still visible when the elements in `folded` are collapsed. */
export function visibleRows(layout: XmlLayout, folded: ReadonlySet<number>): number[] {
  const visible: number[] = [];
  let skipUntil = -1;
  for (let row = 0; row < layout.rows.length; row += 1) {
    if (row <= skipUntil) continue;
    visible.push(row);
    const element = layout.rows[row]!.element;
    if (element !== null && folded.has(element)) {
      const span = layout.elements[element]!;
      if (span.lastRow > span.firstRow) skipUntil = span.lastRow - 1;
    }
  }
  return visible;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of an element as a person copies it: its text and CDATA, one line per row, entities decoded. */
export function elementText(layout: XmlLayout, element: number): string {
  const span = layout.elements[element];
  if (!span) return '';
  const parts: string[] = [];
  for (let row = span.firstRow; row <= span.lastRow; row += 1) {
    for (const token of layout.rows[row]!.tokens) {
      if (token.kind === 'text') parts.push(decodeEntities(token.text));
      else if (token.kind === 'cdata') parts.push(token.text.replace(/^<!\[CDATA\[|\]\]>$/g, ''));
    }
  }
  return parts.join('\n');
}

/** The row's text as shown (for find). */
export const rowText = (row: XmlRow): string => row.tokens.map((t) => t.text).join('');

/** The elements that enclose a row (its ancestors and the element it opens), outermost first. */
export function enclosing(layout: XmlLayout, row: number): number[] {
  const found: number[] = [];
  layout.elements.forEach((e, i) => {
    if (e.firstRow <= row && e.lastRow >= row) found.push(i);
  });
  return found;
}

/** The innermost element a row belongs to. */
export function elementOfRow(layout: XmlLayout, row: number): number | null {
  const own = layout.rows[row]?.element ?? null;
  if (own !== null) return own;
  const around = enclosing(layout, row);
  return around.length > 0 ? around[around.length - 1]! : null;
}
