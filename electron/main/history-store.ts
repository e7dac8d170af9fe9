/**
 * The diagnosis history: every diagnosed message, kept locally so an admin can reopen a failed
 * login or compare it with one that worked. Assertions are personal data, so the history is
 * encrypted at rest with the OS keychain (the injected safeStorage), bounded in count, size and
 * age, can be turned off, cleared in one click, and kept redacted. Without a keychain it is kept
 * in memory only, and says so.
 */
import { createHash } from 'node:crypto';
import type { HistoryEntry, HistoryOptions, HistoryState } from '../../shared/ipc';
import type { MessageReport, Report, SkippedCheck } from '../../shared/report';
import { buildReport } from '../../shared/report/build';
import { messageCategory } from '../../shared/report/verdict';
import { validityWindow } from '../../shared/report/validity';
import { DEFAULT_CLOCK_SKEW_SECONDS } from '../../shared/saml/checks/time';
import { jsonFile, type JsonFileDeps } from './json-file';
import type { SecretCipher } from './org-profiles';
import type { RedactReport } from './ports';
import { wallDate, type Clock } from '../genesys/clock';

export const HISTORY_LIMITS = {
  /** Messages kept. */
  count: 200,
  /** Bytes of JSON kept, all messages together. */
  bytes: 20 * 1024 * 1024,
  /** Days a message is kept. */
  days: 30,
} as const;

interface Item {
  entry: HistoryEntry;
  message: MessageReport;
  /** What the message's report said beside the message itself. */
  skippedChecks: SkippedCheck[];
  clockSkewSeconds: number;
  /**
   * SHA-256 of the message's source and XML before any redaction: the same message diagnosed again
   * (after a configuration change re-runs what is on screen) replaces its earlier entry instead of
   * listing it twice. Absent on items kept before, and on a message kept without its XML.
   */
  sameMessage?: string;
}

/**
 * An item as an older version kept it: skipped checks as `check: reason` lines, no clock skew (the
 * engine's default then stands, as the timeline used to assume), and no validity window (the
 * engine's rule gives it, at the message's own evaluation time).
 */
function currentItem(item: Item): Item {
  const skips = item.skippedChecks as (SkippedCheck | string)[];
  const skewSeconds = item.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const { message } = item;
  return {
    ...item,
    message:
      message.validity !== undefined
        ? message
        : {
            ...message,
            validity:
              message.type === 'Response'
                ? validityWindow(message, new Date(item.entry.evaluatedAt), skewSeconds * 1000)
                : null,
          },
    skippedChecks: skips.map((s) => {
      if (typeof s !== 'string') return s;
      const colon = s.indexOf(': ');
      return colon < 0
        ? { check: s, reason: 'not checked' }
        : { check: s.slice(0, colon), reason: s.slice(colon + 2) };
    }),
    clockSkewSeconds: skewSeconds,
  };
}

interface StoredHistory {
  enabled: boolean;
  redacted: boolean;
  /** base64 of the cipher's encryption of the items' JSON; null when empty. */
  sealed: string | null;
}

const DEFAULTS: StoredHistory = { enabled: true, redacted: false, sealed: null };

function readStored(value: unknown): StoredHistory {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<StoredHistory>;
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : DEFAULTS.enabled,
    redacted: typeof v.redacted === 'boolean' ? v.redacted : DEFAULTS.redacted,
    sealed: typeof v.sealed === 'string' ? v.sealed : null,
  };
}

export interface HistoryStore {
  state(): Promise<HistoryState>;
  /** Keeps every message of a report (when the history is on). */
  add(report: Report): Promise<void>;
  /** A kept message as a report of its own, to reopen; null when it is gone. */
  report(id: string): Promise<Report | null>;
  message(id: string): Promise<MessageReport | null>;
  clear(): Promise<HistoryState>;
  setOptions(options: Partial<HistoryOptions>): Promise<HistoryState>;
}

const sizeOf = (item: Item) => JSON.stringify(item).length;

/**
 * An item kept before entries carried their verdict category gets it from its message, by the
 * engine's own rule.
 */
const withCategory = (item: Item): Item =>
  item.entry.verdictCategory
    ? item
    : {
        ...item,
        entry: {
          ...item.entry,
          verdictCategory: item.message.verdictCategory ?? messageCategory(item.message),
        },
      };

/** One kept message as a report of its own. */
const asReport = (
  item: Pick<Item, 'message' | 'skippedChecks' | 'clockSkewSeconds'>,
  evaluatedAt: string,
): Report =>
  buildReport({
    evaluatedAt,
    clockSkewSeconds: item.clockSkewSeconds,
    skippedChecks: item.skippedChecks,
    messages: [item.message],
  });

export function createHistoryStore(
  deps: JsonFileDeps & {
    cipher: SecretCipher;
    redact: RedactReport;
    clock: Clock;
    newId: () => string;
    log?: (line: string) => void;
  },
): HistoryStore {
  const file = jsonFile(deps, 'history.json', { parse: readStored, fallback: () => DEFAULTS });
  const encrypted = () => deps.cipher.isEncryptionAvailable();
  let loaded: { options: HistoryOptions; items: Item[] } | null = null;
  let problem: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** One operation at a time, so a diagnosis and a clear never interleave. */
  const inTurn = <R>(run: () => Promise<R>): Promise<R> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async () => {
    if (loaded) return loaded;
    const stored = await file.read();
    let items: Item[] = [];
    if (stored.sealed && encrypted()) {
      try {
        items = (
          JSON.parse(deps.cipher.decryptString(Buffer.from(stored.sealed, 'base64'))) as Item[]
        ).map((item) => withCategory(currentItem(item)));
      } catch {
        problem = 'The saved history could not be decrypted with this keychain; it starts empty.';
        deps.log?.(`history: ${problem}`);
      }
    }
    loaded = { options: { enabled: stored.enabled, redacted: stored.redacted }, items };
    return loaded;
  };

  /** Drops what is too old, then the oldest until the count and size fit. */
  const bound = (items: Item[]): Item[] => {
    const oldest = deps.clock.wallNow() - HISTORY_LIMITS.days * 86_400_000;
    const kept = items.filter((item) => new Date(item.entry.time).getTime() >= oldest);
    let bytes = kept.reduce((sum, item) => sum + item.entry.bytes, 0);
    while (kept.length > HISTORY_LIMITS.count || bytes > HISTORY_LIMITS.bytes) {
      bytes -= kept.shift()!.entry.bytes;
    }
    return kept;
  };

  const persist = async () => {
    const { options, items } = loaded!;
    // Without a keychain nothing personal touches the disk: the options only.
    const sealed =
      items.length > 0 && encrypted()
        ? deps.cipher.encryptString(JSON.stringify(items)).toString('base64')
        : null;
    await file.write({ ...options, sealed });
  };

  const state = async (): Promise<HistoryState> => {
    const { options, items } = await load();
    return {
      ...options,
      entries: items.map((item) => item.entry).reverse(),
      limits: HISTORY_LIMITS,
      problem:
        problem ??
        (encrypted()
          ? null
          : 'No system keychain is available to encrypt the history: it is kept only until the app closes.'),
    };
  };

  const itemFor = (message: MessageReport, report: Report, redacted: boolean): Item | null => {
    const context = {
      skippedChecks: report.skippedChecks,
      clockSkewSeconds: report.clockSkewSeconds,
    };
    const one = asReport({ message, ...context }, report.evaluatedAt);
    const kept = redacted ? deps.redact(one) : one;
    let stored = kept.messages[0]!;
    const entry: HistoryEntry = {
      id: deps.newId(),
      time: wallDate(deps.clock).toISOString(),
      evaluatedAt: report.evaluatedAt,
      source: stored.source,
      type: stored.type,
      user: stored.subject?.nameId ?? null,
      issuer: stored.issuer,
      idp: stored.idp ?? null,
      verdict: stored.verdict,
      verdictCategory: stored.verdictCategory,
      redacted,
      bytes: 0,
    };
    const sameMessage =
      message.xml === undefined
        ? undefined
        : createHash('sha256').update(`${message.source}\0${message.xml}`).digest('hex');
    let item: Item = { entry, message: stored, ...context, sameMessage };
    // A huge message is kept without its XML rather than pushing everything else out.
    if (sizeOf(item) > HISTORY_LIMITS.bytes / 4 && stored.xml !== undefined) {
      const { xml: _xml, ...rest } = stored;
      stored = rest;
      item = { ...item, message: stored };
    }
    const bytes = sizeOf(item);
    if (bytes > HISTORY_LIMITS.bytes / 4) {
      deps.log?.(`history: ${stored.source} is too large to keep (${bytes} bytes)`);
      return null;
    }
    return { ...item, entry: { ...entry, bytes } };
  };

  return {
    state: () => inTurn(state),
    add: (report) =>
      inTurn(async () => {
        const history = await load();
        if (!history.options.enabled || report.messages.length === 0) return;
        const added = report.messages
          .map((m) => itemFor(m, report, history.options.redacted))
          .filter((item): item is Item => item !== null);
        if (added.length === 0) return;
        const again = new Set(added.map((item) => item.sameMessage).filter(Boolean));
        const earlier = history.items.filter(
          (item) => item.sameMessage === undefined || !again.has(item.sameMessage),
        );
        history.items = bound([...earlier, ...added]);
        await persist();
      }),
    report: (id) =>
      inTurn(async () => {
        const item = (await load()).items.find((i) => i.entry.id === id);
        return item ? asReport(item, item.entry.evaluatedAt) : null;
      }),
    message: (id) =>
      inTurn(async () => (await load()).items.find((i) => i.entry.id === id)?.message ?? null),
    clear: () =>
      inTurn(async () => {
        const history = await load();
        history.items = [];
        problem = null;
        await persist();
        return state();
      }),
    setOptions: (change) =>
      inTurn(async () => {
        const history = await load();
        const redactNow = change.redacted === true && !history.options.redacted;
        history.options = { ...history.options, ...change };
        // Kept redacted means what is already kept too.
        if (redactNow) {
          history.items = history.items.map((item) => {
            if (item.entry.redacted) return item;
            const one = asReport(item, item.entry.evaluatedAt);
            const message = deps.redact(one).messages[0]!;
            return {
              ...item,
              message,
              entry: {
                ...item.entry,
                user: message.subject?.nameId ?? null,
                source: message.source,
                redacted: true,
              },
            };
          });
        }
        await persist();
        return state();
      }),
  };
}
