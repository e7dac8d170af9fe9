/**
 * The decoded XML, syntax-highlighted, one element per row, virtualised (a 20,000-value assertion
 * scrolls smoothly) with rows of their real height: a wrapped SignatureValue or certificate takes
 * the lines it needs and never draws over the next row. Find (Ctrl/Cmd+F), copy of an element or
 * its value, and folding that keeps the selected finding's element in view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  elementOfRow,
  elementText,
  enclosing,
  layoutXml,
  rowText,
  visibleRows,
  type XmlLayout,
} from '../xml/layout';
import { CopyButton } from './CopyButton';

const ROW_HEIGHT = 20;

export interface XmlViewProps {
  xml: string;
  /** Index into the layout's elements to highlight. */
  highlight: number | null;
  layout?: XmlLayout;
}

/** A first guess of a row's height: one line per line break in it (measured once rendered). */
const estimateRow = (layout: XmlLayout, row: number) => {
  let lines = 1;
  for (const token of layout.rows[row]!.tokens) {
    for (let i = token.text.indexOf('\n'); i !== -1; i = token.text.indexOf('\n', i + 1))
      lines += 1;
  }
  return lines * ROW_HEIGHT;
};

export function XmlView({ xml, highlight, layout: given }: XmlViewProps) {
  const layout = useMemo(() => given ?? layoutXml(xml), [given, xml]);
  const [folded, setFolded] = useState<ReadonlySet<number>>(() => new Set());
  const rows = useMemo(() => visibleRows(layout, folded), [layout, folded]);
  const scroller = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [matchAt, setMatchAt] = useState(0);
  /** The element the copy buttons act on: the highlighted one, or the row clicked last. */
  const [picked, setPicked] = useState<number | null>(null);
  /** A row (of the layout) to bring into view once it is visible. */
  const [reveal, setReveal] = useState<number | null>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => estimateRow(layout, rows[index]!),
    overscan: 12,
  });
  const span = highlight === null ? null : (layout.elements[highlight] ?? null);
  const current = picked ?? highlight;
  const currentSpan = current === null ? null : (layout.elements[current] ?? null);

  const matches = useMemo(() => {
    const wanted = query.trim().toLowerCase();
    if (!wanted) return [];
    const found: number[] = [];
    layout.rows.forEach((row, index) => {
      if (rowText(row).toLowerCase().includes(wanted)) found.push(index);
    });
    return found;
  }, [layout, query]);
  const match = matches.length > 0 ? matches[Math.min(matchAt, matches.length - 1)]! : null;

  /** Unfolds whatever hides a row, then scrolls to it. */
  const bringIntoView = (row: number) => {
    const hiding = enclosing(layout, row).filter(
      (e) => folded.has(e) && layout.elements[e]!.firstRow < row,
    );
    if (hiding.length > 0) setFolded((now) => new Set([...now].filter((e) => !hiding.includes(e))));
    setReveal(row);
  };

  // A newly highlighted finding's element: clear the row pick, unfold its ancestors, show it.
  useEffect(() => {
    if (!span) return;
    setPicked(null);
    bringIntoView(span.firstRow);
    // Only a new highlight moves the view; folding by hand afterwards must not undo itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [span]);

  useEffect(() => {
    if (reveal === null) return;
    const at = rows.indexOf(reveal);
    if (at === -1) return;
    virtualizer.scrollToIndex(at, { align: 'center' });
    setReveal(null);
  }, [reveal, rows, virtualizer]);

  // Ctrl/Cmd+F finds in the XML (the view's rows are virtualised: the browser's find cannot).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        findInput.current?.focus();
        findInput.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // As the person types, the first match comes into view, as a browser's find does.
  useEffect(() => {
    if (matches.length > 0) bringIntoView(matches[0]!);
    // Only a new query moves the view; stepping moves it itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matches]);

  const step = (by: number) => {
    if (matches.length === 0) return;
    const next = (Math.min(matchAt, matches.length - 1) + by + matches.length) % matches.length;
    setMatchAt(next);
    bringIntoView(matches[next]!);
  };

  const toggle = (element: number) =>
    setFolded((now) => {
      const next = new Set(now);
      if (next.has(element)) next.delete(element);
      else next.add(element);
      return next;
    });

  /** Folds every element but the root and the path to the selected element, which stays in view. */
  const foldOthers = () => {
    const keep = new Set(currentSpan ? enclosing(layout, currentSpan.firstRow) : []);
    const next = new Set<number>();
    layout.elements.forEach((e, i) => {
      if (i > 0 && e.lastRow > e.firstRow && !keep.has(i)) next.add(i);
    });
    setFolded(next);
    if (currentSpan) setReveal(currentSpan.firstRow);
  };

  const matchSet = useMemo(() => new Set(matches), [matches]);
  const isLit = (rowIndex: number, element: number | null) => {
    if (!span) return false;
    if (rowIndex >= span.firstRow && rowIndex <= span.lastRow) return true;
    // A folded ancestor stands in for the element it hides.
    if (element === null || !folded.has(element)) return false;
    const outer = layout.elements[element]!;
    return outer.firstRow < span.firstRow && outer.lastRow >= span.firstRow;
  };

  return (
    <div className="xml-viewer">
      <div className="xml-tools">
        <label className="inline-field">
          Find in XML
          <input
            ref={findInput}
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setMatchAt(0);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                step(event.shiftKey ? -1 : 1);
              } else if (event.key === 'Escape') {
                setQuery('');
              }
            }}
            placeholder="Ctrl/Cmd+F"
          />
        </label>
        <span className="muted small" role="status" aria-live="polite">
          {query.trim() === ''
            ? ''
            : matches.length === 0
              ? 'No match'
              : `${Math.min(matchAt, matches.length - 1) + 1} of ${matches.length}`}
        </span>
        <button
          type="button"
          className="small-button"
          onClick={() => step(-1)}
          disabled={matches.length === 0}
        >
          Previous
        </button>
        <button
          type="button"
          className="small-button"
          onClick={() => step(1)}
          disabled={matches.length === 0}
        >
          Next
        </button>
        <button type="button" className="small-button" onClick={foldOthers}>
          {currentSpan ? 'Fold all but the selection' : 'Fold all'}
        </button>
        <button
          type="button"
          className="small-button"
          onClick={() => setFolded(new Set())}
          disabled={folded.size === 0}
        >
          Unfold all
        </button>
      </div>
      {current !== null && currentSpan && (
        <p className="xml-selection">
          <span>
            Selected <code>&lt;{currentSpan.name}&gt;</code> at line {currentSpan.line}
          </span>
          <CopyButton
            value={xml.slice(currentSpan.start, currentSpan.end)}
            label={`Copy element <${currentSpan.name}>`}
            text="Copy element"
          />
          <CopyButton
            value={elementText(layout, current)}
            label={`Copy value of <${currentSpan.name}>`}
            text="Copy value"
          />
        </p>
      )}
      <div className="xml-view" ref={scroller} role="region" aria-label="Decoded XML" tabIndex={0}>
        <div className="xml-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const rowIndex = rows[item.index]!;
            const row = layout.rows[rowIndex]!;
            const element = row.element === null ? null : layout.elements[row.element]!;
            const foldable = element !== null && element.lastRow > element.firstRow;
            const isFolded = row.element !== null && folded.has(row.element);
            const lit = isLit(rowIndex, row.element);
            const classes = ['xml-row'];
            if (lit) classes.push('lit');
            if (matchSet.has(rowIndex))
              classes.push(rowIndex === match ? 'found current' : 'found');
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={classes.join(' ')}
                data-lit={lit || undefined}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span className="xml-gutter">
                  {foldable ? (
                    <button
                      type="button"
                      className="fold"
                      aria-expanded={!isFolded}
                      aria-label={`${isFolded ? 'Expand' : 'Collapse'} ${element.name} at line ${element.line}`}
                      onClick={() => toggle(row.element!)}
                    >
                      {isFolded ? '▸' : '▾'}
                    </button>
                  ) : null}
                </span>
                <span
                  className="xml-code"
                  style={{ paddingLeft: `${row.depth * 1.25}em` }}
                  onClick={() => setPicked(elementOfRow(layout, rowIndex))}
                >
                  {row.tokens.map((token, i) => (
                    <span key={i} className={`x-${token.kind}`}>
                      {token.text}
                    </span>
                  ))}
                  {isFolded && <span className="x-fold">…</span>}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
