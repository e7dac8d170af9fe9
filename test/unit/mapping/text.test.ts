import { describe, expect, it } from 'vitest';
import { encodingDamage } from '../../../shared/mapping/encoding';
import { splitRoles } from '../../../shared/mapping/roles';
import {
  charDiff,
  editDistance,
  escapeInvisible,
  hasStrayCharacters,
  isEmailAddress,
  lastSegment,
} from '../../../shared/mapping/text';

describe('text helpers', () => {
  it('counts transpositions as one edit and stops early past the limit', () => {
    expect(editDistance('title', 'titel')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('diffs whole namespaces and single letters, not scattered characters', () => {
    expect(charDiff('employeeID', 'employeeId')).toEqual({
      a: [{ start: 9, end: 10 }],
      b: [{ start: 9, end: 10 }],
    });
    expect(charDiff('mail', 'urn:oid:0.9.2342.19200300.100.1.3')).toEqual({
      a: [{ start: 0, end: 4 }],
      b: [{ start: 0, end: 33 }],
    });
    expect(charDiff('same', 'same')).toEqual({ a: [], b: [] });
  });

  it('shows invisible characters as escapes', () => {
    expect(escapeInvisible('Jane\u00a0Doe\u200b')).toBe('Jane\\u00a0Doe\\u200b');
    expect(escapeInvisible('a\tb')).toBe('a\\tb');
    expect(hasStrayCharacters('Jane Doe')).toBe(false);
    expect(hasStrayCharacters(' Jane')).toBe(true);
    expect(hasStrayCharacters('Jane\u00a0Doe')).toBe(true);
    expect(hasStrayCharacters('Sales\u200b')).toBe(true);
  });

  it('reads last segments and addresses', () => {
    expect(lastSegment('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress')).toBe(
      'emailaddress',
    );
    expect(lastSegment('urn:oid:2.5.4.42')).toBe('2.5.4.42');
    expect(isEmailAddress('jane.doe@acme.example')).toBe(true);
    expect(isEmailAddress('jdoe')).toBe(false);
    expect(isEmailAddress('jane doe@acme.example')).toBe(false);
  });
});

describe('encodingDamage', () => {
  it('finds UTF-8 read as Windows-1252 and says what it was', () => {
    expect(encodingDamage('MÃ¼ller')).toEqual([{ damaged: 'Ã¼', probably: 'ü' }]);
    expect(encodingDamage('Oâ€™Brien')).toEqual([{ damaged: 'â€™', probably: '’' }]);
    expect(encodingDamage('Jos\ufffd')).toEqual([{ damaged: '\ufffd', probably: null }]);
  });

  it('leaves real accented names alone', () => {
    expect(encodingDamage('Müller')).toEqual([]);
    expect(encodingDamage('José Ñúñez')).toEqual([]);
    expect(encodingDamage('Ærøskøbing')).toEqual([]);
  });
});

describe('splitRoles', () => {
  it('accepts commas and several values', () => {
    expect(splitRoles(['Communicate_User,Agent_Tier1', 'Quality Evaluator'])).toEqual({
      roles: ['Communicate_User', 'Agent_Tier1', 'Quality Evaluator'],
      problems: [],
      separators: [],
    });
  });

  it('names every format problem', () => {
    expect(splitRoles(['Communicate_User;Agent_Tier1']).problems).toEqual([
      'separated by ";" instead of commas',
    ]);
    expect(splitRoles(['A,,B,']).problems).toEqual(['2 empty items']);
    expect(splitRoles(['A,B,a']).problems).toEqual(['listed twice: a']);
    const json = splitRoles(['["A","B"]']);
    expect(json.roles).toEqual(['A', 'B']);
    expect(json.problems[0]).toMatch(/JSON array/);
  });
});
