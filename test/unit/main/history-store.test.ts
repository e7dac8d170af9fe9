import * as fs from 'node:fs/promises';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryStore, HISTORY_LIMITS } from '../../../electron/main/history-store';
import { PRODUCT } from '../../../electron/main/collaborators';
import { departmentPair, PAIR_CONFIG_TEXT } from '../../fixtures/compare/department-pair';
import type { Report } from '../../../shared/report';
import { ManualClock, type Clock } from '../../../electron/genesys/clock';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jd-history-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Reversible but never the identity, so plain text on disk shows. */
const cipher = (available = true) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`),
  decryptString: (data: Buffer) =>
    Buffer.from(data.toString().replace(/^enc:/, ''), 'base64').toString(),
});

function store(options: { available?: boolean; clock?: Clock } = {}) {
  let n = 0;
  return createHistoryStore({
    fs,
    folder,
    cipher: cipher(options.available),
    redact: PRODUCT.redact,
    clock: options.clock ?? new ManualClock(Date.parse('2026-11-23T10:00:00Z')),
    newId: () => `h${++n}`,
  });
}

async function diagnosed(name = 'a.xml'): Promise<Report> {
  return PRODUCT.engine([{ name, bytes: new TextEncoder().encode(departmentPair().a) }], {
    config: PRODUCT.parseConfig(PAIR_CONFIG_TEXT, 'config.json'),
    directory: null,
    now: new Date('2026-11-23T09:00:00Z'),
    batch: false,
  });
}

const onDisk = () => readFile(join(folder, 'history.json'), 'utf8');

describe('the diagnosis history', () => {
  it('keeps every diagnosed message encrypted at rest, listed with time, user, IdP and verdict', async () => {
    const history = store();
    await history.add(await diagnosed());
    const state = await history.state();
    expect(state.entries).toEqual([
      expect.objectContaining({
        id: 'h1',
        time: '2026-11-23T10:00:00.000Z',
        user: 'jane.doe@acme.example',
        idp: 'entra',
        verdict: 'fail',
        verdictCategory: 'untrusted',
        source: 'a.xml',
        redacted: false,
      }),
    ]);
    expect(state.problem).toBeNull();
    const text = await onDisk();
    expect(text).not.toContain('jane.doe');
    expect(text).not.toContain('Seasonal_Retail');
    // A new store (the next start) reads it back and reopens the message as a report.
    const reopened = await store().report('h1');
    expect(reopened?.messages[0]?.subject?.nameId).toBe('jane.doe@acme.example');
    expect(reopened?.summary.verdict).toBe('fail');
    expect(await store().report('nope')).toBeNull();
  });

  it("gives an entry kept before entries carried a verdict category the engine's category of its message", async () => {
    await store().add(await diagnosed());
    const kept = JSON.parse(await onDisk()) as { sealed: string };
    const items = JSON.parse(cipher().decryptString(Buffer.from(kept.sealed, 'base64'))) as {
      entry: Record<string, unknown>;
      message: Record<string, unknown>;
    }[];
    for (const item of items) {
      delete item.entry.verdictCategory;
      delete item.message.verdictCategory;
    }
    const sealed = cipher().encryptString(JSON.stringify(items)).toString('base64');
    await fs.writeFile(join(folder, 'history.json'), JSON.stringify({ ...kept, sealed }));
    const [entry] = (await store().state()).entries;
    expect(entry?.verdictCategory).toBe('untrusted');
  });

  it('reopens a message with the skipped checks and the clock skew of its diagnosis', async () => {
    const report = await diagnosed();
    await store().add({
      ...report,
      clockSkewSeconds: 30,
      skippedChecks: [{ check: 'directory', reason: 'demo unavailable' }],
    });
    const reopened = await store().report('h1');
    expect(reopened?.clockSkewSeconds).toBe(30);
    expect(reopened?.skippedChecks).toEqual([{ check: 'directory', reason: 'demo unavailable' }]);
  });

  it('reads a history kept before skipped checks were objects and the skew was kept', async () => {
    await store().add(await diagnosed());
    const file = join(folder, 'history.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { sealed: string };
    const items = JSON.parse(cipher().decryptString(Buffer.from(stored.sealed, 'base64'))) as {
      skippedChecks: unknown;
      clockSkewSeconds?: number;
    }[];
    for (const item of items) {
      item.skippedChecks = ['license cap: no licenses.total in the configuration'];
      delete item.clockSkewSeconds;
    }
    stored.sealed = cipher().encryptString(JSON.stringify(items)).toString('base64');
    await fs.writeFile(file, JSON.stringify(stored));
    const reopened = await store().report('h1');
    expect(reopened?.skippedChecks).toEqual([
      { check: 'license cap', reason: 'no licenses.total in the configuration' },
    ]);
    expect(reopened?.clockSkewSeconds).toBe(10);
  });

  it("gives a message kept before reports carried the validity window the engine's window", async () => {
    await store().add(await diagnosed());
    const file = join(folder, 'history.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { sealed: string };
    const items = JSON.parse(cipher().decryptString(Buffer.from(stored.sealed, 'base64'))) as {
      message: { validity?: unknown };
    }[];
    const kept = items[0]!.message.validity;
    expect(kept).toMatchObject({ position: 'inside' });
    for (const item of items) delete item.message.validity;
    stored.sealed = cipher().encryptString(JSON.stringify(items)).toString('base64');
    await fs.writeFile(file, JSON.stringify(stored));
    expect((await store().report('h1'))?.messages[0]?.validity).toEqual(kept);
  });

  it('lists a message diagnosed again once, with its latest verdict, and keeps other messages', async () => {
    const history = store();
    await history.add(await diagnosed('a.xml'));
    await history.add(await diagnosed('b.xml'));
    // A configuration change re-runs what is on screen: the same message, diagnosed again.
    await history.add(await diagnosed('a.xml'));
    const { entries } = await history.state();
    expect(entries.map((e) => [e.id, e.source])).toEqual([
      ['h3', 'a.xml'],
      ['h2', 'b.xml'],
    ]);
  });

  it('is bounded in count and age', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T10:00:00Z'));
    const history = store({ clock });
    const report = await diagnosed();
    const many: Report = {
      ...report,
      messages: Array.from({ length: HISTORY_LIMITS.count + 5 }, (_, i) => ({
        ...report.messages[0]!,
        xml: undefined,
        source: `m${i}`,
      })),
    };
    await history.add(many);
    const full = await history.state();
    expect(full.entries).toHaveLength(HISTORY_LIMITS.count);
    expect(full.entries[0]!.source).toBe(`m${HISTORY_LIMITS.count + 4}`);
    await clock.advance((HISTORY_LIMITS.days + 1) * 86_400_000);
    await history.add(await diagnosed('late.xml'));
    expect((await history.state()).entries.map((e) => e.source)).toEqual(['late.xml']);
  });

  it('can be turned off, cleared in one call, and kept redacted', async () => {
    const history = store();
    await history.add(await diagnosed());
    await history.setOptions({ enabled: false });
    await history.add(await diagnosed('b.xml'));
    expect((await history.state()).entries).toHaveLength(1);
    await history.setOptions({ enabled: true, redacted: true });
    const redacted = await history.state();
    expect(redacted.entries[0]).toMatchObject({ redacted: true });
    expect(redacted.entries[0]!.user).not.toContain('jane');
    await history.add(await diagnosed('c.xml'));
    const kept = await history.message((await history.state()).entries[0]!.id);
    expect(JSON.stringify(kept)).not.toContain('jane.doe');
    expect(kept?.xml).toBeUndefined();
    expect((await history.clear()).entries).toEqual([]);
    expect(await store().state()).toMatchObject({ enabled: true, redacted: true, entries: [] });
  });

  it('writes nothing personal without a keychain, and says so', async () => {
    const history = store({ available: false });
    await history.add(await diagnosed());
    const state = await history.state();
    expect(state.entries).toHaveLength(1);
    expect(state.problem).toMatch(/no system keychain/i);
    expect(JSON.parse(await onDisk())).toEqual({ enabled: true, redacted: false, sealed: null });
  });
});
