/**
 * The validity-window picture: where NotBefore, NotOnOrAfter, IssueInstant and "now" fall on one
 * axis, with the clock-skew tolerance drawn around the window's edges. Pure geometry (0..1).
 */
import type { MessageReport } from '../../../shared/report';

interface TimelineMark {
  label: string;
  time: string;
  at: number;
}

export interface Timeline {
  /** The window [start, end) on the axis, 0..1; null when the message has no bound on that side. */
  windowStart: number | null;
  windowEnd: number | null;
  /** The skew tolerance in axis units. */
  skew: number;
  now: TimelineMark;
  marks: TimelineMark[];
  /** Where "now" falls: before, inside (perhaps only thanks to the skew), or after the window. */
  state: 'before' | 'within-skew-before' | 'inside' | 'within-skew-after' | 'after';
  axisStart: string;
  axisEnd: string;
}

const time = (value: string | null | undefined): number | null => {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
};

export function buildTimeline(
  message: Pick<MessageReport, 'conditions' | 'subject' | 'issueInstant'>,
  evaluatedAt: string,
  skewSeconds: number,
): Timeline | null {
  const now = time(evaluatedAt);
  const notBefore = time(message.conditions?.notBefore);
  const ends = [time(message.conditions?.notOnOrAfter), time(message.subject?.notOnOrAfter)].filter(
    (t): t is number => t !== null,
  );
  const notOnOrAfter = ends.length > 0 ? Math.min(...ends) : null;
  const issued = time(message.issueInstant);
  if (now === null || (notBefore === null && notOnOrAfter === null)) return null;
  const skew = skewSeconds * 1000;
  const points = [now, notBefore, notOnOrAfter, issued].filter((t): t is number => t !== null);
  const low = Math.min(...points) - skew;
  const high = Math.max(...points) + skew;
  const pad = Math.max((high - low) * 0.08, 5_000);
  const start = low - pad;
  const span = high + pad - start;
  const at = (t: number) => (t - start) / span;

  const marks: TimelineMark[] = [];
  const mark = (label: string, t: number | null) => {
    if (t !== null) marks.push({ label, time: new Date(t).toISOString(), at: at(t) });
  };
  mark('IssueInstant', issued);
  mark('NotBefore', notBefore);
  mark('NotOnOrAfter', notOnOrAfter);

  let state: Timeline['state'] = 'inside';
  if (notBefore !== null && now < notBefore) {
    state = now >= notBefore - skew ? 'within-skew-before' : 'before';
  } else if (notOnOrAfter !== null && now >= notOnOrAfter) {
    state = now < notOnOrAfter + skew ? 'within-skew-after' : 'after';
  }
  return {
    windowStart: notBefore === null ? null : at(notBefore),
    windowEnd: notOnOrAfter === null ? null : at(notOnOrAfter),
    skew: skew / span,
    now: { label: 'now', time: new Date(now).toISOString(), at: at(now) },
    marks,
    state,
    axisStart: new Date(start).toISOString(),
    axisEnd: new Date(start + span).toISOString(),
  };
}
