/**
 * A plan file opened on the Repair screen: which file, reviewed when and for which org, how many of
 * its users are listed below to apply as it lists them, and, user by user, what it lists that will
 * not be written and why (the main process's words: changed since the review, no longer in the org).
 */
import type { PlanFileReview } from '../../../shared/ipc';

export type OpenedPlan = Omit<PlanFileReview, 'candidates'>;

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export function PlanFileNotes({ plan, toApply }: { plan: OpenedPlan; toApply: number }) {
  const reviewed = new Date(plan.reviewedAt).toISOString().replace('T', ' ').slice(0, 16);
  return (
    <div className="plan-file" data-testid="plan-file">
      <p>
        Plan file <strong>{plan.file}</strong>, exported {reviewed} UTC for {plan.org.name} (
        {plan.org.region}), read against the org just now:{' '}
        {toApply > 0
          ? `${plural(toApply, 'user')} listed below with the steps it lists that are still to do`
          : 'nothing it lists is left to write as it was reviewed'}
        {plan.alreadyDone > 0 ? `; ${plural(plan.alreadyDone, 'user')} already done` : ''}. Each
        user is read again right before its writes, and a step changed since is not written.
      </p>
      {plan.notes.length > 0 && (
        <div className="alert alert-warn" data-testid="plan-file-notes">
          <p>Not written from this file:</p>
          <ul>
            {plan.notes.map((note) => (
              <li key={`${note.userId}:${note.text}`}>
                <strong>{note.name || note.userId}</strong>{' '}
                <span className="small">{note.email}</span>: {note.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
