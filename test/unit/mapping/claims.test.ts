import { describe, expect, it } from 'vitest';
import { JANE, analyse, codes, config, type Claim } from './helpers';

const without = (name: string): Claim[] => JANE.filter(([n]) => n !== name);
const replace = (name: string, claim: Claim): Claim[] =>
  JANE.map((c) => (c[0] === name ? claim : c));
const find = (a: ReturnType<typeof analyse>, code: string) =>
  a.findings.filter((f) => f.code === code);

describe('claim mapping findings', () => {
  it('raises nothing from the mapping stage for a clean Okta login', () => {
    const result = analyse(JANE);
    expect(result.mapping.every((row) => row.match === 'exact')).toBe(true);
    expect(
      codes(result).filter(
        (c) => c.startsWith('CLAIM_') || c.startsWith('NAME_') || c.startsWith('VALUE_'),
      ),
    ).toEqual([]);
  });

  it('CLAIM_MISSING is an error for email when Genesys has no email at all, a warning for other fields', () => {
    const noEmail = analyse(without('email'));
    expect(find(noEmail, 'CLAIM_MISSING')).toMatchObject([
      { severity: 'error', evidence: { field: 'email', expected: 'email' } },
    ]);
    const noTitle = analyse(without('title'));
    expect(find(noTitle, 'CLAIM_MISSING')).toMatchObject([
      { severity: 'warning', evidence: { field: 'title' } },
    ]);
  });

  it('CLAIM_MISSING for the name is an error only when no name can be formed', () => {
    const partsLeft = analyse(without('displayName'));
    expect(find(partsLeft, 'CLAIM_MISSING')[0]!.severity).toBe('warning');
    const nothing = analyse(JANE.filter(([n]) => !['displayName', 'firstName'].includes(n)));
    expect(find(nothing, 'CLAIM_MISSING').find((f) => f.evidence.field === 'name')!.severity).toBe(
      'error',
    );
  });

  it('CLAIM_NEAR_MISS carries field, expected, received and kind, and names the IdP screen in the fix', () => {
    const result = analyse(replace('employeeNumber', ['employeenumber', ['EMP-1']]));
    const [nearMiss] = find(result, 'CLAIM_NEAR_MISS');
    expect(nearMiss).toMatchObject({
      severity: 'error',
      evidence: {
        field: 'employeeId',
        expected: 'employeeNumber',
        received: 'employeenumber',
        kind: 'case',
      },
      location: { path: '/Response/Assertion/AttributeStatement/Attribute[7]' },
    });
    expect(nearMiss!.fix).toMatch(/Okta Admin Console/);
    expect(codes(result)).not.toContain('CLAIM_MISSING');
  });

  it('CLAIM_DUPLICATE for a Name in two Attribute elements', () => {
    const result = analyse([...JANE, ['title', ['Lead']]]);
    expect(find(result, 'CLAIM_DUPLICATE')).toMatchObject([
      { evidence: { name: 'title', count: 2, field: 'title' } },
    ]);
  });

  it('CLAIM_MULTIVALUED for a single-valued field, never for roles', () => {
    const result = analyse(replace('department', ['department', ['Sales', 'Support']]));
    expect(find(result, 'CLAIM_MULTIVALUED')).toMatchObject([
      { evidence: { field: 'department', values: ['Sales', 'Support'] } },
    ]);
    const roles = analyse(
      replace('Genesys_Roles', ['Genesys_Roles', ['Communicate_User', 'Agent_Tier1']]),
    );
    expect(codes(roles)).not.toContain('CLAIM_MULTIVALUED');
  });

  it('CLAIM_EMPTY for a blank value, not CLAIM_MISSING', () => {
    const result = analyse(replace('title', ['title', ['  ']]));
    expect(codes(result)).toContain('CLAIM_EMPTY');
    expect(codes(result)).not.toContain('CLAIM_MISSING');
  });

  it('CLAIM_VALUE_WHITESPACE shows the invisible characters escaped', () => {
    const result = analyse(replace('department', ['department', ['Seasonal_Retail\u00a0']]));
    expect(find(result, 'CLAIM_VALUE_WHITESPACE')).toMatchObject([
      { evidence: { value: 'Seasonal_Retail\\u00a0' } },
    ]);
  });

  it('CLAIM_UNMAPPED lists extras but not what Genesys Cloud reads itself', () => {
    const result = analyse([
      ...JANE,
      ['costCenter', ['CC-1']],
      ['ServiceName', ['https://apps.mypurecloud.com/']],
    ]);
    expect(find(result, 'CLAIM_UNMAPPED')).toMatchObject([
      { severity: 'info', evidence: { attributes: ['costCenter'] } },
    ]);
  });

  it('skips mapping when the configuration has no attributeMapping, and says so', () => {
    const result = analyse(JANE, config({ attributeMapping: undefined }));
    expect(result.mapping).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/no attributeMapping/);
  });
});
