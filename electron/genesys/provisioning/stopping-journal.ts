/**
 * The journal a repair run writes through, guarding its writes: once the run is stopped (Ctrl-C)
 * or the journal itself cannot be written (a full disk), every step that has not started yet is
 * refused before it reaches the org (WritesStopped), while steps already sent finish and are noted.
 * It also keeps its own count of what the org accepted, so a stopped run can say what it applied
 * even when the disk could not.
 */
import { fsFailure } from '../../../shared/fs-failure';
import type { Journal } from './journal';

/** Thrown in place of a write that was not started because the run is stopping. */
export class WritesStopped extends Error {
  override readonly name = 'WritesStopped';
  constructor() {
    super('stopped before this write');
  }
}

interface AppliedSoFar {
  /** Users with at least one step the org accepted. */
  users: number;
  /** Steps the org accepted (the final re-read not counted). */
  steps: number;
}

export interface StoppingJournal extends Journal {
  /** Why the journal could not be written, for people; null while it can. */
  readonly failure: string | null;
  appliedSoFar(): AppliedSoFar;
}

export function stoppingJournal(
  target: Journal,
  stop: AbortSignal,
  onFailure: (reason: string) => void,
): StoppingJournal {
  let failure: string | null = null;
  let closed = false;
  const finished = new Map<string, number>();
  return {
    path: target.path,
    run: target.run,
    get failure() {
      return failure;
    },
    record(entry) {
      if (entry.event === 'started' && (stop.aborted || failure !== null || closed))
        throw new WritesStopped();
      // After the run ended, a late answer to a dropped request has nowhere to go.
      if (closed) return;
      if (entry.event === 'finished' && entry.step !== 'verify')
        finished.set(entry.user, (finished.get(entry.user) ?? 0) + 1);
      try {
        target.record(entry);
      } catch (error) {
        if (failure === null) {
          failure = `the repair journal ${target.path} cannot be written (${fsFailure(error)})`;
          onFailure(failure);
        }
        // A step not yet sent is not sent unjournaled; one already done stays counted above.
        if (entry.event === 'started') throw new WritesStopped();
      }
    },
    close() {
      closed = true;
      try {
        target.close();
      } catch {
        // the failure is already reported; closing must not hide the summary
      }
    },
    appliedSoFar() {
      return {
        users: finished.size,
        steps: [...finished.values()].reduce((sum, n) => sum + n, 0),
      };
    },
  };
}
