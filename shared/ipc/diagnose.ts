/** Diagnose and Compare: messages in, reports out. */
import type { PairComparison } from '../mapping/pair';
import type { MessageReport, Report } from '../report';
import { MAX_INPUT_CHARS, id, none, text, type RequestShapes, type ShapeOf } from './common';

/** Pasted text or the contents of a dropped or opened file. */
export interface InputTextView {
  /** File name, or `pasted`. */
  name: string;
  text: string;
}

export interface DiagnoseRequest {
  inputs: InputTextView[];
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
  input?: InputTextView;
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

/** A message the demo org's test IdP signs on request ("Try a sample" on first launch). */
export interface DemoSample {
  /** File-like name the report shows as the message's source. */
  name: string;
  /** One line for people: what the sample shows. */
  shows: string;
  /** The SAMLResponse as the IdP posts it (base64). */
  text: string;
}

export interface DiagnoseInvokes {
  /** Runs the engine on pasted or dropped inputs with the active configuration and org directory. */
  diagnose: { request: DiagnoseRequest; reply: AppReport };
  /** Diagnoses each side on its own, then compares the first Response of each. */
  comparePair: { request: CompareRequest; reply: PairResult };
  /** A few fresh messages signed by the demo org's test IdP, each with a line saying what it shows. */
  demoSamples: { request: void; reply: DemoSample[] };
  /** Shows the open-file dialog; null when the person cancels. */
  openInputFile: { request: void; reply: InputTextView | null };
  /** Saves the report with this identity (JSON), redacted or not; the saved path, or null when cancelled. */
  saveReport: { request: { reportId: string; redact: boolean }; reply: string | null };
}

const inputText: ShapeOf<InputTextView> = { name: text(500), text: text(MAX_INPUT_CHARS) };
const compareSide: ShapeOf<CompareSide> = {
  input: { type: 'object', optional: true, fields: inputText },
  historyId: { ...id, optional: true },
};

export const DIAGNOSE_SHAPES: RequestShapes<DiagnoseInvokes> = {
  diagnose: {
    inputs: { type: 'array', max: 500, of: { type: 'object', fields: inputText } },
    batch: { type: 'boolean', optional: true },
    now: { type: 'string', max: 40, optional: true, nullable: true },
  },
  comparePair: {
    a: { type: 'object', fields: compareSide },
    b: { type: 'object', fields: compareSide },
    now: { type: 'string', max: 40, optional: true, nullable: true },
  },
  demoSamples: none,
  openInputFile: none,
  saveReport: { reportId: id, redact: { type: 'boolean' } },
};
