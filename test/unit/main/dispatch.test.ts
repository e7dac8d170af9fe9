import { describe, expect, it, vi } from 'vitest';
import {
  createBridge,
  INVOKE_METHODS,
  invokeChannel,
  type JitDoctorApi,
} from '../../../shared/ipc';
import { AppError } from '../../../shared/errors';
import { bindIpcMain, createDispatch, type Handlers } from '../../../electron/main/dispatch';

const APP = 'file:///opt/jit-doctor/dist/renderer/index.html';
const trusted = (url: string | null | undefined) => url === APP;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const all = Object.fromEntries(INVOKE_METHODS.map((m) => [m, unused])) as unknown as Handlers;
  return { ...all, ...overrides };
}

describe('handle(): the one IPC wrapper', () => {
  it('runs the handler for the app page and returns its value as a Result', async () => {
    const dispatch = createDispatch(
      handlers({ validateConfig: () => ({ valid: true, config: {} }) }),
      trusted,
    );
    expect(await dispatch('validateConfig', APP, { text: '{}' })).toEqual({
      ok: true,
      value: { valid: true, config: {} },
    });
  });

  it('refuses a request from any other page before looking at it', async () => {
    const run = vi.fn();
    const dispatch = createDispatch(handlers({ getSettings: run }), trusted);
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', null, undefined]) {
      const result = await dispatch('getSettings', url, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses payloads that do not match the contract, naming the key', async () => {
    const run = vi.fn();
    const dispatch = createDispatch(handlers({ searchUsers: run, saveSettings: run }), trusted);
    const cases: [string, unknown, RegExp][] = [
      ['searchUsers', { query: 42 }, /request\.query must be a string/],
      ['searchUsers', { query: 'jane', extra: true }, /request\.extra is not expected/],
      ['searchUsers', null, /request must be an object/],
      ['searchUsers', [], /request must be an object/],
      ['saveSettings', { theme: 'neon' }, /request\.theme must be one of system, light, dark/],
      ['saveSettings', { rateLimitPerMinute: 1.5 }, /whole number/],
      ['unknownChannel', {}, /Unknown request unknownChannel/],
    ];
    for (const [method, payload, message] of cases) {
      const result = await dispatch(method, APP, payload);
      expect(result.ok, method).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad-request');
        expect(result.error.message).toMatch(message);
      }
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('turns thrown errors into values: AppError keeps its code, anything else is internal without a stack', async () => {
    const dispatch = createDispatch(
      handlers({
        cancelRepair: () => {
          throw new AppError('busy', 'A repair is already running.');
        },
        readJournal: () => {
          throw new TypeError('boom');
        },
      }),
      trusted,
    );
    expect(await dispatch('cancelRepair', APP, { jobId: 'x' })).toEqual({
      ok: false,
      error: { code: 'busy', message: 'A repair is already running.' },
    });
    const internal = await dispatch('readJournal', APP, { limit: 5 });
    expect(internal).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected failure: boom' },
    });
  });

  it('registers one ipcMain channel per contract entry and checks the sending frame', async () => {
    const registered = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    const dispatch = createDispatch(
      handlers({
        getSettings: () => ({ rateLimitPerMinute: 300, clockSkewSeconds: 10, theme: 'system' }),
      }),
      trusted,
    );
    bindIpcMain(
      { handle: (channel, listener) => void registered.set(channel, listener as never) },
      dispatch,
    );
    expect([...registered.keys()].sort()).toEqual(INVOKE_METHODS.map(invokeChannel).sort());
    const listener = registered.get(invokeChannel('getSettings'))!;
    expect(await listener({ senderFrame: { url: APP } }, {})).toMatchObject({ ok: true });
    expect(await listener({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
    });
  });
});

describe('the preload bridge', () => {
  it('exposes exactly one named function per channel and per event, and nothing generic', () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const api = createBridge(invoke, () => () => {});
    const names = Object.keys(api).sort();
    expect(names).toEqual(
      [
        ...INVOKE_METHODS,
        'onRepairProgress',
        'onCaptureMessage',
        'onInputOpened',
        'onNotice',
        'onSaveReportRequested',
      ].sort(),
    );
    expect(names).not.toContain('invoke');
    expect(Object.isFrozen(api)).toBe(true);
    void (api as JitDoctorApi).searchUsers({ query: 'jane' });
    expect(invoke).toHaveBeenCalledWith('jit-doctor:searchUsers', { query: 'jane' });
  });

  it('hands listeners only the payload and lets them unsubscribe', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const api = createBridge(
      async () => ({ ok: true, value: null }),
      (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    );
    const seen: unknown[] = [];
    const off = api.onNotice((payload) => seen.push(payload));
    listeners.get('jit-doctor-event:notice')!({ message: 'saved' });
    expect(seen).toEqual([{ message: 'saved' }]);
    off();
    expect(listeners.size).toBe(0);
  });
});
