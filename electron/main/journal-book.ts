/**
 * The repair journals as an admin reads them: every org's journal file in the app data folder
 * (rotated ones too), grouped by job, each step once with its before and after in words and how it
 * ended. Read from disk only, so the journal opens while the org is unreachable.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalJobView, JournalStepView } from '../../shared/ipc';
import { csvRow } from '../../shared/provisioning/plan-file';
import { parseJobHeaders, parseJournal, type JournalEntry } from '../genesys/provisioning/journal';
import { JOURNAL_FILE } from '../genesys/provisioning/org-files';

/** The org a journal file belongs to, from its name, for jobs written before headers existed. */
function orgOfFile(name: string): string {
  const key = JOURNAL_FILE.exec(name)?.[1] ?? name;
  return key === 'demo' ? 'demo org' : key;
}

function stepOf(started: JournalEntry | undefined, last: JournalEntry): JournalStepView {
  const from = started ?? last;
  return {
    time: from.at,
    userId: last.user,
    name: from.name ?? null,
    what: from.what ?? (last.step === 'verify' ? 're-read and verify' : last.step),
    before: from.before ?? null,
    after: from.after ?? null,
    outcome: last.event === 'finished' ? 'done' : last.event === 'failed' ? 'failed' : 'in flight',
    error: last.error ?? null,
  };
}

/** A job with the ids a resume needs (kept in the main process). */
export interface JournalJobWithUsers extends JournalJobView {
  unverifiedIds: string[];
}

/** Groups one file's lines into jobs (a run is one job). */
function jobsOf(text: string, fileName: string): JournalJobWithUsers[] {
  const headers = new Map(parseJobHeaders(text).map((h) => [h.run, h]));
  const runs = new Map<string, JournalEntry[]>();
  for (const run of headers.keys()) runs.set(run, []);
  for (const entry of parseJournal(text)) {
    const list = runs.get(entry.run) ?? [];
    list.push(entry);
    runs.set(entry.run, list);
  }
  const jobs: JournalJobWithUsers[] = [];
  for (const [run, entries] of runs) {
    const header = headers.get(run);
    const started = new Map<string, JournalEntry>();
    const last = new Map<string, JournalEntry>();
    for (const entry of entries) {
      const key = `${entry.user}\u0000${entry.step}`;
      if (entry.event === 'started' && !started.has(key)) started.set(key, entry);
      last.set(key, entry);
    }
    const steps = [...last.entries()]
      .map(([key, entry]) => stepOf(started.get(key), entry))
      .sort((a, b) => a.time.localeCompare(b.time));
    // A name learned on one step names the user's other steps (verify lines carry none).
    const names = new Map(steps.filter((s) => s.name).map((s) => [s.userId, s.name]));
    for (const step of steps) step.name ??= names.get(step.userId) ?? null;
    const verified = new Set(
      entries.filter((e) => e.step === 'verify' && e.event === 'finished').map((e) => e.user),
    );
    const everyone = header?.job.userIds ?? [...new Set(entries.map((e) => e.user))];
    const unverifiedIds = everyone.filter((id) => !verified.has(id));
    jobs.push({
      run,
      unverified: unverifiedIds.length,
      unverifiedIds,
      org: header?.job.org ?? orgOfFile(fileName),
      region: header?.job.region ?? null,
      startedAt: header?.at ?? entries[0]!.at,
      endedAt: entries.at(-1)?.at ?? null,
      users: header?.job.users ?? new Set(entries.map((e) => e.user)).size,
      steps,
    });
  }
  return jobs;
}

/** Every job in the journals folder, newest first, at most `limit`. */
export async function readJournalBook(
  folder: string,
  limit: number,
): Promise<JournalJobWithUsers[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => JOURNAL_FILE.test(name));
  } catch {
    return []; // no repair has run yet
  }
  const jobs: JournalJobWithUsers[] = [];
  for (const name of names) {
    const text = await readFile(join(folder, name), 'utf8').catch(() => '');
    jobs.push(...jobsOf(text, name));
  }
  // A job split by a rotation appears in two files: keep the fuller part of each.
  const byRun = new Map<string, JournalJobWithUsers>();
  for (const job of jobs) {
    const seen = byRun.get(job.run);
    if (!seen || job.steps.length > seen.steps.length) byRun.set(job.run, job);
  }
  return [...byRun.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, limit);
}

export function journalCsv(jobs: readonly JournalJobView[]): string {
  const rows = [
    csvRow([
      'job',
      'org',
      'time',
      'user id',
      'name',
      'step',
      'before',
      'after',
      'outcome',
      'error',
    ]),
  ];
  for (const job of jobs)
    for (const step of job.steps)
      rows.push(
        csvRow([
          job.run,
          job.org,
          step.time,
          step.userId,
          step.name,
          step.what,
          step.before,
          step.after,
          step.outcome,
          step.error,
        ]),
      );
  return `${rows.join('\r\n')}\r\n`;
}

/** What the renderer gets: the jobs without their user id lists. */
export const forRenderer = (jobs: readonly JournalJobWithUsers[]): JournalJobView[] =>
  jobs.map(({ unverifiedIds: _ids, ...job }) => job);
