import { describe, expect, it } from 'vitest';
import { JANE, analyse, codes, type Claim } from './helpers';

const replace = (name: string, claim: Claim): Claim[] =>
  JANE.map((c) => (c[0] === name ? claim : c));
const withName = (value: string) => replace('displayName', ['displayName', [value]]);

describe('name findings', () => {
  it('NAME_MISSING when neither a display name nor both parts arrive', () => {
    const claims = JANE.filter(([n]) => !['displayName', 'lastName'].includes(n));
    expect(analyse(claims).findings.find((f) => f.code === 'NAME_MISSING')?.severity).toBe('error');
  });

  it('NAME_PARTS_ONLY names the computed-attribute feature of the IdP', () => {
    const result = analyse(JANE.filter(([n]) => n !== 'displayName'));
    const found = result.findings.find((f) => f.code === 'NAME_PARTS_ONLY');
    expect(found?.fix).toMatch(/user\.firstName \+ " " \+ user\.lastName/);
    expect(codes(result)).not.toContain('NAME_MISSING');
    const entra = analyse(
      JANE.filter(([n]) => n !== 'displayName'),
      undefined,
      null,
      { idp: 'entra' },
    );
    expect(entra.findings.find((f) => f.code === 'NAME_PARTS_ONLY')?.fix).toMatch(
      /Join\(user\.givenname/,
    );
  });

  it('NAME_LAST_FIRST, NAME_IS_EMAIL and NAME_PARTS_DISAGREE', () => {
    expect(codes(analyse(withName('Doe, Jane')))).toContain('NAME_LAST_FIRST');
    expect(codes(analyse(withName('Doe Jane')))).toContain('NAME_LAST_FIRST');
    expect(codes(analyse(withName('jane.doe@acme.example')))).toContain('NAME_IS_EMAIL');
    expect(codes(analyse(withName('jane.doe@acme.example')))).not.toContain('NAME_PARTS_DISAGREE');
    expect(codes(analyse(withName('Janet Smith')))).toContain('NAME_PARTS_DISAGREE');
  });

  it('does not read a suffix or credential after the comma as "Last, First"', () => {
    for (const name of ['Jane Doe, MBA', 'Jane Doe, Jr.', 'Jane Doe, PhD', 'Doe, Jane Q.']) {
      const found = codes(analyse(withName(name)));
      expect(found.includes('NAME_LAST_FIRST'), name).toBe(name.startsWith('Doe,'));
      expect(found, name).not.toContain('NAME_PARTS_DISAGREE');
    }
    const noParts = JANE.filter(([n]) => !['firstName', 'lastName'].includes(n));
    const suffixOnly = noParts.map((c): Claim =>
      c[0] === 'displayName' ? ['displayName', ['Jane Doe, MBA']] : c,
    );
    expect(codes(analyse(suffixOnly))).not.toContain('NAME_LAST_FIRST');
  });

  it('accepts names that agree apart from case, accents and middle names', () => {
    for (const name of ['Jane Doe', 'JANE DOE', 'Jane Q. Doe', 'Dr. Jane Doe']) {
      expect(
        codes(analyse(withName(name))).filter((c) => c.startsWith('NAME_')),
        name,
      ).toEqual([]);
    }
    const accents = replace('firstName', ['firstName', ['Zoë']]);
    expect(
      codes(
        analyse(accents.map((c) => (c[0] === 'displayName' ? ['displayName', ['Zoe Doe']] : c))),
      ).filter((c) => c.startsWith('NAME_')),
    ).toEqual([]);
  });
});
