/** A journal larger than one string may hold is read piece by piece and never blocks a repair. */
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import {
  lastEvents,
  openJournal,
  readJournal,
  readJournalSteps,
  type JournalEntry,
} from '../../../electron/genesys/provisioning/journal';

const line = (user: string, step: string, event: JournalEntry['event']) =>
  `${JSON.stringify({ at: '2026-11-23T09:00:00.000Z', run: 'r0', user, step, event })}\n`;

function freshPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'jit-doctor-journal-')), 'repair.jsonl');
}

describe('reading a journal piece by piece', () => {
  it('gives every entry of lines that cross its read pieces, and the last of every step', () => {
    const path = freshPath();
    const fd = openSync(path, 'w');
    // About 3 MB of lines, so lines cross the reader's 1 MiB pieces many times.
    for (let i = 0; i < 20_000; i++) {
      const user = `user-${i % 500}`;
      writeSync(fd, line(user, 'webrtc-phone', 'started'));
      if (i % 7 !== 0) writeSync(fd, line(user, 'webrtc-phone', 'finished'));
    }
    writeSync(fd, '{"torn":');
    closeSync(fd);

    const text = readFileSync(path, 'utf8');
    const whole = text.split('\n').flatMap((l) => {
      try {
        return [JSON.parse(l) as JournalEntry];
      } catch {
        return [];
      }
    });
    expect(readJournal(path)).toEqual(whole);
    const steps = readJournalSteps(path);
    expect(steps).toHaveLength(500);
    expect(lastEvents(steps)).toEqual(lastEvents(whole));
  });

  it(
    'reads a journal past the longest string, and a rotation keeps the steps still in flight',
    { timeout: 60_000 },
    () => {
      const path = freshPath();
      const fd = openSync(path, 'w');
      writeSync(fd, line('u1', 'webrtc-phone', 'started'));
      writeSync(fd, line('u2', 'skills', 'started'));
      // A sparse stretch (no disk used) takes the file past what one string may hold: reading
      // it whole, as the journal once did, throws before any repair starts.
      const end = statSync(path).size + constants.MAX_STRING_LENGTH + 16 * 1024 * 1024;
      writeSync(fd, `\n${line('u2', 'skills', 'finished')}`, end);
      closeSync(fd);
      expect(statSync(path).size).toBeGreaterThan(constants.MAX_STRING_LENGTH);

      const steps = readJournalSteps(path);
      expect(steps.map((e) => [e.user, e.step, e.event])).toEqual([
        ['u1', 'webrtc-phone', 'started'],
        ['u2', 'skills', 'finished'],
      ]);

      const journal = openJournal(path, { run: 'r1', steps });
      journal.record({ user: 'u3', step: 'skills', event: 'started' });
      journal.close();
      expect(existsSync(`${path}.1`)).toBe(true);
      expect(readJournal(path).map((e) => [e.run, e.user, e.event])).toEqual([
        ['r0', 'u1', 'started'],
        ['r1', 'u3', 'started'],
      ]);
    },
  );
});
