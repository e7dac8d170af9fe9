/**
 * The validity window the report carries: where the evaluation time falls by Genesys Cloud's skew
 * rule, the window's bounds, and the one sentence the app and the CLI both print.
 */
import { describe, expect, it } from 'vitest';
import type { MessageReport } from '../../../shared/report';
import { positionOf, validitySentence, validityWindow } from '../../../shared/report/validity';

const T = (iso: string) => Date.parse(iso);
const message = (
  notBefore: string | null,
  conditionsEnd: string | null,
  subjectEnd: string | null,
): Pick<MessageReport, 'conditions' | 'subject'> => ({
  conditions: { notBefore, notOnOrAfter: conditionsEnd, audiences: [] },
  subject: { nameId: 'x', nameIdFormat: null, recipient: null, notOnOrAfter: subjectEnd },
});

describe('positionOf', () => {
  const nb = T('2026-11-23T08:55:00Z');
  const end = T('2026-11-23T09:03:00Z');
  const skew = 10_000;

  it('tolerates the skew either way: not yet valid before NotBefore − skew, expired from NotOnOrAfter + skew', () => {
    expect(positionOf(nb - skew - 1, nb, end, skew)).toBe('before');
    expect(positionOf(nb - skew, nb, end, skew)).toBe('within-skew-before');
    expect(positionOf(nb - 1, nb, end, skew)).toBe('within-skew-before');
    expect(positionOf(nb, nb, end, skew)).toBe('inside');
    expect(positionOf(end - 1, nb, end, skew)).toBe('inside');
    expect(positionOf(end, nb, end, skew)).toBe('within-skew-after');
    expect(positionOf(end + skew - 1, nb, end, skew)).toBe('within-skew-after');
    expect(positionOf(end + skew, nb, end, skew)).toBe('after');
  });

  it('judges a window open on one side by its other bound only', () => {
    expect(positionOf(end + skew, null, end, skew)).toBe('after');
    expect(positionOf(nb - skew - 1, nb, null, skew)).toBe('before');
    expect(positionOf(nb + 86_400_000, nb, null, skew)).toBe('inside');
  });

  it('with no tolerance, has no within-skew position', () => {
    expect(positionOf(nb - 1, nb, end, 0)).toBe('before');
    expect(positionOf(end, nb, end, 0)).toBe('after');
  });
});

describe('validityWindow', () => {
  const now = new Date('2026-11-23T09:03:05Z');

  it('ends at the earlier NotOnOrAfter, keeping the value as the message wrote it', () => {
    expect(
      validityWindow(
        message('2026-11-23T08:55:00Z', '2026-11-23T09:05:00Z', '2026-11-23T09:03:00Z'),
        now,
        10_000,
      ),
    ).toEqual({
      notBefore: '2026-11-23T08:55:00Z',
      notOnOrAfter: '2026-11-23T09:03:00Z',
      position: 'within-skew-after',
    });
  });

  it('leaves out a bound that is not an xs:dateTime, and is null without any readable bound', () => {
    expect(validityWindow(message('soon', null, '2026-11-23T09:10:00Z'), now, 10_000)).toEqual({
      notBefore: null,
      notOnOrAfter: '2026-11-23T09:10:00Z',
      position: 'inside',
    });
    expect(validityWindow(message('soon', 'later', null), now, 10_000)).toBeNull();
    expect(validityWindow({ conditions: null, subject: null }, now, 10_000)).toBeNull();
  });
});

describe('validitySentence', () => {
  const window = { notBefore: '2026-11-23T08:55:00Z', notOnOrAfter: '2026-11-23T09:03:00Z' };

  it('says when a message is valid only thanks to the clock-skew tolerance', () => {
    expect(
      validitySentence(
        { ...window, position: 'within-skew-after' },
        '2026-11-23T09:03:05.000Z',
        10,
      ),
    ).toBe(
      'Valid at 2026-11-23 09:03:05 UTC only thanks to the ±10 s clock-skew tolerance (NotBefore 2026-11-23 08:55:00 UTC, NotOnOrAfter 2026-11-23 09:03:00 UTC).',
    );
  });

  it('names the tolerance for a message inside its window, and only its bounds', () => {
    expect(
      validitySentence(
        { notBefore: null, notOnOrAfter: window.notOnOrAfter, position: 'inside' },
        '2026-11-23T09:00:00.000Z',
        120,
      ),
    ).toBe(
      'Within the validity window at 2026-11-23 09:00:00 UTC (NotOnOrAfter 2026-11-23 09:03:00 UTC; tolerance ±120 s).',
    );
  });
});
