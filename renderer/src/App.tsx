/**
 * The app shell: navigation between the five screens, paste-anywhere and drop-a-file, menu events
 * and the status line. The current report lives here so Diagnose and Compare share it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppReport, InputTextView, OrgStatus, ThemePreference } from '../../shared/ipc';
import { api, call, errorText } from './api';
import { RepairIndicator } from './components/RepairIndicator';
import { CompareScreen, EMPTY_PAIR, type PairState } from './screens/Compare';
import { ConfigurationScreen, isUnsaved, type ConfigDraft } from './screens/Configuration';
import { DiagnoseScreen } from './screens/Diagnose';
import { entryLabel, HistoryScreen } from './screens/History';
import { RepairScreen } from './screens/Repair';
import { SettingsScreen } from './screens/Settings';

export type ScreenId = 'diagnose' | 'compare' | 'history' | 'configuration' | 'repair' | 'settings';

const SCREENS: { id: ScreenId; label: string }[] = [
  { id: 'diagnose', label: 'Diagnose' },
  { id: 'compare', label: 'Compare' },
  { id: 'history', label: 'History' },
  { id: 'configuration', label: 'Configuration' },
  { id: 'repair', label: 'Repair' },
  { id: 'settings', label: 'Settings' },
];

const MAX_DROP_BYTES = 64 * 1024 * 1024;

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function App() {
  const [screen, setScreen] = useState<ScreenId>('diagnose');
  /** The configuration being edited: kept across screens so no edit is lost. */
  const [configDraft, setConfigDraft] = useState<ConfigDraft | null>(null);
  /** The active configuration's name, shown in the top bar. */
  const [configName, setConfigName] = useState<string | null>(null);
  /** The screen the person asked for while Configuration has unsaved edits. */
  const [leaving, setLeaving] = useState<ScreenId | null>(null);
  const [leaveError, setLeaveError] = useState<string | null>(null);
  const unsavedConfig = isUnsaved(configDraft);
  const goTo = (next: ScreenId) => {
    if (screen === 'configuration' && next !== screen && unsavedConfig) setLeaving(next);
    else setScreen(next);
  };
  const refreshConfigName = useCallback(() => {
    void call(api().getConfig())
      .then((state) => setConfigName(state ? (state.config.name ?? state.source) : null))
      .catch(() => setConfigName(null));
  }, []);
  const [report, setReport] = useState<AppReport | null>(null);
  /** Compare's two messages and their comparison: kept while the person visits other screens. */
  const [pair, setPair] = useState<PairState>(EMPTY_PAIR);
  /** Counts diagnoses, so a repeated identical report is still a new one (benchmarks wait on it). */
  const [diagnoses, setDiagnoses] = useState(0);
  const [inputs, setInputs] = useState<InputTextView[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [org, setOrg] = useState<OrgStatus | null>(null);
  const [dragging, setDragging] = useState(false);
  /** "As of" evaluation time for every diagnosis (a capture diagnosed as of when it was taken). */
  const [asOf, setAsOf] = useState<string | null>(null);

  const applyTheme = useCallback((theme: ThemePreference) => {
    document.documentElement.dataset.theme = theme;
  }, []);

  /** Diagnoses and shows the result on Diagnose, unless `stay` (a configuration change re-runs). */
  const diagnose = useCallback(
    async (next: InputTextView[], options: { now?: string | null; stay?: boolean } = {}) => {
      if (!options.stay) setScreen('diagnose');
      setBusy(true);
      setError(null);
      setInputs(next);
      const now = options.now === undefined ? asOf : options.now;
      try {
        // The app always checks the messages of a drop or HAR against each other.
        setReport(await call(api().diagnose({ inputs: next, batch: true, now })));
        setDiagnoses((n) => n + 1);
      } catch (failure) {
        setError(errorText(failure));
      } finally {
        setBusy(false);
      }
    },
    [asOf],
  );

  /** A saved configuration is the active one: re-run the messages on screen with it. */
  const configSaved = (saved: ConfigDraft) => {
    setConfigDraft(saved);
    refreshConfigName();
    if (inputs.length > 0) void diagnose(inputs, { stay: true });
  };

  const saveAndLeave = async () => {
    if (!configDraft || !leaving) return;
    try {
      const state = await call(
        api().applyConfig({ text: configDraft.text, source: configDraft.source }),
      );
      configSaved({ text: state.text, source: state.source, savedText: state.text });
      setScreen(leaving);
      setLeaving(null);
      setLeaveError(null);
    } catch (failure) {
      setLeaveError(`Not saved: ${errorText(failure)}`);
    }
  };

  /** The report on screen, which File → Save report saves. */
  const onScreenReportId =
    screen === 'compare'
      ? (pair.result?.reportId ?? null)
      : screen === 'diagnose'
        ? (report?.reportId ?? null)
        : null;

  useEffect(
    () =>
      api().onSaveReportRequested(({ redact }) => {
        if (!onScreenReportId) {
          setNotice('No report on this screen: diagnose or compare a message first, then save.');
          return;
        }
        void call(api().saveReport({ reportId: onScreenReportId, redact }))
          .then(
            (path) =>
              path && setNotice(`${redact ? 'Redacted report' : 'Report'} saved to ${path}`),
          )
          .catch((failure: unknown) => setNotice(errorText(failure)));
      }),
    [onScreenReportId],
  );

  useEffect(() => refreshConfigName(), [refreshConfigName, org]);

  // Closing the window with unsaved configuration edits asks too (the main process shows the question).
  useEffect(() => {
    if (!unsavedConfig) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsavedConfig]);

  useEffect(() => {
    void call(api().getSettings())
      .then((settings) => applyTheme(settings.theme))
      .catch(() => applyTheme('system'));
    void call(api().getOrgStatus())
      .then(setOrg)
      .catch((failure: unknown) => setNotice(errorText(failure)));
    const offOpened = api().onInputOpened((input) => void diagnose([input]));
    const offNotice = api().onNotice(({ message }) => setNotice(message));
    return () => {
      offOpened();
      offNotice();
    };
  }, [applyTheme, diagnose]);

  // A new screen starts at its top.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [screen]);

  // Ctrl/Cmd+V anywhere that is not a text field diagnoses the clipboard.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target)) return;
      const text = event.clipboardData?.getData('text') ?? '';
      if (!text.trim()) return;
      event.preventDefault();
      void diagnose([{ name: 'pasted', text }]);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [diagnose]);

  const onDrop = async (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    const tooLarge = files.find((f) => f.size > MAX_DROP_BYTES);
    if (tooLarge) {
      setError(`${tooLarge.name} is larger than 64 MiB.`);
      return;
    }
    const read = await Promise.all(
      files.map(async (f) => ({ name: f.name, text: await f.text() })),
    );
    void diagnose(read);
  };

  return (
    <div
      className={dragging ? 'shell dragging' : 'shell'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={(event) => void onDrop(event)}
    >
      <header className="topbar">
        <div className="brand" aria-label="JIT Doctor">
          <span className="brand-mark" aria-hidden="true">
            ✚
          </span>
          JIT Doctor
        </div>
        <nav aria-label="Screens">
          <ul className="tabs">
            {SCREENS.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="tab"
                  aria-current={screen === s.id ? 'page' : undefined}
                  onClick={() => goTo(s.id)}
                >
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <RepairIndicator onOpen={() => goTo('repair')} />
        <button
          type="button"
          className="config-chip"
          onClick={() => goTo('configuration')}
          aria-label={`Active configuration: ${configName ?? 'none'}${unsavedConfig ? ', with unsaved changes' : ''}. Open Configuration`}
        >
          Configuration: {configName ?? 'none'}
          {unsavedConfig && <span className="badge badge-warning">unsaved</span>}
        </button>
        <div className="org-chip" role="status" aria-label="Connected org">
          {org ? (
            <>
              <span className={org.problem ? 'dot dot-bad' : 'dot dot-good'} aria-hidden="true" />
              {org.kind === 'demo' ? 'Demo org' : org.name} · {org.region}
            </>
          ) : (
            'Connecting…'
          )}
        </div>
      </header>
      <main className="content" data-diagnoses={diagnoses}>
        {leaving && (
          <div
            className="confirm card"
            role="alertdialog"
            aria-labelledby="leave-title"
            aria-describedby="leave-text"
          >
            <h2 id="leave-title">Unsaved configuration changes</h2>
            <p id="leave-text">
              The configuration on screen has changes that are not saved yet. Save them before you
              leave, or discard them?
            </p>
            {leaveError && (
              <p className="alert alert-bad" role="alert">
                {leaveError}
              </p>
            )}
            <div className="input-actions">
              <button
                type="button"
                className="primary"
                autoFocus
                onClick={() => void saveAndLeave()}
              >
                Save and leave
              </button>
              <button
                type="button"
                onClick={() => {
                  setConfigDraft(null);
                  setScreen(leaving);
                  setLeaving(null);
                  setLeaveError(null);
                }}
              >
                Discard changes
              </button>
              <button
                type="button"
                onClick={() => {
                  setLeaving(null);
                  setLeaveError(null);
                }}
              >
                Stay
              </button>
            </div>
          </div>
        )}
        {screen === 'diagnose' && (
          <DiagnoseScreen
            report={report}
            inputs={inputs}
            busy={busy}
            error={error}
            org={org}
            asOf={asOf}
            diagnoses={diagnoses}
            onAsOf={setAsOf}
            onEvaluateAsOf={(time) => {
              setAsOf(time);
              if (inputs.length > 0) void diagnose(inputs, { now: time });
            }}
            onDiagnose={(next) => void diagnose(next)}
          />
        )}
        {screen === 'compare' && (
          <CompareScreen
            report={report}
            pair={pair}
            asOf={asOf}
            onPair={setPair}
            onAsOf={setAsOf}
          />
        )}
        {screen === 'configuration' && (
          <ConfigurationScreen draft={configDraft} onDraft={setConfigDraft} onSaved={configSaved} />
        )}
        {screen === 'history' && (
          <HistoryScreen
            onOpen={(reopened) => {
              setReport(reopened);
              setInputs([]);
              setError(null);
              setDiagnoses((n) => n + 1);
              setScreen('diagnose');
            }}
            onCompare={(a, b) => {
              setPair({
                a: { text: '', history: { id: a.id, label: entryLabel(a) } },
                b: { text: '', history: { id: b.id, label: entryLabel(b) } },
                result: null,
              });
              setScreen('compare');
            }}
          />
        )}
        {screen === 'repair' && (
          <RepairScreen org={org} onConfigure={() => goTo('configuration')} />
        )}
        {screen === 'settings' && (
          <SettingsScreen onTheme={applyTheme} onOrgChanged={(status) => setOrg(status)} />
        )}
      </main>
      <footer className="statusbar">
        <span role="status" aria-live="polite">
          {notice ?? 'Paste (Ctrl/Cmd+V) a SAML response anywhere, or drop a file or HAR.'}
        </span>
      </footer>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a SAML message, HAR or SAML-tracer export
        </div>
      )}
    </div>
  );
}
