import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournalBook, journalCsv } from '../../../electron/main/journal-book';
import { openJournal, readJournal } from '../../../electron/genesys/provisioning/journal';
import { ManualClock } from '../../../electron/genesys/clock';
import { journalInWords } from '../../../electron/genesys/provisioning/journal-words';
import type { PlanStep } from '../../../shared/provisioning';
import { BIG_JOB, writeBigJournal } from '../../fixtures/journal/big-journal';

const SKILL: PlanStep = {
  kind: 'skill',
  name: 'Billing',
  proficiency: 3,
  from: null,
  reason: 'rule',
};
const PHONE: PlanStep = {
  kind: 'webrtc-phone',
  site: 'Austin',
  phoneBaseSettings: 'WebRTC Phone',
  reason: 'rule',
};

function folder(): string {
  return join(mkdtempSync(join(tmpdir(), 'jit-doctor-book-')), 'journals');
}

/** A job as the app writes it: header, then steps in words, one user failed, one never reached. */
function writeJob(path: string, run: string, at: string) {
  const journal = journalInWords(
    openJournal(path, { run, clock: new ManualClock(Date.parse(at)) }),
  );
  journal.learn([
    { user: { id: 'u1', name: 'Ana Silva' }, plan: { steps: [SKILL] } },
    { user: { id: 'u2', name: 'Ben Okafor' }, plan: { steps: [PHONE] } },
  ]);
  journal.describeJob!({
    org: 'acme-contact',
    region: 'mypurecloud.ie',
    users: 3,
    steps: 2,
    userIds: ['u1', 'u2', 'u3'],
  });
  journal.record({ user: 'u1', step: 'skill:Billing', event: 'started' });
  journal.record({ user: 'u1', step: 'skill:Billing', event: 'finished' });
  journal.record({ user: 'u1', step: 'verify', event: 'finished' });
  journal.record({ user: 'u2', step: 'webrtc-phone', event: 'started' });
  journal.record({
    user: 'u2',
    step: 'webrtc-phone',
    event: 'failed',
    error: 'site Austin not found',
  });
  journal.close();
}

describe('the journal an admin reads', () => {
  it('groups steps by job and org, in words, with what a resume must re-check', async () => {
    const dir = folder();
    writeJob(join(dir, 'repair-demo.jsonl'), 'job-a', '2026-11-23T09:00:00Z');
    writeJob(join(dir, 'repair-demo.jsonl'), 'job-b', '2026-11-23T10:00:00Z');
    const book = createJournalBook(dir);
    const jobs = await book.jobs(10);
    expect(jobs.map((j) => j.run)).toEqual(['job-b', 'job-a']);
    // The window gets each job's summary, not its steps.
    expect(jobs[0]).toEqual({
      run: 'job-b',
      org: 'acme-contact',
      region: 'mypurecloud.ie',
      startedAt: '2026-11-23T10:00:00.000Z',
      endedAt: '2026-11-23T10:00:00.000Z',
      users: 3,
      unverified: 2,
      stepCount: 3,
      notDone: 1,
    });
    const job = (await book.job('job-b'))!;
    expect(job.steps.map((s) => [s.name, s.what, s.before, s.after, s.outcome, s.error])).toEqual([
      [
        'Ana Silva',
        'add skill Billing (3)',
        'no skill Billing',
        'skill Billing at 3',
        'done',
        null,
      ],
      ['Ana Silva', 're-read and verify', null, null, 'done', null],
      [
        'Ben Okafor',
        'create a WebRTC phone on site Austin (WebRTC Phone)',
        'no WebRTC phone',
        'WebRTC phone on site Austin',
        'failed',
        'site Austin not found',
      ],
    ]);
    // The user that failed and the one never reached; not the verified one.
    expect(job.unverifiedIds).toEqual(['u2', 'u3']);
    expect(journalCsv([job]).split('\r\n')[1]).toBe(
      'job-b,acme-contact,2026-11-23T10:00:00.000Z,u1,Ana Silva,add skill Billing (3),no skill Billing,skill Billing at 3,done,',
    );
  });

  it('is empty, not an error, before any repair ran', async () => {
    const book = createJournalBook(folder());
    expect(await book.jobs(10)).toEqual([]);
    expect(await book.steps({ run: 'x', user: '', outcome: 'any', offset: 0, limit: 10 })).toEqual({
      run: 'x',
      total: 0,
      offset: 0,
      steps: [],
    });
  });

  it("gives a page of one job's steps, filtered by user and outcome, and sees a file that grew", async () => {
    const dir = folder();
    const path = join(dir, 'repair-demo.jsonl');
    writeJob(path, 'job-a', '2026-11-23T09:00:00Z');
    const book = createJournalBook(dir);
    const page = (user: string, outcome: 'any' | 'done' | 'failed', offset = 0, limit = 10) =>
      book.steps({ run: 'job-a', user, outcome, offset, limit });
    expect((await page('', 'any', 1, 1)).steps.map((s) => s.what)).toEqual(['re-read and verify']);
    expect(await page('ben', 'any')).toMatchObject({ total: 1, steps: [{ outcome: 'failed' }] });
    expect(await page('U1', 'done')).toMatchObject({ total: 2 });
    expect(await page('ana', 'failed')).toMatchObject({ total: 0, steps: [] });
    expect((await book.jobs(10)).map((j) => j.run)).toEqual(['job-a']);
    writeJob(path, 'job-b', '2026-11-23T10:00:00Z');
    expect((await book.jobs(10)).map((j) => j.run)).toEqual(['job-b', 'job-a']);
  });

  it(
    'lists a job of 100,000 steps without blocking the process, and pages through it',
    { timeout: 120_000 },
    async () => {
      const dir = folder();
      writeBigJournal(join(dir, 'repair-demo.jsonl'), '2026-11-23T09:00:00.000Z');
      const book = createJournalBook(dir);
      // Reading yields between its pieces: other work (the window's calls) runs meanwhile.
      let turns = 0;
      let reading = true;
      const tick = () => {
        turns += 1;
        if (reading) setImmediate(tick);
      };
      setImmediate(tick);
      const jobs = await book.jobs(10);
      reading = false;
      expect(turns).toBeGreaterThan(5);
      expect(jobs).toEqual([
        expect.objectContaining({
          run: BIG_JOB.run,
          stepCount: BIG_JOB.steps,
          notDone: BIG_JOB.failed,
          unverified: BIG_JOB.failed,
        }),
      ]);
      const last = await book.steps({
        run: 'big',
        user: '',
        outcome: 'any',
        offset: 99_900,
        limit: 100,
      });
      expect(last.total).toBe(99_950);
      expect(last.steps).toHaveLength(50);
      const failed = await book.steps({
        run: 'big',
        user: '',
        outcome: 'failed',
        offset: 0,
        limit: 100,
      });
      expect(failed.total).toBe(50);
      expect(failed.steps[1]).toMatchObject({ name: 'Agent 1000', error: 'refused' });
      const one = await book.steps({
        run: 'big',
        user: 'u04242',
        outcome: 'any',
        offset: 0,
        limit: 100,
      });
      expect(one.steps.map((s) => s.what)).toEqual(['add skill Billing (3)', 're-read and verify']);
    },
  );

  it('rotates by size and carries the steps a resume still needs into the new file', () => {
    const dir = folder();
    const path = join(dir, 'repair-demo.jsonl');
    writeJob(path, 'job-a', '2026-11-23T09:00:00Z');
    const before = readFileSync(path, 'utf8');
    const journal = openJournal(path, { run: 'job-b', maxBytes: 200, keep: 2 });
    journal.close();
    expect(readFileSync(`${path}.1`, 'utf8')).toBe(before);
    // Only u2's failed phone is unsettled: a rerun must still re-check it.
    expect(readJournal(path).map((e) => [e.user, e.step, e.event])).toEqual([
      ['u2', 'webrtc-phone', 'failed'],
    ]);
    openJournal(path, { maxBytes: 10, keep: 2 }).close();
    openJournal(path, { maxBytes: 10, keep: 2 }).close();
    expect(existsSync(`${path}.2`)).toBe(true);
    expect(existsSync(`${path}.3`)).toBe(false);
  });
});
