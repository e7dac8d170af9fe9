/**
 * "As of": the time the engine evaluates messages at (NotBefore, NotOnOrAfter, certificate
 * validity). One click evaluates as of the message's own IssueInstant, so a captured or old message
 * is judged as it was when the IdP sent it. Used by Diagnose and Compare.
 */

/** datetime-local values are local time without a zone; the engine wants an instant. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
};

export function AsOfControl({
  asOf,
  issueInstant,
  disabled,
  onAsOf,
  onEvaluate,
}: {
  /** ISO-8601 evaluation time, or null for now. */
  asOf: string | null;
  /** The IssueInstant of the message on screen, when it has one. */
  issueInstant?: string | null;
  disabled?: boolean;
  /** The time was edited (takes effect on the next run). */
  onAsOf(asOf: string | null): void;
  /** Evaluate again at once as of this time (null: now). */
  onEvaluate(asOf: string | null): void;
}) {
  const atIssueInstant =
    issueInstant && asOf && new Date(asOf).getTime() === new Date(issueInstant).getTime();
  return (
    <span className="as-of" role="group" aria-label="Evaluation time">
      <label className="inline-field">
        As of
        <input
          type="datetime-local"
          step="1"
          value={toLocalInput(asOf)}
          onChange={(event) =>
            onAsOf(event.target.value ? new Date(event.target.value).toISOString() : null)
          }
        />
      </label>
      {issueInstant && !atIssueInstant && (
        <button type="button" disabled={disabled} onClick={() => onEvaluate(issueInstant)}>
          Evaluate as of its IssueInstant
        </button>
      )}
      {asOf && (
        <button type="button" disabled={disabled} onClick={() => onEvaluate(null)}>
          Evaluate as of now
        </button>
      )}
    </span>
  );
}
