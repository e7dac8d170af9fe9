import { describe, expect, it } from 'vitest';
import { analyse, config, directory, JANE, user } from './helpers';

describe('a deleted user still holding the email', () => {
  it('UNIQUE_EMAIL: the JIT create fails with 409, with the deleted record as evidence', () => {
    const dir = directory([user({ id: 'u-old', state: 'deleted', employeeId: null })]);
    const found = analyse(JANE, config(), dir).findings.filter((f) => f.code === 'UNIQUE_EMAIL');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toMatch(/deleted user record/);
    expect(found[0]!.evidence).toMatchObject({ otherUser: { id: 'u-old', state: 'deleted' } });
  });

  it('is not raised when an active record of the subject exists', () => {
    const dir = directory([
      user({ id: 'u-old', state: 'deleted', employeeId: null }),
      user({ id: 'u-jane' }),
    ]);
    expect(analyse(JANE, config(), dir).findings.map((f) => f.code)).not.toContain('UNIQUE_EMAIL');
  });
});
