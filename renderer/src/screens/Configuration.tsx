/**
 * Configuration: load (file, preset, IdP metadata, the org's SSO providers), edit as a form or as
 * JSON, validated inline by the main process, then applied.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JitDoctorConfig, SsoConfig } from '../../../shared/config/types';
import type { ConfigPreset, ConfigValidation, OrgSsoProvider } from '../../../shared/ipc';
import { api, call, errorText } from '../api';
import { ConfigForm } from '../components/ConfigForm';

const pretty = (config: JitDoctorConfig) => `${JSON.stringify(config, null, 2)}\n`;

function parseLoosely(text: string): JitDoctorConfig | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JitDoctorConfig)
      : null;
  } catch {
    return null;
  }
}

export function ConfigurationScreen({ onApplied }: { onApplied(): void }) {
  const [text, setText] = useState('{\n  "attributeMapping": { "email": "email" }\n}\n');
  const [source, setSource] = useState('new');
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [validation, setValidation] = useState<ConfigValidation | null>(null);
  const [presets, setPresets] = useState<ConfigPreset[]>([]);
  const [providers, setProviders] = useState<OrgSsoProvider[] | null>(null);
  const [metadata, setMetadata] = useState('');
  const [message, setMessage] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);

  useEffect(() => {
    void call(api().getConfig()).then((state) => {
      if (state) {
        setText(state.text);
        setSource(state.source);
      }
    });
    void call(api().listPresets())
      .then(setPresets)
      .catch(() => setPresets([]));
  }, []);

  // Validate as the person types (debounced): the main process runs the real validator.
  useEffect(() => {
    const timer = setTimeout(() => {
      void call(api().validateConfig({ text }))
        .then(setValidation)
        .catch((failure: unknown) =>
          setValidation({ valid: false, message: errorText(failure), path: '' }),
        );
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  const config = useMemo(() => parseLoosely(text), [text]);
  const edit = useCallback((next: JitDoctorConfig) => setText(pretty(next)), []);
  const mergeSso = (sso: SsoConfig, from: string) => {
    edit({ ...(config ?? {}), sso: { ...(config?.sso ?? {}), ...sso } });
    setMessage({ tone: 'good', text: `SSO settings taken from ${from}. Review, then apply.` });
  };

  const act = async (action: () => Promise<void>) => {
    setMessage(null);
    try {
      await action();
    } catch (failure) {
      setMessage({ tone: 'bad', text: errorText(failure) });
    }
  };

  return (
    <section className="screen configuration" aria-labelledby="config-title">
      <h1 id="config-title">Configuration</h1>
      <div className="toolbar">
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              const state = await call(api().openConfigFile());
              if (state) {
                setText(state.text);
                setSource(state.source);
                setMessage({ tone: 'good', text: `Loaded and applied ${state.source}.` });
                onApplied();
              }
            })
          }
        >
          Open file…
        </button>
        <label className="inline-field">
          Preset
          <select
            value=""
            onChange={(event) => {
              const preset = presets.find((p) => p.id === event.target.value);
              if (preset) {
                edit(preset.config);
                setSource(`preset ${preset.name}`);
              }
            }}
          >
            <option value="">Choose an IdP preset…</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => void act(async () => setProviders(await call(api().importOrgProviders())))}
        >
          Import from org…
        </button>
        <span className="grow" />
        <button
          type="button"
          className="primary"
          disabled={!validation?.valid}
          onClick={() =>
            void act(async () => {
              const state = await call(api().applyConfig({ text, source }));
              setMessage({ tone: 'good', text: `Applied (${state.source}).` });
              onApplied();
            })
          }
        >
          Apply
        </button>
      </div>
      <p
        className={validation?.valid ? 'validation ok' : 'validation bad'}
        role="status"
        aria-live="polite"
      >
        {validation === null
          ? 'Checking…'
          : validation.valid
            ? `Valid configuration (${source}).`
            : `${validation.path ? `${validation.path}: ` : ''}${validation.message}`}
      </p>
      {message && (
        <p className={`alert alert-${message.tone}`} role="alert">
          {message.text}
        </p>
      )}
      {providers && (
        <section className="card" aria-labelledby="providers-title">
          <h2 id="providers-title">SSO providers in the org</h2>
          {providers.length === 0 ? (
            <p className="muted">The org has no SSO provider configured.</p>
          ) : (
            <ul className="providers">
              {providers.map((p) => (
                <li key={p.name}>
                  <strong>{p.name}</strong> {p.disabled && <span className="badge">disabled</span>}{' '}
                  <span className="muted small">{p.sso.issuer}</span>{' '}
                  <button type="button" onClick={() => mergeSso(p.sso, `org provider ${p.name}`)}>
                    Use
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <details className="card">
        <summary>Import IdP metadata</summary>
        <label>
          Metadata XML (EntityDescriptor)
          <textarea
            rows={4}
            value={metadata}
            onChange={(event) => setMetadata(event.target.value)}
            spellCheck={false}
          />
        </label>
        <button
          type="button"
          disabled={!metadata.trim()}
          onClick={() =>
            void act(async () =>
              mergeSso(await call(api().importIdpMetadata({ xml: metadata })), 'IdP metadata'),
            )
          }
        >
          Import issuer and certificates
        </button>
      </details>
      <div className="mode-switch" role="tablist" aria-label="Editor">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'form'}
          onClick={() => setMode('form')}
        >
          Form
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'json'}
          onClick={() => setMode('json')}
        >
          JSON
        </button>
      </div>
      {mode === 'form' ? (
        config ? (
          <ConfigForm config={config} onChange={edit} />
        ) : (
          <p className="alert alert-bad">The JSON does not parse: fix it in the JSON editor.</p>
        )
      ) : (
        <label className="json-editor">
          <span className="visually-hidden">Configuration JSON</span>
          <textarea
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setSource('edited');
            }}
            rows={28}
            spellCheck={false}
          />
        </label>
      )}
    </section>
  );
}
