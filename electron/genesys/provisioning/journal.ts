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
}

export interface Journal {
  readonly path: string;
  readonly run: string;
  record(entry: Omit<JournalEntry, 'at' | 'run'>): void;
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
}

/** Opens (creating folders as needed) a journal for appending. */
export function openJournal(path: string, options: OpenJournalOptions = {}): Journal {
  mkdirSync(dirname(path), { recursive: true });
  const previous = existsSync(path) ? readFileSync(path) : null;
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
