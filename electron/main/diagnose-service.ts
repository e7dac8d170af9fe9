/**
 * Diagnose requests from the renderer: inputs → engine with the active configuration and the
 * connected org's directory. Keeps the last report so "Save report" writes what the main process
 * produced, never a report handed over by the renderer.
 */
import type { DiagnoseRequest, InputText } from '../../shared/ipc';
import type { Report } from '../../shared/report';
import type { RawInput } from '../../shared/saml/types';
import { AppError } from './app-error';
import { effectiveConfig, type ConfigStore } from './config-store';
import type { SettingsStore } from './settings-store';
import type { DiagnoseEngine, OrgConnection, RedactReport } from './ports';

export interface DiagnoseService {
  run(request: DiagnoseRequest): Promise<Report>;
  /** The last report, redacted or not; null when nothing was diagnosed yet. */
  lastReport(redact: boolean): Report | null;
}

const encoder = new TextEncoder();

export function toRawInput(input: InputText): RawInput {
  return { name: input.name || 'pasted', bytes: encoder.encode(input.text) };
}

export function parseEvaluationTime(now: string | null | undefined, clock: () => Date): Date {
  if (now === null || now === undefined || now === '') return clock();
  const time = new Date(now);
  if (Number.isNaN(time.getTime())) {
    throw new AppError('bad-request', `"${now}" is not a date and time (use ISO-8601).`, 'now');
  }
  return time;
}

export function createDiagnoseService(deps: {
  engine: DiagnoseEngine;
  redact: RedactReport;
  config: ConfigStore;
  settings: SettingsStore;
  /** The connected org, or null when none is usable. */
  org: () => Promise<OrgConnection | null>;
  clock: () => Date;
  log?: (line: string) => void;
}): DiagnoseService {
  let last: Report | null = null;
  return {
    async run(request) {
      const now = parseEvaluationTime(request.now, deps.clock);
      const [state, settings, org] = await Promise.all([
        deps.config.current(),
        deps.settings.get(),
        deps.org(),
      ]);
      let directory = null;
      let directoryProblem: string | null = null;
      if (org) {
        try {
          directory = await org.directory();
        } catch (error) {
          directoryProblem = `directory: ${org.name} unavailable (${(error as Error).message})`;
          deps.log?.(directoryProblem);
        }
      }
      const report = await deps.engine(request.inputs.map(toRawInput), {
        config: effectiveConfig(state, settings.clockSkewSeconds),
        directory,
        now,
        batch: request.batch ?? false,
      });
      last = directoryProblem
        ? { ...report, skippedChecks: [...report.skippedChecks, directoryProblem] }
        : report;
      return last;
    },
    lastReport(redact) {
      if (!last) return null;
      return redact ? deps.redact(last) : last;
    },
  };
}
