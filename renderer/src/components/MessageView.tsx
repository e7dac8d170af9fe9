/** One message of the report: findings beside the XML, then signature, time, JIT and attributes. */
import { useMemo, useState } from 'react';
import type { MessageReport, Report } from '../../../shared/report';
import { elementAt, layoutXml } from '../xml/layout';
import { AttributesTable } from './AttributesTable';
import { FindingList } from './FindingList';
import { JitCard } from './JitCard';
import { sampleLine } from './SampleList';
import { SignaturePanel } from './SignaturePanel';
import { ValidityTimeline } from './ValidityTimeline';
import { VerdictBadge } from './VerdictBadge';
import { XmlView } from './XmlView';

export function MessageView({ message, report }: { message: MessageReport; report: Report }) {
  const [selected, setSelected] = useState<number | null>(null);
  const layout = useMemo(() => (message.xml ? layoutXml(message.xml) : null), [message.xml]);
  const finding = selected === null ? null : (message.findings[selected] ?? null);
  const highlight = layout && finding ? elementAt(layout, finding.location) : null;
  const line = sampleLine(message.source);

  return (
    <div className="message">
      <div className="message-head">
        <VerdictBadge category={message.verdictCategory} />
        <span>
          {message.type} from <strong>{message.issuer ?? 'unknown issuer'}</strong>
        </span>
        <span className="muted">
          {message.source}
          {message.encoding ? ` · ${message.encoding}` : ''}
          {message.relayState ? ` · RelayState ${message.relayState}` : ''}
        </span>
      </div>
      {line && <p className="message-shows">{line}</p>}
      <div className="split">
        <section className="card findings-card" aria-labelledby="findings-title">
          <h2 id="findings-title">Findings</h2>
          <FindingList
            findings={message.findings}
            selected={selected}
            onSelect={layout ? setSelected : undefined}
          />
        </section>
        <section className="card xml-card" aria-labelledby="xml-title">
          <h2 id="xml-title">
            XML
            {finding && (
              <span className="muted small">
                {' '}
                · {finding.code}
                {finding.location?.line ? ` at line ${finding.location.line}` : ''}
                {highlight === null ? ' (no element to show)' : ''}
              </span>
            )}
          </h2>
          {layout ? (
            <XmlView xml={message.xml!} layout={layout} highlight={highlight} />
          ) : (
            <p className="muted">The decoded XML is not part of this report.</p>
          )}
        </section>
      </div>
      {/* A request or logout message carries no login: the Response's panels would be empty. */}
      {message.type === 'Response' && (
        <>
          <div className="cards">
            <ValidityTimeline
              message={message}
              evaluatedAt={report.evaluatedAt}
              skewSeconds={report.clockSkewSeconds}
            />
            {message.jit && <JitCard jit={message.jit} message={message} />}
            <SignaturePanel signature={message.signature} findings={message.findings} />
          </div>
          <AttributesTable attributes={message.attributes} />
        </>
      )}
    </div>
  );
}
