import { describe, expect, it } from 'vitest';
import { checkBatch } from '../../../shared/mapping/index';
import { analyse, config, directory, response, user, type Claim } from './helpers';

const login = (email: string, employeeId: string): Claim[] => [
  ['email', [email]],
  ['employeeNumber', [employeeId]],
];

describe('checkBatch', () => {
  it('UNIQUE_BATCH_DUPLICATE when two different people carry one employee ID', () => {
    const findings = checkBatch(
      [
        {
          index: 0,
          message: response(login('john@acme.example', 'EMP-5'), {
            nameId: 'john@acme.example',
            source: 'a.xml',
          }),
        },
        {
          index: 1,
          message: response(login('maria@acme.example', 'emp-5'), {
            nameId: 'maria@acme.example',
            source: 'b.xml',
          }),
        },
      ],
      config(),
    );
    expect(findings).toMatchObject([
      {
        code: 'UNIQUE_BATCH_DUPLICATE',
        evidence: { field: 'employeeId', value: 'EMP-5', messages: [{ index: 0 }, { index: 1 }] },
      },
    ]);
  });

  it('the same person logging in twice is not a duplicate', () => {
    const twice = [0, 1].map((index) => ({
      index,
      message: response(login('john@acme.example', 'EMP-5'), { nameId: 'john@acme.example' }),
    }));
    expect(checkBatch(twice, config())).toEqual([]);
  });

  it('finds well-known employee ID claims without a configuration', () => {
    const findings = checkBatch([
      { index: 0, message: response([['employeeID', ['E1']]], { nameId: 'a@acme.example' }) },
      { index: 1, message: response([['employeeID', ['E1']]], { nameId: 'b@acme.example' }) },
    ]);
    expect(findings.map((f) => f.code)).toEqual(['UNIQUE_BATCH_DUPLICATE']);
  });

  it('UNIQUE_BATCH_DUPLICATE for one email claimed by two subjects', () => {
    const findings = checkBatch(
      [
        {
          index: 0,
          message: response(login('shared@acme.example', 'E1'), { nameId: 'a@acme.example' }),
        },
        {
          index: 1,
          message: response(login('shared@acme.example', 'E2'), { nameId: 'b@acme.example' }),
        },
      ],
      config(),
    );
    expect(findings).toMatchObject([
      { evidence: { field: 'email', value: 'shared@acme.example' } },
    ]);
  });
});

describe('checkBatch: licenses for the new users of the whole batch', () => {
  const people = ['ann', 'bob', 'cat', 'dan', 'eve'];
  const claimsOf = (name: string): Claim[] => [
    ['email', [`${name}@acme.example`]],
    ['employeeNumber', [`EMP-${name}`]],
  ];
  /** Each login analysed against the directory as diagnose does, then checked together. */
  function batch(names: string[], licenses: { total: number; assigned: number }) {
    const dir = directory([user()], { licenses });
    return checkBatch(
      names.map((name, index) => {
        const options = { nameId: `${name}@acme.example`, source: `${name}.xml` };
        return {
          index,
          message: response(claimsOf(name), options),
          jit: analyse(claimsOf(name), config(), dir, options).jit,
        };
      }),
      config(),
      dir,
    );
  }

  it('JIT_LICENSE_CAP when the new users together need more licenses than are left', () => {
    // 3 left: each login alone fits, the five of them do not.
    const findings = batch(people, { total: 45, assigned: 42 });
    expect(findings).toMatchObject([
      {
        code: 'JIT_LICENSE_CAP',
        severity: 'error',
        evidence: {
          total: 45,
          assigned: 42,
          left: 3,
          newUsers: 5,
          short: 2,
          firstRefused: [{ subject: 'dan@acme.example' }, { subject: 'eve@acme.example' }],
        },
      },
    ]);
  });

  it('counts a person logging in twice once, and existing users not at all', () => {
    expect(batch(['ann', 'ann', 'bob', 'bob', 'cat'], { total: 45, assigned: 42 })).toEqual([]);
    const withExisting = batch(['ann', 'jane.doe', 'bob', 'cat'], { total: 45, assigned: 42 });
    expect(withExisting).toEqual([]);
  });

  it('says nothing without an assigned count to count from', () => {
    const dir = directory([], { licenses: {} });
    const entries = people.map((name, index) => ({
      index,
      message: response(claimsOf(name), { nameId: `${name}@acme.example` }),
      jit: analyse(claimsOf(name), config(), dir, { nameId: `${name}@acme.example` }).jit,
    }));
    expect(checkBatch(entries, config(), dir)).toEqual([]);
  });
});
