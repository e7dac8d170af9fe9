/** Diagnose: get a message in (paste, drop, open, capture), then the verdict and everything behind it. */
import { useEffect, useState } from 'react';
import type { AppReport, InputText, OrgStatus } from '../../../shared/ipc';
import type { Report } from '../../../shared/report';
import { api, call, errorText } from '../api';
import { AsOfControl } from '../components/AsOfControl';
import { CapturePanel } from '../components/CapturePanel';
import { MessageView } from '../components/MessageView';
import { SaveReportButtons } from '../components/SaveReportButtons';
import { VerdictBanner } from '../components/VerdictBanner';
import { FindingList } from '../components/FindingList';

export interface DiagnoseScreenProps {
  report: AppReport | null;
  inputs: InputText[];
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
  onDiagnose(inputs: InputText[]): void;
}

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
  const [skewSeconds, setSkewSeconds] = useState(10);

  // The tolerance the engine applied: the configuration's, else the app setting.
  useEffect(() => {
    if (!report) return;
    void Promise.all([call(api().getConfig()), call(api().getSettings())])
      .then(([state, settings]) =>
        setSkewSeconds(state?.config.sso?.clockSkewSeconds ?? settings.clockSkewSeconds),
      )
      .catch(() => setSkewSeconds(10));
  }, [report]);

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
      {!report && !busy && !error && <EmptyState />}
      {report && (
        <>
          <VerdictBanner report={report} />
          <SaveReportButtons reportId={report.reportId} />
          {report.findings.length > 0 && (
            <section className="card" aria-label="Input findings">
              <h2>Input</h2>
              <FindingList findings={report.findings} selected={null} onSelect={() => {}} />
            </section>
          )}
          {report.messages.length > 1 && (
            <div className="message-tabs" role="tablist" aria-label="Messages">
              {report.messages.map((m, i) => (
                <button
                  key={m.index}
                  type="button"
                  role="tab"
                  aria-selected={i === messageIndex}
                  className={`message-tab verdict-${m.verdict}`}
                  onClick={() => setMessageIndex(i)}
                >
                  {m.source} · {m.type} · {m.verdict}
                </button>
              ))}
            </div>
          )}
          {message && (
            <MessageView
              key={`${diagnoses}-${message.index}`}
              message={message}
              report={report}
              skewSeconds={skewSeconds}
            />
          )}
        </>
      )}
    </section>
  );
}

function EmptyState() {
  return (
    <div className="empty">
      <p className="empty-title">Paste a SAML response anywhere (Ctrl/Cmd+V)</p>
      <p>
        or drop a file, a HAR or a SAML-tracer export on this window, or capture a login with{' '}
        <strong>Capture…</strong>. Nothing is saved unless you save a report.
      </p>
    </div>
  );
}
