/**
 * "Try a sample": one click asks the demo org's test IdP (in the main process) for a few freshly
 * signed messages and diagnoses them together. What each shows is the IdP's one line; the verdicts
 * are the engine's, as for any pasted message.
 */
import { useState } from 'react';
import type { InputTextView } from '../../../shared/ipc';
import { api, call, errorText } from '../api';

/** What each sample shows, by the source name its message carries (kept across screens). */
const sampleLines = new Map<string, string>();

/** The demo IdP's line for a message that came from "Try a sample", else null. */
export const sampleLine = (source: string): string | null => sampleLines.get(source) ?? null;

export function SampleList({ onDiagnose }: { onDiagnose(inputs: InputTextView[]): void }) {
  const [state, setState] = useState<{ loading: boolean; error: string | null }>({
    loading: false,
    error: null,
  });
  const load = async () => {
    setState({ loading: true, error: null });
    try {
      const samples = await call(api().demoSamples());
      for (const s of samples) sampleLines.set(s.name, s.shows);
      onDiagnose(samples.map(({ name, text }) => ({ name, text })));
    } catch (failure) {
      setState({ loading: false, error: errorText(failure) });
    }
  };
  return (
    <div className="samples">
      <p>
        No SAML response at hand? Let the demo org&apos;s test IdP sign a few: a working login, a
        claim that misses the mapping by one letter, and a signature-wrapping attack.
      </p>
      <button
        type="button"
        className="primary"
        disabled={state.loading}
        onClick={() => void load()}
      >
        {state.loading ? 'Signing samples…' : 'Try a sample'}
      </button>
      {state.error && (
        <p className="alert alert-bad" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
