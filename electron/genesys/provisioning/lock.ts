/**
 * The repair lock: one repair at a time per org and OAuth client on this machine, whoever runs it
 * (the CLI, `--watch`, the desktop app). It is a file created with O_EXCL in the app data folder
 * that names its holder (pid, host, what, since), put in place atomically. A lock whose pid is gone on this host is stale:
 * it is taken over and the takeover explained. A lock held from another host cannot be checked
 * from here, so the message says whose it is and which file to delete if that run is gone.
 */
import {
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { systemClock, wallDate, type Clock } from '../clock';
import { UserError } from '../../../shared/errors';
import { fsFailure } from '../../../shared/fs-failure';
import { lockFileName } from './org-files';

export interface LockHolder {
  pid: number;
  host: string;
  /** What holds it, for people: "jit-doctor repair --stuck --watch", "the desktop app". */
  what: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Tells this holder's lock apart from a later one by the same pid. */
  token: string;
}

/** Another run holds the lock; the message names it. */
export class RepairLockBusy extends UserError {
  override readonly name = 'RepairLockBusy';
  readonly kind = 'app';
  constructor(
    readonly holder: LockHolder,
    readonly path: string,
    org: string,
  ) {
    super(
      `another repair of ${org} is running: ${describeHolder(holder)}; ${
        holder.host === hostname()
          ? 'wait for it to finish or stop it'
          : `wait for it to finish, or delete ${path} if that run is gone`
      }`,
      path,
    );
  }
}

/** The lock file cannot be created or read (a read-only folder, a full disk). */
class RepairLockError extends UserError {
  override readonly name = 'RepairLockError';
  readonly kind = 'app';
}

function describeHolder(holder: LockHolder): string {
  return `${holder.what}, pid ${holder.pid} on ${holder.host}, since ${holder.since}`;
}

export interface RepairLock {
  readonly path: string;
  /** Set when a stale lock was taken over: what it was, for the log. */
  readonly tookOverStale: string | null;
  release(): void;
}

export interface LockOptions {
  /** The folder lock files live in (`<app data>/locks`). */
  folder: string;
  /** The org as the connection names it: its API domain, or the --api-base origin. */
  target: string;
  clientId: string;
  what: string;
  /** Dates the lock and paces the wait for it; default the system clock. */
  clock?: Clock;
  /** Whether a pid runs on this host; injected by tests. */
  isAlive?: (pid: number) => boolean;
}

/** The lock file of one org and OAuth client. */
export function lockPath(folder: string, target: string, clientId: string): string {
  return join(folder, lockFileName(target, clientId));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.what === 'string' &&
      typeof value.since === 'string' &&
      typeof value.token === 'string'
    )
      return value as LockHolder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  }
  // Torn or foreign content: treated as a holder we cannot check, never silently replaced.
  return {
    pid: 0,
    host: 'an unknown host',
    what: 'an unreadable lock file',
    since: '?',
    token: '',
  };
}

/** Held sets (open locks of this process) are released when the process exits, even on Ctrl-C twice. */
const heldHere = new Set<() => void>();
let exitHook = false;

/**
 * Takes the lock, or throws RepairLockBusy naming the holder. A stale lock (its pid gone on this
 * host) is taken over: renamed away first, so of two runs that both see it stale only one wins.
 */
export function acquireRepairLock(options: LockOptions): RepairLock {
  const path = lockPath(options.folder, options.target, options.clientId);
  const isAlive = options.isAlive ?? pidAlive;
  const org = `${options.target} with client ${options.clientId}`;
  const since = wallDate(options.clock ?? systemClock);
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    what: options.what,
    since: since.toISOString(),
    token: `${process.pid}-${since.getTime().toString(36)}-${Math.random().toString(36).slice(2)}`,
  };
  try {
    mkdirSync(options.folder, { recursive: true });
  } catch (error) {
    throw new RepairLockError(
      `cannot create the repair lock folder ${options.folder}: ${fsFailure(error)}`,
    );
  }

  // The lock is written whole to a file of our own, then linked into place: link() fails when
  // the lock exists, so taking it is atomic and nobody ever reads a half-written lock.
  const own = `${path}.${mine.token}.tmp`;
  try {
    writeFileSync(own, `${JSON.stringify(mine)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new RepairLockError(`cannot create the repair lock ${path}: ${fsFailure(error)}`);
  }
  try {
    let tookOverStale: string | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(own, path);
        return held(path, mine, tookOverStale);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new RepairLockError(`cannot create the repair lock ${path}: ${fsFailure(error)}`);
      }
      const holder = readHolder(path);
      if (holder === null) continue; // released in between: try again
      const stale = holder.host === mine.host && holder.pid > 0 && !isAlive(holder.pid);
      if (!stale) throw new RepairLockBusy(holder, path, org);
      if (takeOver(path, holder))
        tookOverStale = `took over a stale repair lock of ${org} (${describeHolder(holder)}: that process is gone)`;
    }
    throw new RepairLockBusy(readHolder(path) ?? mine, path, org);
  } finally {
    rmSync(own, { force: true });
  }
}

/** Moves a stale lock away; false when what was moved turned out to be someone else's fresh lock. */
function takeOver(path: string, stale: LockHolder): boolean {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return false; // another run moved it first
  }
  const moved = readHolder(aside);
  if (moved?.token === stale.token) {
    unlinkSync(aside);
    return true;
  }
  // A run took the lock between our read and our rename: put its lock back.
  try {
    linkSync(aside, path);
  } catch {
    // a third run holds it now; the one we moved is still named in its aside file
  }
  unlinkSync(aside);
  return false;
}

function held(path: string, mine: LockHolder, tookOverStale: string | null): RepairLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(release);
    // Only our own lock is removed, never one a later run took over.
    if (readHolder(path)?.token === mine.token) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  };
  heldHere.add(release);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const r of [...heldHere]) r();
    });
  }
  return { path, tookOverStale, release };
}

/**
 * Waits for the lock, telling `onWaiting` once who holds it; gives up when `signal` aborts (then
 * throws the last RepairLockBusy).
 */
export async function waitForRepairLock(
  options: LockOptions & {
    signal?: AbortSignal;
    pollMs?: number;
    onWaiting?: (busy: RepairLockBusy) => void;
  },
): Promise<RepairLock> {
  let told = false;
  for (;;) {
    try {
      return acquireRepairLock(options);
    } catch (error) {
      if (!(error instanceof RepairLockBusy) || options.signal?.aborted) throw error;
      if (!told) options.onWaiting?.(error);
      told = true;
    }
    // A stop ends the wait at once; the next attempt then throws the holder's RepairLockBusy.
    await (options.clock ?? systemClock)
      .sleep(options.pollMs ?? 1000, options.signal)
      .catch(() => undefined);
  }
}
