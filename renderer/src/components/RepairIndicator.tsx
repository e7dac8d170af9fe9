/** The top bar's view of the repair job, on every screen: what it does, how far, and a way back. */
import { etaText, isActive } from '../model/repair-job';
import { useRepairJob } from '../repair-job-store';

export function RepairIndicator({ onOpen }: { onOpen(): void }) {
  const job = useRepairJob();
  if (!job || !isActive(job)) return null;
  const done = job.results.length;
  return (
    <button type="button" className="job-chip" onClick={onOpen} data-testid="repair-indicator">
      <span className="spinner" aria-hidden="true" />
      {job.state === 'cancelling' ? 'Cancelling…' : 'Repairing'} {done}/{job.users}
      {job.state === 'running' && <span className="muted"> · {etaText(job.etaSeconds)}</span>}
      {/* The name read out starts with the text shown (WCAG 2.5.3), then says more. */}
      <span className="visually-hidden">
        : {done} of {job.users} users done; open the Repair screen
      </span>
    </button>
  );
}
