/**
 * Diagnose and compare requests from the renderer: inputs → engine with the active configuration
 * and the connected org's directory. Every report gets an identity and the recent ones are kept,
 * so "Save report" writes the report on screen as the main process produced it, never a report
 * handed over by the renderer.
 */
import type {
  AppReport,
  CompareRequest,
  CompareSide,
  DiagnoseRequest,
  InputTextView,
  PairResult,
} from '../../shared/ipc';
import { comparePair, pairJson } from '../../shared/mapping/pair';
import type { MessageReport, Report, SkippedCheck } from '../../shared/report';
import { buildReport } from '../../shared/report/build';
import { clockSkewMs } from '../../shared/saml/checks/time';
import type { RawInput } from '../../shared/saml/types';
import { parseTimeInput } from '../../shared/time-input';
import { AppError } from '../../shared/errors';
import { effectiveConfig, type ConfigStore } from './config-store';
import type { SettingsStore } from './settings-store';
import type { DiagnoseEngine, OrgConnection, RedactReport } from './ports';
import { wallDate, type Clock } from '../genesys/clock';

export interface DiagnoseService {
  run(request: DiagnoseRequest): Promise<AppReport>;
  compare(request: CompareRequest): Promise<PairResult>;
  /**
   * The report with this identity as it is saved (a report, or a two-message comparison), redacted
   * or not, with a file name; null when it is no longer kept.
   */
  saved(reportId: string, redact: boolean): { fileName: string; value: unknown } | null;
  /** Gives a report made elsewhere (a message reopened from the history) an identity. */
  adopt(report: Report): AppReport;
}

/** Reports kept for "Save report": the ones a person can still have on screen. */
export const KEPT_REPORTS = 16;

type Kept =
  | { kind: 'report'; report: Report }
  | { kind: 'pair'; evaluatedAt: string; a: MessageReport; b: MessageReport; report: Report };

function firstResponse(report: Report, side: string): MessageReport {
  const response = report.messages.find((m) => m.type === 'Response');
  if (response) return response;
  const why =
    report.findings[0]?.message ??
    report.messages[0]?.findings[0]?.message ??
    (report.messages[0] ? `it is a ${report.messages[0].type}` : null);
  throw new AppError(
    'bad-request',
    `Message ${side} holds no SAML Response to compare${why ? `: ${why}` : '.'}`,
  );
}

const stampOf = (evaluatedAt: string) => evaluatedAt.replace(/[:]/g, '-').replace(/\..*$/, '');

const encoder = new TextEncoder();

function toRawInput(input: InputTextView): RawInput {
  return { name: input.name || 'pasted', bytes: encoder.encode(input.text) };
}

export function parseEvaluationTime(now: string | null | undefined, clock: Clock): Date {
  if (now === null || now === undefined || now === '') return wallDate(clock);
  const parsed = parseTimeInput(now);
  if (!parsed.ok) throw new AppError('bad-request', `${parsed.message}.`, 'now');
  return parsed.value;
}

export function createDiagnoseService(deps: {
  engine: DiagnoseEngine;
  redact: RedactReport;
  config: ConfigStore;
  settings: SettingsStore;
  /** The connected org, or null when none is usable. */
  org: () => Promise<OrgConnection | null>;
  clock: Clock;
  newId: () => string;
  /** A message kept in the history, for a comparison with it. */
  historyMessage?: (id: string) => Promise<MessageReport | null>;
  /** Every diagnosis, for the history. */
  onDiagnosed?: (report: Report) => Promise<void>;
  log?: (line: string) => void;
}): DiagnoseService {
  const kept = new Map<string, Kept>();
  const keep = (item: Kept): string => {
    const id = deps.newId();
    kept.set(id, item);
    while (kept.size > KEPT_REPORTS) kept.delete(kept.keys().next().value!);
    return id;
  };

  /** The configuration the engine gets: the active one, with the app's clock skew when it sets none. */
  const engineConfig = async () => {
    const [state, settings] = await Promise.all([deps.config.current(), deps.settings.get()]);
    return effectiveConfig(state, settings.clockSkewSeconds);
  };

  const engineRun = async (inputs: InputTextView[], now: Date, batch: boolean): Promise<Report> => {
    const [config, org] = await Promise.all([engineConfig(), deps.org()]);
    let directory = null;
    const notChecked: SkippedCheck[] = [];
    if (org) {
      try {
        directory = await org.directory();
      } catch (error) {
        const reason = `${org.name} unavailable (${(error as Error).message})`;
        notChecked.push({ check: 'directory', reason });
        deps.log?.(`directory: ${reason}`);
      }
    }
    return deps.engine(inputs.map(toRawInput), { config, directory, now, batch, notChecked });
  };

  /** Keeps the report in the history after the reply is on its way: the person waits for neither. */
  const remember = async (report: Report): Promise<void> => {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      await deps.onDiagnosed?.(report);
    } catch (error) {
      deps.log?.(`history: ${(error as Error).message}`);
    }
  };

  const side = async (request: CompareSide, name: 'A' | 'B', now: Date): Promise<MessageReport> => {
    if (request.input && request.historyId === undefined) {
      const report = await engineRun([request.input], now, false);
      void remember(report);
      return firstResponse(report, name);
    }
    if (request.historyId !== undefined && !request.input) {
      const message = await deps.historyMessage?.(request.historyId);
      if (!message) throw new AppError('not-found', `Message ${name} is no longer in the history.`);
      return message;
    }
    throw new AppError(
      'bad-request',
      `Message ${name} needs either a pasted message or one from the history.`,
    );
  };

  return {
    async run(request) {
      const now = parseEvaluationTime(request.now, deps.clock);
      const report = await engineRun(request.inputs, now, request.batch ?? false);
      void remember(report);
      return { ...report, reportId: keep({ kind: 'report', report }) };
    },
    async compare(request) {
      const now = parseEvaluationTime(request.now, deps.clock);
      const a = await side(request.a, 'A', now);
      const b = await side(request.b, 'B', now);
      const evaluatedAt = now.toISOString();
      // Kept to be redacted as one report, so both sides share their placeholders.
      const report = buildReport({
        evaluatedAt,
        clockSkewSeconds: clockSkewMs(await engineConfig()) / 1000,
        skippedChecks: [],
        messages: [a, b],
      });
      const reportId = keep({ kind: 'pair', evaluatedAt, a, b, report });
      return { reportId, evaluatedAt, a, b, comparison: comparePair(a, b) };
    },
    adopt(report) {
      return { ...report, reportId: keep({ kind: 'report', report }) };
    },
    saved(reportId, redact) {
      const item = kept.get(reportId);
      if (!item) return null;
      const suffix = redact ? '-redacted' : '';
      if (item.kind === 'report') {
        const report = redact ? deps.redact(item.report) : item.report;
        return {
          fileName: `jit-doctor-report-${stampOf(report.evaluatedAt)}${suffix}.json`,
          value: report,
        };
      }
      // Redacted together, so a value both messages carry gets the same placeholder in both.
      const [a, b] = redact ? deps.redact(item.report).messages : [item.a, item.b];
      return {
        fileName: `jit-doctor-compare-${stampOf(item.evaluatedAt)}${suffix}.json`,
        value: pairJson({ a: a!, b: b!, comparison: comparePair(a!, b!) }),
      };
    },
  };
}
