/**
 * Findings grouped by stage in the engine's order (security errors lead). Each finding's text can
 * be selected; claim names and the fix have copy buttons; "Show in XML" highlights its element.
 */
import type { Finding } from '../../../shared/report';
import { groupByStage } from '../../../shared/report/summary';
import { escapeInvisible } from '../../../shared/mapping/text';
import { CopyButton } from './CopyButton';

export interface FindingListProps {
  findings: readonly Finding[];
  selected: number | null;
  /** Selects a finding (its element is highlighted in the XML view); absent when there is no XML. */
  onSelect?(index: number): void;
}

/** Evidence keys that hold claim names an admin pastes into the IdP or Genesys Cloud. */
const CLAIM_NAME_KEYS = ['expected', 'received', 'claim', 'name', 'attribute'];

export function FindingList({ findings, selected, onSelect }: FindingListProps) {
  if (findings.length === 0) return <p className="muted">No findings.</p>;
  return (
    <div className="finding-groups">
      {groupByStage(findings).map((group) => (
        // A group, not a landmark: the same stage appears in several lists on one screen.
        <div key={group.stage} className="finding-group" role="group" aria-label={group.title}>
          <h3>{group.title}</h3>
          <ul className="findings">
            {group.findings.map((finding) => {
              const index = findings.indexOf(finding);
              const isSelected = selected === index;
              const names = claimNames(finding);
              return (
                <li
                  key={index}
                  className={`finding severity-${finding.severity}${isSelected ? ' selected' : ''}`}
                  data-code={finding.code}
                  aria-current={isSelected || undefined}
                >
                  <p className="finding-head">
                    <span className={`badge badge-${finding.severity}`}>{finding.severity}</span>
                    <span className="finding-code">{finding.code}</span>
                    {onSelect && finding.location && (
                      <button
                        type="button"
                        className="small-button"
                        aria-pressed={isSelected}
                        onClick={() => onSelect(index)}
                      >
                        {isSelected ? 'Shown in XML' : 'Show in XML'}
                      </button>
                    )}
                  </p>
                  <p className="finding-message">{finding.message}</p>
                  {names.length > 0 && (
                    <p className="finding-names">
                      {names.map(([key, value]) => (
                        <span key={key} className="finding-name">
                          <span className="evidence-key">{key}</span>{' '}
                          <code>{escapeInvisible(value)}</code>{' '}
                          <CopyButton value={value} label={`Copy the ${key} claim name ${value}`} />
                        </span>
                      ))}
                    </p>
                  )}
                  {finding.fix && (
                    <p className="finding-fix">
                      <strong>Fix:</strong> {finding.fix}{' '}
                      <CopyButton value={finding.fix} label={`Copy the fix for ${finding.code}`} />
                    </p>
                  )}
                  {Object.keys(finding.evidence).length > 0 && (
                    <details className="evidence-details">
                      <summary>Evidence</summary>
                      <EvidenceList evidence={finding.evidence} />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** The claim names a finding compares (CLAIM_NEAR_MISS expected/received, and the like). */
function claimNames(finding: Finding): [string, string][] {
  if (!/^(CLAIM_|GENESYS_ATTRIBUTE|ORGNAME_)/.test(finding.code)) return [];
  return CLAIM_NAME_KEYS.flatMap((key) => {
    const value = finding.evidence[key];
    return typeof value === 'string' && value !== '' ? [[key, value] as [string, string]] : [];
  });
}

function EvidenceList({ evidence }: { evidence: Record<string, unknown> }) {
  return (
    <dl className="evidence">
      {Object.entries(evidence).map(([key, value]) => (
        <div key={key} className="evidence-row">
          <dt className="evidence-key">{key}</dt>
          <dd>
            <code className="evidence-value">
              {typeof value === 'string' ? value : JSON.stringify(value)}
            </code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
