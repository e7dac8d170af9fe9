import { describe, expect, it } from 'vitest';
import { JANE, analyse, codes, config, directory, user, type Claim } from './helpers';

const replace = (name: string, claim: Claim): Claim[] =>
  JANE.map((c) => (c[0] === name ? claim : c));
const find = (a: ReturnType<typeof analyse>, code: string) =>
  a.findings.filter((f) => f.code === code);
const JOHN: Claim[] = [
  ['firstName', ['John']],
  ['lastName', ['Smith']],
  ['email', ['john.smith@acme.example']],
  ['displayName', ['John Smith']],
  ['employeeNumber', ['EMP-12345']],
];

describe('uniqueness', () => {
  it('UNIQUE_EMPLOYEE_ID when another user holds the employee ID (409), with that user as evidence', () => {
    const result = analyse(JOHN, config(), directory([user()]), {
      nameId: 'john.smith@acme.example',
    });
    expect(find(result, 'UNIQUE_EMPLOYEE_ID')).toMatchObject([
      {
        severity: 'error',
        evidence: {
          employeeId: 'EMP-12345',
          otherUser: { id: 'u-jane', email: 'jane.doe@acme.example' },
        },
      },
    ]);
    expect(result.jit?.action).toBe('fail');
    expect(find(result, 'JIT_WILL_CREATE')[0]?.message).toMatch(
      /but the create fails \(UNIQUE_EMPLOYEE_ID\)/,
    );
  });

  it("does not flag the user's own employee ID or email", () => {
    const result = analyse(JANE, config(), directory([user()]));
    expect(codes(result).filter((c) => c.startsWith('UNIQUE_'))).toEqual([]);
  });

  it('UNIQUE_EMAIL when the email claim belongs to another record, or the subject differs only in case', () => {
    const other = analyse(
      replace('email', ['email', ['sam@acme.example']]),
      config(),
      directory([user({ id: 'u-sam', email: 'sam@acme.example', employeeId: null })]),
    );
    expect(find(other, 'UNIQUE_EMAIL')[0]?.evidence).toMatchObject({ email: 'sam@acme.example' });
    const cased = analyse(JANE, config(), directory([user({ email: 'Jane.Doe@acme.example' })]));
    expect(find(cased, 'UNIQUE_EMAIL')[0]?.message).toMatch(/differs only in letter case/);
  });
});

describe('JIT outcome', () => {
  it('JIT_WILL_CREATE lists every field, and the new user lands in the default division', () => {
    const result = analyse(JANE, config(), directory([]));
    expect(result.jit).toMatchObject({
      action: 'create',
      division: 'Home',
      rolesAdded: ['Communicate_User', 'Agent_Tier1'],
    });
    expect(find(result, 'JIT_WILL_CREATE')[0]?.evidence.user).toEqual({
      email: 'jane.doe@acme.example',
      name: 'Jane Doe',
      department: 'Seasonal_Retail',
      title: 'Agent',
      employeeId: 'EMP-12345',
      division: 'Home',
    });
    expect(find(result, 'JIT_DEFAULT_DIVISION')[0]?.severity).toBe('info');
  });

  it('without a directory the outcome is unknown and the create is conditional', () => {
    const result = analyse(JANE);
    expect(result.jit?.action).toBe('unknown');
    expect(find(result, 'JIT_WILL_CREATE')[0]?.message).toMatch(/^If jane/);
  });

  it('does not guess a create when nothing identifies the user', () => {
    const anonymous = analyse(
      JANE.filter(([n]) => n !== 'email'),
      config(),
      directory([]),
      { nameId: null },
    );
    expect(anonymous.jit?.action).toBe('unknown');
    expect(codes(anonymous)).not.toContain('JIT_WILL_CREATE');
    expect(anonymous.skipped).toContainEqual({
      check: 'JIT outcome',
      reason: 'neither the NameID nor an email claim says who logs in',
    });
  });

  it('JIT_DISABLED_UNKNOWN_USER when JIT is off and the user is new', () => {
    const result = analyse(JANE, config({ jit: { enabled: false } }), directory([]));
    expect(codes(result)).toContain('JIT_DISABLED_UNKNOWN_USER');
    expect(codes(result)).not.toContain('JIT_WILL_CREATE');
    expect(result.jit?.action).toBe('fail');
  });

  it('JIT_WILL_UPDATE and JIT_OVERWRITES_MANUAL_EDIT with update-on-login', () => {
    const cfg = config({ jit: { enabled: true, updateOnLogin: true } });
    const result = analyse(
      JANE,
      cfg,
      directory([user({ title: 'Senior Agent - Team Lead', department: null })]),
    );
    expect(result.jit?.changes).toEqual([
      { field: 'department', from: null, to: 'Seasonal_Retail' },
      { field: 'title', from: 'Senior Agent - Team Lead', to: 'Agent' },
    ]);
    expect(find(result, 'JIT_OVERWRITES_MANUAL_EDIT')).toMatchObject([
      { evidence: { field: 'title' } },
    ]);
    expect(codes(result)).toContain('JIT_WILL_UPDATE');
  });

  it('no update findings when update-on-login is off or nothing changes', () => {
    const off = analyse(JANE, config(), directory([user({ title: 'Lead' })]));
    expect(off.jit?.action).toBe('none');
    expect(codes(off).filter((c) => c.startsWith('JIT_'))).toEqual([]);
    const same = analyse(
      JANE,
      config({ jit: { enabled: true, updateOnLogin: true } }),
      directory([user()]),
    );
    expect(same.jit?.action).toBe('none');
  });

  it('JIT_STRIPS_ROLES for roles the user holds that the assertion does not carry', () => {
    const cfg = config({ jit: { enabled: true, updateOnLogin: true } });
    const result = analyse(
      JANE,
      cfg,
      directory([user({ roles: ['Communicate_User', 'Agent_Tier1', 'Quality Evaluator'] })]),
    );
    expect(find(result, 'JIT_STRIPS_ROLES')).toMatchObject([
      { evidence: { rolesRemoved: ['Quality Evaluator'] } },
    ]);
    expect(result.jit?.rolesRemoved).toEqual(['Quality Evaluator']);
  });

  it('JIT_LICENSE_CAP when every license is taken, skipped without a total', () => {
    const full = analyse(JANE, config(), directory([], { licenses: { total: 42, assigned: 42 } }));
    expect(codes(full)).toContain('JIT_LICENSE_CAP');
    const unknown = analyse(JANE, config(), directory([], { licenses: undefined }));
    expect(codes(unknown)).not.toContain('JIT_LICENSE_CAP');
    expect(unknown.skipped).toContainEqual({
      check: 'license cap',
      reason: 'no licenses.total in the configuration or the directory',
    });
    const fromConfig = analyse(
      JANE,
      config({ licenses: { total: 10 } }),
      directory([], { licenses: { assigned: 10 } }),
    );
    expect(codes(fromConfig)).toContain('JIT_LICENSE_CAP');
  });

  it('JIT_DEFAULT_DIVISION is a warning for a partner integration landing in Home', () => {
    const result = analyse(JANE, config({ sso: { partner: true } }), directory([]));
    expect(find(result, 'JIT_DEFAULT_DIVISION')[0]?.severity).toBe('warning');
    const own = analyse(
      JANE,
      config({
        sso: { partner: true },
        jit: { enabled: true, defaultDivision: 'Partner Division' },
      }),
      directory([]),
    );
    expect(find(own, 'JIT_DEFAULT_DIVISION')[0]?.severity).toBe('info');
  });
});
