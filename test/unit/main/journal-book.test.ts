import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalCsv, readJournalBook } from '../../../electron/main/journal-book';
import { openJournal, readJournal } from '../../../electron/genesys/provisioning/journal';
import { journalInWords } from '../../../electron/genesys/provisioning/journal-words';
import type { PlanStep } from '../../../shared/provisioning';

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
  const journal = journalInWords(openJournal(path, { run, now: () => new Date(at) }));
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
    const jobs = await readJournalBook(dir, 10);
    expect(jobs.map((j) => j.run)).toEqual(['job-b', 'job-a']);
    const job = jobs[0]!;
    expect(job).toMatchObject({ org: 'acme-contact', region: 'mypurecloud.ie', users: 3 });
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
    expect(await readJournalBook(folder(), 10)).toEqual([]);
  });

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
