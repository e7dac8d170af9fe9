/**
 * The fake org's hardness (electron/genesys/fake-org/hardness.ts) on its own: seeded per entity,
 * within its spans, scaled by the org's time scale, and absent from the gentle org.
 */
import { describe, expect, it } from 'vitest';
import {
  GENTLE_FAKE_ORG,
  HARD_FAKE_ORG,
  resolveHardness,
} from '../../../electron/genesys/fake-org/hardness';
import { FakeOrgState, type FakeOrgClock } from '../../../electron/genesys/fake-org/state';

function stateAt(hardness = HARD_FAKE_ORG, timeScale = 1) {
  const clock = { ms: 1_000, now: () => clock.ms, wallNow: () => Date.now() };
  return { clock, state: new FakeOrgState(clock satisfies FakeOrgClock, hardness, timeScale) };
}

const ids = Array.from({ length: 400 }, (_, i) => `phone-${i}`);

describe('the hard fake org', () => {
  it('is the default, and a partial option turns one knob of it', () => {
    expect(resolveHardness(undefined)).toBe(HARD_FAKE_ORG);
    expect(resolveHardness('gentle')).toBe(GENTLE_FAKE_ORG);
    expect(resolveHardness({ scimShare: 0 })).toEqual({ ...HARD_FAKE_ORG, scimShare: 0 });
  });

  it('shows new stations after a seeded 0-60 s, the same for the same seed and phone', () => {
    const delays = ids.map((id) => stateAt().state.newPhoneTiming(id).stationVisibleAtMs - 1_000);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(60_000);
    // spread over the minute, not one fixed delay
    expect(delays.filter((d) => d < 20_000).length).toBeGreaterThan(80);
    expect(delays.filter((d) => d > 40_000).length).toBeGreaterThan(80);
    expect(ids.map((id) => stateAt().state.newPhoneTiming(id).stationVisibleAtMs - 1_000)).toEqual(
      delays,
    );
    const other = stateAt({ ...HARD_FAKE_ORG, seed: 2 }).state;
    expect(ids.map((id) => other.newPhoneTiming(id).stationVisibleAtMs - 1_000)).not.toEqual(
      delays,
    );
    // At 50 times speed the minute lasts 1.2 s.
    const fast = stateAt(HARD_FAKE_ORG, 0.02).state;
    expect(fast.newPhoneTiming(ids[0]!).stationVisibleAtMs - 1_000).toBeCloseTo(delays[0]! * 0.02);
  });

  it('refuses the first default-station PUTs of some new stations with 400 or 409, then accepts', () => {
    const { state } = stateAt();
    const refusals = ids.map((id) => {
      state.newPhoneTiming(id);
      const station = state.stationIdOf(id);
      const statuses: number[] = [];
      let status = state.refusesDefaultStation(station);
      while (status !== undefined) {
        statuses.push(status);
        status = state.refusesDefaultStation(station);
      }
      return statuses;
    });
    const refused = refusals.filter((r) => r.length > 0);
    expect(refused.length / ids.length).toBeGreaterThan(0.2);
    expect(refused.length / ids.length).toBeLessThan(0.4);
    expect(new Set(refused.flat())).toEqual(new Set([400, 409]));
    expect(Math.max(...refusals.map((r) => r.length))).toBe(2);
  });

  it('leaves an expansion out of some answers, and audits some creations late under SCIM', () => {
    const { clock, state } = stateAt();
    const served = Array.from({ length: 2_000 }, () =>
      state.expansionsServed(['skills', 'station']),
    );
    const dropped = served.filter((s) => s.length < 2).length / served.length;
    expect(dropped).toBeGreaterThan(0.03);
    expect(dropped).toBeLessThan(0.07);
    const audits = ids.map((id) => state.auditOf(id, false));
    expect(audits.filter((a) => a.serviceName === 'SCIM').length / ids.length).toBeCloseTo(0.2, 1);
    expect(Math.max(...audits.map((a) => a.visibleAtMs - clock.ms))).toBeGreaterThan(20_000);
    expect(state.auditOf(ids[0]!, true).visibleAtMs).toBe(Number.NEGATIVE_INFINITY);
  });

  it('has none of it when gentle', () => {
    const { clock, state } = stateAt(GENTLE_FAKE_ORG);
    expect(state.newPhoneTiming('p').stationVisibleAtMs).toBe(clock.ms);
    expect(state.refusesDefaultStation(state.stationIdOf('p'))).toBeUndefined();
    expect(state.newUserVisibleAtMs('u')).toBe(clock.ms);
    expect(state.expansionsServed(['skills'])).toEqual(['skills']);
    expect(state.auditOf('u', false)).toEqual({ serviceName: 'Directory', visibleAtMs: clock.ms });
  });
});
