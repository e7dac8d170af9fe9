/** Capture a login in the capture window; every SAML message it sends can be diagnosed. */
import { useEffect, useState } from 'react';
import type { CapturedMessage, InputTextView, OrgStatus } from '../../../shared/ipc';
import { api, call, errorText } from '../api';
import { capturedInput, loginUrlFor } from '../model/capture';

export function CapturePanel({
  org,
  onDiagnose,
}: {
  org: OrgStatus | null;
  onDiagnose(input: InputTextView): void;
}) {
  const [url, setUrl] = useState(() => loginUrlFor(org?.region));
  const [diagnoseOnly, setDiagnoseOnly] = useState(true);
  const [captured, setCaptured] = useState<CapturedMessage[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void call(api().listCaptures())
      .then(setCaptured)
      .catch(() => setCaptured([]));
    return api().onCaptureMessage((message) => setCaptured((list) => [...list, message]));
  }, []);

  const open = async () => {
    setProblem(null);
    try {
      await call(api().openCapture({ url, diagnoseOnly }));
    } catch (failure) {
      setProblem(errorText(failure));
    }
  };

  return (
    <section className="card capture" aria-labelledby="capture-title">
      <h2 id="capture-title">Capture a login</h2>
      <div className="form-row">
        <label className="grow">
          Start at (your org&apos;s login page or the IdP-initiated sign-in URL)
          <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={diagnoseOnly}
            onChange={(event) => setDiagnoseOnly(event.target.checked)}
          />
          Diagnose only, don&apos;t log in (no user is created through JIT)
        </label>
        <button type="button" className="primary" onClick={() => void open()}>
          Open capture window
        </button>
      </div>
      {problem && (
        <p className="alert alert-bad" role="alert">
          {problem}
        </p>
      )}
      {captured.length === 0 ? (
        <p className="muted">No SAML message captured yet.</p>
      ) : (
        <ul className="captures">
          {captured.map((m, i) => (
            <li key={`${m.time}-${i}`}>
              <span className="mono small">{m.time.slice(11, 19)}</span> {m.parameter} ({m.binding})
              → {m.url}
              {m.blocked && <span className="badge badge-info">stopped before Genesys Cloud</span>}
              <button
                type="button"
                onClick={() => onDiagnose({ name: `capture#${i + 1}`, text: capturedInput(m) })}
              >
                Diagnose
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
