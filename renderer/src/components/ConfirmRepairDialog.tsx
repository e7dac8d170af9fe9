/**
 * The confirmation before anything is written: a real modal (the browser's <dialog>: focus stays
 * inside, Escape closes it), opening on Cancel so a stray Enter never applies, and naming the org,
 * its region, the users, the writes and the estimated time (the main process's estimate).
 */
import { useEffect, useRef } from 'react';
import type { RepairPreview } from '../../../shared/ipc';
import { durationText } from '../model/repair-job';

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export function ConfirmRepairDialog({
  preview,
  onConfirm,
  onClose,
}: {
  preview: RepairPreview;
  onConfirm(): void;
  onClose(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    cancel.current?.focus();
    return () => element.close();
  }, []);
  const orgName =
    preview.org.kind === 'demo' ? `the demo org ${preview.org.name}` : preview.org.name;
  return (
    <dialog
      ref={dialog}
      className="modal"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      data-testid="confirm-repair"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="confirm-title">Write to {orgName}?</h2>
      <div id="confirm-text">
        <dl className="facts">
          <dt>Org</dt>
          <dd>
            {preview.org.name} <span className="muted">({preview.org.region})</span>
          </dd>
          <dt>Users</dt>
          <dd>{plural(preview.users, 'user')}</dd>
          <dt>Writes</dt>
          <dd>{plural(preview.writes, 'step')}</dd>
          <dt>Estimated time</dt>
          <dd>
            about {durationText(preview.seconds)}{' '}
            <span className="muted">
              at {preview.rateLimitPerMinute.toLocaleString('en')} API calls per minute
              {preview.stationWaitSeconds > 0 &&
                `, plus up to ${durationText(preview.stationWaitSeconds)} while the new phones' stations appear`}
            </span>
          </dd>
        </dl>
        {preview.blocked > 0 && (
          <p className="alert alert-warn">
            {plural(preview.blocked, 'user')} cannot be fully repaired: the configuration is missing
            something their rule needs (see the list).
          </p>
        )}
        <p className="muted small">
          Each user is re-read just before writing; only the steps you reviewed are sent, and every
          step is journaled, so running it again never writes twice.
        </p>
      </div>
      <div className="input-actions">
        <button type="button" ref={cancel} onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          Repair {plural(preview.users, 'user')}
        </button>
      </div>
    </dialog>
  );
}
