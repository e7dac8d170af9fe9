/**
 * The decoded XML, syntax-highlighted, one element per row, foldable, virtualised (a 20,000-value
 * assertion scrolls smoothly). The selected element is highlighted and scrolled into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { layoutXml, visibleRows, type XmlLayout } from '../xml/layout';

const ROW_HEIGHT = 20;

export interface XmlViewProps {
  xml: string;
  /** Index into the layout's elements to highlight. */
  highlight: number | null;
  layout?: XmlLayout;
}

export function XmlView({ xml, highlight, layout: given }: XmlViewProps) {
  const layout = useMemo(() => given ?? layoutXml(xml), [given, xml]);
  const [folded, setFolded] = useState<ReadonlySet<number>>(() => new Set());
  const rows = useMemo(() => visibleRows(layout, folded), [layout, folded]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const span = highlight === null ? null : (layout.elements[highlight] ?? null);

  // Unfold whatever hides the highlighted element, then bring it into view.
  useEffect(() => {
    if (!span) return;
    const hiding = [...folded].filter((e) => {
      const outer = layout.elements[e]!;
      return outer.firstRow < span.firstRow && outer.lastRow > span.firstRow;
    });
    if (hiding.length > 0) {
      setFolded((current) => new Set([...current].filter((e) => !hiding.includes(e))));
      return;
    }
    const at = rows.indexOf(span.firstRow);
    if (at !== -1) virtualizer.scrollToIndex(at, { align: 'center' });
  }, [span, rows, folded, layout, virtualizer]);

  const toggle = (element: number) =>
    setFolded((current) => {
      const next = new Set(current);
      if (next.has(element)) next.delete(element);
      else next.add(element);
      return next;
    });

  return (
    <div className="xml-view" ref={scroller} role="region" aria-label="Decoded XML" tabIndex={0}>
      <div className="xml-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const rowIndex = rows[item.index]!;
          const row = layout.rows[rowIndex]!;
          const element = row.element === null ? null : layout.elements[row.element]!;
          const foldable = element !== null && element.lastRow > element.firstRow;
          const isFolded = row.element !== null && folded.has(row.element);
          const lit = span !== null && rowIndex >= span.firstRow && rowIndex <= span.lastRow;
          return (
            <div
              key={item.key}
              className={lit ? 'xml-row lit' : 'xml-row'}
              data-lit={lit || undefined}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <span className="xml-gutter">
                {foldable ? (
                  <button
                    type="button"
                    className="fold"
                    aria-expanded={!isFolded}
                    aria-label={`${isFolded ? 'Expand' : 'Collapse'} ${element.name}`}
                    onClick={() => toggle(row.element!)}
                  >
                    {isFolded ? '▸' : '▾'}
                  </button>
                ) : null}
              </span>
              <span className="xml-code" style={{ paddingLeft: `${row.depth * 1.25}em` }}>
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
  );
}
