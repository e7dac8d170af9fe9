/**
 * The repair journal as an admin reads it: jobs grouped with their org, each step with the user's
 * state before and after in words, filters by user and outcome, export, and a resume of the users
 * a job did not verify. Read from disk by the main process, so it opens with the org unreachable;
 * a job's steps come a page at a time, filtered there, so a job of 100,000 steps opens at once.
 */
import { useEffect, useState } from 'react';
import type {
  JournalJobView,
  JournalOutcomeFilter,
  JournalStepsPage,
  JournalStepView,
} from '../../../shared/ipc';
import { api, call, errorText } from '../api';

const PAGE = 100;
const STEP_OUTCOMES: JournalStepView['outcome'][] = ['done', 'failed', 'in flight'];

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);

interface StepFilter {
  user: string;
  outcome: JournalOutcomeFilter;
}

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
  const [filter, setFilter] = useState<StepFilter>({ user: '', outcome: 'any' });

  if (jobs.length === 0)
    return <p className="muted">The journal is empty: no repair has run yet.</p>;
  return (
    <>
      <div className="form-row">
        <label>
          User (name or id)
          <input
            type="search"
            value={filter.user}
            onChange={(event) => setFilter({ ...filter, user: event.target.value })}
          />
        </label>
        <label>
          Outcome
          <select
            value={filter.outcome}
            onChange={(event) =>
              setFilter({ ...filter, outcome: event.target.value as JournalOutcomeFilter })
            }
          >
            <option value="any">any</option>
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
      {jobs.map((job, index) => (
        <JournalJob
          key={job.run}
          job={job}
          filter={filter}
          firstOpen={index === 0}
          busy={busy}
          onResume={() => onResume(job.run)}
        />
      ))}
    </>
  );
}

function JournalJob({
  job,
  filter,
  firstOpen,
  busy,
  onResume,
}: {
  job: JournalJobView;
  filter: StepFilter;
  firstOpen: boolean;
  busy: boolean;
  onResume(): void;
}) {
  const [open, setOpen] = useState(firstOpen);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<JournalStepsPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A new filter starts at its first page.
  const [filtered, setFiltered] = useState(filter);
  if (filtered !== filter) {
    setFiltered(filter);
    setOffset(0);
  }

  useEffect(() => {
    if (!open) return;
    let current = true;
    call(
      api().readJournalSteps({
        run: job.run,
        user: filter.user,
        outcome: filter.outcome,
        offset,
        limit: PAGE,
      }),
    ).then(
      (next) => {
        if (!current) return;
        setPage(next);
        setProblem(null);
      },
      (failure: unknown) => {
        if (current) setProblem(errorText(failure));
      },
    );
    return () => {
      current = false;
    };
  }, [open, job.run, job.stepCount, filter.user, filter.outcome, offset]);

  const steps = page?.steps ?? [];
  const total = page?.total ?? 0;
  const caption = `Steps of the job started ${time(job.startedAt)}`;
  return (
    <details
      className="journal-job"
      open={open}
      data-run={job.run}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <strong>{job.org}</strong>
        {job.region && <span className="muted"> ({job.region})</span>} · {time(job.startedAt)} UTC ·{' '}
        {plural(job.users, 'user')} · {plural(job.stepCount, 'step')}
        {job.notDone > 0 && (
          <span className="bad"> · {job.notDone.toLocaleString('en')} not done</span>
        )}
        {job.unverified > 0 && <span> · {plural(job.unverified, 'user')} not verified</span>}
      </summary>
      {job.unverified > 0 && (
        <p>
          <button type="button" disabled={busy} onClick={onResume}>
            Resume: re-check the {plural(job.unverified, 'user')} this job did not verify
          </button>
        </p>
      )}
      {problem && (
        <p className="alert alert-bad" role="alert">
          The journal could not be read: {problem}
        </p>
      )}
      {!page ? (
        !problem && <p className="muted small">Reading the steps…</p>
      ) : total === 0 ? (
        <p className="muted small">No step of this job matches the filter.</p>
      ) : (
        <>
          <table className="table small" aria-label={caption}>
            <caption className="visually-hidden">{caption}</caption>
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
              {steps.map((s) => (
                <tr
                  key={`${s.userId}-${s.what}-${s.time}`}
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
          {total > PAGE && (
            <nav className="pager" aria-label={`Pages of the steps of the job ${job.run}`}>
              <button
                type="button"
                disabled={page.offset === 0}
                onClick={() => setOffset(Math.max(0, page.offset - PAGE))}
              >
                Previous {PAGE}
              </button>
              <span role="status" data-testid="journal-page">
                Steps {(page.offset + 1).toLocaleString('en')}–
                {(page.offset + steps.length).toLocaleString('en')} of {total.toLocaleString('en')}
              </span>
              <button
                type="button"
                disabled={page.offset + PAGE >= total}
                onClick={() => setOffset(page.offset + PAGE)}
              >
                Next {PAGE}
              </button>
            </nav>
          )}
        </>
      )}
    </details>
  );
}
