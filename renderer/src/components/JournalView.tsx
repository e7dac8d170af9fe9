/**
 * The repair journal as an admin reads it: jobs grouped with their org, each step with the user's
 * state before and after in words, filters by user and outcome, export, and a resume of the users
 * a job did not verify. Read from disk by the main process, so it opens with the org unreachable.
 */
import { useState } from 'react';
import type { JournalJobView, JournalStepView } from '../../../shared/ipc';

const ROWS_PER_JOB = 200;
const STEP_OUTCOMES: JournalStepView['outcome'][] = ['done', 'failed', 'in flight'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);

export function JournalView({
  jobs,
  busy,
  onExport,
  onResume,
}: {
  jobs: JournalJobView[];
  busy: boolean;
  onExport(format: 'json' | 'csv'): void;
  onResume(run: string): void;
}) {
  const [user, setUser] = useState('');
  const [outcome, setOutcome] = useState<'' | JournalStepView['outcome']>('');
  const needle = user.trim().toLowerCase();
  const keep = (step: JournalStepView) =>
    (!outcome || step.outcome === outcome) &&
    (!needle || `${step.name ?? ''}\n${step.userId}`.toLowerCase().includes(needle));

  if (jobs.length === 0)
    return <p className="muted">The journal is empty: no repair has run yet.</p>;
  return (
    <>
      <div className="form-row">
        <label>
          User (name or id)
          <input type="search" value={user} onChange={(event) => setUser(event.target.value)} />
        </label>
        <label>
          Outcome
          <select
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as '' | JournalStepView['outcome'])}
          >
            <option value="">any</option>
            {STEP_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => onExport('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => onExport('json')}>
          Export JSON
        </button>
      </div>
      {jobs.map((job, index) => {
        const steps = job.steps.filter(keep);
        const failed = job.steps.filter((s) => s.outcome !== 'done').length;
        return (
          <details key={job.run} className="journal-job" open={index === 0} data-run={job.run}>
            <summary>
              <strong>{job.org}</strong>
              {job.region && <span className="muted"> ({job.region})</span>} · {time(job.startedAt)}{' '}
              UTC · {plural(job.users, 'user')} · {plural(job.steps.length, 'step')}
              {failed > 0 && <span className="bad"> · {failed} not done</span>}
              {job.unverified > 0 && <span> · {job.unverified} users not verified</span>}
            </summary>
            {job.unverified > 0 && (
              <p>
                <button type="button" disabled={busy} onClick={() => onResume(job.run)}>
                  Resume: re-check the {plural(job.unverified, 'user')} this job did not verify
                </button>
              </p>
            )}
            {steps.length === 0 ? (
              <p className="muted small">No step of this job matches the filter.</p>
            ) : (
              <table className="table small">
                <caption className="visually-hidden">
                  Steps of the job started {time(job.startedAt)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Time (UTC)</th>
                    <th scope="col">User</th>
                    <th scope="col">Step</th>
                    <th scope="col">Before → after</th>
                    <th scope="col">Outcome</th>
                  </tr>
                </thead>
                <tbody>
                  {steps.slice(0, ROWS_PER_JOB).map((s) => (
                    <tr
                      key={`${s.userId}-${s.what}`}
                      className={`step-${s.outcome.replace(' ', '-')}`}
                    >
                      <td className="mono">{time(s.time).slice(11)}</td>
                      <td className={s.name ? undefined : 'mono'}>{s.name ?? s.userId}</td>
                      <td>{s.what}</td>
                      <td>{s.before !== null ? `${s.before} → ${s.after}` : '—'}</td>
                      <td>
                        {s.outcome}
                        {s.error && <span className="bad">: {s.error}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {steps.length > ROWS_PER_JOB && (
              <p className="muted small">
                The first {ROWS_PER_JOB} of {steps.length} steps are shown: filter by user, or
                export the journal for all of them.
              </p>
            )}
          </details>
        );
      })}
    </>
  );
}
