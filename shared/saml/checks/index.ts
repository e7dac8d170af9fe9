/**
 * The response checks of the protocol, time, audience-and-subject and Genesys-attribute stages,
 * in report order, and why some of them could not run.
 */
import type { Finding, SkippedCheck } from '../../report';
import type { Check, CheckContext } from '../types';
import { audienceChecks } from './audience';
import { genesysChecks } from './genesys';
import { protocolChecks } from './protocol';
import { timeChecks, unreadableTimes } from './time';

const responseChecks: readonly Check[] = [
  ...protocolChecks,
  ...timeChecks,
  ...audienceChecks,
  ...genesysChecks,
];

export function runResponseChecks(ctx: CheckContext): Finding[] {
  return responseChecks.flatMap((check) => check(ctx));
}

/** Checks the configuration gives no value for, as report.skippedChecks entries. */
export function skippedForConfig(config: CheckContext['config']): SkippedCheck[] {
  const reasons: SkippedCheck[] = [];
  const missing = (check: string, key: string) =>
    reasons.push({ check, reason: `no ${key} in the configuration` });
  if (!config.sso?.issuer) missing('ISSUER_MISMATCH', 'sso.issuer');
  if (!config.region) {
    missing('DESTINATION_MISMATCH', 'region');
    missing('RECIPIENT_MISMATCH', 'region');
  }
  if (!config.sso?.relyingPartyIdentifier)
    missing('AUDIENCE_MISMATCH', 'sso.relyingPartyIdentifier');
  if (!config.sso?.nameIdentifierFormat)
    missing('NAMEID_FORMAT_MISMATCH', 'sso.nameIdentifierFormat');
  if (!config.organizationName) missing('ORGNAME_MISMATCH', 'organizationName');
  return reasons;
}

/** Checks that could not read a value of this message (e.g. a time that is not xs:dateTime). */
export function skippedForMessage(ctx: CheckContext): SkippedCheck[] {
  return unreadableTimes(ctx);
}
