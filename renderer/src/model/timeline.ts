/**
 * The validity-window picture: where NotBefore, NotOnOrAfter, IssueInstant and the evaluation time
 * fall on one axis, with the clock-skew tolerance drawn around the window's edges. Pure geometry
 * (0..1) of the engine's answer (`message.validity`): the window's bounds and where the evaluation
 * time falls are the engine's, never worked out here again.
 */
import type { MessageReport, ValidityPosition } from '../../../shared/report';
import { parseInstant } from '../../../shared/saml/checks/compare';

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
  /** Where the evaluation time falls, as the engine judged it. */
  state: ValidityPosition;
  axisStart: string;
  axisEnd: string;
}

export function buildTimeline(
  message: Pick<MessageReport, 'validity' | 'issueInstant'>,
  evaluatedAt: string,
  skewSeconds: number,
): Timeline | null {
  const { validity } = message;
  const now = parseInstant(evaluatedAt);
  if (!validity || now === null) return null;
  const notBefore = parseInstant(validity.notBefore);
  const notOnOrAfter = parseInstant(validity.notOnOrAfter);
  const issued = parseInstant(message.issueInstant);
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

  return {
    windowStart: notBefore === null ? null : at(notBefore),
    windowEnd: notOnOrAfter === null ? null : at(notOnOrAfter),
    skew: skew / span,
    now: { label: 'now', time: new Date(now).toISOString(), at: at(now) },
    marks,
    state: validity.position,
    axisStart: new Date(start).toISOString(),
    axisEnd: new Date(start + span).toISOString(),
  };
}
