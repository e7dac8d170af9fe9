/**
 * The repair journal: append-only JSONL, one line per step started, finished or failed. It is the
 * record of what a run did and, after a crash, of which writes were in flight: those are re-checked
 * against the org before anything is created again, so a rerun neither loses nor duplicates work.
 *
 * Lines are written synchronously: a kill -9 loses at most the line being written, and the reader
 * skips a torn last line.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

export type JournalEvent = 'started' | 'finished' | 'failed';

export interface JournalEntry {
  /** ISO time the line was written. */
  at: string;
  /** Which run wrote it (one per process invocation). */
  run: string;
  user: string;
  /** stepKey() of a plan step, or 'verify' for the final re-read. */
  step: string;
  event: JournalEvent;
  /** What the step produced or found (phone id, station id, "already present"). */
  detail?: Record<string, string | number | boolean>;
  /** Why it failed, for people. */
  error?: string;
  /** On `started`: the user's name and the step with the user's state before and after, in words. */
  name?: string;
  what?: string;
  before?: string;
  after?: string;
}

/** The line a job starts with: which org, how many users and steps (the journal's grouping). */
export interface JournalJobHeader {
  at: string;
  run: string;
  job: {
    org: string;
    region: string | null;
    users: number;
    steps: number;
    /** Every user of the job, so one it never reached can be resumed later. */
    userIds?: string[];
  };
}

export interface Journal {
  readonly path: string;
  readonly run: string;
  record(entry: Omit<JournalEntry, 'at' | 'run'>): void;
  /** Writes the job's header line (readers that replay steps skip it). */
  describeJob?(job: JournalJobHeader['job']): void;
  close(): void;
}

/** Parses a journal's text; an unparsable line (torn by a crash) is skipped, not fatal. */
export function parseJournal(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as Partial<JournalEntry>;
      if (typeof value.user === 'string' && typeof value.step === 'string' && value.event)
        entries.push(value as JournalEntry);
    } catch {
      // A torn line from a killed process: the step it describes is re-checked anyway.
    }
  }
  return entries;
}

export function readJournal(path: string): JournalEntry[] {
  return existsSync(path) ? parseJournal(readFileSync(path, 'utf8')) : [];
}

/** The job header lines of a journal's text. */
export function parseJobHeaders(text: string): JournalJobHeader[] {
  const headers: JournalJobHeader[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{"at"') || !line.includes('"job":')) continue;
    try {
      const value = JSON.parse(line) as Partial<JournalJobHeader>;
      if (typeof value.run === 'string' && value.job && typeof value.job.org === 'string')
        headers.push(value as JournalJobHeader);
    } catch {
      // a torn line
    }
  }
  return headers;
}

/** The map key of lastEvents() for one user's step. */
export function journalKey(user: string, step: string): string {
  return `${user}\u0000${step}`;
}

/** The last line written for every (user, step). */
export function lastEvents(entries: readonly JournalEntry[]): Map<string, JournalEntry> {
  const last = new Map<string, JournalEntry>();
  for (const entry of entries) last.set(journalKey(entry.user, entry.step), entry);
  return last;
}

/** Steps whose outcome the journal does not know: started and then the process died, or failed. */
export function unsettledSteps(entries: readonly JournalEntry[]): JournalEntry[] {
  return [...lastEvents(entries).values()].filter((entry) => entry.event !== 'finished');
}

/** True when the journal says this step may have reached the org without being confirmed. */
export function wasInFlight(last: Map<string, JournalEntry>, user: string, step: string): boolean {
  const entry = last.get(journalKey(user, step));
  return entry !== undefined && entry.event !== 'finished';
}

export interface OpenJournalOptions {
  run?: string;
  now?: () => Date;
  /** Past this size the journal is rotated when opened; default 8 MiB. */
  maxBytes?: number;
  /** Rotated files kept beside it (path.1 newest, path.2, ...); default 3. */
  keep?: number;
}

export const JOURNAL_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Size rotation: the full journal becomes path.1 (older ones shift, the oldest is dropped), and the
 * new file starts with the lines a resume still needs (steps left unconfirmed or failed), so a
 * rerun after the rotation still re-checks them instead of writing twice.
 */
function rotate(path: string, text: string, keep: number): string {
  for (let i = keep - 1; i >= 1; i -= 1)
    if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
  if (keep >= 1) renameSync(path, `${path}.1`);
  else unlinkSync(path);
  const carried = unsettledSteps(parseJournal(text));
  return carried.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/** Opens (creating folders as needed) a journal for appending, rotating it first when too large. */
export function openJournal(path: string, options: OpenJournalOptions = {}): Journal {
  mkdirSync(dirname(path), { recursive: true });
  let previous = existsSync(path) ? readFileSync(path) : null;
  if (previous && previous.length > (options.maxBytes ?? JOURNAL_MAX_BYTES)) {
    const carried = rotate(path, previous.toString('utf8'), options.keep ?? 3);
    writeFileSync(path, carried, { mode: 0o600 });
    previous = Buffer.from(carried);
  }
  const fd = openSync(path, 'a', 0o600);
  // A killed writer may have left a torn last line: start ours on a fresh line.
  if (previous && previous.length > 0 && previous[previous.length - 1] !== 0x0a)
    writeSync(fd, '\n');
  const run = options.run ?? `${Date.now().toString(36)}-${process.pid}`;
  const now = options.now ?? (() => new Date());
  let open = true;
  return {
    path,
    run,
    record(entry) {
      if (!open) throw new Error(`the repair journal ${path} is already closed`);
      writeSync(fd, `${JSON.stringify({ at: now().toISOString(), run, ...entry })}\n`);
    },
    describeJob(job) {
      if (!open) throw new Error(`the repair journal ${path} is already closed`);
      writeSync(fd, `${JSON.stringify({ at: now().toISOString(), run, job })}\n`);
    },
    close() {
      if (!open) return;
      open = false;
      fsyncSync(fd);
      closeSync(fd);
    },
  };
}

/**
 * A journal that keeps its lines in memory and optionally echoes each one (the Lambda, whose disk
 * does not outlive the call, echoes them to its log).
 */
export function memoryJournal(
  run = 'memory',
  echo?: (line: string) => void,
): Journal & { entries: JournalEntry[] } {
  const entries: JournalEntry[] = [];
  return {
    path: ':memory:',
    run,
    entries,
    record(entry) {
      const line = { at: new Date().toISOString(), run, ...entry };
      entries.push(line);
      echo?.(JSON.stringify(line));
    },
    close() {},
  };
}
