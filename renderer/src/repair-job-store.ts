/**
 * The one owner of the repair job in the renderer: every screen (and the top-bar indicator)
 * subscribes to it. It asks the main process for the job once (after a reload, the job is still
 * there) and then follows its events.
 */
import { useSyncExternalStore } from 'react';
import type { RepairJobView } from '../../shared/ipc';
import { api, call } from './api';
import { mergeJobEvent } from './model/repair-job';

let job: RepairJobView | null = null;
let started = false;
const listeners = new Set<() => void>();

const set = (next: RepairJobView | null) => {
  job = next;
  for (const listener of listeners) listener();
};

const refetch = () =>
  void call(api().getRepairJob())
    .then(set)
    .catch(() => {});

function start() {
  if (started) return;
  started = true;
  api().onRepairProgress((event) => {
    const update = mergeJobEvent(job, event);
    if ('job' in update) set(update.job);
    else refetch();
  });
  refetch();
}

function subscribe(listener: () => void) {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The running or last job; null when none ran since the app started. */
export function useRepairJob(): RepairJobView | null {
  return useSyncExternalStore(subscribe, () => job);
}

/** A job the renderer just started or cancelled (the reply is the whole job). */
export function showJob(next: RepairJobView | null) {
  if (next) set(next);
}
