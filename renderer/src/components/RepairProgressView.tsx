/** Progress of a repair job: bar, counts, ETA, cancel, and the results as they come. */
import type { RepairProgress } from '../../../shared/ipc';

const eta = (seconds: number | null) =>
  seconds === null
    ? 'estimating…'
    : seconds < 60
      ? `${seconds} s left`
      : `${Math.ceil(seconds / 60)} min left`;

export function RepairProgressView({
  progress,
  onCancel,
  onRefresh,
}: {
  progress: RepairProgress;
  onCancel(): void;
  onRefresh(): void;
}) {
  const repaired = progress.results.filter(
    (r) => r.outcome === 'repaired' || r.outcome === 'nothing-to-do',
  ).length;
  return (
    <section
      className="card progress-card"
      aria-labelledby="progress-title"
      data-testid="repair-progress"
    >
      <h2 id="progress-title">
        {progress.state === 'running'
          ? 'Repairing…'
          : progress.state === 'cancelled'
            ? 'Repair cancelled'
            : 'Repair finished'}
      </h2>
      <label className="progress-label">
        <span>
          {progress.done} of {progress.total} done · {progress.failed} failed
          {progress.state === 'running' ? ` · ${eta(progress.etaSeconds)}` : ''}
        </span>
        <progress max={Math.max(progress.total, 1)} value={progress.done} />
      </label>
      <div className="input-actions">
        {progress.state === 'running' ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={onRefresh}>
            Re-read the user
          </button>
        )}
        <span className="muted">{repaired} repaired or already right</span>
      </div>
      {progress.results.length > 0 && (
        <table className="table small" data-testid="repair-results">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Outcome</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {progress.results.slice(-200).map((r) => (
              <tr key={r.userId} className={`outcome-${r.outcome}`}>
                <td>{r.name}</td>
                <td>{r.outcome}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
