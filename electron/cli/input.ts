/**
 * Reading what `jit-doctor diagnose` is given: files, `-` for stdin, or stdin when no INPUT is
 * named. Every failure is a UsageError (one line on stderr, exit 2), never a stack trace.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { RawInput } from '../../shared/saml/types';
import { UsageError } from './errors';
import { fsFailure } from '../../shared/fs-failure';

const MiB = 1024 * 1024;

/**
 * Larger files are refused before reading. HAR captures can be big, so this is far above the
 * per-message limit (10 MiB) that the engine applies to each decoded message.
 */
export const MAX_INPUT_BYTES = 256 * MiB;

/**
 * What the files of one run may hold together (inputs, configuration, directory): one input at
 * its largest with a configuration and a directory export beside it, so twelve files that each
 * pass the per-file cap cannot add up to gigabytes.
 */
export const MAX_RUN_BYTES = MAX_INPUT_BYTES + 64 * MiB;

/** The bytes a run has read so far; each read takes from it. One per command run. */
export class ReadBudget {
  private used = 0;
  constructor(readonly max = MAX_RUN_BYTES) {}

  /** The most the next file may hold: its own cap or what the run has left, whichever is less. */
  allowance(): number {
    return Math.min(MAX_INPUT_BYTES, this.max - this.used);
  }

  /** Whether a refusal at `limit` bytes is the run's total rather than the file's own cap. */
  isRunLimit(limit: number): boolean {
    return limit < MAX_INPUT_BYTES;
  }

  take(bytes: number): void {
    this.used += bytes;
  }

  /** The one line when `path` would take the run past its total. */
  overMessage(path: string): string {
    return `${path} would take this run past the ${formatMiB(this.max)} its files may hold together (${formatMiB(this.used)} read before it); diagnose the files in several runs, or give only the capture of the sign-in you are looking at`;
  }
}

const formatMiB = (bytes: number) =>
  bytes >= MiB ? `${(bytes / MiB).toFixed(0)} MiB` : `${bytes} bytes`;

export interface InputSource {
  isTTY: boolean;
  /** Reads to the end; more than `max` bytes is refused with a UsageError. */
  read(max: number): Promise<Uint8Array>;
}

/** stdin as an InputSource, read to the end with the same size cap as a file. */
export function processStdin(): InputSource {
  return {
    isTTY: Boolean(process.stdin.isTTY),
    read: async (max) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        size += buffer.length;
        if (size > max) throw new UsageError(`stdin gives more than ${formatMiB(max)}`);
        chunks.push(buffer);
      }
      return Buffer.concat(chunks);
    },
  };
}

export async function readInputs(
  paths: readonly string[],
  stdin: InputSource,
  budget = new ReadBudget(),
): Promise<RawInput[]> {
  const wanted = paths.length ? paths : ['-'];
  if (wanted.filter((p) => p === '-').length > 1)
    throw new UsageError('stdin (-) can be given only once');
  const names = displayNames(wanted);
  const inputs: RawInput[] = [];
  for (const [i, path] of wanted.entries()) {
    if (path === '-') {
      // An explicit `-` on a terminal means "I will paste, then Ctrl-D"; no INPUT at all does not.
      if (stdin.isTTY && paths.length === 0)
        throw new UsageError(
          'no INPUT given and stdin is a terminal: name a file, or pipe a SAML message into jit-doctor diagnose',
        );
      const allowance = budget.allowance();
      let bytes: Uint8Array;
      try {
        bytes = await stdin.read(allowance);
      } catch (error) {
        if (error instanceof UsageError && budget.isRunLimit(allowance))
          throw new UsageError(budget.overMessage('stdin'));
        throw error;
      }
      budget.take(bytes.length);
      inputs.push({ name: 'stdin', bytes });
    } else {
      inputs.push({ name: names[i]!, bytes: readInputFile(path, budget) });
    }
  }
  return inputs;
}

function readInputFile(path: string, budget = new ReadBudget()): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${path} is a directory, not an input file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${fsFailure(error)}`);
  }
  if (size > MAX_INPUT_BYTES)
    throw new UsageError(
      `${path} is ${formatMiB(size)}, more than the ${formatMiB(MAX_INPUT_BYTES)} an input may have`,
    );
  if (size > budget.allowance()) throw new UsageError(budget.overMessage(path));
  return readWithin(path, budget, 'the input', () => `cannot read ${path}`);
}

/** Reads a text file (configuration, directory) with the same one-line errors and budget. */
export function readTextFile(path: string, what: string, budget = new ReadBudget()): string {
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`the ${what} ${path} is a directory`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read the ${what} ${path}: ${fsFailure(error)}`);
  }
  const bytes = readWithin(path, budget, `the ${what}`, () => `cannot read the ${what} ${path}`);
  return Buffer.from(bytes).toString('utf8');
}

/** Reads `path` within what the run has left, and takes what it read from the budget. */
function readWithin(
  path: string,
  budget: ReadBudget,
  what: string,
  cannot: () => string,
): Uint8Array {
  const allowance = budget.allowance();
  let bytes: Uint8Array | null;
  try {
    bytes = readCapped(path, allowance);
  } catch (error) {
    throw new UsageError(`${cannot()}: ${fsFailure(error)}`);
  }
  if (bytes === null)
    throw new UsageError(
      budget.isRunLimit(allowance)
        ? budget.overMessage(path)
        : `${what} ${path} gives more than ${formatMiB(allowance)} (a device or a pipe that does not end?); give a file`,
    );
  budget.take(bytes.length);
  return bytes;
}

/**
 * Reads at most `max` bytes, or null past them: a device (/dev/zero), a pipe or a process
 * substitution has no size to check first and may never end, so reading stops at the cap.
 */
function readCapped(path: string, max: number): Uint8Array | null {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, max - total + 1));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks, total);
      total += read;
      if (total > max) return null;
      chunks.push(chunk.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
}

/** For a file being written, ENOENT means its folder is missing, not the file itself. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' ? 'its folder does not exist' : fsFailure(error);
}

/** Messages are named after their file; the full path only where two files share a name. */
function displayNames(paths: readonly string[]): string[] {
  const bases = paths.map((p) => basename(p));
  return paths.map((p, i) => (bases.filter((b) => b === bases[i]).length > 1 ? p : bases[i]!));
}
