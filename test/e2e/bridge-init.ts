/**
 * Runs in the page before the app (Playwright init script, bundled by esbuild): builds
 * `window.jitDoctor` with the same `createBridge` the preload uses, over Playwright bindings that
 * reach the real main-process handlers in the test process.
 */
import { createBridge } from '../../shared/ipc';

type Listener = (payload: unknown) => void;

interface TestWindow {
  __jitDoctorInvoke(channel: string, request: unknown): Promise<unknown>;
  __jitDoctorEmit(channel: string, payload: unknown): void;
  jitDoctor: unknown;
}

const page = globalThis as unknown as TestWindow;
const listeners = new Map<string, Set<Listener>>();

page.__jitDoctorEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

page.jitDoctor = createBridge(
  (channel, request) => page.__jitDoctorInvoke(channel, request),
  (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return () => {
      set.delete(listener);
    };
  },
);
