/**
 * The stuck agents under review: every one of them (no cap), virtualised so 2,000+ rows stay
 * responsive, each with its checkbox and its plan in words.
 */
import type { RepairCandidate } from '../../../shared/ipc';
import { VirtualTable } from './VirtualTable';

const COLUMNS = ['Agent', 'Department', 'Rule', 'Created (UTC)', 'Plan'];

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
  return (
    <VirtualTable
      rows={shown}
      label="Stuck agents to review"
      bodyLabel="Agents"
      columns={COLUMNS}
      rowHeight={48}
      className="review-table"
      testId="review-list"
      rowKey={(c) => c.user.id}
      rowProps={(c) => ({
        className: selected.has(c.user.id) ? 'chosen' : undefined,
        'data-email': c.user.email,
      })}
      cells={(c) => (
        <>
          <span role="cell" className="agent-cell">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={selected.has(c.user.id)}
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
        </>
      )}
    />
  );
}
