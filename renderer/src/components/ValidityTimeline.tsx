/** The validity window as a picture: NotBefore … NotOnOrAfter, the skew band around it, and "now". */
import type { MessageReport } from '../../../shared/report';
import { buildTimeline, type TimelineMark } from '../model/timeline';

const STATE_TEXT = {
  before: 'Not yet valid',
  'within-skew-before': 'Not yet valid, but within the clock-skew tolerance',
  inside: 'Within the validity window',
  'within-skew-after': 'Expired, but within the clock-skew tolerance',
  after: 'Expired',
} as const;

const W = 600;
const H = 96;
const x = (at: number) => Math.round(at * W * 10) / 10;
const hhmmss = (iso: string) => iso.slice(11, 19);

export function ValidityTimeline({
  message,
  evaluatedAt,
  skewSeconds = 10,
}: {
  message: MessageReport;
  evaluatedAt: string;
  skewSeconds?: number;
}) {
  const timeline = buildTimeline(message, evaluatedAt, skewSeconds);
  return (
    <section className="card timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Validity window</h2>
      {!timeline ? (
        <p className="muted">The message carries no NotBefore or NotOnOrAfter.</p>
      ) : (
        <>
          <p className={`timeline-state state-${timeline.state}`}>
            {STATE_TEXT[timeline.state]} at {evaluatedAt} (skew ±{skewSeconds} s)
          </p>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            className="timeline-svg"
            role="img"
            aria-label={describe(timeline)}
          >
            <line x1={0} x2={W} y1={46} y2={46} className="tl-axis" />
            {(() => {
              const start = timeline.windowStart ?? 0;
              const end = timeline.windowEnd ?? 1;
              return (
                <>
                  <rect
                    x={x(start - timeline.skew)}
                    y={34}
                    width={x(end - start + 2 * timeline.skew)}
                    height={24}
                    className="tl-skew"
                  />
                  <rect
                    x={x(start)}
                    y={36}
                    width={x(end - start)}
                    height={20}
                    className="tl-window"
                  />
                </>
              );
            })()}
            {placeLabels(timeline.marks).map(({ mark, y, anchor }) => (
              <g key={mark.label}>
                <line x1={x(mark.at)} x2={x(mark.at)} y1={y + 4} y2={62} className="tl-mark" />
                <text x={x(mark.at)} y={y} textAnchor={anchor} className="tl-label">
                  {mark.label} {hhmmss(mark.time)}
                </text>
              </g>
            ))}
            <line
              x1={x(timeline.now.at)}
              x2={x(timeline.now.at)}
              y1={8}
              y2={70}
              className="tl-now"
            />
            <text
              x={x(timeline.now.at)}
              y={86}
              textAnchor={anchorAt(timeline.now.at)}
              className="tl-now-label"
            >
              now {hhmmss(timeline.now.time)}
            </text>
          </svg>
        </>
      )}
    </section>
  );
}

const LABEL_WIDTH = 0.2;

const anchorAt = (at: number): 'start' | 'end' | 'middle' =>
  at < 0.12 ? 'start' : at > 0.88 ? 'end' : 'middle';

/** Labels above the axis, on a second row when they would overlap the previous one. */
function placeLabels(marks: TimelineMark[]) {
  const sorted = [...marks].sort((a, b) => a.at - b.at);
  let lastAt = -1;
  let row = 0;
  return sorted.map((mark) => {
    row = mark.at - lastAt < LABEL_WIDTH ? 1 - row : 0;
    lastAt = mark.at;
    return { mark, y: row === 0 ? 26 : 12, anchor: anchorAt(mark.at) };
  });
}

function describe(timeline: NonNullable<ReturnType<typeof buildTimeline>>): string {
  const marks = timeline.marks.map((m) => `${m.label} ${m.time}`).join(', ');
  return `${STATE_TEXT[timeline.state]}. ${marks}. Now ${timeline.now.time}.`;
}
