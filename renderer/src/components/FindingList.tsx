/** Findings grouped by stage; a click selects one (and highlights its element in the XML view). */
import type { Finding } from '../../../shared/report';
import { groupFindings } from '../model/findings';

export interface FindingListProps {
  findings: readonly Finding[];
  selected: number | null;
  onSelect(index: number): void;
}

export function FindingList({ findings, selected, onSelect }: FindingListProps) {
  if (findings.length === 0) return <p className="muted">No findings.</p>;
  return (
    <div className="finding-groups">
      {groupFindings(findings).map((group) => (
        <section key={group.stage} className="finding-group" aria-label={group.title}>
          <h3>{group.title}</h3>
          <ul className="findings">
            {group.findings.map(({ finding, index }) => (
              <li key={index}>
                <button
                  type="button"
                  className={`finding severity-${finding.severity}`}
                  aria-pressed={selected === index}
                  onClick={() => onSelect(index)}
                  data-code={finding.code}
                >
                  <span className={`badge badge-${finding.severity}`}>{finding.severity}</span>
                  <span className="finding-code">{finding.code}</span>
                  <span className="finding-message">{finding.message}</span>
                  {finding.fix && (
                    <span className="finding-fix">
                      <strong>Fix:</strong> {finding.fix}
                    </span>
                  )}
                  {selected === index && Object.keys(finding.evidence).length > 0 && (
                    <EvidenceList evidence={finding.evidence} />
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function EvidenceList({ evidence }: { evidence: Record<string, unknown> }) {
  return (
    <span className="evidence">
      {Object.entries(evidence).map(([key, value]) => (
        <span key={key} className="evidence-row">
          <span className="evidence-key">{key}</span>
          <code className="evidence-value">
            {typeof value === 'string' ? value : JSON.stringify(value)}
          </code>
        </span>
      ))}
    </span>
  );
}
