/**
 * The one IPC contract between the main process and the renderer (STYLE.md habit 2), one file per
 * concern (diagnose, history, config, org, repair, capture, app); this file joins them.
 *
 * - `InvokeMap`: every request the renderer can make, keyed by the name of the function the preload
 *   exposes on `window.jitDoctor`; the Electron channel is `jit-doctor:<name>`.
 * - `EventMap`: what the main process pushes (`window.jitDoctor.on<Name>(listener)`).
 * - `REQUEST_SHAPES`: the schema every payload is checked against before a handler runs.
 * - Replies cross as `Result<T>` values: nothing throws across IPC.
 *
 * Contract types whose back-end counterpart has the same name end in `View` (`RepairOutcomeView`,
 * `JournalJobView`, …), so an import says which of the two it means.
 *
 * Pure types and data: imported by the main process, the preload and (types only) the renderer.
 */
import { APP_SHAPES, type AppEvents, type AppInvokes } from './app';
import { CAPTURE_SHAPES, type CaptureEvents, type CaptureInvokes } from './capture';
import type { RequestShapes, Result } from './common';
import { CONFIG_SHAPES, type ConfigInvokes } from './config';
import { DIAGNOSE_SHAPES, type DiagnoseInvokes } from './diagnose';
import { HISTORY_SHAPES, type HistoryInvokes } from './history';
import { ORG_SHAPES, type OrgInvokes } from './org';
import { REPAIR_SHAPES, type RepairEvents, type RepairInvokes } from './repair';

export type * from './app';
export type * from './capture';
export type * from './common';
export type * from './config';
export type * from './diagnose';
export type * from './history';
export type * from './org';
export type * from './repair';

/** Channel → request and reply. Keys are the function names on `window.jitDoctor`. */
export type InvokeMap = DiagnoseInvokes &
  HistoryInvokes &
  ConfigInvokes &
  OrgInvokes &
  AppInvokes &
  RepairInvokes &
  CaptureInvokes;

/** Main → renderer events. `window.jitDoctor.on<Name>(listener)` returns an unsubscribe function. */
export type EventMap = RepairEvents & CaptureEvents & AppEvents;

export type InvokeMethod = keyof InvokeMap;
export type EventName = keyof EventMap;
export type RequestOf<K extends InvokeMethod> = InvokeMap[K]['request'];
export type ReplyOf<K extends InvokeMethod> = InvokeMap[K]['reply'];

type EventListenerName<E extends EventName> = `on${Capitalize<E>}`;

/** What `window.jitDoctor` is: one named function per channel and per event, nothing generic. */
export type JitDoctorApi = {
  [K in InvokeMethod]: [RequestOf<K>] extends [void]
    ? () => Promise<Result<ReplyOf<K>>>
    : (request: RequestOf<K>) => Promise<Result<ReplyOf<K>>>;
} & {
  [E in EventName as EventListenerName<E>]: (
    listener: (payload: EventMap[E]) => void,
  ) => () => void;
};

export const invokeChannel = (method: InvokeMethod): string => `jit-doctor:${method}`;
export const eventChannel = (event: EventName): string => `jit-doctor-event:${event}`;

/** Every channel's payload shape; the compiler refuses a missing channel or a shape off its type. */
export const REQUEST_SHAPES: RequestShapes<InvokeMap> = {
  ...DIAGNOSE_SHAPES,
  ...HISTORY_SHAPES,
  ...CONFIG_SHAPES,
  ...ORG_SHAPES,
  ...APP_SHAPES,
  ...REPAIR_SHAPES,
  ...CAPTURE_SHAPES,
};

export const INVOKE_METHODS = Object.keys(REQUEST_SHAPES) as InvokeMethod[];
/** One key per event of EventMap: the compiler refuses a missing or an extra one. */
const EVENTS: { readonly [E in EventName]: true } = {
  repairProgress: true,
  captureMessage: true,
  inputOpened: true,
  notice: true,
  saveReportRequested: true,
};
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

const listenerName = <E extends EventName>(event: E): EventListenerName<E> =>
  `on${event[0]!.toUpperCase()}${event.slice(1)}` as EventListenerName<E>;

/**
 * Builds `window.jitDoctor` from a transport: the preload passes ipcRenderer, the e2e test passes
 * Playwright bindings, so both expose exactly the same named functions.
 */
export function createBridge(
  invoke: (channel: string, request: unknown) => Promise<unknown>,
  subscribe: (channel: string, listener: (payload: unknown) => void) => () => void,
): JitDoctorApi {
  const api: Record<string, unknown> = {};
  for (const method of INVOKE_METHODS) {
    const channel = invokeChannel(method);
    api[method] = (request: unknown) => invoke(channel, request ?? {});
  }
  for (const event of EVENT_NAMES) {
    const channel = eventChannel(event);
    api[listenerName(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function')
        throw new TypeError(`${listenerName(event)} needs a function`);
      return subscribe(channel, listener);
    };
  }
  return Object.freeze(api) as JitDoctorApi;
}
