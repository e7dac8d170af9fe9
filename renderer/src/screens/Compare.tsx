/** Compare: expected vs received claim names (character-level), and two messages side by side. */
import { useState } from 'react';
import type { InputText } from '../../../shared/ipc';
import type { MappingRow, MessageReport, Report } from '../../../shared/report';
import { api, call, errorText } from '../api';
import { CopyButton } from '../components/CopyButton';
import { DiffText } from '../components/DiffText';
import { compareMessages } from '../model/compare';
import { showInvisible } from '../model/compare';

const MATCH_TEXT: Record<MappingRow['match'], string> = {
  exact: 'exact',
  case: 'letter case differs',
  whitespace: 'whitespace differs',
  namespace: 'other namespace',
  'friendly-name': 'FriendlyName only',
  similar: 'similar name',
  missing: 'missing',
};

export function CompareScreen({
  report,
  onDiagnose,
}: {
  report: Report | null;
  onDiagnose(inputs: InputText[]): void;
}) {
  const responses = report?.messages.filter((m) => m.type === 'Response') ?? [];
  const [index, setIndex] = useState(0);
  const message = responses[index] ?? responses[0] ?? null;
  return (
    <section className="screen compare" aria-labelledby="compare-title">
      <h1 id="compare-title">Compare claims</h1>
      {!message ? (
        <p className="empty">
          Diagnose a SAML response first (paste it anywhere): its claims are compared with the names
          the configuration expects.
        </p>
      ) : (
        <section className="card" aria-labelledby="claims-title">
          <h2 id="claims-title">
            Expected vs received{' '}
            {responses.length > 1 && (
              <label className="inline-field">
                message
                <select value={index} onChange={(event) => setIndex(Number(event.target.value))}>
                  {responses.map((m, i) => (
                    <option key={m.index} value={i}>
                      {m.source}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </h2>
          <ClaimTable rows={message.mapping} />
        </section>
      )}
      <TwoMessages onDiagnose={onDiagnose} />
    </section>
  );
}

function ClaimTable({ rows }: { rows: MappingRow[] }) {
  if (rows.length === 0) {
    return (
      <p className="muted">
        No claim mapping to compare: add an <code>attributeMapping</code> to the configuration.
      </p>
    );
  }
  return (
    <table className="table claim-table" data-testid="claim-table">
      <thead>
        <tr>
          <th scope="col">Genesys Cloud field</th>
          <th scope="col">Expected claim</th>
          <th scope="col">Received claim</th>
          <th scope="col">Match</th>
          <th scope="col">Values</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={`match-${row.match}`}>
            <th scope="row">{row.field}</th>
            <td>
              <DiffText text={row.expected} ranges={row.diff?.expected} />{' '}
              <CopyButton
                value={row.expected}
                label={`Copy the expected claim name for ${row.field}`}
              />
            </td>
            <td>
              {row.received === null ? (
                <span className="muted">not sent</span>
              ) : (
                <DiffText text={row.received} ranges={row.diff?.received} />
              )}
            </td>
            <td>
              <span
                className={`badge ${row.match === 'exact' ? 'badge-ok' : row.match === 'missing' ? 'badge-error' : 'badge-warning'}`}
              >
                {MATCH_TEXT[row.match]}
              </span>
            </td>
            <td className="mono small">{row.values.map(showInvisible).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TwoMessages({ onDiagnose }: { onDiagnose(inputs: InputText[]): void }) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [pair, setPair] = useState<[MessageReport, MessageReport] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const compare = async () => {
    setProblem(null);
    try {
      const report = await call(
        api().diagnose({
          inputs: [
            { name: 'A', text: a },
            { name: 'B', text: b },
          ],
          batch: false,
        }),
      );
      const [ma, mb] = [
        report.messages.find((m) => m.source.startsWith('A')),
        report.messages.find((m) => m.source.startsWith('B')),
      ];
      if (!ma || !mb) {
        setPair(null);
        setProblem(
          'Each side needs one SAML message: ' +
            (report.findings[0]?.message ?? 'nothing decoded.'),
        );
        return;
      }
      setPair([ma, mb]);
    } catch (failure) {
      setProblem(errorText(failure));
    }
  };

  const result = pair ? compareMessages(pair[0], pair[1]) : null;
  return (
    <section className="card" aria-labelledby="two-title">
      <h2 id="two-title">Two messages side by side</h2>
      <p className="muted small">
        For example the user who can log in (A) and the one who cannot (B).
      </p>
      <div className="two-inputs">
        <label>
          Message A
          <textarea
            rows={4}
            value={a}
            onChange={(event) => setA(event.target.value)}
            spellCheck={false}
          />
        </label>
        <label>
          Message B
          <textarea
            rows={4}
            value={b}
            onChange={(event) => setB(event.target.value)}
            spellCheck={false}
          />
        </label>
      </div>
      <div className="input-actions">
        <button
          type="button"
          className="primary"
          disabled={!a.trim() || !b.trim()}
          onClick={() => void compare()}
        >
          Compare A and B
        </button>
        {pair && (
          <button
            type="button"
            onClick={() =>
              onDiagnose([
                { name: 'A', text: a },
                { name: 'B', text: b },
              ])
            }
          >
            Diagnose both
          </button>
        )}
      </div>
      {problem && (
        <p className="alert alert-bad" role="alert">
          {problem}
        </p>
      )}
      {result && pair && (
        <>
          <table className="table" data-testid="two-table">
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">A ({pair[0].verdict})</th>
                <th scope="col">B ({pair[1].verdict})</th>
              </tr>
            </thead>
            <tbody>
              {result.claims.map((c) => (
                <tr key={c.name} className={`diff-${c.difference}`}>
                  <th scope="row" className="mono">
                    {c.name}
                  </th>
                  <td className="mono small">
                    {c.a === null ? <em>absent</em> : c.a.map(showInvisible).join(', ')}
                  </td>
                  <td className="mono small">
                    {c.b === null ? <em>absent</em> : c.b.map(showInvisible).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="two-findings">
            <p>
              <strong>Only A:</strong> {result.findingsOnlyA.join(', ') || 'none'}
            </p>
            <p>
              <strong>Only B:</strong> {result.findingsOnlyB.join(', ') || 'none'}
            </p>
          </div>
        </>
      )}
    </section>
  );
}
