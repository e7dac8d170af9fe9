/**
 * The validity window as a picture: NotBefore … NotOnOrAfter, the skew band around it, and the
 * evaluation time. The sentence above it is the engine's (its time finding, when there is one, else
 * the sentence for the report's validity window, as the CLI prints it);
 * the times are listed below the picture in text, so they stay legible at any width.
 */
import type { MessageReport } from '../../../shared/report';
import { readableInstant, validitySentence } from '../../../shared/report/validity';
import { buildTimeline } from '../model/timeline';

const W = 600;
const H = 44;
const x = (at: number) => Math.round(at * W * 10) / 10;

const TIME_FINDINGS = ['TIME_EXPIRED', 'TIME_NOT_YET_VALID'];

export function ValidityTimeline({
  message,
  evaluatedAt,
  skewSeconds,
}: {
  message: MessageReport;
  evaluatedAt: string;
  /** The clock-skew tolerance the time checks used (the report's clockSkewSeconds). */
  skewSeconds: number;
}) {
  const timeline = buildTimeline(message, evaluatedAt, skewSeconds);
  const finding = message.findings.find((f) => TIME_FINDINGS.includes(f.code));
  const tone = finding ? 'bad' : timeline?.state === 'inside' ? 'good' : 'warn';
  // The time finding says which bound and by how much; else the engine's sentence for its window.
  const sentence =
    finding?.message ??
    (message.validity && validitySentence(message.validity, evaluatedAt, skewSeconds));
  return (
    <section className="card timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Validity window</h2>
      {!timeline ? (
        <p className="muted">The message carries no readable NotBefore or NotOnOrAfter.</p>
      ) : (
        <>
          <p className={`timeline-state tone-${tone}`}>{sentence}</p>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            preserveAspectRatio="none"
            className="timeline-svg"
            aria-hidden="true"
          >
            <line x1={0} x2={W} y1={22} y2={22} className="tl-axis" />
            {(() => {
              const start = timeline.windowStart ?? 0;
              const end = timeline.windowEnd ?? 1;
              return (
                <>
                  <rect
                    x={x(start - timeline.skew)}
                    y={10}
                    width={x(end - start + 2 * timeline.skew)}
                    height={24}
                    className="tl-skew"
                  />
                  <rect
                    x={x(start)}
                    y={12}
                    width={x(end - start)}
                    height={20}
                    className="tl-window"
                  />
                </>
              );
            })()}
            {timeline.marks.map((mark) => (
              <line
                key={mark.label}
                x1={x(mark.at)}
                x2={x(mark.at)}
                y1={4}
                y2={40}
                className={`tl-mark tl-${mark.label}`}
              />
            ))}
            <line
              x1={x(timeline.now.at)}
              x2={x(timeline.now.at)}
              y1={0}
              y2={H}
              className="tl-now"
            />
          </svg>
          <ul className="timeline-legend">
            {[...timeline.marks, { ...timeline.now, label: 'Evaluated at' }]
              .sort((a, b) => a.at - b.at)
              .map((mark) => (
                <li key={mark.label}>
                  <span
                    className={`tl-swatch tl-swatch-${mark.label === 'Evaluated at' ? 'now' : mark.label}`}
                    aria-hidden="true"
                  />
                  <span className="tl-name">{mark.label}</span>{' '}
                  <time dateTime={mark.time}>{readableInstant(mark.time)}</time>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
