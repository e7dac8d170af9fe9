/**
 * Small JSON files in the app data folder. Every operation on one file runs in turn (reads, writes
 * and read-modify-write changes alike), each write goes to a temporary file of its own and is then
 * renamed over the old one, so a crash never leaves half a file and overlapping saves lose nothing.
 * A file that cannot be parsed is set aside (renamed, never deleted) and named in a notice; the app
 * goes on with the fallback value.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fsFailure } from '../../shared/fs-failure';
import { systemClock, wallDate, type Clock } from '../genesys/clock';
import { AppError } from '../../shared/errors';

/** The part of node:fs/promises the stores use; tests pass a temporary folder with the real module. */
export interface FileSystem {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(
    path: string,
    text: string,
    options: { encoding: 'utf8'; mode?: number },
  ): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
}

export interface JsonFile<T> {
  read(): Promise<T>;
  write(value: T): Promise<void>;
  /** Reads, changes and writes the file with no other operation on it in between; the new value. */
  update(change: (current: T) => T | Promise<T>): Promise<T>;
}

/** Where the files live, shared by every store of the app. */
export interface JsonFileDeps {
  fs: FileSystem;
  folder: string;
  /** Told, in one line, when a damaged file was set aside. */
  onDamaged?: (message: string) => void;
  /** Dates a damaged file set aside; default the system clock. */
  clock?: Clock;
}

export interface JsonFileShape<T> {
  /** Turns whatever is on disk into a valid value, or throws when it cannot. */
  parse: (value: unknown) => T;
  /** The value of a missing (or set-aside) file. */
  fallback: () => T;
}

/** One queue per file path, shared by every JsonFile over it in this process. */
const queues = new Map<string, Promise<unknown>>();

function inTurn<R>(path: string, run: () => Promise<R>): Promise<R> {
  const previous = queues.get(path) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(path, settled);
  void settled.then(() => {
    if (queues.get(path) === settled) queues.delete(path);
  });
  return next;
}

/**
 * Files are created readable by the owner only: they can name orgs and hold encrypted secrets.
 */
export function jsonFile<T>(
  deps: JsonFileDeps,
  name: string,
  shape: JsonFileShape<T>,
): JsonFile<T> {
  const { fs, folder } = deps;
  const path = join(folder, name);
  const clock = deps.clock ?? systemClock;

  const setAside = async (reason: string): Promise<T> => {
    const stamp = wallDate(clock).toISOString().replace(/[:.]/g, '-');
    const aside = `${path}.damaged-${stamp}-${randomBytes(3).toString('hex')}`;
    try {
      await fs.rename(path, aside);
    } catch (error) {
      throw new AppError(
        'internal',
        `${path} is damaged (${reason}) and cannot be set aside (${fsFailure(error)}): move it away and try again.`,
      );
    }
    deps.onDamaged?.(
      `${name} was damaged (${reason}); it was set aside as ${basename(aside)} in ${folder} and the app starts from an empty one.`,
    );
    return shape.fallback();
  };

  const readNow = async (): Promise<T> => {
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return shape.fallback();
      throw new AppError('unavailable', `Cannot read ${path}: ${fsFailure(error)}.`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      return setAside(text.trim() === '' ? 'it is empty' : (error as Error).message);
    }
    try {
      return shape.parse(value);
    } catch (error) {
      return setAside(error instanceof Error ? error.message : String(error));
    }
  };

  const writeNow = async (value: T): Promise<void> => {
    const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.mkdir(dirname(path), { recursive: true });
      await fs.writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, {
        encoding: 'utf8',
        mode: 0o600,
      });
      await fs.rename(temporary, path);
    } catch (error) {
      await fs.unlink(temporary).catch(() => undefined);
      throw new AppError(
        'unavailable',
        `Cannot save ${path}: ${fsFailure(error)}. The previous version is unchanged.`,
      );
    }
  };

  return {
    read: () => inTurn(path, readNow),
    write: (value) => inTurn(path, () => writeNow(value)),
    update: (change) =>
      inTurn(path, async () => {
        const next = await change(await readNow());
        await writeNow(next);
        return next;
      }),
  };
}
