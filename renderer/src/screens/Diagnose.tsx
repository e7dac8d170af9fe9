/** Diagnose: get a message in (paste, drop, open, capture, a sample), then the verdict and everything behind it. */
import { useState } from 'react';
import type { AppReport, InputTextView, OrgStatus } from '../../../shared/ipc';
import type { Finding, Report } from '../../../shared/report';
import { stageOf } from '../../../shared/report/summary';
import { api, call, errorText } from '../api';
import { AsOfControl } from '../components/AsOfControl';
import { CapturePanel } from '../components/CapturePanel';
import { FindingList } from '../components/FindingList';
import { MessageList } from '../components/MessageList';
import { MessageView } from '../components/MessageView';
import { SaveReportButtons } from '../components/SaveReportButtons';
import { VerdictBanner } from '../components/VerdictBanner';
import { SampleList } from '../components/SampleList';

export interface DiagnoseScreenProps {
  report: AppReport | null;
  inputs: InputTextView[];
  busy: boolean;
  error: string | null;
  org: OrgStatus | null;
  /** ISO-8601 evaluation time, or null for now. */
  asOf: string | null;
  /** How many diagnoses ran: a new one resets the selection even when the report looks the same. */
  diagnoses: number;
  onAsOf(asOf: string | null): void;
  /** Sets the evaluation time and diagnoses the same inputs again at once. */
  onEvaluateAsOf(asOf: string | null): void;
  onDiagnose(inputs: InputTextView[]): void;
}

/** Report-level findings that come from checking the messages against each other. */
const isBatchFinding = (f: Finding) => stageOf(f.code) !== 'input';

export function DiagnoseScreen({
  report,
  inputs,
  busy,
  error,
  org,
  asOf,
  diagnoses,
  onAsOf,
  onEvaluateAsOf,
  onDiagnose,
}: DiagnoseScreenProps) {
  const [draft, setDraft] = useState('');
  // The chosen message belongs to one report: a new report starts at its first message.
  const [picked, setPicked] = useState<{ report: Report | null; index: number }>({
    report: null,
    index: 0,
  });
  const messageIndex = picked.report === report ? picked.index : 0;
  const setMessageIndex = (index: number) => setPicked({ report, index });
  const [showCapture, setShowCapture] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);

  const openFile = async () => {
    setOpenError(null);
    try {
      const file = await call(api().openInputFile());
      if (file) onDiagnose([file]);
    } catch (failure) {
      setOpenError(errorText(failure));
    }
  };

  const message = report?.messages[messageIndex] ?? null;
  const inputFindings = report?.findings.filter((f) => !isBatchFinding(f)) ?? [];
  const batchFindings = report?.findings.filter(isBatchFinding) ?? [];

  return (
    <section className="screen diagnose" aria-labelledby="diagnose-title">
      <h1 id="diagnose-title" className="visually-hidden">
        Diagnose
      </h1>
      <form
        className="input-bar"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim()) onDiagnose([{ name: 'pasted', text: draft }]);
        }}
      >
        <label className="paste-box">
          <span className="visually-hidden">SAML message</span>
          <textarea
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="Paste a SAMLResponse (XML, base64, form body, URL, HAR or SAML-tracer export)…"
            rows={report ? 2 : 6}
            spellCheck={false}
          />
        </label>
        <div className="input-actions">
          <button type="submit" className="primary" disabled={busy || !draft.trim()}>
            {busy ? 'Diagnosing…' : 'Diagnose'}
          </button>
          <button type="button" onClick={() => void openFile()}>
            Open file…
          </button>
          <button
            type="button"
            aria-expanded={showCapture}
            onClick={() => setShowCapture((v) => !v)}
          >
            Capture…
          </button>
          <AsOfControl
            asOf={asOf}
            issueInstant={message?.issueInstant ?? null}
            disabled={busy}
            onAsOf={onAsOf}
            onEvaluate={onEvaluateAsOf}
          />
          {inputs.length > 0 && (
            <button type="button" onClick={() => onDiagnose(inputs)} disabled={busy}>
              Re-run
            </button>
          )}
        </div>
      </form>
      {showCapture && <CapturePanel org={org} onDiagnose={(input) => onDiagnose([input])} />}
      {(error ?? openError) && (
        <p className="alert alert-bad" role="alert">
          {error ?? openError}
        </p>
      )}
      {!report && !busy && !error && <EmptyState onDiagnose={onDiagnose} />}
      {report && (
        <>
          <VerdictBanner report={report} />
          <SaveReportButtons reportId={report.reportId} />
          {inputFindings.length > 0 && (
            <section className="card" aria-labelledby="input-findings-title">
              <h2 id="input-findings-title">Input</h2>
              <FindingList findings={inputFindings} selected={null} />
            </section>
          )}
          {report.messages.length > 1 && (
            <MessageList
              messages={report.messages}
              selected={messageIndex}
              onOpen={setMessageIndex}
            />
          )}
          {batchFindings.length > 0 && (
            <section className="card" aria-labelledby="batch-findings-title">
              <h2 id="batch-findings-title">Across these messages</h2>
              <p className="muted">
                The {report.messages.length} messages were checked against each other, as logins
                arriving together would be.
              </p>
              <FindingList findings={batchFindings} selected={null} />
            </section>
          )}
          {message && (
            <MessageView key={`${diagnoses}-${message.index}`} message={message} report={report} />
          )}
        </>
      )}
    </section>
  );
}

function EmptyState({ onDiagnose }: { onDiagnose(inputs: InputTextView[]): void }) {
  return (
    <div className="empty">
      <p className="empty-title">Paste a SAML response anywhere (Ctrl/Cmd+V)</p>
      <p>
        or drop a file, a HAR or a SAML-tracer export on this window, or capture a login with{' '}
        <strong>Capture…</strong>. Nothing is saved unless you save a report.
      </p>
      <SampleList onDiagnose={onDiagnose} />
    </div>
  );
}
