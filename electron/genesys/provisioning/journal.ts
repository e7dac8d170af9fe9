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
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { systemClock, wallDate, type Clock } from '../clock';

type JournalEvent = 'started' | 'finished' | 'failed';

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

/** One journal line as an entry; null for a header, a blank line or a line torn by a crash. */
function entryOf(line: string): JournalEntry | null {
  if (line.trim() === '') return null;
  try {
    const value = JSON.parse(line) as Partial<JournalEntry>;
    return typeof value.user === 'string' && typeof value.step === 'string' && value.event
      ? (value as JournalEntry)
      : null;
  } catch {
    // A torn line from a killed process: the step it describes is re-checked anyway.
    return null;
  }
}

/** Every entry of a journal file, read piece by piece (a journal may outgrow one string). */
export function readJournal(path: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  if (existsSync(path))
    forEachLine(path, (line) => {
      const entry = entryOf(line);
      if (entry) entries.push(entry);
    });
  return entries;
}

/**
 * What a run needs from a journal: the last entry of every (user, step), in the order of those
 * last entries. Read piece by piece and kept per step, so a journal of gigabytes costs one pass and
 * the memory of its distinct steps, never a string or an array of every line.
 */
export function readJournalSteps(path: string): JournalEntry[] {
  const last = new Map<string, JournalEntry>();
  if (existsSync(path))
    forEachLine(path, (line) => {
      const entry = entryOf(line);
      if (!entry) return;
      const key = journalKey(entry.user, entry.step);
      last.delete(key);
      last.set(key, entry);
    });
  return [...last.values()];
}

/** A journal line is a few hundred bytes; a longer run without a newline is not one, and is skipped. */
const MAX_LINE_BYTES = 1024 * 1024;

/** Splits bytes into lines as they are read: a run longer than MAX_LINE_BYTES without a newline is skipped. */
function lineSplitter(onLine: (line: string) => void) {
  let carried: Buffer[] = [];
  let carriedBytes = 0;
  let overlong = false;
  return {
    push(chunk: Buffer, read: number) {
      let start = 0;
      for (let end = chunk.indexOf(0x0a, start); end !== -1 && end < read;) {
        if (!overlong)
          onLine(Buffer.concat([...carried, chunk.subarray(start, end)]).toString('utf8'));
        carried = [];
        carriedBytes = 0;
        overlong = false;
        start = end + 1;
        end = chunk.indexOf(0x0a, start);
      }
      if (start < read && !overlong) {
        carried.push(Buffer.from(chunk.subarray(start, read)));
        carriedBytes += read - start;
        if (carriedBytes > MAX_LINE_BYTES) {
          overlong = true;
          carried = [];
          carriedBytes = 0;
        }
      }
    },
    end() {
      if (!overlong && carriedBytes > 0) onLine(Buffer.concat(carried).toString('utf8'));
    },
  };
}

const CHUNK_BYTES = 1024 * 1024;

/** Calls `onLine` with each line of a file, read a megabyte at a time. */
function forEachLine(path: string, onLine: (line: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const lines = lineSplitter(onLine);
    for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0;)
      lines.push(chunk, read);
    lines.end();
  } finally {
    closeSync(fd);
  }
}

/** One journal line: a step's entry, a job's header, or null (blank, torn, or neither). */
type JournalLine = { entry: JournalEntry } | { header: JournalJobHeader } | null;

function parseJournalLine(line: string): JournalLine {
  const header = headerOf(line);
  if (header) return { header };
  const entry = entryOf(line);
  return entry ? { entry } : null;
}

/**
 * Calls `onLine` with each line of a journal file, read a megabyte at a time without blocking the
 * process between megabytes (the app's main process reads a large journal while it serves the
 * window). A missing file has no line.
 */
export async function forEachJournalLine(
  path: string,
  onLine: (line: JournalLine) => void,
): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const lines = lineSplitter((line) => onLine(parseJournalLine(line)));
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      lines.push(chunk, bytesRead);
    }
    lines.end();
  } finally {
    await handle.close();
  }
}

/** A job header line as a header; null for anything else. */
function headerOf(line: string): JournalJobHeader | null {
  if (!line.startsWith('{"at"') || !line.includes('"job":')) return null;
  try {
    const value = JSON.parse(line) as Partial<JournalJobHeader>;
    return typeof value.run === 'string' && value.job && typeof value.job.org === 'string'
      ? (value as JournalJobHeader)
      : null;
  } catch {
    return null; // a torn line
  }
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
  /** Dates each line; default the system clock. */
  clock?: Clock;
  /** Past this size the journal is rotated when opened; default 8 MiB. */
  maxBytes?: number;
  /** Rotated files kept beside it (path.1 newest, path.2, ...); default 3. */
  keep?: number;
  /** readJournalSteps(path), when the caller has just read it: a rotation then reads nothing again. */
  steps?: readonly JournalEntry[];
}

const JOURNAL_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Size rotation: the full journal becomes path.1 (older ones shift, the oldest is dropped), and the
 * new file starts with the lines a resume still needs (steps left unconfirmed or failed), so a
 * rerun after the rotation still re-checks them instead of writing twice.
 */
function rotate(path: string, steps: readonly JournalEntry[], keep: number): string {
  const carried = unsettledSteps(steps);
  for (let i = keep - 1; i >= 1; i -= 1)
    if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
  if (keep >= 1) renameSync(path, `${path}.1`);
  else unlinkSync(path);
  return carried.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/** The size of a file and whether it ends on a line break (a killed writer may have torn its last line); null when absent. */
function tail(path: string): { size: number; endsLine: boolean } | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    const last = Buffer.alloc(1);
    if (size > 0) readSync(fd, last, 0, 1, size - 1);
    return { size, endsLine: size === 0 || last[0] === 0x0a };
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens (creating folders as needed) a journal for appending, rotating it first when too large.
 * Only its size and last byte are read, and on a rotation its steps: never the whole text at once.
 */
export function openJournal(path: string, options: OpenJournalOptions = {}): Journal {
  mkdirSync(dirname(path), { recursive: true });
  let previous = tail(path);
  if (previous && previous.size > (options.maxBytes ?? JOURNAL_MAX_BYTES)) {
    const carried = rotate(path, options.steps ?? readJournalSteps(path), options.keep ?? 3);
    writeFileSync(path, carried, { mode: 0o600 });
    previous = { size: carried.length, endsLine: true };
  }
  const fd = openSync(path, 'a', 0o600);
  // A killed writer may have left a torn last line: start ours on a fresh line.
  if (previous && !previous.endsLine) writeSync(fd, '\n');
  const clock = options.clock ?? systemClock;
  const run = options.run ?? `${clock.wallNow().toString(36)}-${process.pid}`;
  let open = true;
  return {
    path,
    run,
    record(entry) {
      if (!open) throw new Error(`the repair journal ${path} is already closed`);
      writeSync(fd, `${JSON.stringify({ at: wallDate(clock).toISOString(), run, ...entry })}\n`);
    },
    describeJob(job) {
      if (!open) throw new Error(`the repair journal ${path} is already closed`);
      writeSync(fd, `${JSON.stringify({ at: wallDate(clock).toISOString(), run, job })}\n`);
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
  clock: Clock = systemClock,
): Journal & { entries: JournalEntry[] } {
  const entries: JournalEntry[] = [];
  return {
    path: ':memory:',
    run,
    entries,
    record(entry) {
      const line = { at: wallDate(clock).toISOString(), run, ...entry };
      entries.push(line);
      echo?.(JSON.stringify(line));
    },
    close() {},
  };
}
