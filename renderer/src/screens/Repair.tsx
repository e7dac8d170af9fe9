/**
 * Repair: one user (search, state, plan, one click with confirmation) or every stuck agent
 * (progress, ETA, cancel), then the results and the journal.
 */
import { useEffect, useState } from 'react';
import type { JournalEntry, RepairCandidate, RepairProgress } from '../../../shared/ipc';
import { api, call, errorText } from '../api';
import { RepairProgressView } from '../components/RepairProgressView';
import { UserState } from '../components/UserState';

export function RepairScreen() {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<RepairCandidate[] | null>(null);
  const [chosen, setChosen] = useState<RepairCandidate | null>(null);
  const [stuck, setStuck] = useState<RepairCandidate[] | null>(null);
  const [sinceHours, setSinceHours] = useState(24);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [progress, setProgress] = useState<RepairProgress | null>(null);
  const [journal, setJournal] = useState<JournalEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => api().onRepairProgress(setProgress), []);
  const running = progress?.state === 'running';

  // Once a run has ended, the agents it repaired are no longer stuck.
  const repairedIds = new Set(
    progress && progress.state !== 'running'
      ? progress.results
          .filter((r) => r.outcome === 'repaired' || r.outcome === 'nothing-to-do')
          .map((r) => r.userId)
      : [],
  );
  const pending = stuck && stuck.filter((c) => !repairedIds.has(c.user.id));

  /** Journal lines carry user ids; show the person's name where this screen knows it. */
  const nameOf = new Map([
    ...[...(found ?? []), ...(stuck ?? []), ...(chosen ? [chosen] : [])].map(
      (c) => [c.user.id, c.user.name] as const,
    ),
    ...(progress?.results ?? []).map((r) => [r.userId, r.name] as const),
  ]);

  const act = async (action: () => Promise<void>) => {
    setProblem(null);
    try {
      await action();
    } catch (failure) {
      setProblem(errorText(failure));
    }
  };

  const search = () =>
    act(async () => {
      const list = await call(api().searchUsers({ query }));
      setFound(list);
      setChosen(list.length === 1 ? list[0]! : null);
    });

  const start = (userIds: string[]) =>
    act(async () => {
      setConfirming(null);
      await call(api().startRepair({ userIds }));
    });

  return (
    <section className="screen repair" aria-labelledby="repair-title">
      <h1 id="repair-title">Repair stuck agents</h1>
      {problem && (
        <p className="alert alert-bad" role="alert">
          {problem}
        </p>
      )}
      <div className="split">
        <section className="card" aria-labelledby="one-title">
          <h2 id="one-title">One user</h2>
          <form
            className="form-row"
            onSubmit={(event) => {
              event.preventDefault();
              void search();
            }}
          >
            <label className="grow">
              Name, email or id
              <input
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            </label>
            <button type="submit" disabled={query.trim().length < 2}>
              Search
            </button>
          </form>
          {found && found.length === 0 && <p className="muted">No user matches.</p>}
          {found && found.length > 1 && (
            <ul className="user-list" aria-label="Matching users">
              {found.map((c) => (
                <li key={c.user.id}>
                  <button
                    type="button"
                    aria-pressed={chosen?.user.id === c.user.id}
                    onClick={() => setChosen(c)}
                  >
                    {c.user.name} <span className="muted small">{c.user.email}</span> · {c.summary}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {chosen && (
            <UserState
              candidate={chosen}
              disabled={running}
              onRepair={() => setConfirming([chosen.user.id])}
            />
          )}
        </section>
        <section className="card" aria-labelledby="bulk-title">
          <h2 id="bulk-title">Every stuck agent</h2>
          <form
            className="form-row"
            onSubmit={(event) => {
              event.preventDefault();
              void act(async () => setStuck(await call(api().findStuckAgents({ sinceHours }))));
            }}
          >
            <label>
              Created in the last (hours)
              <input
                type="number"
                min={1}
                max={720}
                value={sinceHours}
                onChange={(event) => setSinceHours(Number(event.target.value) || 24)}
              />
            </label>
            <button type="submit">Find stuck agents</button>
          </form>
          {pending && (
            <>
              <p>
                {pending.length === 0
                  ? 'No stuck agent: every recent user has what the rules give it.'
                  : `${pending.length} agent${pending.length === 1 ? '' : 's'} need repair (${pending.reduce((n, c) => n + c.plan.steps.length, 0)} steps).`}
              </p>
              {pending.length > 0 && (
                <>
                  <ul className="stuck-list" aria-label="Stuck agents">
                    {pending.slice(0, 50).map((c) => (
                      <li key={c.user.id} data-email={c.user.email}>
                        {c.user.name} <span className="muted small">{c.user.department ?? ''}</span>{' '}
                        — {c.steps.join('; ') || c.summary}
                      </li>
                    ))}
                    {pending.length > 50 && (
                      <li className="muted">… and {pending.length - 50} more</li>
                    )}
                  </ul>
                  <button
                    type="button"
                    className="primary"
                    disabled={running}
                    onClick={() => setConfirming(pending.map((c) => c.user.id))}
                  >
                    Repair {pending.length} agent{pending.length === 1 ? '' : 's'}
                  </button>
                </>
              )}
            </>
          )}
        </section>
      </div>
      {confirming && (
        <div
          className="confirm card"
          role="alertdialog"
          aria-labelledby="confirm-title"
          aria-describedby="confirm-text"
        >
          <h2 id="confirm-title">Apply the repair?</h2>
          <p id="confirm-text">
            This writes to the org for {confirming.length} user{confirming.length === 1 ? '' : 's'},
            through the rate-limited queue. Every step is journaled and safe to run again.
          </p>
          <div className="input-actions">
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => void start(confirming)}
            >
              Repair
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {progress && (
        <RepairProgressView
          progress={progress}
          onCancel={() =>
            void act(async () => void (await call(api().cancelRepair({ jobId: progress.jobId }))))
          }
          onRefresh={() => {
            if (chosen) void search();
          }}
        />
      )}
      <section className="card" aria-labelledby="journal-title">
        <h2 id="journal-title">Journal</h2>
        <button
          type="button"
          onClick={() =>
            void act(async () => setJournal(await call(api().readJournal({ limit: 200 }))))
          }
        >
          {journal ? 'Refresh journal' : 'Show journal'}
        </button>
        {journal && journal.length === 0 && <p className="muted">The journal is empty.</p>}
        {journal && journal.length > 0 && (
          <table className="table small">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">User</th>
                <th scope="col">What</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {journal.map((e, i) => (
                <tr key={i}>
                  <td className="mono">{e.time.replace('T', ' ').slice(0, 19)}</td>
                  <td className={nameOf.has(e.userId) ? undefined : 'mono'}>
                    {nameOf.get(e.userId) ?? e.userId}
                  </td>
                  <td>{e.text}</td>
                  <td>{e.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
