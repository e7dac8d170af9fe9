/**
 * Rule matching for `postJit.rules` (docs/configuration.md): each `when` key is a user field, a string
 * matches exactly, an array matches any of its strings, the first matching rule wins and a rule
 * with an empty `when` is a default.
 */
import type { PostJitConfig, PostJitRule } from '../config/types';
import type { DesiredState, RuleField, RuleMatch, RuleSubject } from './types';

const FIELD_ORDER: readonly RuleField[] = ['department', 'title', 'location', 'role'];

function expected(value: string | string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

/** The value(s) of the user that satisfied the condition, or null when it fails. */
function satisfied(
  subject: RuleSubject,
  field: RuleField,
  condition: string | string[],
): string | null {
  const wanted = expected(condition);
  if (field === 'role') return (subject.roles ?? []).find((role) => wanted.includes(role)) ?? null;
  const actual = subject[field];
  return typeof actual === 'string' && wanted.includes(actual) ? actual : null;
}

/** Why a rule matched, in words, or null when it does not match. */
function explainMatch(subject: RuleSubject, rule: PostJitRule): string | null {
  const parts: string[] = [];
  for (const field of FIELD_ORDER) {
    const condition = rule.when[field];
    if (condition === undefined) continue;
    const value = satisfied(subject, field, condition);
    if (value === null) return null;
    parts.push(`${field} ${value}`);
  }
  return parts.length === 0 ? 'default rule' : parts.join(', ');
}

/** The first rule whose every condition holds for the user; null when none does. */
export function matchRule(subject: RuleSubject, rules: readonly PostJitRule[]): RuleMatch | null {
  for (const [index, rule] of rules.entries()) {
    const because = explainMatch(subject, rule);
    if (because !== null) return { index, rule, because };
  }
  return null;
}

/** What `postJit` says this user should have; null when no rule matches (nothing to provision). */
export function desiredStateFor(
  subject: RuleSubject & { id: string },
  postJit: PostJitConfig | undefined,
): DesiredState | null {
  if (!postJit) return null;
  const match = matchRule(subject, postJit.rules);
  if (!match) return null;
  const { rule } = match;
  return {
    userId: subject.id,
    match,
    skills: (rule.skills ?? []).map(({ name, proficiency }) => ({ name, proficiency })),
    webRtcPhone: rule.webRtcPhone ? (postJit.phone ?? null) : undefined,
    ...(rule.utilization && Object.keys(rule.utilization).length > 0
      ? { utilization: { ...rule.utilization } }
      : {}),
    ...(rule.roles && rule.roles.length > 0 ? { roles: [...rule.roles] } : {}),
    ...(rule.division ? { division: rule.division } : {}),
  };
}
