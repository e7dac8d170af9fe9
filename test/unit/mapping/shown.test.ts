import { describe, expect, it } from 'vitest';
import {
  shownMappingRow,
  shownName,
  shownNamePair,
  shownValue,
  shownValues,
} from '../../../shared/mapping/shown';

describe('names and values as shown in the CLI and the app', () => {
  it('escapes U+202F, U+200E and U+2009, and quotes edge spaces', () => {
    expect(shownName('Senior\u202fAgent\u200e')).toBe('Senior\\u202fAgent\\u200e');
    expect(shownName('EMP\u200912345')).toBe('EMP\\u200912345');
    expect(shownName(' Sales')).toBe('" Sales"');
    expect(shownValue('  ')).toBe('""');
    expect(shownValues([])).toBe('—');
    expect(shownValues(['a', 'b\u00a0'])).toBe('a, b\\u00a0');
  });

  it('marks the differing characters on the escaped text', () => {
    const pair = shownNamePair('claims/department', 'claims/Department');
    expect(pair.a).toEqual({ text: 'claims/department', ranges: [{ start: 7, end: 8 }] });
    expect(pair.b.ranges).toEqual([{ start: 7, end: 8 }]);
    const escaped = shownNamePair('title', 'title\u200b');
    expect(escaped.b).toEqual({ text: 'title\\u200b', ranges: [{ start: 5, end: 11 }] });
  });

  it('marks nothing on an exact or missing claim', () => {
    expect(shownMappingRow({ expected: 'email', received: 'email', match: 'exact' })).toEqual({
      expected: { text: 'email', ranges: [] },
      received: { text: 'email', ranges: [] },
    });
    expect(shownMappingRow({ expected: 'email', received: null, match: 'missing' }).received).toBe(
      null,
    );
  });
});
