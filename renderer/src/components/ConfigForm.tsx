/** The configuration as a form: SSO, JIT and the claim mapping (post-JIT rules stay in JSON). */
import { GENESYS_USER_FIELDS, type JitDoctorConfig } from '../../../shared/config/types';

export function ConfigForm({
  config,
  onChange,
}: {
  config: JitDoctorConfig;
  onChange(next: JitDoctorConfig): void;
}) {
  const sso = config.sso ?? {};
  const jit = config.jit ?? {};
  const mapping = config.attributeMapping ?? {};
  const setTop = (key: 'name' | 'region' | 'organizationName', value: string) =>
    onChange(withOptional(config, key, value));
  const setSso = (change: Partial<typeof sso>) =>
    onChange({ ...config, sso: clean({ ...sso, ...change }) });
  const setJit = (change: Partial<typeof jit>) =>
    onChange({ ...config, jit: clean({ ...jit, ...change }) });

  return (
    <form className="config-form" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>Org</legend>
        <Text label="Name" value={config.name} onChange={(v) => setTop('name', v)} />
        <Text
          label="Region (e.g. mypurecloud.ie)"
          value={config.region}
          onChange={(v) => setTop('region', v)}
        />
        <Text
          label="Organization short name"
          value={config.organizationName}
          onChange={(v) => setTop('organizationName', v)}
        />
      </fieldset>
      <fieldset>
        <legend>SSO</legend>
        <Text
          label="Issuer"
          value={sso.issuer}
          onChange={(v) => setSso({ issuer: v || undefined })}
        />
        <Text
          label="Relying party identifier"
          value={sso.relyingPartyIdentifier}
          onChange={(v) => setSso({ relyingPartyIdentifier: v || undefined })}
        />
        <Text
          label="Name identifier format"
          value={sso.nameIdentifierFormat}
          onChange={(v) => setSso({ nameIdentifierFormat: v || undefined })}
        />
        <label>
          Clock skew (seconds)
          <input
            type="number"
            min={0}
            max={600}
            value={sso.clockSkewSeconds ?? ''}
            onChange={(event) =>
              setSso({
                clockSkewSeconds:
                  event.target.value === '' ? undefined : Number(event.target.value),
              })
            }
          />
        </label>
        <label>
          Certificates (PEM, one after the other; {sso.certificates?.length ?? 0} configured)
          <textarea
            rows={4}
            spellCheck={false}
            value={(sso.certificates ?? []).join('\n')}
            onChange={(event) => setSso({ certificates: splitPem(event.target.value) })}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={sso.partner ?? false}
            onChange={(event) => setSso({ partner: event.target.checked })}
          />
          Used by an external partner&apos;s IdP
        </label>
      </fieldset>
      <fieldset>
        <legend>JIT</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={jit.enabled ?? false}
            onChange={(event) => setJit({ enabled: event.target.checked })}
          />
          Create users on first login
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={jit.updateOnLogin ?? false}
            onChange={(event) => setJit({ updateOnLogin: event.target.checked })}
          />
          Update users on every login
        </label>
        <Text
          label="Default division"
          value={jit.defaultDivision}
          onChange={(v) => setJit({ defaultDivision: v || undefined })}
        />
      </fieldset>
      <fieldset>
        <legend>Claim mapping (the exact claim name the IdP must send)</legend>
        {GENESYS_USER_FIELDS.map((field) => (
          <Text
            key={field}
            label={field}
            value={mapping[field]}
            onChange={(v) =>
              onChange({
                ...config,
                attributeMapping: clean({ ...mapping, [field]: v || undefined }),
              })
            }
          />
        ))}
      </fieldset>
    </form>
  );
}

function Text({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange(v: string): void;
}) {
  return (
    <label>
      {label}
      <input
        type="text"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
      />
    </label>
  );
}

function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function withOptional(
  config: JitDoctorConfig,
  key: 'name' | 'region' | 'organizationName',
  value: string,
) {
  const next = { ...config };
  if (value) next[key] = value;
  else delete next[key];
  return next;
}

function splitPem(text: string): string[] | undefined {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (blocks) return blocks.map((b) => `${b}\n`);
  const bare = text.trim();
  return bare ? [bare] : undefined;
}
