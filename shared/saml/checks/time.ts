/**
 * Time stage. Genesys Cloud allows the configured clock skew (10 s by default) either way:
 * not yet valid only before NotBefore − skew, expired at or after NotOnOrAfter + skew
 * (shared/report/validity.ts, whose window the report carries beside these findings).
 */
import type { Finding, Location, SkippedCheck } from '../../report';
import { finding } from '../../findings/finding';
import type { JitDoctorConfig } from '../../config/types';
import { positionOf } from '../../report/validity';
import { idpGuide } from '../idp';
import type { Check, CheckContext } from '../types';
import { formatDuration, parseInstant } from './compare';

export const DEFAULT_CLOCK_SKEW_SECONDS = 10;

export function clockSkewMs(config: JitDoctorConfig): number {
  const skew = config.sso?.clockSkewSeconds;
  return (
    (typeof skew === 'number' && Number.isFinite(skew) && skew >= 0
      ? skew
      : DEFAULT_CLOCK_SKEW_SECONDS) * 1000
  );
}

interface TimedValue {
  what: string;
  value: string | null | undefined;
  location: Location | null;
}

/** Every time value of a message, for the checks and for the "unreadable time" skip reason. */
function timeValues(
  ctx: CheckContext,
): Record<'notBefore' | 'notOnOrAfter' | 'issued', TimedValue[]> {
  const { message } = ctx;
  const l = message.locations;
  return {
    notBefore: [
      {
        what: 'Conditions NotBefore',
        value: message.conditions?.notBefore,
        location: l.conditions ?? null,
      },
    ],
    notOnOrAfter: [
      {
        what: 'Conditions NotOnOrAfter',
        value: message.conditions?.notOnOrAfter,
        location: l.conditions ?? null,
      },
      {
        what: 'SubjectConfirmationData NotOnOrAfter',
        value: message.subject?.notOnOrAfter,
        location: l.subjectConfirmationData ?? null,
      },
    ],
    // One finding when the Response and its Assertion were issued at the same instant.
    issued: [
      { what: 'Response IssueInstant', value: message.issueInstant, location: l.response ?? null },
      ...(message.assertionIssueInstant !== message.issueInstant
        ? [
            {
              what: 'Assertion IssueInstant',
              value: message.assertionIssueInstant,
              location: l.assertion ?? null,
            },
          ]
        : []),
    ],
  };
}

/** The time values present but not valid xs:dateTime instants (their checks cannot run). */
export function unreadableTimes(ctx: CheckContext): SkippedCheck[] {
  return Object.values(timeValues(ctx))
    .flat()
    .filter((t) => t.value !== null && t.value !== undefined && parseInstant(t.value) === null)
    .map((t) => ({ check: 'time', reason: `${t.what} "${t.value}" is not a valid xs:dateTime` }));
}

const clockFix = (ctx: CheckContext) =>
  `Make sure the clocks of ${idpGuide(ctx.message.idp).name} and of the machine that captured this message are synchronised (NTP); Genesys Cloud tolerates ${clockSkewMs(ctx.config) / 1000} s of skew.`;

export const checkNotYetValid: Check = (ctx) => {
  const now = ctx.now.getTime();
  const skew = clockSkewMs(ctx.config);
  const findings: Finding[] = [];
  for (const t of timeValues(ctx).notBefore) {
    const at = parseInstant(t.value);
    if (at === null || positionOf(now, at, null, skew) !== 'before') continue;
    findings.push(
      finding('TIME_NOT_YET_VALID', {
        message: `${t.what} is ${t.value}, ${formatDuration(at - now)} after the evaluation time ${ctx.now.toISOString()}: Genesys Cloud rejects it as not yet valid.`,
        location: t.location,
        evidence: {
          field: t.what,
          value: t.value,
          evaluatedAt: ctx.now.toISOString(),
          skewSeconds: skew / 1000,
        },
        fix: `${clockFix(ctx)} The IdP's clock is probably ahead.`,
      }),
    );
  }
  return findings;
};

export const checkExpired: Check = (ctx) => {
  const now = ctx.now.getTime();
  const skew = clockSkewMs(ctx.config);
  const findings: Finding[] = [];
  for (const t of timeValues(ctx).notOnOrAfter) {
    const at = parseInstant(t.value);
    if (at === null || positionOf(now, null, at, skew) !== 'after') continue;
    findings.push(
      finding('TIME_EXPIRED', {
        message: `${t.what} is ${t.value}: the message expired ${formatDuration(now - at)} before the evaluation time ${ctx.now.toISOString()}.`,
        location: t.location,
        evidence: {
          field: t.what,
          value: t.value,
          evaluatedAt: ctx.now.toISOString(),
          skewSeconds: skew / 1000,
        },
        fix: `Capture a fresh login (a SAML response is valid for minutes), or evaluate it as of the time it was captured (its IssueInstant) to see what it said then. If this is a fresh capture, ${clockFix(ctx).charAt(0).toLowerCase()}${clockFix(ctx).slice(1)}`,
      }),
    );
  }
  return findings;
};

export const checkIssuedInFuture: Check = (ctx) => {
  const now = ctx.now.getTime();
  const skew = clockSkewMs(ctx.config);
  const findings: Finding[] = [];
  for (const t of timeValues(ctx).issued) {
    const at = parseInstant(t.value);
    if (at === null || at <= now + skew) continue;
    findings.push(
      finding('TIME_ISSUED_IN_FUTURE', {
        message: `${t.what} is ${t.value}, ${formatDuration(at - now)} after the evaluation time: the IdP's clock is ahead.`,
        location: t.location,
        evidence: {
          field: t.what,
          value: t.value,
          evaluatedAt: ctx.now.toISOString(),
          skewSeconds: skew / 1000,
        },
        fix: clockFix(ctx),
      }),
    );
  }
  return findings;
};

export const timeChecks: readonly Check[] = [checkNotYetValid, checkExpired, checkIssuedInFuture];
