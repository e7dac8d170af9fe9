/**
 * Repair from the app: find users and their plans, then run one job at a time on the org's
 * rate-limited queue, pushing progress (done, failed, ETA) to the renderer. The org re-reads
 * every user just before applying, so a stale screen never drives a write.
 */
import type { JitDoctorConfig } from '../../shared/config/types';
import type { RepairCandidate, RepairProgress, RepairResult } from '../../shared/ipc';
import { AppError } from './app-error';
import type { OrgConnection } from './ports';

export interface RepairService {
  search(query: string): Promise<RepairCandidate[]>;
  stuck(sinceHours: number): Promise<RepairCandidate[]>;
  start(userIds: readonly string[]): Promise<{ jobId: string }>;
  cancel(jobId: string): { cancelled: boolean };
}

/** Seconds left at the pace so far; null before the first user finishes. */
export function estimateEtaSeconds(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0) return null;
  return Math.max(0, Math.round(((total - done) * elapsedMs) / done / 1000));
}

export function createRepairService(deps: {
  org: () => Promise<OrgConnection | null>;
  /** The configuration whose postJit rules drive plans. */
  config: () => Promise<JitDoctorConfig>;
  emit: (progress: RepairProgress) => void;
  clock: () => Date;
  newId: () => string;
  log?: (line: string) => void;
}): RepairService {
  let running: { jobId: string; controller: AbortController } | null = null;

  const connected = async (): Promise<OrgConnection> => {
    const org = await deps.org();
    if (!org) throw new AppError('org-unavailable', 'No org is connected: choose one in Settings.');
    return org;
  };

  return {
    async search(query) {
      const trimmed = query.trim();
      if (trimmed.length < 2) return [];
      return (await connected()).findCandidates(trimmed, await deps.config());
    },
    async stuck(sinceHours) {
      const since = new Date(deps.clock().getTime() - sinceHours * 3_600_000);
      const found = await (await connected()).createdSince(since, await deps.config());
      return found.filter((c) => c.plan.steps.length > 0 || c.plan.blocked.length > 0);
    },
    async start(userIds) {
      if (running) throw new AppError('busy', 'A repair is already running: wait or cancel it.');
      const unique = [...new Set(userIds)];
      if (unique.length === 0) throw new AppError('bad-request', 'Choose at least one user.');
      const org = await connected();
      const config = await deps.config();
      const jobId = deps.newId();
      const controller = new AbortController();
      running = { jobId, controller };
      const started = deps.clock().getTime();
      const progress: RepairProgress = {
        jobId,
        total: unique.length,
        done: 0,
        failed: 0,
        etaSeconds: null,
        state: 'running',
        results: [],
      };
      const publish = () => deps.emit({ ...progress, results: [...progress.results] });
      publish();

      const finish = (results: RepairResult[]) => {
        running = null;
        progress.results = results;
        progress.done = results.length;
        progress.failed = results.filter((r) => r.outcome === 'failed').length;
        progress.etaSeconds = 0;
        progress.state = controller.signal.aborted ? 'cancelled' : 'finished';
        publish();
      };

      void org
        .repair(unique, config, {
          signal: controller.signal,
          onProgress: (tally) => {
            progress.done = Math.min(tally.usersDone, progress.total);
            progress.failed = tally.failed;
            progress.etaSeconds = estimateEtaSeconds(
              tally.usersDone,
              tally.usersTotal,
              deps.clock().getTime() - started,
            );
            publish();
          },
        })
        .then(finish, (error: unknown) => {
          const message = `not repaired: ${error instanceof Error ? error.message : String(error)}`;
          deps.log?.(`repair ${jobId}: ${message}`);
          finish(unique.map((id) => ({ userId: id, name: id, outcome: 'failed', message })));
        });
      return { jobId };
    },
    cancel(jobId) {
      if (!running || running.jobId !== jobId) return { cancelled: false };
      running.controller.abort();
      return { cancelled: true };
    },
  };
}
