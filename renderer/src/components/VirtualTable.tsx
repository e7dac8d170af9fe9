/**
 * A table of thousands of rows that stays responsive: only the rows in view (and a few around
 * them) are in the DOM. It keeps the table's roles (rows know their index among all of them) and
 * its body scrolls with the keyboard once focused. Columns are laid out by the caller's CSS class.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type HTMLAttributes, type ReactNode } from 'react';

export function VirtualTable<Row>({
  rows,
  label,
  bodyLabel,
  columns,
  rowHeight,
  measured = false,
  overscan = 10,
  className,
  testId,
  rowKey,
  rowProps,
  cells,
}: {
  rows: readonly Row[];
  /** The table's accessible name. */
  label: string;
  /** The scrolling body's accessible name. */
  bodyLabel: string;
  columns: readonly string[];
  /** Every row's height in pixels; with `measured`, an estimate, and rows grow to fit their text. */
  rowHeight: number;
  measured?: boolean;
  overscan?: number;
  /** Added to "vtable": the caller's column layout. */
  className?: string;
  testId?: string;
  rowKey(row: Row, index: number): string;
  /** Class and data attributes of a row. */
  rowProps?(row: Row): HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string>;
  /** The row's cells, one per column, each a `<span role="cell">`. */
  cells(row: Row, index: number): ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    getItemKey: (index) => rowKey(rows[index]!, index),
  });
  return (
    <div
      className={className ? `vtable ${className}` : 'vtable'}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      data-testid={testId}
    >
      <div role="rowgroup">
        <div className="vrow vhead" role="row" aria-rowindex={1}>
          {columns.map((column) => (
            <span key={column} role="columnheader">
              {column}
            </span>
          ))}
        </div>
      </div>
      <div className="vbody" ref={scroller} role="rowgroup" tabIndex={0} aria-label={bodyLabel}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const props = rowProps?.(row) ?? {};
            return (
              <div
                {...props}
                key={item.key}
                className={props.className ? `vrow ${props.className}` : 'vrow'}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={measured ? virtualizer.measureElement : undefined}
                style={{
                  transform: `translateY(${item.start}px)`,
                  ...(measured ? { minHeight: rowHeight } : { height: rowHeight }),
                }}
              >
                {cells(row, item.index)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
