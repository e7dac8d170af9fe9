/** The mapping part of real signed sample cases, end to end through the engine. */
import { describe, expect, it } from 'vitest';
import { sample } from './helpers';

const codesOf = (name: string, extra: string[] = []) => {
  const report = sample(name, extra);
  return [...report.findings, ...report.messages.flatMap((m) => m.findings)].map((f) => f.code);
};

describe('sample cases', () => {
  it('011: department under the Microsoft namespace is a namespace near miss', () => {
    const [message] = sample('011-claim-namespace-near-miss-department').messages;
    expect(message!.mapping.find((r) => r.field === 'department')).toMatchObject({
      received: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/department',
      match: 'namespace',
      values: ['Seasonal_Retail'],
    });
    expect(message!.findings.find((f) => f.code === 'CLAIM_NEAR_MISS')?.fix).toMatch(
      /Attributes & Claims/,
    );
  });

  it('014: every LDAP name arrives only as a FriendlyName', () => {
    const [message] = sample('014-claim-friendlyname-match-only').messages;
    expect(message!.mapping.map((r) => r.match)).toEqual(Array(5).fill('friendly-name'));
  });

  it('039: an existing user with the same values: nothing to create, strip or flag', () => {
    const report = sample('039-dir-existing-user-clean');
    expect(report.messages[0]!.jit).toMatchObject({
      action: 'none',
      existingUserId: 'b1c4a7e2-5d3f-4e5a-9b8c-1f2e3d4c5b6a',
    });
    expect(
      codesOf('039-dir-existing-user-clean').filter((c) => /^(UNIQUE|JIT|ROLE|POSTJIT)_/.test(c)),
    ).toEqual([]);
  });

  it('044: update-on-login overwrites the title a supervisor set', () => {
    const [message] = sample('044-dir-update-overwrites-manual-title').messages;
    expect(message!.jit).toMatchObject({
      action: 'update',
      changes: [{ field: 'title', from: 'Senior Agent - Team Lead', to: 'Agent' }],
    });
  });

  it('040, 042, 046, 048: directory-based errors', () => {
    expect(codesOf('040-dir-duplicate-employee-id-409')).toContain('UNIQUE_EMPLOYEE_ID');
    const batch = codesOf('042-dir-batch-duplicate-employee-id-two-inputs', ['input2.xml']);
    expect(batch).toContain('UNIQUE_BATCH_DUPLICATE');
    expect(batch).not.toContain('UNIQUE_EMPLOYEE_ID');
    expect(codesOf('046-dir-jit-disabled-unknown-user')).toContain('JIT_DISABLED_UNKNOWN_USER');
    expect(codesOf('048-dir-unknown-role-name')).toContain('ROLE_UNKNOWN');
  });

  it('the clean baselines raise no mapping error', () => {
    for (const name of [
      '001-entra-assertion-signed-pysaml2',
      '003-okta-assertion-signed-auth0',
      '007-google-workspace-response-signed-xmlsec1',
    ]) {
      const report = sample(name);
      expect(
        report.messages[0]!.mapping.every((r) => r.match === 'exact'),
        name,
      ).toBe(true);
      expect(report.summary.errors, name).toBe(0);
    }
  });
});
