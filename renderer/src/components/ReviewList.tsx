/**
 * The stuck agents under review: every one of them (no cap), virtualised so 2,000+ rows stay
 * responsive, each with its checkbox and its plan in words.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { RepairCandidate } from '../../../shared/ipc';

const ROW_HEIGHT = 48;

const createdText = (iso: string | null) =>
  iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) : '—';

export function ReviewList({
  shown,
  selected,
  onToggle,
}: {
  shown: readonly RepairCandidate[];
  selected: ReadonlySet<string>;
  onToggle(id: string, on: boolean): void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <div
      className="vtable review-table"
      role="table"
      aria-label="Stuck agents to review"
      aria-rowcount={shown.length + 1}
      data-testid="review-list"
    >
      <div role="rowgroup">
        <div className="vrow vhead" role="row" aria-rowindex={1}>
          <span role="columnheader">Agent</span>
          <span role="columnheader">Department</span>
          <span role="columnheader">Rule</span>
          <span role="columnheader">Created (UTC)</span>
          <span role="columnheader">Plan</span>
        </div>
      </div>
      <div className="vbody" ref={scroller} role="rowgroup" tabIndex={0} aria-label="Agents">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const c = shown[item.index]!;
            const checked = selected.has(c.user.id);
            return (
              <div
                key={c.user.id}
                className={checked ? 'vrow chosen' : 'vrow'}
                role="row"
                aria-rowindex={item.index + 2}
                data-email={c.user.email}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <span role="cell" className="agent-cell">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={(event) => onToggle(c.user.id, event.target.checked)}
                    />
                    <span>
                      {c.user.name}
                      <span className="muted small block">{c.user.email}</span>
                    </span>
                  </label>
                </span>
                <span role="cell">{c.user.department ?? '—'}</span>
                <span role="cell" className="small">
                  {c.rule ?? 'no rule'}
                </span>
                <span role="cell" className="mono small">
                  {createdText(c.createdAt)}
                </span>
                <span role="cell" className="small plan-cell" title={c.steps.join('\n')}>
                  {c.steps.length > 0 ? c.steps.join('; ') : c.summary}
                  {c.plan.blocked.length > 0 && (
                    <span className="bad"> · cannot plan: {c.plan.blocked.join('; ')}</span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
