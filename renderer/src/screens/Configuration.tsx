/**
 * Configuration: edit as a form or as JSON, validated inline by the main process, then saved.
 * Work is never lost: presets and imports (IdP metadata, the org's SSO providers) merge into the
 * configuration on screen after a preview of what they change (shared/config/merge.ts); an
 * unsaved draft is marked, survives visiting other screens, and leaving asks (App.tsx).
 */
import { useEffect, useMemo, useState } from 'react';
import { mergeConfig, replaceConfig, type ConfigMerge } from '../../../shared/config/merge';
import type { JitDoctorConfig, MetadataIdp } from '../../../shared/config/types';
import type { ConfigPreset, ConfigValidation, OrgSsoProvider } from '../../../shared/ipc';
import { api, call, errorText } from '../api';
import { ConfigForm } from '../components/ConfigForm';
import { IdpPicker } from '../components/IdpPicker';
import { MergePreview } from '../components/MergePreview';
import { ScreenMessage, useScreenMessage } from '../components/ScreenMessage';

const pretty = (config: JitDoctorConfig) => `${JSON.stringify(config, null, 2)}\n`;

/** The configuration being edited: its text, where it came from, and the text last saved. */
export interface ConfigDraft {
  text: string;
  source: string;
  /** null when no configuration was ever saved. */
  savedText: string | null;
}

export const isUnsaved = (draft: ConfigDraft | null): boolean =>
  draft !== null && draft.text !== draft.savedText;

const STARTER = '{\n  "attributeMapping": { "email": "email" }\n}\n';

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

interface Preview {
  title: string;
  action: string;
  /** What the draft's source becomes. */
  source: string;
  merge: ConfigMerge;
}

export function ConfigurationScreen({
  draft,
  onDraft,
  onSaved,
}: {
  draft: ConfigDraft | null;
  onDraft(draft: ConfigDraft): void;
  /** The configuration was saved and is now the active one. */
  onSaved(draft: ConfigDraft): void;
}) {
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [validation, setValidation] = useState<ConfigValidation | null>(null);
  const [presets, setPresets] = useState<ConfigPreset[]>([]);
  const [providers, setProviders] = useState<OrgSsoProvider[] | null>(null);
  const [metadata, setMetadata] = useState('');
  /** The IdPs of metadata that describes several, until one is chosen. */
  const [idpChoices, setIdpChoices] = useState<MetadataIdp[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const { message, setMessage, act } = useScreenMessage();

  // The first visit loads the active configuration; later visits keep the draft as it was left.
  useEffect(() => {
    if (draft) return;
    void call(api().getConfig())
      .then((state) =>
        onDraft(
          state
            ? { text: state.text, source: state.source, savedText: state.text }
            : { text: STARTER, source: 'new', savedText: null },
        ),
      )
      .catch((failure: unknown) => {
        onDraft({ text: STARTER, source: 'new', savedText: null });
        setMessage({ tone: 'bad', text: errorText(failure) });
      });
  }, [draft, onDraft, setMessage]);

  useEffect(() => {
    void call(api().listPresets())
      .then(setPresets)
      .catch(() => setPresets([]));
  }, []);

  const text = draft?.text ?? '';
  // Validate as the person types (debounced): the main process runs the real validator.
  useEffect(() => {
    if (!draft) return;
    const timer = setTimeout(() => {
      void call(api().validateConfig({ text }))
        .then(setValidation)
        .catch((failure: unknown) =>
          setValidation({ valid: false, message: errorText(failure), path: '' }),
        );
    }, 250);
    return () => clearTimeout(timer);
  }, [text, draft]);

  const config = useMemo(() => parseLoosely(text), [text]);
  if (!draft) return <section className="screen configuration" aria-busy="true" />;

  const unsaved = isUnsaved(draft);
  const setText = (next: string, source = 'edited') => onDraft({ ...draft, text: next, source });

  /** Shows what merging `incoming` would change; nothing changes until the person confirms. */
  const previewMerge = (incoming: JitDoctorConfig, from: string) => {
    setMessage(null);
    if (!config) {
      setMessage({
        tone: 'bad',
        text: `The JSON does not parse, so ${from} cannot be merged into it: fix it in the JSON editor first.`,
      });
      return;
    }
    setPreview({
      title: `Merge ${from} into the configuration`,
      action: 'Merge',
      source: `${draft.source} + ${from}`,
      merge: mergeConfig(config, incoming),
    });
  };

  /** Imports the metadata on screen (its IdP `entityId` when it describes several). */
  const importMetadata = (entityId?: string) =>
    act(async () => {
      const reply = await call(
        api().importIdpMetadata({ xml: metadata, ...(entityId ? { entityId } : {}) }),
      );
      if ('choose' in reply) {
        setIdpChoices(reply.choose);
        return;
      }
      setIdpChoices(null);
      previewMerge({ sso: reply.sso }, entityId ? `IdP metadata of ${entityId}` : 'IdP metadata');
    });

  const confirm = (shown: Preview) => {
    setText(pretty(shown.merge.config), shown.source);
    setPreview(null);
    setMessage({
      tone: 'good',
      text: `${shown.merge.changes.length} setting${shown.merge.changes.length === 1 ? '' : 's'} changed (${shown.source}). Review, then Save.`,
    });
  };

  const save = () =>
    act(async () => {
      const state = await call(api().applyConfig({ text: draft.text, source: draft.source }));
      const saved = { text: state.text, source: state.source, savedText: state.text };
      onSaved(saved);
      setMessage({ tone: 'good', text: `Saved: this is now the active configuration.` });
    });

  return (
    <section className="screen configuration" aria-labelledby="config-title">
      <h1 id="config-title">
        Configuration{' '}
        {unsaved ? (
          <span className="badge badge-warning">Unsaved changes</span>
        ) : (
          <span className="badge badge-ok">Saved</span>
        )}
      </h1>
      <div className="toolbar">
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              const file = await call(api().openConfigFile());
              if (!file) return;
              setText(file.text, file.source);
              setMessage({
                tone: 'good',
                text: `Opened ${file.source}: review it, then Save to make it the active configuration.`,
              });
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
              if (preset) previewMerge(preset.config, `preset ${preset.name}`);
            }}
          >
            <option value="">Merge an IdP preset…</option>
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
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              const demo = await call(api().demoConfig());
              setPreview({
                title: 'Restore the demo configuration',
                action: 'Replace with the demo configuration',
                source: demo.source,
                merge: replaceConfig(config ?? {}, demo.config),
              });
            })
          }
        >
          Restore the demo configuration…
        </button>
        <span className="grow" />
        <button
          type="button"
          disabled={!validation?.valid}
          onClick={() =>
            void act(async () => {
              const path = await call(api().exportConfig({ text: draft.text }));
              if (path) setMessage({ tone: 'good', text: `Exported to ${path}` });
            })
          }
        >
          Export…
        </button>
        <button
          type="button"
          className="primary"
          disabled={!validation?.valid || !unsaved}
          onClick={() => void save()}
        >
          Save
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
            ? `Valid configuration (${draft.source}).`
            : `${validation.path ? `${validation.path}: ` : ''}${validation.message}`}
      </p>
      <ScreenMessage message={message} />
      {preview && (
        <MergePreview
          title={preview.title}
          action={preview.action}
          merge={preview.merge}
          onConfirm={() => confirm(preview)}
          onCancel={() => setPreview(null)}
        />
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
                  <button
                    type="button"
                    onClick={() => previewMerge({ sso: p.sso }, `org provider ${p.name}`)}
                  >
                    Use…
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
            onChange={(event) => {
              setMetadata(event.target.value);
              setIdpChoices(null);
            }}
            spellCheck={false}
          />
        </label>
        <button type="button" disabled={!metadata.trim()} onClick={() => void importMetadata()}>
          Import issuer and certificates…
        </button>
        {idpChoices && (
          <IdpPicker
            idps={idpChoices}
            onChoose={(entityId) => void importMetadata(entityId)}
            onCancel={() => setIdpChoices(null)}
          />
        )}
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
          <ConfigForm config={config} onChange={(next) => setText(pretty(next))} />
        ) : (
          <p className="alert alert-bad">The JSON does not parse: fix it in the JSON editor.</p>
        )
      ) : (
        <label className="json-editor">
          <span className="visually-hidden">Configuration JSON</span>
          <textarea
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={28}
            spellCheck={false}
          />
        </label>
      )}
    </section>
  );
}
