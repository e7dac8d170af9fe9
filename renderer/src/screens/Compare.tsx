/**
 * Compare: expected vs received claim names (character-level), and two messages side by side.
 * Everything compared here is the engine's answer (shared/mapping): the pairing, `renamed` with its
 * notes, the escaped names and values, the findings only one message has.
 */
import { useState } from 'react';
import type { AppReport, CompareSide, PairResult } from '../../../shared/ipc';
import { differenceText, pairSummary, type ClaimDifference } from '../../../shared/mapping/pair';
import {
  shownMappingRow,
  shownName,
  shownNamePair,
  shownValues,
} from '../../../shared/mapping/shown';
import type { Finding, MappingRow, MessageReport } from '../../../shared/report';
import { api, call, errorText } from '../api';
import { AsOfControl } from '../components/AsOfControl';
import { CopyButton } from '../components/CopyButton';
import { DiffText } from '../components/DiffText';
import { FindingList } from '../components/FindingList';
import { SaveReportButtons } from '../components/SaveReportButtons';
import { VerdictBadge } from '../components/VerdictBadge';

const MATCH_TEXT: Record<MappingRow['match'], string> = {
  exact: 'exact',
  case: 'letter case differs',
  whitespace: 'whitespace differs',
  namespace: 'other namespace',
  'friendly-name': 'FriendlyName only',
  similar: 'similar name',
  missing: 'missing',
};

/** One side of the two-message comparison as typed, or a message picked in the history. */
interface PairSideDraft {
  text: string;
  /** Set when the side is a message from the history (then `text` is not used). */
  history: { id: string; label: string } | null;
}

export interface PairState {
  a: PairSideDraft;
  b: PairSideDraft;
  result: PairResult | null;
}

export const EMPTY_PAIR: PairState = {
  a: { text: '', history: null },
  b: { text: '', history: null },
  result: null,
};

export function CompareScreen({
  report,
  pair,
  asOf,
  onPair,
  onAsOf,
}: {
  report: AppReport | null;
  pair: PairState;
  asOf: string | null;
  onPair(next: PairState): void;
  onAsOf(asOf: string | null): void;
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
      <TwoMessages pair={pair} asOf={asOf} onPair={onPair} onAsOf={onAsOf} />
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
        {rows.map((row) => {
          const shown = shownMappingRow(row);
          return (
            <tr key={row.field} className={`match-${row.match}`}>
              <th scope="row">{row.field}</th>
              <td>
                <DiffText shown={shown.expected} />{' '}
                <CopyButton
                  value={row.expected}
                  label={`Copy the expected claim name for ${row.field}`}
                />
              </td>
              <td>
                {shown.received === null ? (
                  <span className="muted">not sent</span>
                ) : (
                  <DiffText shown={shown.received} />
                )}
              </td>
              <td>
                <span
                  className={`badge ${row.match === 'exact' ? 'badge-ok' : row.match === 'missing' ? 'badge-error' : 'badge-warning'}`}
                >
                  {MATCH_TEXT[row.match]}
                </span>
              </td>
              <td className="mono small">{shownValues(row.values)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const sideRequest = (side: PairSideDraft, name: string): CompareSide =>
  side.history ? { historyId: side.history.id } : { input: { name, text: side.text } };

const sideReady = (side: PairSideDraft) => side.history !== null || side.text.trim() !== '';

function SideInput({
  label,
  side,
  onChange,
}: {
  label: string;
  side: PairSideDraft;
  onChange(next: PairSideDraft): void;
}) {
  if (side.history) {
    return (
      <div className="history-side">
        <span className="side-label">{label}</span>
        <p>
          From the history: <strong>{side.history.label}</strong>
        </p>
        <button type="button" onClick={() => onChange({ text: '', history: null })}>
          Paste a message instead
        </button>
      </div>
    );
  }
  return (
    <label>
      {label}
      <textarea
        rows={4}
        value={side.text}
        onChange={(event) => onChange({ text: event.target.value, history: null })}
        spellCheck={false}
      />
    </label>
  );
}

function TwoMessages({
  pair,
  asOf,
  onPair,
  onAsOf,
}: {
  pair: PairState;
  asOf: string | null;
  onPair(next: PairState): void;
  onAsOf(asOf: string | null): void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const compare = async (now: string | null) => {
    setProblem(null);
    setBusy(true);
    try {
      const result = await call(
        api().comparePair({
          a: sideRequest(pair.a, 'Message A'),
          b: sideRequest(pair.b, 'Message B'),
          now,
        }),
      );
      onPair({ ...pair, result });
    } catch (failure) {
      onPair({ ...pair, result: null });
      setProblem(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  const result = pair.result;
  return (
    <section className="card" aria-labelledby="two-title">
      <h2 id="two-title">Two messages side by side</h2>
      <p className="muted small">
        For example the user who can log in (A) and the one who cannot (B).
      </p>
      <div className="two-inputs">
        <SideInput
          label="Message A"
          side={pair.a}
          onChange={(a) => onPair({ ...pair, a, result: null })}
        />
        <SideInput
          label="Message B"
          side={pair.b}
          onChange={(b) => onPair({ ...pair, b, result: null })}
        />
      </div>
      <div className="input-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !sideReady(pair.a) || !sideReady(pair.b)}
          onClick={() => void compare(asOf)}
        >
          {busy ? 'Comparing…' : 'Compare A and B'}
        </button>
        <AsOfControl
          asOf={asOf}
          issueInstant={result?.a.issueInstant ?? null}
          disabled={busy}
          onAsOf={onAsOf}
          onEvaluate={(time) => {
            onAsOf(time);
            void compare(time);
          }}
        />
      </div>
      {problem && (
        <p className="alert alert-bad" role="alert">
          {problem}
        </p>
      )}
      {result && <PairView result={result} />}
    </section>
  );
}

function sideLine(name: string, m: MessageReport) {
  return (
    <li>
      <strong>{name}</strong> {m.source} · subject {m.subject?.nameId ?? '(none)'} ·{' '}
      <VerdictBadge category={m.verdictCategory} />
    </li>
  );
}

function PairView({ result }: { result: PairResult }) {
  const { a, b, comparison } = result;
  return (
    <div className="pair-result">
      <ul className="pair-sides">
        {sideLine('A', a)}
        {sideLine('B', b)}
      </ul>
      <p className="muted small">
        Evaluated as of {new Date(result.evaluatedAt).toLocaleString()} · {pairSummary(comparison)}
      </p>
      {comparison.claims.length === 0 ? (
        <p className="alert alert-good">
          The two messages carry the same claims with the same values.
        </p>
      ) : (
        <table className="table" data-testid="two-table">
          <thead>
            <tr>
              <th scope="col">Claim in A</th>
              <th scope="col">Claim in B</th>
              <th scope="col">Values in A</th>
              <th scope="col">Values in B</th>
              <th scope="col">Difference</th>
            </tr>
          </thead>
          <tbody>
            {comparison.claims.map((d) => (
              <DifferenceRow key={`${d.kind}|${d.nameA ?? ''}|${d.nameB ?? ''}`} d={d} />
            ))}
          </tbody>
        </table>
      )}
      <div className="two-findings">
        <OnlyFindings title="Findings only in A" findings={comparison.onlyA} />
        <OnlyFindings title="Findings only in B" findings={comparison.onlyB} />
      </div>
      <SaveReportButtons reportId={result.reportId} what="comparison" />
    </div>
  );
}

function DifferenceRow({ d }: { d: ClaimDifference }) {
  const names =
    d.kind === 'renamed' && d.nameA !== null && d.nameB !== null
      ? shownNamePair(d.nameA, d.nameB)
      : null;
  const absent = <em className="muted">absent</em>;
  return (
    <tr className={`diff-${d.kind}`}>
      <td>
        {d.nameA === null ? (
          absent
        ) : names ? (
          <DiffText shown={names.a} />
        ) : (
          <span className="mono">{shownName(d.nameA)}</span>
        )}
      </td>
      <td>
        {d.nameB === null ? (
          absent
        ) : d.kind === 'values' ? (
          <span className="muted">= A</span>
        ) : names ? (
          <DiffText shown={names.b} />
        ) : (
          <span className="mono">{shownName(d.nameB)}</span>
        )}
      </td>
      <td className="mono small">{d.nameA === null ? '' : shownValues(d.valuesA)}</td>
      <td className="mono small">{d.nameB === null ? '' : shownValues(d.valuesB)}</td>
      <td>
        <span
          className={`badge ${d.kind === 'values' && d.notes.length === 0 ? 'badge-info' : 'badge-warning'}`}
        >
          {differenceText(d)}
        </span>
      </td>
    </tr>
  );
}

function OnlyFindings({ title, findings }: { title: string; findings: Finding[] }) {
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {findings.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <FindingList
          findings={findings}
          selected={selected}
          onSelect={(i) => setSelected(selected === i ? null : i)}
        />
      )}
    </section>
  );
}
