/** Every attribute value, one row each, virtualised so 20,000 values stay responsive. */
import { useMemo } from 'react';
import type { AttributeSummary } from '../../../shared/report';
import { shownName, shownValue } from '../../../shared/mapping/shown';
import { lastSegment } from '../../../shared/mapping/text';
import { VirtualTable } from './VirtualTable';

const COLUMNS = ['Name', 'Friendly name', 'Value'];

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
  const total = attributes.reduce((sum, a) => sum + a.values.length, 0);
  return (
    <section className="card attributes" aria-labelledby="attributes-title">
      <h2 id="attributes-title">
        Attributes{' '}
        <span className="muted small">
          {attributes.length} claims · {total} values
        </span>
      </h2>
      <VirtualTable
        rows={rows}
        label="Attributes"
        bodyLabel="Attribute values"
        columns={COLUMNS}
        rowHeight={28}
        overscan={15}
        rowKey={(_row, index) => String(index)}
        cells={(row) => (
          <>
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
              {row.value === null ? <em className="muted">no value</em> : shownValue(row.value)}
            </span>
          </>
        )}
      />
    </section>
  );
}
