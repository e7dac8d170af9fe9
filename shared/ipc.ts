/**
 * The one IPC contract between the main process and the renderer (STYLE.md habit 2).
 *
 * - `InvokeMap`: every request the renderer can make, keyed by the name of the function the preload
 *   exposes on `window.jitDoctor`; the Electron channel is `jit-doctor:<name>`.
 * - `EventMap`: what the main process pushes (`window.jitDoctor.on<Name>(listener)`).
 * - `REQUEST_SHAPES`: the schema every payload is checked against before a handler runs.
 * - Replies cross as `Result<T>` values: nothing throws across IPC.
 *
 * Pure types and data: imported by the main process, the preload and (types only) the renderer.
 */
import type { JitDoctorConfig, SsoConfig } from './config/types';
import type { DirectoryUser } from './directory/types';
import type { PairComparison } from './mapping/pair';
import type { RepairPlan } from './provisioning/types';
import type { IdpKind, MessageReport, MessageType, Report, Verdict } from './report';

export type IpcErrorCode =
  | 'untrusted-sender'
  | 'bad-request'
  | 'not-found'
  | 'config-invalid'
  | 'org-unavailable'
  | 'unavailable'
  | 'busy'
  | 'io'
  | 'internal';

export interface IpcError {
  code: IpcErrorCode;
  /** One sentence for people. */
  message: string;
  /** The key path the error is about (configuration validation). */
  path?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Pasted text or the contents of a dropped or opened file. */
export interface InputText {
  /** File name, or `pasted`. */
  name: string;
  text: string;
}

export interface DiagnoseRequest {
  inputs: InputText[];
  /** Check the messages against each other too (UNIQUE_BATCH_DUPLICATE). */
  batch?: boolean;
  /** ISO-8601 evaluation time ("as of" a capture); default now. */
  now?: string | null;
}

/**
 * A report the main process made, with the identity "Save report" and "Export redacted report"
 * act on: the renderer names the report on screen, the main process saves what it made.
 */
export type AppReport = Report & { reportId: string };

/** One side of a two-message comparison: pasted text, or a message kept in the history. */
export interface CompareSide {
  input?: InputText;
  historyId?: string;
}

export interface CompareRequest {
  a: CompareSide;
  b: CompareSide;
  /** ISO-8601 evaluation time; default now. */
  now?: string | null;
}

/** Two messages compared by the engine, as `jit-doctor compare A B` compares them. */
export interface PairResult {
  /** What "Save report" names to save this comparison. */
  reportId: string;
  evaluatedAt: string;
  a: MessageReport;
  b: MessageReport;
  comparison: PairComparison;
}

/** A diagnosed message kept in the history, as the list shows it. */
export interface HistoryEntry {
  id: string;
  /** ISO-8601 time it was diagnosed. */
  time: string;
  /** The time the engine evaluated it at ("As of"). */
  evaluatedAt: string;
  source: string;
  type: MessageType;
  /** The NameID (a placeholder when kept redacted). */
  user: string | null;
  issuer: string | null;
  idp: IdpKind | null;
  verdict: Verdict;
  redacted: boolean;
  /** Bytes it takes in the history. */
  bytes: number;
}

export interface HistoryOptions {
  /** Keep every diagnosed message. */
  enabled: boolean;
  /** Keep them redacted (placeholders for personal data, no XML). */
  redacted: boolean;
}

export interface HistoryState extends HistoryOptions {
  /** Newest first. */
  entries: HistoryEntry[];
  limits: { count: number; bytes: number; days: number };
  /** Why the history is not kept as it should be (no keychain), in one sentence. */
  problem: string | null;
}

/** A message the demo org's test IdP signs on request ("Try a sample" on first launch). */
export interface DemoSample {
  /** File-like name the report shows as the message's source. */
  name: string;
  /** One line for people: what the sample shows. */
  shows: string;
  /** The SAMLResponse as the IdP posts it (base64). */
  text: string;
}

export interface ConfigState {
  config: JitDoctorConfig;
  /** The JSON text as the person wrote it. */
  text: string;
  /** Where it came from: a file name, a preset, or `edited`. */
  source: string;
}

export type ConfigValidation =
  { valid: true; config: JitDoctorConfig } | { valid: false; message: string; path: string };

export interface ConfigPreset {
  id: string;
  name: string;
  config: JitDoctorConfig;
}

/** An SSO provider configured in the connected org, ready to merge into the configuration. */
export interface OrgSsoProvider {
  name: string;
  disabled: boolean;
  sso: SsoConfig;
}

/** An org profile as the renderer sees it: the client secret never leaves the main process. */
export interface OrgProfileView {
  id: string;
  name: string;
  /** Genesys Cloud domain, e.g. mypurecloud.ie. */
  region: string;
  clientId: string;
  hasSecret: boolean;
}

export interface OrgProfileInput {
  /** Absent to create a profile. */
  id?: string;
  name: string;
  region: string;
  clientId: string;
  /** Absent or empty to keep the stored secret. */
  secret?: string;
}

export interface OrgStatus {
  kind: 'demo' | 'org';
  /** Org or profile name. */
  name: string;
  region: string;
  /** The profile in use; null for the demo org. */
  profileId: string | null;
  /** Why the org is not usable, when it is not. */
  problem: string | null;
  /** The demo org's stuck agents (6, or 2,000 for the stampede demo); null for a live org. */
  demoStuckAgents: number | null;
}

export type ThemePreference = 'system' | 'light' | 'dark';

export interface AppSettings {
  /** Genesys Cloud API requests per minute the limiter allows (300 by default). */
  rateLimitPerMinute: number;
  /** Clock-skew tolerance used when the configuration sets none. */
  clockSkewSeconds: number;
  theme: ThemePreference;
}

/** A user with the repair plan the rules give it. */
export interface RepairCandidate {
  user: Pick<DirectoryUser, 'id' | 'name' | 'email'> & Partial<DirectoryUser>;
  plan: RepairPlan;
  /** One line ("3 steps", "nothing to do", "blocked"). */
  summary: string;
  /** Each step in words, in order. */
  steps: string[];
  /** "rule 2: department Sales"; null when no rule matches. */
  rule: string | null;
  /** ISO time the org created the user, when known (the stuck-agent finder knows it). */
  createdAt: string | null;
}

/**
 * How a user's repair ended: repaired (verified), already right (nothing was needed), failed
 * (with the reason), or not started (the job was cancelled or stopped before reaching the user).
 */
export type RepairOutcome = 'repaired' | 'already-right' | 'failed' | 'not-started';

export interface RepairResult {
  userId: string;
  name: string;
  outcome: RepairOutcome;
  /** What happened, in words (the reason when failed). */
  message: string;
}

export type RepairJobState = 'running' | 'cancelling' | 'finished' | 'cancelled';

/**
 * A repair job as the main process runs it. Events carry only the results new since the previous
 * event (`resultsFrom` is the index of the first one); `getRepairJob` returns them all.
 */
export interface RepairJobView {
  jobId: string;
  org: { kind: 'demo' | 'org'; name: string; region: string };
  state: RepairJobState;
  startedAt: string;
  endedAt: string | null;
  /** Users in the job. */
  users: number;
  /** Plan steps done (finished or failed) and planned. */
  steps: { done: number; total: number };
  /** Seconds left at the org's rate budget; null until known. */
  etaSeconds: number | null;
  counts: Record<RepairOutcome, number>;
  /** Why the job could not run at all (the org went away); null otherwise. */
  problem: string | null;
  resultsFrom: number;
  results: RepairResult[];
}

/** What the confirmation names before anything is written. */
export interface RepairPreview {
  org: { kind: 'demo' | 'org'; name: string; region: string };
  users: number;
  /** Plan steps that write to the org. */
  writes: number;
  /** Users whose plan is partly blocked by a configuration gap. */
  blocked: number;
  /** Estimated seconds at the current rate limit. */
  seconds: number;
  rateLimitPerMinute: number;
}

export type PlanFormat = 'json' | 'csv';

/** One step of a journaled job, in words. */
export interface JournalStep {
  time: string;
  userId: string;
  /** The user's name when the journal knows it. */
  name: string | null;
  /** What the step does ("add skill Sales (3)"). */
  what: string;
  before: string | null;
  after: string | null;
  outcome: 'done' | 'failed' | 'in flight';
  /** Why it failed. */
  error: string | null;
}

/** One repair job as the journal recorded it. */
export interface JournalJob {
  run: string;
  org: string;
  region: string | null;
  startedAt: string;
  endedAt: string | null;
  users: number;
  /** Users of the job it did not verify (never reached, failed, or cut off): what a resume re-checks. */
  unverified: number;
  steps: JournalStep[];
}

/** A SAML message seen by the capture window. */
export interface CapturedMessage {
  /** ISO-8601 time the browser sent it. */
  time: string;
  parameter: 'SAMLRequest' | 'SAMLResponse';
  binding: 'post' | 'redirect';
  /** The URL it was sent to (query stripped). */
  url: string;
  /** The raw parameter value as sent (base64, or deflated base64 for the Redirect binding). */
  value: string;
  relayState: string | null;
  /** True when "diagnose only" cancelled it before it reached Genesys Cloud. */
  blocked: boolean;
}

export interface CaptureRequest {
  /** https URL: the org's login page or an IdP-initiated sign-in URL. */
  url: string;
  /** Cancel the POST to Genesys Cloud's ACS so the capture never creates a user through JIT. */
  diagnoseOnly: boolean;
}

/** Channel → request and reply. Keys are the function names on `window.jitDoctor`. */
export interface InvokeMap {
  /** Runs the engine on pasted or dropped inputs with the active configuration and org directory. */
  diagnose: { request: DiagnoseRequest; reply: AppReport };
  /** Diagnoses each side on its own, then compares the first Response of each. */
  comparePair: { request: CompareRequest; reply: PairResult };
  /** The diagnosis history and its options. */
  listHistory: { request: void; reply: HistoryState };
  /** A message from the history as a report of its own, to show on Diagnose. */
  openHistory: { request: { id: string }; reply: AppReport };
  /** Forgets every kept message. */
  clearHistory: { request: void; reply: HistoryState };
  setHistoryOptions: { request: Partial<HistoryOptions>; reply: HistoryState };
  /** A few fresh messages signed by the demo org's test IdP, each with a line saying what it shows. */
  demoSamples: { request: void; reply: DemoSample[] };
  /** Shows the open-file dialog; null when the person cancels. */
  openInputFile: { request: void; reply: InputText | null };
  /** Saves the report with this identity (JSON), redacted or not; the saved path, or null when cancelled. */
  saveReport: { request: { reportId: string; redact: boolean }; reply: string | null };
  /** The active configuration, or null when none is set yet. */
  getConfig: { request: void; reply: ConfigState | null };
  /** Validates configuration JSON text without applying it. */
  validateConfig: { request: { text: string }; reply: ConfigValidation };
  /** Validates and makes the text the active configuration (kept in the app data folder). */
  applyConfig: { request: { text: string; source: string }; reply: ConfigState };
  /**
   * Shows the open-file dialog for a configuration; its text and file name to review and save
   * (nothing is applied), or null when cancelled.
   */
  openConfigFile: { request: void; reply: { text: string; source: string } | null };
  /** Writes configuration text where the person chooses; the path, or null when cancelled. */
  exportConfig: { request: { text: string }; reply: string | null };
  /** The demo org's own configuration, to restore (not applied). */
  demoConfig: { request: void; reply: ConfigState };
  /** The IdP presets shipped in resources/presets. */
  listPresets: { request: void; reply: ConfigPreset[] };
  /** Reads IdP metadata XML (EntityDescriptor): issuer and signing certificates. */
  importIdpMetadata: { request: { xml: string }; reply: SsoConfig };
  /** The SSO providers configured in the connected org (or the demo org). */
  importOrgProviders: { request: void; reply: OrgSsoProvider[] };
  listOrgProfiles: { request: void; reply: OrgProfileView[] };
  /** Creates or updates a profile; the secret is encrypted with the OS keychain and never returned. */
  saveOrgProfile: { request: OrgProfileInput; reply: OrgProfileView };
  deleteOrgProfile: { request: { id: string }; reply: OrgProfileView[] };
  /**
   * Uses a profile's org, or the demo org when `profileId` is null (with `demoStuckAgents` stuck
   * agents: 6 by default, 2,000 for the stampede demo). Refused while a repair job runs.
   */
  connectOrg: {
    request: { profileId: string | null; demoStuckAgents?: number };
    reply: OrgStatus;
  };
  getOrgStatus: { request: void; reply: OrgStatus };
  getSettings: { request: void; reply: AppSettings };
  saveSettings: { request: Partial<AppSettings>; reply: AppSettings };
  /** Users whose name, email or id contains the query, each with its plan. */
  searchUsers: { request: { query: string }; reply: RepairCandidate[] };
  /** Users created in the last `sinceHours` whose plan is not empty. */
  findStuckAgents: { request: { sinceHours: number }; reply: RepairCandidate[] };
  /** What repairing these users (of those last listed) writes, where, and how long it takes. */
  previewRepair: { request: { userIds: string[] }; reply: RepairPreview };
  /** Saves the reviewed plan of these users (of those last listed) as JSON or CSV; the path, or null. */
  exportRepairPlan: { request: { userIds: string[]; format: PlanFormat }; reply: string | null };
  /**
   * Starts repairing these users with exactly the steps reviewed when they were listed, re-checked
   * against the org before each write; progress arrives as events. Refused while a job runs.
   */
  startRepair: { request: { userIds: string[] }; reply: RepairJobView };
  /** Asks the job to stop before its next write; the job says "cancelling" at once. */
  cancelRepair: { request: { jobId: string }; reply: RepairJobView | null };
  /** The running job, or the last one since the app started; null when none. */
  getRepairJob: { request: void; reply: RepairJobView | null };
  /** The journal's jobs (every org's, newest first), read from disk: no org connection needed. */
  readJournal: { request: { limit: number }; reply: JournalJob[] };
  /**
   * Re-plans, against the org now, the users a journaled job did not verify, and lists those with
   * something left to do for review (as findStuckAgents does).
   */
  resumeJob: { request: { run: string }; reply: RepairCandidate[] };
  /** Saves the journal's jobs as JSON or CSV; the path, or null when cancelled. */
  exportJournal: { request: { format: PlanFormat }; reply: string | null };
  /** Opens the capture window (its own session, no preload). */
  openCapture: { request: CaptureRequest; reply: { opened: true } };
  listCaptures: { request: void; reply: CapturedMessage[] };
  clearCaptures: { request: void; reply: CapturedMessage[] };
}

/** Main → renderer events. `window.jitDoctor.on<Name>(listener)` returns an unsubscribe function. */
export interface EventMap {
  repairProgress: RepairJobView;
  captureMessage: CapturedMessage;
  /** A file chosen with the File → Open menu. */
  inputOpened: InputText;
  /** A one-line notice for the status bar ("Report saved to …"). */
  notice: { message: string };
  /** File → Save report / Export redacted report: the renderer saves the report on screen. */
  saveReportRequested: { redact: boolean };
}

export type InvokeMethod = keyof InvokeMap;
export type EventName = keyof EventMap;
export type RequestOf<K extends InvokeMethod> = InvokeMap[K]['request'];
export type ReplyOf<K extends InvokeMethod> = InvokeMap[K]['reply'];

export type EventListenerName<E extends EventName> = `on${Capitalize<E>}`;

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

// ---------------------------------------------------------------------------------------------
// Payload schema: checked by the main process before any handler runs (handlers accept `unknown`).

export type FieldShape =
  | StringShape
  | NumberShape
  | BooleanShape
  | EnumShape
  | { type: 'array'; of: FieldShape; max: number; optional?: true }
  | { type: 'object'; fields: ObjectShape; optional?: true };

interface StringShape {
  type: 'string';
  max: number;
  optional?: true;
  nullable?: true;
}
interface NumberShape {
  type: 'number';
  min: number;
  max: number;
  integer?: true;
  optional?: true;
}
interface BooleanShape {
  type: 'boolean';
  optional?: true;
}
interface EnumShape {
  type: 'enum';
  values: readonly string[];
  optional?: true;
}

/** Every request is one object; keys not listed are refused. */
export type ObjectShape = Readonly<Record<string, FieldShape>>;

/**
 * The shape a request type must have, worked out by the compiler from the type itself: a field
 * added to a request type without its shape (or a shape for a field the type does not have, or of
 * another type, or optional on one side only) does not compile.
 */
type Optionality<V> = undefined extends V ? { optional: true } : { optional?: never };
type ShapeOfValue<V> = [V] extends [string | null]
  ? string extends V
    ? StringShape & (null extends V ? { nullable: true } : { nullable?: never })
    : EnumShape
  : [V] extends [number]
    ? NumberShape
    : [V] extends [boolean]
      ? BooleanShape
      : [V] extends [readonly (infer Item)[]]
        ? { type: 'array'; of: ShapeOfValue<Item>; max: number }
        : [V] extends [object]
          ? { type: 'object'; fields: ShapeOf<V> }
          : never;
type ShapeOfField<V> = ShapeOfValue<Exclude<V, undefined>> & Optionality<V>;
export type ShapeOf<T> = { readonly [K in keyof T]-?: ShapeOfField<T[K]> };
/** A call that takes no argument receives `{}` and refuses any key. */
type RequestShape<T> = [T] extends [void] ? Readonly<Record<string, never>> : ShapeOf<T>;

/** A HAR of a morning's logins can be large; the engine still refuses any message over its limit. */
const MAX_INPUT_CHARS = 64 * 1024 * 1024;
const text = (max: number) => ({ type: 'string', max }) as const;
const id = text(200);
const none = {} as const;
const compareSide: ShapeOf<CompareSide> = {
  input: {
    type: 'object',
    optional: true,
    fields: { name: text(500), text: text(MAX_INPUT_CHARS) },
  },
  historyId: { ...id, optional: true },
};

export const REQUEST_SHAPES: { readonly [K in InvokeMethod]: RequestShape<RequestOf<K>> } = {
  diagnose: {
    inputs: {
      type: 'array',
      max: 500,
      of: { type: 'object', fields: { name: text(500), text: text(MAX_INPUT_CHARS) } },
    },
    batch: { type: 'boolean', optional: true },
    now: { type: 'string', max: 40, optional: true, nullable: true },
  },
  comparePair: {
    a: { type: 'object', fields: compareSide },
    b: { type: 'object', fields: compareSide },
    now: { type: 'string', max: 40, optional: true, nullable: true },
  },
  listHistory: none,
  openHistory: { id },
  clearHistory: none,
  setHistoryOptions: {
    enabled: { type: 'boolean', optional: true },
    redacted: { type: 'boolean', optional: true },
  },
  demoSamples: none,
  openInputFile: none,
  saveReport: { reportId: id, redact: { type: 'boolean' } },
  getConfig: none,
  validateConfig: { text: text(5_000_000) },
  applyConfig: { text: text(5_000_000), source: text(500) },
  openConfigFile: none,
  exportConfig: { text: text(5_000_000) },
  demoConfig: none,
  listPresets: none,
  importIdpMetadata: { xml: text(5_000_000) },
  importOrgProviders: none,
  listOrgProfiles: none,
  saveOrgProfile: {
    id: { ...id, optional: true },
    name: text(200),
    region: text(100),
    clientId: text(200),
    secret: { type: 'string', max: 500, optional: true },
  },
  deleteOrgProfile: { id },
  connectOrg: {
    profileId: { ...id, nullable: true },
    demoStuckAgents: { type: 'number', min: 6, max: 5000, integer: true, optional: true },
  },
  getOrgStatus: none,
  getSettings: none,
  saveSettings: {
    rateLimitPerMinute: { type: 'number', min: 1, max: 100_000, integer: true, optional: true },
    clockSkewSeconds: { type: 'number', min: 0, max: 600, integer: true, optional: true },
    theme: { type: 'enum', values: ['system', 'light', 'dark'], optional: true },
  },
  searchUsers: { query: text(200) },
  findStuckAgents: { sinceHours: { type: 'number', min: 0, max: 24 * 30 } },
  previewRepair: { userIds: { type: 'array', of: id, max: 50_000 } },
  exportRepairPlan: {
    userIds: { type: 'array', of: id, max: 50_000 },
    format: { type: 'enum', values: ['json', 'csv'] },
  },
  startRepair: { userIds: { type: 'array', of: id, max: 50_000 } },
  cancelRepair: { jobId: id },
  getRepairJob: none,
  readJournal: { limit: { type: 'number', min: 1, max: 10_000, integer: true } },
  resumeJob: { run: id },
  exportJournal: { format: { type: 'enum', values: ['json', 'csv'] } },
  openCapture: { url: text(4000), diagnoseOnly: { type: 'boolean' } },
  listCaptures: none,
  clearCaptures: none,
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

export const listenerName = <E extends EventName>(event: E): EventListenerName<E> =>
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
