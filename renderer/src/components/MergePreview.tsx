/** What an import or a restore would change in the configuration, setting by setting, before it does. */
import type { ConfigChange, ConfigMerge } from '../../../shared/config/merge';

const MAX_SHOWN = 160;

function shown(path: string, value: unknown) {
  if (value === undefined) return <em className="muted">not set</em>;
  if (Array.isArray(value) && path.endsWith('certificates'))
    return `${value.length} certificate${value.length === 1 ? '' : 's'}`;
  if (Array.isArray(value) && path.endsWith('rules'))
    return `${value.length} rule${value.length === 1 ? '' : 's'}`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function ChangeRow({ change }: { change: ConfigChange }) {
  return (
    <tr>
      <th scope="row" className="mono">
        {change.path}
      </th>
      <td className="mono small">{shown(change.path, change.before)}</td>
      <td className="mono small">{shown(change.path, change.after)}</td>
    </tr>
  );
}

export function MergePreview({
  title,
  action,
  merge,
  onConfirm,
  onCancel,
}: {
  title: string;
  action: string;
  merge: ConfigMerge;
  onConfirm(): void;
  onCancel(): void;
}) {
  const count = merge.changes.length;
  return (
    <section className="card merge-preview" aria-labelledby="merge-title">
      <h2 id="merge-title">{title}</h2>
      <p>
        {count === 0
          ? 'Nothing would change: the configuration already has these settings.'
          : `${count} setting${count === 1 ? '' : 's'} would change; ${merge.unchanged} stay${merge.unchanged === 1 ? 's' : ''} as ${merge.unchanged === 1 ? 'it is' : 'they are'}. Nothing is saved until you Save.`}
      </p>
      {count > 0 && (
        <table className="table" aria-label="Changes">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Now</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {merge.changes.map((change) => (
              <ChangeRow key={change.path} change={change} />
            ))}
          </tbody>
        </table>
      )}
      <div className="input-actions">
        <button type="button" className="primary" disabled={count === 0} onClick={onConfirm}>
          {action}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
