import { describe, expect, it } from 'vitest';
import { checkBatch } from '../../../shared/mapping/index';
import { config, response, type Claim } from './helpers';

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
