/**
 * The repair journals as an admin reads them: every org's journal file in the app data folder
 * (rotated ones too), grouped by job, each step once with its before and after in words and how it
 * ended. Read from disk only, so the journal opens while the org is unreachable.
 *
 * A journal can hold a job of 100,000 steps: each file is read a megabyte at a time (never as one
 * string), read again only when it changed, and the window gets the jobs' summaries and one page
 * of one job's steps at a time, filtered here.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  JournalJobView,
  JournalStepsPage,
  JournalStepsRequest,
  JournalStepView,
} from '../../shared/ipc';
import { csvRow } from '../../shared/provisioning/plan-file';
import {
  forEachJournalLine,
  journalKey,
  type JournalEntry,
  type JournalJobHeader,
} from '../genesys/provisioning/journal';
import { JOURNAL_FILE } from '../genesys/provisioning/org-files';

/** A job with every step and the ids a resume needs (kept in the main process). */
export interface JournalJob extends JournalJobView {
  steps: JournalStepView[];
  unverifiedIds: string[];
}

export interface JournalBook {
  /** Every org's jobs, newest first, at most `limit`, as the window lists them (no steps). */
  jobs(limit: number): Promise<JournalJobView[]>;
  /** One page of one job's steps that match the filter, in time order. */
  steps(request: JournalStepsRequest): Promise<JournalStepsPage>;
  /** One job whole; undefined when no journal file holds it any more. */
  job(run: string): Promise<JournalJob | undefined>;
  /** Every job whole, newest first (the export). */
  all(): Promise<JournalJob[]>;
}

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

/** What one run's lines add up to while a file is read: per step, its first start and last line. */
interface RunLines {
  header: JournalJobHeader | undefined;
  started: Map<string, JournalEntry>;
  last: Map<string, JournalEntry>;
  users: Set<string>;
  verified: Set<string>;
  firstAt: string | undefined;
  lastAt: string | undefined;
}

const runLines = (): RunLines => ({
  header: undefined,
  started: new Map(),
  last: new Map(),
  users: new Set(),
  verified: new Set(),
  firstAt: undefined,
  lastAt: undefined,
});

function jobOf(run: string, lines: RunLines, fileName: string): JournalJob {
  const { header } = lines;
  const steps = [...lines.last.entries()]
    .map(([key, entry]) => stepOf(lines.started.get(key), entry))
    .sort((a, b) => a.time.localeCompare(b.time));
  // A name learned on one step names the user's other steps (verify lines carry none).
  const names = new Map(steps.filter((s) => s.name).map((s) => [s.userId, s.name]));
  for (const step of steps) step.name ??= names.get(step.userId) ?? null;
  const everyone = header?.job.userIds ?? [...lines.users];
  const unverifiedIds = everyone.filter((id) => !lines.verified.has(id));
  return {
    run,
    unverified: unverifiedIds.length,
    unverifiedIds,
    org: header?.job.org ?? orgOfFile(fileName),
    region: header?.job.region ?? null,
    startedAt: header?.at ?? lines.firstAt ?? '',
    endedAt: lines.lastAt ?? null,
    users: header?.job.users ?? lines.users.size,
    stepCount: steps.length,
    notDone: steps.filter((s) => s.outcome !== 'done').length,
    steps,
  };
}

/** One file's jobs (a run is one job), its lines read a megabyte at a time. */
async function readJobs(path: string, fileName: string): Promise<JournalJob[]> {
  const runs = new Map<string, RunLines>();
  const of = (run: string) => {
    let lines = runs.get(run);
    if (!lines) runs.set(run, (lines = runLines()));
    return lines;
  };
  await forEachJournalLine(path, (line) => {
    if (!line) return;
    if ('header' in line) {
      of(line.header.run).header = line.header;
      return;
    }
    const { entry } = line;
    const lines = of(entry.run);
    const key = journalKey(entry.user, entry.step);
    if (entry.event === 'started' && !lines.started.has(key)) lines.started.set(key, entry);
    lines.last.set(key, entry);
    lines.users.add(entry.user);
    if (entry.step === 'verify' && entry.event === 'finished') lines.verified.add(entry.user);
    lines.firstAt ??= entry.at;
    lines.lastAt = entry.at;
  });
  return [...runs].map(([run, lines]) => jobOf(run, lines, fileName));
}

const matches = (request: JournalStepsRequest) => {
  const needle = request.user.trim().toLowerCase();
  return (step: JournalStepView) =>
    (request.outcome === 'any' || step.outcome === request.outcome) &&
    (!needle || `${step.name ?? ''}\n${step.userId}`.toLowerCase().includes(needle));
};

/** What the window lists of a job: everything but its steps and user ids. */
const summary = ({ steps: _steps, unverifiedIds: _ids, ...job }: JournalJob): JournalJobView => job;

/** The journals in `folder`, each file read again only when its size or time changed. */
export function createJournalBook(folder: string): JournalBook {
  const files = new Map<string, { version: string; jobs: Promise<JournalJob[]> }>();

  async function everyJob(): Promise<JournalJob[]> {
    let names: string[];
    try {
      names = (await readdir(folder)).filter((name) => JOURNAL_FILE.test(name));
    } catch {
      return []; // no repair has run yet
    }
    for (const name of files.keys()) if (!names.includes(name)) files.delete(name);
    const jobs: JournalJob[] = [];
    for (const name of names) {
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (!info) continue; // rotated away since the listing
      const version = `${info.size}:${info.mtimeMs}`;
      let file = files.get(name);
      if (file?.version !== version) {
        // Rotated away mid-read: the renamed file is read under its new name.
        file = { version, jobs: readJobs(path, name).catch(() => []) };
        files.set(name, file);
      }
      jobs.push(...(await file.jobs));
    }
    // A job split by a rotation appears in two files: keep the fuller part of each.
    const byRun = new Map<string, JournalJob>();
    for (const job of jobs) {
      const seen = byRun.get(job.run);
      if (!seen || job.steps.length > seen.steps.length) byRun.set(job.run, job);
    }
    return [...byRun.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  const job = async (run: string) => (await everyJob()).find((j) => j.run === run);

  return {
    async jobs(limit) {
      return (await everyJob()).slice(0, limit).map(summary);
    },
    async steps(request) {
      const found = await job(request.run);
      const steps = found ? found.steps.filter(matches(request)) : [];
      return {
        run: request.run,
        total: steps.length,
        offset: request.offset,
        steps: steps.slice(request.offset, request.offset + request.limit),
      };
    },
    job,
    all: everyJob,
  };
}

export function journalCsv(jobs: readonly JournalJob[]): string {
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

/** The JSON export: each job with its steps, without the user id list a resume uses. */
export const journalJson = (jobs: readonly JournalJob[]): string =>
  `${JSON.stringify(
    jobs.map(({ unverifiedIds: _ids, ...job }) => job),
    null,
    2,
  )}\n`;
