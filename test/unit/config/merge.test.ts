import { describe, expect, it } from 'vitest';
import { configChanges, mergeConfig, replaceConfig } from '../../../shared/config/merge';
import type { JitDoctorConfig } from '../../../shared/config/types';
import { PRESETS } from '../../../shared/mapping/presets';

const current: JitDoctorConfig = {
  name: 'Acme employees',
  region: 'mypurecloud.ie',
  sso: { issuer: 'https://idp.acme.example/', certificates: ['PEM-1'], clockSkewSeconds: 30 },
  attributeMapping: { email: 'mail', department: 'dept' },
  postJit: { rules: [{ when: { department: 'Sales' }, webRtcPhone: true }] },
};

describe('merging an import into the configuration', () => {
  it('keeps the issuer, certificates, org and repair rules when a preset is chosen', () => {
    const preset = PRESETS.entra.config;
    const merged = mergeConfig(current, preset);
    expect(merged.config.sso).toMatchObject({
      issuer: 'https://idp.acme.example/',
      certificates: ['PEM-1'],
      clockSkewSeconds: 30,
      nameIdentifierFormat: preset.sso!.nameIdentifierFormat,
    });
    expect(merged.config.region).toBe('mypurecloud.ie');
    expect(merged.config.postJit).toEqual(current.postJit);
    expect(merged.config.attributeMapping?.email).toBe(preset.attributeMapping!.email);
    const paths = merged.changes.map((c) => c.path);
    expect(paths).toContain('attributeMapping.email');
    expect(paths).toContain('name');
    expect(paths).not.toContain('sso.issuer');
    expect(merged.changes.find((c) => c.path === 'attributeMapping.email')).toEqual({
      path: 'attributeMapping.email',
      before: 'mail',
      after: preset.attributeMapping!.email,
    });
    expect(merged.changes.find((c) => c.path === 'attributeMapping.givenName')?.before).toBe(
      undefined,
    );
    // issuer, certificates, clock skew, region, the rule: five settings untouched.
    expect(merged.unchanged).toBe(5);
  });

  it('replaces the certificates with those of the IdP metadata, as one change', () => {
    const merged = mergeConfig(current, {
      sso: { issuer: 'https://idp.acme.example/', certificates: ['PEM-2', 'PEM-3'] },
    });
    expect(merged.changes).toEqual([
      { path: 'sso.certificates', before: ['PEM-1'], after: ['PEM-2', 'PEM-3'] },
    ]);
  });

  it('lists what restoring another configuration removes', () => {
    const restored = replaceConfig(current, { attributeMapping: { email: 'mail' } });
    expect(restored.config).toEqual({ attributeMapping: { email: 'mail' } });
    expect(restored.changes.map((c) => c.path)).toContain('postJit.rules');
    expect(restored.changes.find((c) => c.path === 'region')).toEqual({
      path: 'region',
      before: 'mypurecloud.ie',
      after: undefined,
    });
    expect(configChanges(current, current)).toEqual({ changes: [], unchanged: 8 });
  });
});
