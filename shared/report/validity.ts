/**
 * Where the evaluation time falls in a message's validity window, by Genesys Cloud's rule: the
 * configured clock skew is tolerated either way, so a message is not yet valid only before
 * NotBefore − skew and expired only at or after NotOnOrAfter + skew. The time checks decide their
 * findings with `positionOf`; the report carries the answer (`MessageReport.validity`), which the
 * app's timeline draws and the CLI prints with `validitySentence`, so neither works it out again.
 */
import type { MessageReport, ValidityPosition, ValidityWindow } from '../report';
import { parseInstant } from '../saml/checks/compare';

/** Where `now` falls against the bounds (epoch ms; null: no bound on that side). */
export function positionOf(
  now: number,
  notBefore: number | null,
  notOnOrAfter: number | null,
  skewMs: number,
): ValidityPosition {
  if (notBefore !== null && now < notBefore - skewMs) return 'before';
  if (notOnOrAfter !== null && now >= notOnOrAfter + skewMs) return 'after';
  if (notBefore !== null && now < notBefore) return 'within-skew-before';
  if (notOnOrAfter !== null && now >= notOnOrAfter) return 'within-skew-after';
  return 'inside';
}

/**
 * The window of a Response: Conditions NotBefore, and the earlier of the Conditions and
 * SubjectConfirmationData NotOnOrAfter (either one expiring rejects the login). Null when the
 * message has no readable bound.
 */
export function validityWindow(
  message: Pick<MessageReport, 'conditions' | 'subject'>,
  now: Date,
  skewMs: number,
): ValidityWindow | null {
  const notBefore = message.conditions?.notBefore ?? null;
  const start = parseInstant(notBefore);
  const ends = [message.conditions?.notOnOrAfter, message.subject?.notOnOrAfter]
    .map((value) => ({ value: value ?? null, at: parseInstant(value) }))
    .filter((end): end is { value: string; at: number } => end.at !== null)
    .sort((a, b) => a.at - b.at);
  const end = ends[0] ?? null;
  if (start === null && end === null) return null;
  return {
    notBefore: start === null ? null : notBefore,
    notOnOrAfter: end?.value ?? null,
    position: positionOf(now.getTime(), start, end?.at ?? null, skewMs),
  };
}

/** `2026-11-23 09:04:58 UTC`: an instant as people read it. */
export function readableInstant(value: string): string {
  const at = parseInstant(value);
  const iso = at === null ? value : new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** One sentence on where the evaluation time fell: the same words in the app and the CLI. */
export function validitySentence(
  validity: ValidityWindow,
  evaluatedAt: string,
  skewSeconds: number,
): string {
  const window = [
    validity.notBefore !== null && `NotBefore ${readableInstant(validity.notBefore)}`,
    validity.notOnOrAfter !== null && `NotOnOrAfter ${readableInstant(validity.notOnOrAfter)}`,
  ]
    .filter(Boolean)
    .join(', ');
  const when = `at ${readableInstant(evaluatedAt)}`;
  const tolerance = `the ±${skewSeconds} s clock-skew tolerance`;
  switch (validity.position) {
    case 'before':
      return `Not yet valid ${when}, even with ${tolerance} (${window}).`;
    case 'after':
      return `Expired ${when}, even with ${tolerance} (${window}).`;
    case 'within-skew-before':
    case 'within-skew-after':
      return `Valid ${when} only thanks to ${tolerance} (${window}).`;
    case 'inside':
      return `Within the validity window ${when} (${window}; tolerance ±${skewSeconds} s).`;
  }
}
