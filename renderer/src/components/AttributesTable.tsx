/** Every attribute value, one row each, virtualised so 20,000 values stay responsive. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { AttributeSummary } from '../../../shared/report';
import { shownName, shownValue } from '../../../shared/mapping/shown';
import { lastSegment } from '../../../shared/mapping/text';

const ROW_HEIGHT = 28;

export function AttributesTable({ attributes }: { attributes: AttributeSummary[] }) {
  const rows = useMemo(
    () =>
      attributes.flatMap((a) =>
        a.values.length === 0
          ? [{ attribute: a, value: null as string | null, first: true }]
          : a.values.map((value, i) => ({ attribute: a, value, first: i === 0 })),
      ),
    [attributes],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const total = attributes.reduce((sum, a) => sum + a.values.length, 0);
  return (
    <section className="card attributes" aria-labelledby="attributes-title">
      <h2 id="attributes-title">
        Attributes{' '}
        <span className="muted small">
          {attributes.length} claims · {total} values
        </span>
      </h2>
      <div className="vtable" role="table" aria-label="Attributes" aria-rowcount={rows.length + 1}>
        <div role="rowgroup">
          <div className="vrow vhead" role="row">
            <span role="columnheader">Name</span>
            <span role="columnheader">Friendly name</span>
            <span role="columnheader">Value</span>
          </div>
        </div>
        <div
          className="vbody"
          ref={scroller}
          role="rowgroup"
          tabIndex={0}
          aria-label="Attribute values"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  className="vrow"
                  role="row"
                  aria-rowindex={item.index + 2}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <span
                    role="cell"
                    className={row.first ? 'mono' : 'mono muted'}
                    title={row.attribute.name}
                  >
                    {/* Later values of a claim name it again, faintly, so a scrolled list keeps its context. */}
                    {row.first
                      ? shownName(row.attribute.name)
                      : `↳ ${shownName(lastSegment(row.attribute.name))}`}
                  </span>
                  <span role="cell">{row.first ? (row.attribute.friendlyName ?? '') : ''}</span>
                  <span role="cell" className="mono">
                    {row.value === null ? (
                      <em className="muted">no value</em>
                    ) : (
                      shownValue(row.value)
                    )}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
