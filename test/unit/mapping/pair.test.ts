import { describe, expect, it } from 'vitest';
import { comparePair } from '../../../shared/mapping/pair';
import { sample } from './helpers';

describe('comparePair', () => {
  it('pairs a renamed claim and lists findings only one message has', () => {
    const good = sample('001-entra-assertion-signed-pysaml2').messages[0]!;
    const bad = sample('011-claim-namespace-near-miss-department').messages[0]!;
    const pair = comparePair(good, bad);
    expect(pair.claims.find((d) => d.kind === 'renamed')).toMatchObject({
      nameA: 'department',
      nameB: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/department',
      nameMatch: 'namespace',
    });
    expect(pair.onlyB.map((f) => f.code)).toContain('CLAIM_NEAR_MISS');
    expect(pair.onlyA).toEqual([]);
  });

  it('two identical messages have no differences', () => {
    const a = sample('001-entra-assertion-signed-pysaml2').messages[0]!;
    const pair = comparePair(a, a);
    expect(pair).toMatchObject({ claims: [], onlyA: [], onlyB: [] });
    expect(pair.sameCount).toBe(a.attributes.length);
  });
});
