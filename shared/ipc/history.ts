/** The diagnosis history: what the app keeps of diagnosed messages, and its options. */
import type { IdpKind, MessageType, Verdict } from '../report';
import type { VerdictCategory } from '../report/verdict';
import { id, none, type RequestShapes } from './common';
import type { AppReport } from './diagnose';

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
  /** What happened to it, the engine's category (shared/report/verdict), shown as the verdict. */
  verdictCategory: VerdictCategory;
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

export interface HistoryInvokes {
  /** The diagnosis history and its options. */
  listHistory: { request: void; reply: HistoryState };
  /** A message from the history as a report of its own, to show on Diagnose. */
  openHistory: { request: { id: string }; reply: AppReport };
  /** Forgets every kept message. */
  clearHistory: { request: void; reply: HistoryState };
  setHistoryOptions: { request: Partial<HistoryOptions>; reply: HistoryState };
}

export const HISTORY_SHAPES: RequestShapes<HistoryInvokes> = {
  listHistory: none,
  openHistory: { id },
  clearHistory: none,
  setHistoryOptions: {
    enabled: { type: 'boolean', optional: true },
    redacted: { type: 'boolean', optional: true },
  },
};
