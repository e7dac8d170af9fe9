/**
 * The repair job as the renderer keeps it: events from the main process carry only the results
 * new since the previous event, so they are appended in order; a gap (a missed event, a reload)
 * means asking the main process for the whole job again.
 */
import type { RepairJobView } from '../../../shared/ipc';

export type JobUpdate = { job: RepairJobView } | { refetch: true };

export function mergeJobEvent(known: RepairJobView | null, event: RepairJobView): JobUpdate {
  if (event.resultsFrom === 0) return { job: { ...event, results: [...event.results] } };
  if (!known || known.jobId !== event.jobId || known.results.length !== event.resultsFrom)
    return { refetch: true };
  return { job: { ...event, resultsFrom: 0, results: [...known.results, ...event.results] } };
}

export const isActive = (job: RepairJobView | null): boolean =>
  job !== null && (job.state === 'running' || job.state === 'cancelling');

/** "4 min left", "40 s left", "estimating…". */
export function etaText(seconds: number | null): string {
  if (seconds === null) return 'estimating…';
  if (seconds < 60) return `${seconds} s left`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min left`;
  const h = Math.floor(seconds / 3600);
  return `${h} h ${Math.ceil((seconds % 3600) / 60)} min left`;
}

/** "2 min", "35 s", "1 h 5 min": an estimate before the job starts. */
export function durationText(seconds: number): string {
  return etaText(seconds).replace(/ left$/, '');
}

export const JOB_STATE_WORDS: Record<RepairJobView['state'], string> = {
  running: 'Repairing',
  cancelling: 'Cancelling…',
  finished: 'Repair finished',
  cancelled: 'Repair cancelled',
};

export const OUTCOME_WORDS: Record<keyof RepairJobView['counts'], string> = {
  repaired: 'repaired',
  'already-right': 'already right',
  failed: 'failed',
  'not-started': 'not started',
};
