/** A user's post-JIT state next to its repair plan. */
import type { RepairCandidate } from '../../../shared/ipc';

export function UserState({
  candidate,
  disabled,
  onRepair,
}: {
  candidate: RepairCandidate;
  disabled: boolean;
  onRepair(): void;
}) {
  const { user, plan } = candidate;
  const utilization = user.utilization
    ? Object.entries(user.utilization)
        .map(([media, n]) => `${media} ${n}`)
        .join(', ')
    : 'org defaults';
  return (
    <div className="user-state" data-testid="user-state">
      <h3>
        {user.name} <span className="muted small">{user.email}</span>
      </h3>
      <dl className="facts">
        <dt>Department</dt>
        <dd>{user.department ?? '—'}</dd>
        <dt>Title</dt>
        <dd>{user.title ?? '—'}</dd>
        <dt>Skills</dt>
        <dd>
          {user.skills?.length
            ? user.skills.map((s) => `${s.name} (${s.proficiency})`).join(', ')
            : 'none'}
        </dd>
        <dt>WebRTC phone</dt>
        <dd>{user.webRtcPhone ? 'yes' : 'no'}</dd>
        <dt>Default station</dt>
        <dd>{user.defaultStation ? 'yes' : 'no'}</dd>
        <dt>Utilization</dt>
        <dd>{utilization}</dd>
        <dt>Roles</dt>
        <dd>{user.roles?.join(', ') || '—'}</dd>
      </dl>
      <h4>Plan: {candidate.summary}</h4>
      {plan.match && (
        <p className="muted small">
          Rule {plan.match.index + 1}: {plan.match.because}
        </p>
      )}
      {plan.steps.length > 0 && (
        <ol className="plan">
          {plan.steps.map((step, i) => (
            <li key={i}>
              {candidate.steps[i]} <span className="muted small">— {step.reason}</span>
            </li>
          ))}
        </ol>
      )}
      {plan.blocked.map((reason) => (
        <p key={reason} className="alert alert-bad">
          {reason}
        </p>
      ))}
      {plan.steps.length > 0 && (
        <button type="button" className="primary" disabled={disabled} onClick={onRepair}>
          Repair {user.name}
        </button>
      )}
    </div>
  );
}
