/** The messages of one drop or HAR, each with its verdict in the engine's words; one is open. */
import type { MessageReport } from '../../../shared/report';
import { sampleLine } from './SampleList';
import { VerdictBadge } from './VerdictBadge';

export function MessageList({
  messages,
  selected,
  onOpen,
}: {
  messages: readonly MessageReport[];
  selected: number;
  onOpen(index: number): void;
}) {
  return (
    <section className="card message-list" aria-labelledby="message-list-title">
      <h2 id="message-list-title">{messages.length} messages</h2>
      <ol className="message-items">
        {messages.map((m, i) => {
          const line = sampleLine(m.source);
          return (
            <li key={m.index} className={i === selected ? 'message-item open' : 'message-item'}>
              <button
                type="button"
                className="message-open"
                aria-current={i === selected || undefined}
                onClick={() => onOpen(i)}
              >
                <VerdictBadge category={m.verdictCategory} />
                <span className="message-source">{m.source}</span>
                <span className="muted">
                  {m.type}
                  {m.subject?.nameId ? ` · ${m.subject.nameId}` : ''}
                  {m.issueInstant ? ` · ${m.issueInstant}` : ''}
                </span>
                {line && <span className="message-shows">{line}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
