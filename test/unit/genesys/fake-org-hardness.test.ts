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

  it('refuses default-station PUTs to some new stations for 1-5 s after they appear, however often asked', () => {
    const { clock, state } = stateAt();
    const timing = ids.map((id) => {
      const { stationVisibleAtMs } = state.newPhoneTiming(id);
      return { station: state.stationIdOf(id), visible: stationVisibleAtMs };
    });
    const notReady = timing.filter((t) => state.stationNotReadyUntil(t.station) !== undefined);
    expect(notReady.length / ids.length).toBeGreaterThan(0.2);
    expect(notReady.length / ids.length).toBeLessThan(0.4);
    const spans = notReady.map((t) => state.stationNotReadyUntil(t.station)! - t.visible);
    expect(Math.min(...spans)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...spans)).toBeLessThanOrEqual(5_000);
    expect(spans.filter((s) => s < 3_000).length).toBeGreaterThan(10);
    expect(spans.filter((s) => s > 3_000).length).toBeGreaterThan(10);

    // The moment it shows up, a not-ready station refuses every PUT, with one status of its own…
    const statuses = new Set<number>();
    for (const t of notReady) {
      clock.ms = t.visible;
      const first = state.refusesDefaultStation(t.station);
      for (let i = 0; i < 5; i += 1) expect(state.refusesDefaultStation(t.station)).toBe(first);
      statuses.add(first!);
    }
    expect(statuses).toEqual(new Set([400, 409]));
    // …and accepts once its span is over; the others accept from the start.
    for (const t of notReady) {
      clock.ms = state.stationNotReadyUntil(t.station)! - 1;
      expect(state.refusesDefaultStation(t.station)).toBeDefined();
      clock.ms += 1;
      expect(state.refusesDefaultStation(t.station)).toBeUndefined();
    }
    for (const t of timing.filter((t) => !notReady.includes(t))) {
      clock.ms = t.visible;
      expect(state.refusesDefaultStation(t.station)).toBeUndefined();
    }
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
