/**
 * Settings: org profiles (the secret goes in, never comes back), the OAuth client's permissions,
 * rate limit, clock skew, theme.
 */
import { useEffect, useState } from 'react';
import type {
  AppSettings,
  OrgProfileInput,
  OrgProfileView,
  OrgStatus,
  PermissionReportView,
  ThemePreference,
} from '../../../shared/ipc';
import { REGION_DOMAINS } from '../../../shared/saml/regions';
import { api, call, errorText } from '../api';
import { ScreenMessage, useScreenMessage } from '../components/ScreenMessage';

/** Genesys Cloud's own regions, the only ones a profile can name (the SDK's list; a test keeps them equal). */
const REGIONS = Object.values(REGION_DOMAINS);

const EMPTY: OrgProfileInput = { name: '', region: 'mypurecloud.com', clientId: '', secret: '' };

export function SettingsScreen({
  onTheme,
  onOrgChanged,
}: {
  onTheme(theme: ThemePreference): void;
  onOrgChanged(status: OrgStatus): void;
}) {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [profiles, setProfiles] = useState<OrgProfileView[]>([]);
  const [status, setStatus] = useState<OrgStatus | null>(null);
  const [draft, setDraft] = useState<OrgProfileInput>(EMPTY);
  const { message, setMessage, act } = useScreenMessage();

  useEffect(() => {
    void call(api().getSettings()).then(setSettings);
    void call(api().listOrgProfiles()).then(setProfiles);
    void call(api().getOrgStatus()).then(setStatus);
  }, []);

  const connect = (profileId: string | null, demoStuckAgents?: number) =>
    act(async () => {
      const next = await call(api().connectOrg({ profileId, demoStuckAgents }));
      setStatus(next);
      onOrgChanged(next);
      setMessage(
        next.problem
          ? { tone: 'bad', text: next.problem }
          : { tone: 'good', text: `Connected to ${next.name}.` },
      );
    });

  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <ScreenMessage message={message} />
      <section className="card" aria-labelledby="orgs-title">
        <h2 id="orgs-title">Orgs</h2>
        <p>
          In use:{' '}
          <strong>{status ? (status.kind === 'demo' ? 'the demo org' : status.name) : '…'}</strong>
          {status?.problem && <span className="bad"> — {status.problem}</span>}
        </p>
        <ul className="profiles">
          <li>
            Demo org (built in, in memory, 6 stuck agents){' '}
            <button
              type="button"
              disabled={status?.kind === 'demo' && status.demoStuckAgents === 6}
              onClick={() => void connect(null)}
            >
              Use
            </button>
          </li>
          <li>
            Demo org at 9 AM: 2,000 stuck agents (at 300 calls per minute, as on a real org, finding
            them takes a few minutes and repairing them about half an hour: some four calls per
            agent){' '}
            <button
              type="button"
              disabled={status?.kind === 'demo' && status.demoStuckAgents === 2000}
              onClick={() => void connect(null, 2000)}
            >
              Use
            </button>
          </li>
          {profiles.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> · {p.region} · client {p.clientId} ·{' '}
              {p.hasSecret ? 'secret stored (encrypted)' : 'no secret'}{' '}
              <button
                type="button"
                disabled={status?.profileId === p.id}
                onClick={() => void connect(p.id)}
              >
                Use
              </button>{' '}
              <button
                type="button"
                onClick={() =>
                  setDraft({
                    id: p.id,
                    name: p.name,
                    region: p.region,
                    clientId: p.clientId,
                    secret: '',
                  })
                }
              >
                Edit
              </button>{' '}
              <button
                type="button"
                onClick={() =>
                  void act(async () => {
                    setProfiles(await call(api().deleteOrgProfile({ id: p.id })));
                    // Deleting the profile in use falls back to the demo org: the top bar says so too.
                    const next = await call(api().getOrgStatus());
                    setStatus(next);
                    onOrgChanged(next);
                  })
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
        <form
          className="profile-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => {
              const saved = await call(
                api().saveOrgProfile(draft.secret ? draft : { ...draft, secret: undefined }),
              );
              setProfiles(await call(api().listOrgProfiles()));
              setDraft(EMPTY);
              setMessage({ tone: 'good', text: `Profile ${saved.name} saved.` });
            });
          }}
        >
          <h3>{draft.id ? 'Edit profile' : 'Add an org (OAuth client credentials)'}</h3>
          <label>
            Name
            <input
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value })}
              required
            />
          </label>
          <label>
            Region
            <input
              list="regions"
              value={draft.region}
              onChange={(event) => setDraft({ ...draft, region: event.target.value })}
              required
            />
            <datalist id="regions">
              {REGIONS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </label>
          <label>
            Client id
            <input
              value={draft.clientId}
              onChange={(event) => setDraft({ ...draft, clientId: event.target.value })}
              required
            />
          </label>
          <label>
            Client secret{' '}
            {draft.id
              ? '(leave empty to keep the stored one; needed again for a new region or client id)'
              : ''}
            <input
              type="password"
              autoComplete="off"
              value={draft.secret ?? ''}
              onChange={(event) => setDraft({ ...draft, secret: event.target.value })}
            />
          </label>
          <div className="input-actions">
            <button type="submit" className="primary">
              Save profile
            </button>
            {draft.id && (
              <button type="button" onClick={() => setDraft(EMPTY)}>
                Cancel
              </button>
            )}
          </div>
        </form>
      </section>
      <PermissionsCard status={status} />
      {settings && (
        <section className="card" aria-labelledby="general-title">
          <h2 id="general-title">General</h2>
          <form
            className="settings-form"
            onSubmit={(event) => {
              event.preventDefault();
              void act(async () => {
                const saved = await call(api().saveSettings(settings));
                setSettings(saved);
                onTheme(saved.theme);
                setMessage({ tone: 'good', text: 'Settings saved.' });
              });
            }}
          >
            <label>
              API rate limit (requests per minute)
              <input
                type="number"
                min={1}
                max={100000}
                value={settings.rateLimitPerMinute}
                onChange={(event) =>
                  setSettings({ ...settings, rateLimitPerMinute: Number(event.target.value) })
                }
              />
            </label>
            <label>
              Clock skew tolerance in seconds (when the configuration sets none)
              <input
                type="number"
                min={0}
                max={600}
                value={settings.clockSkewSeconds}
                onChange={(event) =>
                  setSettings({ ...settings, clockSkewSeconds: Number(event.target.value) })
                }
              />
            </label>
            <fieldset className="theme-choice">
              <legend>Theme</legend>
              {(['system', 'light', 'dark'] as const).map((theme) => (
                <label key={theme} className="checkbox">
                  <input
                    type="radio"
                    name="theme"
                    value={theme}
                    checked={settings.theme === theme}
                    onChange={() => {
                      setSettings({ ...settings, theme });
                      onTheme(theme);
                    }}
                  />
                  {theme === 'system' ? 'Follow the system' : theme === 'light' ? 'Light' : 'Dark'}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="primary">
              Save settings
            </button>
          </form>
        </section>
      )}
    </section>
  );
}

/** Check permissions: the main process runs `jit-doctor org check` for the org in use. */
function PermissionsCard({ status }: { status: OrgStatus | null }) {
  // A check is about one org: once another org is in use, its answer is no longer shown.
  const orgKey = status ? `${status.kind}:${status.profileId ?? status.demoStuckAgents}` : '';
  const [answer, setAnswer] = useState<{
    orgKey: string;
    report: PermissionReportView | null;
    failure: string | null;
  } | null>(null);
  const [checking, setChecking] = useState(false);
  const current = answer?.orgKey === orgKey ? answer : null;
  const report = current?.report ?? null;
  const failure = current?.failure ?? null;

  const check = async () => {
    setChecking(true);
    setAnswer(null);
    try {
      setAnswer({ orgKey, report: await call(api().checkOrgPermissions()), failure: null });
    } catch (error) {
      setAnswer({ orgKey, report: null, failure: errorText(error) });
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="card permissions" aria-labelledby="permissions-title">
      <h2 id="permissions-title">Permissions</h2>
      <p>
        Before a repair writes anything: reads the OAuth client&apos;s own roles in the org in use
        and checks each permission the configuration&apos;s post-JIT rules need (the same check as{' '}
        <code>jit-doctor org check</code>).
      </p>
      <button type="button" onClick={() => void check()} disabled={checking || !status}>
        {checking ? 'Checking…' : 'Check permissions'}
      </button>
      {failure && (
        <p className="alert alert-bad" role="alert">
          {failure}
        </p>
      )}
      {report && (
        <div aria-live="polite">
          <p className={report.missing.length === 0 ? 'good' : 'bad'} role="status">
            {report.missing.length === 0
              ? `All ${report.checks.length} permissions the rules need are present on ${report.org}.`
              : `The OAuth client's role on ${report.org} lacks ${report.missing.join(', ')}: add ${
                  report.missing.length === 1 ? 'it' : 'them'
                } in Admin > Roles/Permissions before repairing.`}
          </p>
          <table className="table small">
            <caption>
              {report.ruleCount > 0
                ? `The ${report.ruleCount === 1 ? 'post-JIT rule' : `${report.ruleCount} post-JIT rules`} of ${report.configSource}`
                : `${report.configSource} has no post-JIT rules: only what finding and reading users needs`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Permission</th>
                <th scope="col">Held</th>
                <th scope="col">Needed for</th>
              </tr>
            </thead>
            <tbody>
              {report.checks.map((check) => (
                <tr key={check.permission}>
                  <th scope="row">
                    <code>{check.permission}</code>
                  </th>
                  <td>
                    <span className={`badge ${check.present ? 'badge-ok' : 'badge-error'}`}>
                      {check.present ? 'present' : 'missing'}
                    </span>
                  </td>
                  <td>
                    <ul className="plain">
                      {check.neededFor.map(({ operation, purpose }) => (
                        <li key={operation}>
                          {purpose} <span className="muted">({operation})</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.unlisted.length > 0 && (
            <>
              <h3>Also called, with no permission listed in the SDK docs</h3>
              <ul className="unlisted">
                {report.unlisted.map(({ operation, purpose, note }) => (
                  <li key={operation}>
                    {purpose} <span className="muted">({operation})</span>
                    {note && <span className="muted small"> — {note}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
