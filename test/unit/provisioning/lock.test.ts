import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireRepairLock,
  lockPath,
  RepairLockBusy,
  waitForRepairLock,
} from '../../../electron/genesys/provisioning/lock';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'jd-lock-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const org = { target: 'mypurecloud.ie', clientId: 'client-1' };
const holderFile = (holder: object) =>
  writeFileSync(lockPath(folder, org.target, org.clientId), JSON.stringify(holder));

describe('repair lock', () => {
  it('lets one run in and tells the second who holds it', () => {
    const first = acquireRepairLock({ folder, ...org, what: 'jit-doctor repair --stuck' });
    const busy = (() => {
      try {
        acquireRepairLock({ folder, ...org, what: 'the desktop app' });
      } catch (error) {
        return error;
      }
    })();
    expect(busy).toBeInstanceOf(RepairLockBusy);
    expect((busy as Error).message).toMatch(
      new RegExp(
        `^another repair of mypurecloud\\.ie with client client-1 is running: jit-doctor repair --stuck, pid ${process.pid} on ${hostname()}, since .+; wait for it to finish or stop it$`,
      ),
    );
    // Another client of the same org, or another org, has a lock of its own.
    acquireRepairLock({ folder, ...org, clientId: 'client-2', what: 'x' }).release();
    first.release();
    expect(existsSync(first.path)).toBe(false);
    acquireRepairLock({ folder, ...org, what: 'the desktop app' }).release();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('takes over a lock whose process is gone on this host, and says so', () => {
    holderFile({
      pid: 999_999,
      host: hostname(),
      what: 'jit-doctor repair --stuck --watch',
      since: '2026-12-01T08:00:00.000Z',
      token: 'old',
    });
    const lock = acquireRepairLock({ folder, ...org, what: 'x', isAlive: () => false });
    expect(lock.tookOverStale).toBe(
      `took over a stale repair lock of mypurecloud.ie with client client-1 (jit-doctor repair --stuck --watch, pid 999999 on ${hostname()}, since 2026-12-01T08:00:00.000Z: that process is gone)`,
    );
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('never takes over a lock held from another host, and names the file to delete', () => {
    holderFile({
      pid: 4242,
      host: 'lambda-host',
      what: 'the desktop app',
      since: '2026-12-01T08:00:00.000Z',
      token: 't',
    });
    expect(() => acquireRepairLock({ folder, ...org, what: 'x', isAlive: () => false })).toThrow(
      `the desktop app, pid 4242 on lambda-host, since 2026-12-01T08:00:00.000Z; wait for it to finish, or delete ${lockPath(folder, org.target, org.clientId)} if that run is gone`,
    );
  });

  it('does not remove a lock another run took over', () => {
    const lock = acquireRepairLock({ folder, ...org, what: 'x' });
    holderFile({ pid: 1, host: hostname(), what: 'y', since: 'now', token: 'theirs' });
    lock.release();
    expect(existsSync(lock.path)).toBe(true);
  });

  it('waits for the holder when asked, telling who it waits for once', async () => {
    const first = acquireRepairLock({ folder, ...org, what: 'jit-doctor repair --stuck' });
    const told: string[] = [];
    let polls = 0;
    const second = waitForRepairLock({
      folder,
      ...org,
      what: 'jit-doctor repair --stuck --watch',
      pollMs: 5,
      isAlive: () => {
        if (++polls === 3) first.release();
        return true;
      },
      onWaiting: (busy) => told.push(busy.holder.what),
    });
    const lock = await second;
    expect(told).toEqual(['jit-doctor repair --stuck']);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
      what: 'jit-doctor repair --stuck --watch',
    });
    lock.release();
  });

  it('gives up waiting when stopped', async () => {
    const first = acquireRepairLock({ folder, ...org, what: 'jit-doctor repair --stuck' });
    const controller = new AbortController();
    const waiting = waitForRepairLock({
      folder,
      ...org,
      what: 'x',
      pollMs: 5,
      signal: controller.signal,
      onWaiting: () => controller.abort(),
    });
    await expect(waiting).rejects.toBeInstanceOf(RepairLockBusy);
    first.release();
  });
});
