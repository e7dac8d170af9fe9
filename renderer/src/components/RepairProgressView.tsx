/**
 * The repair job: where it writes, how far it is (steps, users, time left at the rate budget),
 * Cancel (which says "Cancelling…" at once), and each user's result as it arrives, ending in the
 * truth: repaired / already right / failed with the reason / not started. Every result is listed
 * (2,000 of them too), in a virtualised table.
 */
import { useState } from 'react';
import type { RepairJobView, RepairOutcomeView } from '../../../shared/ipc';
import { etaText, isActive, JOB_STATE_WORDS, OUTCOME_WORDS } from '../model/repair-job';
import { VirtualTable } from './VirtualTable';

const COLUMNS = ['User', 'Result', 'Details'];
const OUTCOMES: RepairOutcomeView[] = ['failed', 'not-started', 'repaired', 'already-right'];

export function RepairProgressView({ job, onCancel }: { job: RepairJobView; onCancel(): void }) {
  const [outcome, setOutcome] = useState<'' | RepairOutcomeView>('');
  const active = isActive(job);
  // Users the job never reached are listed, not done.
  const done = job.results.length - job.counts['not-started'];
  const shown = job.results.filter((r) => !outcome || r.outcome === outcome);
  const where = job.org.kind === 'demo' ? `the demo org ${job.org.name}` : job.org.name;
  return (
    <section
      className="card progress-card"
      aria-labelledby="progress-title"
      data-testid="repair-progress"
      data-state={job.state}
    >
      <h2 id="progress-title">
        {JOB_STATE_WORDS[job.state]}{' '}
        <span className="muted small">
          {where} ({job.org.region}) · started {job.startedAt.slice(11, 19)} UTC
        </span>
      </h2>
      {job.problem && (
        <p className="alert alert-bad" role="alert">
          {job.problem}
        </p>
      )}
      <label className="progress-label">
        <span>
          {done} of {job.users} users done · {job.steps.done} of {job.steps.total} steps
          {job.state === 'running' ? ` · ${etaText(job.etaSeconds)}` : ''}
        </span>
        <progress max={Math.max(job.steps.total, 1)} value={job.steps.done} />
      </label>
      <div className="input-actions">
        {active && (
          <button type="button" onClick={onCancel} disabled={job.state === 'cancelling'}>
            {job.state === 'cancelling' ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        <ul className="counts" aria-label="Results so far">
          {OUTCOMES.map((o) => (
            <li key={o} className={`count-${o}`}>
              <strong>{job.counts[o].toLocaleString('en')}</strong> {OUTCOME_WORDS[o]}
            </li>
          ))}
        </ul>
      </div>
      {job.state === 'cancelling' && (
        <p className="muted small" role="status">
          No new write starts; the writes already sent finish and are journaled.
        </p>
      )}
      {job.results.length > 0 && (
        <>
          <label className="inline-field">
            Show
            <select
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as '' | RepairOutcomeView)}
            >
              <option value="">every result</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {OUTCOME_WORDS[o]} ({job.counts[o]})
                </option>
              ))}
            </select>
          </label>
          <VirtualTable
            rows={shown}
            label="Result of each user"
            bodyLabel="Results"
            columns={COLUMNS}
            rowHeight={30}
            measured
            className="results-table small"
            testId="repair-results"
            rowKey={(r) => r.userId}
            rowProps={(r) => ({ className: `outcome-${r.outcome}` })}
            cells={(r) => (
              <>
                <span role="cell">{r.name}</span>
                <span role="cell">{OUTCOME_WORDS[r.outcome]}</span>
                <span role="cell">{r.message}</span>
              </>
            )}
          />
        </>
      )}
    </section>
  );
}
