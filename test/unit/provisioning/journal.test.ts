import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  lastEvents,
  memoryJournal,
  openJournal,
  readJournal,
  unsettledSteps,
  wasInFlight,
} from '../../../electron/genesys/provisioning/journal';
import { ManualClock } from '../../../electron/genesys/clock';

function freshPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'jit-doctor-journal-')), 'nested', 'repair.jsonl');
}

describe('the repair journal', () => {
  it('in memory, dates its lines with the injected clock', () => {
    const journal = memoryJournal(
      'm1',
      undefined,
      new ManualClock(Date.parse('2026-11-23T09:00:00Z')),
    );
    journal.record({ user: 'u1', step: 'skills', event: 'started' });
    expect(journal.entries[0]).toMatchObject({ at: '2026-11-23T09:00:00.000Z', run: 'm1' });
  });

  it('appends one JSON line per step event, creating its folder', () => {
    const path = freshPath();
    const journal = openJournal(path, {
      run: 'r1',
      clock: new ManualClock(Date.parse('2026-11-23T09:00:00Z')),
    });
    journal.record({ user: 'u1', step: 'webrtc-phone', event: 'started' });
    journal.record({
      user: 'u1',
      step: 'webrtc-phone',
      event: 'finished',
      detail: { phoneId: 'p1' },
    });
    journal.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toEqual({
      at: '2026-11-23T09:00:00.000Z',
      run: 'r1',
      user: 'u1',
      step: 'webrtc-phone',
      event: 'finished',
      detail: { phoneId: 'p1' },
    });
  });

  it('survives a torn last line from a killed run and keeps appending on a fresh line', () => {
    const path = freshPath();
    const first = openJournal(path, { run: 'r1' });
    first.record({ user: 'u1', step: 'skill:Customer_Service', event: 'finished' });
    first.record({ user: 'u2', step: 'webrtc-phone', event: 'started' });
    first.close();
    appendFileSync(path, '{"at":"2026-11-23T09:00:01Z","run":"r1","user":"u3","st');

    const history = readJournal(path);
    expect(history.map((e) => e.user)).toEqual(['u1', 'u2']);
    const last = lastEvents(history);
    expect(wasInFlight(last, 'u2', 'webrtc-phone')).toBe(true);
    expect(wasInFlight(last, 'u1', 'skill:Customer_Service')).toBe(false);
    expect(wasInFlight(last, 'u9', 'webrtc-phone')).toBe(false);
    expect(unsettledSteps(history)).toEqual([expect.objectContaining({ user: 'u2' })]);

    const second = openJournal(path, { run: 'r2' });
    second.record({
      user: 'u2',
      step: 'webrtc-phone',
      event: 'finished',
      detail: { recovered: true },
    });
    second.close();
    const after = readJournal(path);
    expect(after).toHaveLength(3);
    expect(wasInFlight(lastEvents(after), 'u2', 'webrtc-phone')).toBe(false);
  });

  it('refuses to write after close', () => {
    const journal = openJournal(freshPath());
    journal.close();
    expect(() => journal.record({ user: 'u', step: 's', event: 'started' })).toThrow(/closed/);
  });
});
