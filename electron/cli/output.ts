/**
 * Files a command writes where the person said (`--out FILE`): never over an existing file without
 * `--force`, never into a device, folder or pipe, and never half-written over a good one.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { UsageError } from './errors';
import { describeWriteError } from './input';

/** Refuses an --out path before any work is done, so a long read does not end in a refusal. */
export function checkOutputFile(path: string, force: boolean): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`cannot write ${path}: ${describeWriteError(error)}`);
  }
  if (stats.isDirectory()) throw new UsageError(`${path} is a folder; give a file name to write`);
  if (!stats.isFile())
    throw new UsageError(
      `${path} is not a regular file (a device, pipe or socket); give a file name to write`,
    );
  if (!force) throw new UsageError(`${path} already exists; use --force to replace it`);
}

/** Writes a temporary file of its own beside `path`, then renames it over `path`. */
export function writeFileAtomically(path: string, text: string, mode = 0o600): void {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', mode, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${path}: ${describeWriteError(error)}`);
  }
}
