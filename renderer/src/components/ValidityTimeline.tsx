/**
 * The validity window as a picture: NotBefore … NotOnOrAfter, the skew band around it, and the
 * evaluation time. The sentence above it is the engine's (its time finding, when there is one);
 * the times are listed below the picture in text, so they stay legible at any width.
 */
import type { Finding, MessageReport } from '../../../shared/report';
import { buildTimeline, type Timeline } from '../model/timeline';

const W = 600;
const H = 44;
const x = (at: number) => Math.round(at * W * 10) / 10;
/** `2026-11-23 09:04:58 UTC`: the instant as SAML carries it, readable. */
const readable = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

const TIME_FINDINGS = ['TIME_EXPIRED', 'TIME_NOT_YET_VALID'];

function stateSentence(
  timeline: Timeline,
  finding: Finding | undefined,
  skewSeconds: number,
): string {
  if (finding) return finding.message;
  const bounds = timeline.marks.filter((m) => m.label !== 'IssueInstant');
  const window = bounds.map((m) => `${m.label} ${readable(m.time)}`).join(', ');
  const when = `at ${readable(timeline.now.time)}`;
  if (timeline.state === 'within-skew-before' || timeline.state === 'within-skew-after')
    return `Valid ${when} only thanks to the ±${skewSeconds} s clock-skew tolerance (${window}).`;
  return `Within the validity window ${when} (${window}; tolerance ±${skewSeconds} s).`;
}

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
  return (
    <section className="card timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Validity window</h2>
      {!timeline ? (
        <p className="muted">The message carries no NotBefore or NotOnOrAfter.</p>
      ) : (
        <>
          <p className={`timeline-state tone-${tone}`}>
            {stateSentence(timeline, finding, skewSeconds)}
          </p>
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
                  <time dateTime={mark.time}>{readable(mark.time)}</time>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
