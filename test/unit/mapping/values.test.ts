import { describe, expect, it } from 'vitest';
import { JANE, analyse, codes, config, directory, user, type Claim } from './helpers';

const replace = (name: string, claim: Claim): Claim[] =>
  JANE.map((c) => (c[0] === name ? claim : c));
const find = (a: ReturnType<typeof analyse>, code: string) =>
  a.findings.filter((f) => f.code === code);

describe('value findings', () => {
  it('VALUE_EMAIL_INVALID when the email claim carries an account name', () => {
    const result = analyse(replace('email', ['email', ['ACME\\jdoe']]));
    expect(find(result, 'VALUE_EMAIL_INVALID')).toMatchObject([
      { severity: 'error', evidence: { value: 'ACME\\jdoe' } },
    ]);
  });

  it('VALUE_ENCODING with the probable original', () => {
    const result = analyse(replace('displayName', ['displayName', ['Jane MÃ¼ller']]));
    expect(find(result, 'VALUE_ENCODING')).toMatchObject([
      { evidence: { values: { probably: 'Jane Müller' }, damaged: ['Ã¼'] } },
    ]);
  });

  it('ROLES_FORMAT for semicolons, but not for well-formed roles', () => {
    expect(
      codes(analyse(replace('Genesys_Roles', ['Genesys_Roles', ['Communicate_User;Agent_Tier1']]))),
    ).toContain('ROLES_FORMAT');
    expect(codes(analyse(JANE))).not.toContain('ROLES_FORMAT');
  });

  it('ROLE_UNKNOWN names the closest existing role (needs directory)', () => {
    const claims = replace('Genesys_Roles', ['Genesys_Roles', ['Communicate_User,Agent Tier 2']]);
    const result = analyse(claims, config(), directory([]));
    expect(find(result, 'ROLE_UNKNOWN')).toMatchObject([
      { severity: 'error', evidence: { role: 'Agent Tier 2', closest: 'Agent_Tier2' } },
    ]);
    expect(codes(analyse(claims))).not.toContain('ROLE_UNKNOWN');
  });

  it('LOCATION_UNKNOWN and MANAGER_UNKNOWN against the directory', () => {
    const cfg = config({
      attributeMapping: { email: 'email', location: 'office', manager: 'mgr' },
    });
    const claims: Claim[] = [...JANE, ['office', ['Chicagoo']], ['mgr', ['nobody@acme.example']]];
    const result = analyse(
      claims,
      cfg,
      directory([user({ email: 'sam@acme.example', id: 'u-sam' })]),
    );
    expect(find(result, 'LOCATION_UNKNOWN')).toMatchObject([
      { evidence: { location: 'Chicagoo', closest: 'Chicago' } },
    ]);
    expect(codes(result)).toContain('MANAGER_UNKNOWN');
    const known = analyse(
      [...JANE, ['office', ['chicago']], ['mgr', ['SAM@acme.example']]],
      cfg,
      directory([user({ email: 'sam@acme.example', id: 'u-sam' })]),
    );
    expect(codes(known)).not.toContain('LOCATION_UNKNOWN');
    expect(codes(known)).not.toContain('MANAGER_UNKNOWN');
  });

  it('DIVISION_UNKNOWN for a default division the org does not have', () => {
    const cfg = config({ jit: { enabled: true, defaultDivision: 'Partners' } });
    expect(find(analyse(JANE, cfg, directory([])), 'DIVISION_UNKNOWN')).toMatchObject([
      {
        evidence: {
          division: 'Partners',
          source: 'the configured default division (jit.defaultDivision)',
        },
      },
    ]);
    expect(codes(analyse(JANE, config(), directory([])))).not.toContain('DIVISION_UNKNOWN');
  });

  it('lists the directory checks it skipped, only those the configuration uses', () => {
    const skipped = analyse(JANE).skipped;
    expect(skipped).toEqual(
      expect.arrayContaining([
        { check: 'uniqueness (UNIQUE_EMPLOYEE_ID, UNIQUE_EMAIL)', reason: 'no directory' },
        { check: 'role names (ROLE_UNKNOWN)', reason: 'no directory' },
        { check: 'divisions (DIVISION_UNKNOWN)', reason: 'no directory' },
      ]),
    );
    expect(skipped.map((s) => s.check).join()).not.toMatch(/LOCATION_UNKNOWN|POSTJIT/);
    expect(analyse(JANE, config(), directory([], { roles: undefined })).skipped).toEqual([
      { check: 'role names (ROLE_UNKNOWN)', reason: 'test directory has no roles list' },
    ]);
  });
});
