/**
 * Reading what `jit-doctor diagnose` is given: files, `-` for stdin, or stdin when no INPUT is
 * named. Every failure is a UsageError (one line on stderr, exit 2), never a stack trace.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { RawInput } from '../../shared/saml/types';
import { UsageError } from './errors';
import { fsFailure } from '../../shared/fs-failure';

/**
 * Larger files are refused before reading. HAR captures can be big, so this is far above the
 * per-message limit (10 MiB) that the engine applies to each decoded message.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface InputSource {
  isTTY: boolean;
  read(): Promise<Uint8Array>;
}

/** stdin as an InputSource, read to the end with the same size cap as a file. */
export function processStdin(): InputSource {
  return {
    isTTY: Boolean(process.stdin.isTTY),
    read: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        size += buffer.length;
        if (size > MAX_INPUT_BYTES)
          throw new UsageError(`stdin is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
        chunks.push(buffer);
      }
      return Buffer.concat(chunks);
    },
  };
}

export async function readInputs(
  paths: readonly string[],
  stdin: InputSource,
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
      inputs.push({ name: 'stdin', bytes: await stdin.read() });
    } else {
      inputs.push({ name: names[i]!, bytes: readInputFile(path) });
    }
  }
  return inputs;
}

export function readInputFile(path: string): Uint8Array {
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
      `${path} is ${(size / 1024 / 1024).toFixed(0)} MiB, more than the ${MAX_INPUT_BYTES / 1024 / 1024} MiB an input may have`,
    );
  try {
    return readCapped(path, MAX_INPUT_BYTES, 'the input');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${fsFailure(error)}`);
  }
}

/** Reads a text file (configuration, directory) with the same one-line errors. */
export function readTextFile(path: string, what: string): string {
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`the ${what} ${path} is a directory`);
    return Buffer.from(readCapped(path, MAX_INPUT_BYTES, `the ${what}`)).toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read the ${what} ${path}: ${fsFailure(error)}`);
  }
}

/**
 * Reads at most `max` bytes: a device (/dev/zero), a pipe or a process substitution has no size to
 * check first and may never end, so reading stops at the cap with a one-line error.
 */
function readCapped(path: string, max: number, what: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return Buffer.concat(chunks, total);
      total += read;
      if (total > max)
        throw new UsageError(
          `${what} ${path} gives more than ${max / 1024 / 1024} MiB (a device or a pipe that does not end?); give a file`,
        );
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
