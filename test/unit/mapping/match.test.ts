import { describe, expect, it } from 'vitest';
import { matchFields, nearMissKind } from '../../../shared/mapping/match';
import { attributes } from './helpers';

const one = (name: string, friendlyName?: string) => attributes([[name, ['v'], friendlyName]])[0]!;

describe('nearMissKind', () => {
  it('tells each kind of near miss apart', () => {
    expect(nearMissKind('employeeID', one('employeeId'))).toBe('case');
    expect(nearMissKind('employeeID', one('employeeID '))).toBe('whitespace');
    expect(nearMissKind('employeeID', one('employee\u200bID'))).toBe('whitespace');
    expect(nearMissKind('mail', one('urn:oid:0.9.2342.19200300.100.1.3', 'mail'))).toBe(
      'friendly-name',
    );
    expect(
      nearMissKind(
        'department',
        one('http://schemas.microsoft.com/ws/2008/06/identity/claims/department'),
      ),
    ).toBe('namespace');
    expect(nearMissKind('mail', one('urn:oid:0.9.2342.19200300.100.1.3'))).toBe('namespace');
    expect(nearMissKind('title', one('titel'))).toBe('similar');
    expect(nearMissKind('employeeNumber', one('employeNumber'))).toBe('similar');
  });

  it('does not call unrelated or very short names close', () => {
    expect(nearMissKind('sn', one('cn'))).toBeNull();
    expect(nearMissKind('department', one('title'))).toBeNull();
    expect(
      nearMissKind('title', one('http://schemas.microsoft.com/identity/claims/tenantid')),
    ).toBeNull();
  });

  it('never offers a Genesys Cloud attribute as a renamed claim, except for letter case', () => {
    expect(nearMissKind('mail', one('email'))).toBeNull();
    expect(nearMissKind('Email', one('email'))).toBe('case');
  });
});

describe('matchFields', () => {
  it('reports exact, near and missing claims with the values and diff ranges', () => {
    const fields = matchFields(
      { email: 'email', department: 'department', title: 'title', employeeId: 'employeeID' },
      attributes([
        ['email', ['jane@acme.example']],
        ['http://schemas.microsoft.com/ws/2008/06/identity/claims/department', ['Sales']],
        ['employeeId', ['E1']],
      ]),
    );
    const rows = fields.map((f) => f.row);
    expect(rows[0]).toEqual({
      field: 'email',
      expected: 'email',
      received: 'email',
      match: 'exact',
      values: ['jane@acme.example'],
    });
    expect(rows[1]).toMatchObject({
      match: 'namespace',
      values: ['Sales'],
      diff: { expected: [], received: [{ start: 0, end: 56 }] },
    });
    expect(rows[2]).toEqual({
      field: 'title',
      expected: 'title',
      received: null,
      match: 'missing',
      values: [],
    });
    expect(rows[3]).toMatchObject({
      match: 'case',
      diff: { expected: [{ start: 9, end: 10 }], received: [{ start: 9, end: 10 }] },
    });
  });

  it('keeps a claim that another field expects exactly for that field', () => {
    const fields = matchFields(
      { givenName: 'firstName', name: 'firstname' },
      attributes([['firstName', ['Jane']]]),
    );
    expect(fields.map((f) => f.row.match)).toEqual(['exact', 'missing']);
  });

  it('prefers the surest kind when several claims are close', () => {
    const fields = matchFields(
      { title: 'title' },
      attributes([
        ['titel', ['A']],
        ['Title', ['B']],
      ]),
    );
    expect(fields[0]!.row).toMatchObject({ received: 'Title', match: 'case' });
  });
});
