/**
 * The one `handle()` wrapper (STYLE.md habit 4): checks the sender, validates the payload against
 * shared/ipc/, runs the service and returns a `Result`. Nothing throws across IPC.
 * Electron-free, so the e2e test drives the same path through Playwright bindings.
 */
import type { IpcMain } from 'electron';
import {
  INVOKE_METHODS,
  REQUEST_SHAPES,
  invokeChannel,
  type InvokeMethod,
  type ReplyOf,
  type RequestOf,
  type Result,
} from '../../shared/ipc';
import { toIpcError } from './app-error';
import { checkPayload } from './ipc-payload';

/** One implementation per channel; the compiler refuses a missing one. */
export type Handlers = {
  [K in InvokeMethod]: (request: RequestOf<K>) => Promise<ReplyOf<K>> | ReplyOf<K>;
};

export type Dispatch = (
  method: string,
  senderUrl: string | null | undefined,
  payload: unknown,
) => Promise<Result<unknown>>;

export function createDispatch(
  handlers: Handlers,
  isTrustedSender: (url: string | null | undefined) => boolean,
  log: (line: string) => void = () => {},
): Dispatch {
  return async (method, senderUrl, payload) => {
    if (!isTrustedSender(senderUrl)) {
      log(`ipc: refused ${method} from ${String(senderUrl)}`);
      return fail('untrusted-sender', 'This request did not come from the JIT Doctor window.');
    }
    if (!(INVOKE_METHODS as string[]).includes(method)) {
      return fail('bad-request', `Unknown request ${method}.`);
    }
    const name = method as InvokeMethod;
    const problem = checkPayload(payload, REQUEST_SHAPES[name]);
    if (problem) return fail('bad-request', `Invalid ${name} request: ${problem}.`);
    try {
      const run = handlers[name] as (request: unknown) => unknown;
      return { ok: true, value: await run(payload) };
    } catch (error) {
      const ipcError = toIpcError(error);
      if (ipcError.code === 'internal') log(`ipc: ${name} failed: ${ipcError.message}`);
      return { ok: false, error: ipcError };
    }
  };
}

function fail(code: 'untrusted-sender' | 'bad-request', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Registers every channel on ipcMain; the sender is the frame that sent it, not the window. */
export function bindIpcMain(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const method of INVOKE_METHODS) {
    ipcMain.handle(invokeChannel(method), (event, payload: unknown) =>
      dispatch(method, event.senderFrame?.url, payload),
    );
  }
}
