/**
 * History: every diagnosed message, kept by the main process (encrypted, bounded, can be off or
 * redacted). Reopen any on Diagnose; compare any two on Compare.
 */
import { useEffect, useState } from 'react';
import type { AppReport, HistoryEntry, HistoryState } from '../../../shared/ipc';
import { api, call, errorText } from '../api';
import { ScreenMessage, useScreenMessage } from '../components/ScreenMessage';
import { VerdictBadge } from '../components/VerdictBadge';

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** "a.xml · jane@acme.example · 23/11/2026, 09:00" for Compare's side labels. */
export const entryLabel = (entry: HistoryEntry) =>
  `${entry.source} · ${entry.user ?? 'no subject'} · ${new Date(entry.time).toLocaleString()}`;

export function HistoryScreen({
  onOpen,
  onCompare,
}: {
  onOpen(report: AppReport): void;
  onCompare(a: HistoryEntry, b: HistoryEntry): void;
}) {
  const [history, setHistory] = useState<HistoryState | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const { message, setMessage, act } = useScreenMessage();

  useEffect(() => {
    void call(api().listHistory())
      .then(setHistory)
      .catch((failure: unknown) => setMessage({ tone: 'bad', text: errorText(failure) }));
  }, [setMessage]);

  const toggle = (id: string) =>
    setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-2)));
  const picked = (history?.entries ?? []).filter((e) => chosen.includes(e.id));

  return (
    <section className="screen history" aria-labelledby="history-title">
      <h1 id="history-title">History</h1>
      <ScreenMessage message={message} />
      {history && (
        <>
          <section className="card history-options" aria-label="History options">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={history.enabled}
                onChange={(event) =>
                  void act(async () =>
                    setHistory(
                      await call(api().setHistoryOptions({ enabled: event.target.checked })),
                    ),
                  )
                }
              />
              Keep every diagnosed message on this computer
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={history.redacted}
                onChange={(event) =>
                  void act(async () =>
                    setHistory(
                      await call(api().setHistoryOptions({ redacted: event.target.checked })),
                    ),
                  )
                }
              />
              Keep them redacted (names, emails and values replaced, no XML)
            </label>
            <p className="muted small">
              Encrypted with the system keychain; at most {history.limits.count} messages,{' '}
              {megabytes(history.limits.bytes)} and {history.limits.days} days, oldest dropped
              first.
            </p>
            {history.problem && (
              <p className="alert alert-warning" role="status">
                {history.problem}
              </p>
            )}
            <div className="input-actions">
              <button
                type="button"
                disabled={history.entries.length === 0}
                onClick={() =>
                  void act(async () => {
                    setHistory(await call(api().clearHistory()));
                    setChosen([]);
                  })
                }
              >
                Clear history
              </button>
              <button
                type="button"
                className="primary"
                disabled={picked.length !== 2}
                onClick={() => onCompare(picked[0]!, picked[1]!)}
              >
                Compare the two chosen
              </button>
              <span className="muted small">{chosen.length} of 2 chosen</span>
            </div>
          </section>
          {history.entries.length === 0 ? (
            <p className="empty">
              {history.enabled
                ? 'No message yet: every message you diagnose or compare is listed here.'
                : 'The history is off: diagnosed messages are not kept.'}
            </p>
          ) : (
            <table className="table history-table" aria-label="Diagnosed messages">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Choose</span>
                  </th>
                  <th scope="col">Time</th>
                  <th scope="col">User</th>
                  <th scope="col">IdP</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Message</th>
                  <th scope="col">
                    <span className="visually-hidden">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Choose ${entryLabel(entry)} to compare`}
                        checked={chosen.includes(entry.id)}
                        onChange={() => toggle(entry.id)}
                      />
                    </td>
                    <td className="small">{new Date(entry.time).toLocaleString()}</td>
                    <td className="mono small">
                      {entry.user ?? <em className="muted">no subject</em>}
                      {entry.redacted && <span className="badge">redacted</span>}
                    </td>
                    <td className="small">
                      {entry.issuer ?? <em className="muted">no issuer</em>}
                      {entry.idp && entry.idp !== 'generic' && (
                        <span className="muted"> ({entry.idp})</span>
                      )}
                    </td>
                    <td>
                      <VerdictBadge category={entry.verdictCategory} />
                    </td>
                    <td className="small">
                      {entry.source} · {entry.type}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={`Reopen ${entryLabel(entry)}`}
                        onClick={() =>
                          void act(async () =>
                            onOpen(await call(api().openHistory({ id: entry.id }))),
                          )
                        }
                      >
                        Reopen
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
