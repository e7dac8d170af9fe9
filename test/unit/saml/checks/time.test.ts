import { describe, expect, it } from 'vitest';
import {
  checkExpired,
  checkIssuedInFuture,
  checkNotYetValid,
} from '../../../../shared/saml/checks/time';
import { skippedForMessage } from '../../../../shared/saml/checks/index';
import { codes, contextFor, extractSample, sampleConfig } from './fixtures';

const ENTRA = '001-entra-assertion-signed-pysaml2';
const config = sampleConfig(ENTRA);
const base = extractSample(ENTRA);
// NotBefore 08:54:58, IssueInstant 08:59:58, SubjectConfirmationData NotOnOrAfter 09:04:58,
// Conditions NotOnOrAfter 09:59:58.
const at = (iso: string) => new Date(iso);
const all = (now: Date, cfg = config) =>
  codes(
    [checkNotYetValid, checkExpired, checkIssuedInFuture].flatMap((c) =>
      c(contextFor(base, cfg, now)),
    ),
  );

describe('time checks with the clock skew tolerance', () => {
  it('accept the message inside its window', () => {
    expect(all(at('2026-11-23T09:00:00Z'))).toEqual([]);
  });

  it('TIME_NOT_YET_VALID only before NotBefore minus the skew', () => {
    expect(all(at('2026-11-23T08:54:48Z'))).toEqual(['TIME_ISSUED_IN_FUTURE']);
    expect(all(at('2026-11-23T08:54:47.999Z'))).toEqual([
      'TIME_NOT_YET_VALID',
      'TIME_ISSUED_IN_FUTURE',
    ]);
  });

  it('TIME_EXPIRED at NotOnOrAfter plus the skew, from SubjectConfirmationData too', () => {
    expect(all(at('2026-11-23T09:05:07.999Z'))).toEqual([]);
    const [f] = checkExpired(contextFor(base, config, at('2026-11-23T09:05:08Z')));
    expect(f).toMatchObject({
      code: 'TIME_EXPIRED',
      evidence: { field: 'SubjectConfirmationData NotOnOrAfter', skewSeconds: 10 },
    });
    expect(all(at('2026-11-23T11:00:00Z'))).toEqual(['TIME_EXPIRED', 'TIME_EXPIRED']);
  });

  it('uses the configured skew', () => {
    const wide = { ...config, sso: { ...config.sso, clockSkewSeconds: 120 } };
    expect(all(at('2026-11-23T09:06:00Z'), wide)).toEqual([]);
  });

  it('TIME_ISSUED_IN_FUTURE when the IdP clock is ahead', () => {
    const message = { ...base, issueInstant: '2026-11-23T09:01:00Z' };
    const [f] = checkIssuedInFuture(contextFor(message, config));
    expect(f).toMatchObject({ code: 'TIME_ISSUED_IN_FUTURE', severity: 'warning' });
    expect(f!.message).toMatch(/1 min 0 s/);
  });

  it('reads a time without zone as UTC and names unreadable times as skipped', () => {
    const local = {
      ...base,
      conditions: { ...base.conditions!, notOnOrAfter: '2026-11-23T08:00:00' },
    };
    expect(codes(checkExpired(contextFor(local, config)))).toEqual(['TIME_EXPIRED']);
    const broken = { ...base, conditions: { ...base.conditions!, notBefore: 'yesterday' } };
    expect(checkNotYetValid(contextFor(broken, config))).toEqual([]);
    expect(skippedForMessage(contextFor(broken, config))).toEqual([
      { check: 'time', reason: 'Conditions NotBefore "yesterday" is not a valid xs:dateTime' },
    ]);
  });
});
