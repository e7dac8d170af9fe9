/**
 * `--batch`: many logins checked against each other. Two different people carrying the same
 * employee ID or email mean one of the JIT creates fails with 409 (UNIQUE_BATCH_DUPLICATE), and
 * the new users of the whole batch take their licenses together (JIT_LICENSE_CAP when they need
 * more than are left). One pass with hash maps: linear in the number of messages.
 */
import type { JitDoctorConfig } from '../config/types';
import { finding } from '../findings/finding';
import type { DirectoryView } from '../directory/types';
import type { AttributeSummary, Finding, JitOutcome } from '../report';
import type { ExtractedMessage } from '../saml/types';
import { wellKnownNamesFor } from './presets';
import { isEmailAddress } from './text';

export interface BatchEntry {
  index: number;
  message: ExtractedMessage;
  /** What JIT does with this login (null when the message was not analysed that far). */
  jit?: JitOutcome | null;
}

/** How many new users one message list reports by name in JIT_LICENSE_CAP's evidence. */
const MAX_NAMED_USERS = 20;

interface Holder {
  index: number;
  source: string;
  subject: string;
}

function firstValue(
  attributes: readonly AttributeSummary[],
  names: readonly string[],
): string | null {
  for (const name of names) {
    const value = attributes.find((a) => a.name === name)?.values[0]?.trim();
    if (value) return value;
  }
  return null;
}

function claimNames(config: JitDoctorConfig | undefined, field: 'email' | 'employeeId'): string[] {
  const mapped = config?.attributeMapping?.[field];
  if (mapped) return field === 'email' ? [mapped, 'email'] : [mapped];
  return field === 'email'
    ? ['email', ...wellKnownNamesFor('email')]
    : [...wellKnownNamesFor('employeeId')];
}

function subjectOf(message: ExtractedMessage, email: string | null): string | null {
  const nameId = message.subject?.nameId?.trim();
  return (
    (nameId && isEmailAddress(nameId) ? nameId : (email ?? nameId) || null)?.toLowerCase() ?? null
  );
}

function collect(index: Map<string, Holder[]>, value: string | null, holder: Holder): void {
  if (!value) return;
  const key = value.toLowerCase();
  const holders = index.get(key);
  if (!holders) index.set(key, [holder]);
  else if (!holders.some((h) => h.subject === holder.subject)) holders.push(holder);
}

function duplicates(
  index: Map<string, Holder[]>,
  field: 'employeeId' | 'email',
  values: Map<string, string>,
): Finding[] {
  return [...index]
    .filter(([, holders]) => holders.length > 1)
    .map(([key, holders]) => {
      const value = values.get(key) ?? key;
      const what = field === 'employeeId' ? 'employee ID' : 'email';
      return finding('UNIQUE_BATCH_DUPLICATE', {
        message: `${holders.length} different users in this batch carry the ${what} "${value}" (${holders.map((h) => h.subject).join(', ')}): only the first JIT create can succeed.`,
        evidence: {
          field,
          value,
          messages: holders.map((h) => ({ index: h.index, source: h.source, subject: h.subject })),
        },
        fix: `Correct the ${what} in the IdP's directory so each person has their own before they log in.`,
      });
    });
}

/** Batch-level findings; `config` says which claims carry email and employee ID (well-known names otherwise). */
export function checkBatch(
  messages: readonly BatchEntry[],
  config?: JitDoctorConfig,
  directory?: DirectoryView | null,
): Finding[] {
  const emailNames = claimNames(config, 'email');
  const employeeIdNames = claimNames(config, 'employeeId');
  const byEmployeeId = new Map<string, Holder[]>();
  const byEmail = new Map<string, Holder[]>();
  const original = new Map<string, string>();
  for (const { index, message } of messages) {
    if (message.type !== 'Response') continue;
    const email = firstValue(message.attributes, emailNames);
    const subject = subjectOf(message, email);
    if (!subject) continue;
    const holder = { index, source: message.source, subject };
    const employeeId = firstValue(message.attributes, employeeIdNames);
    collect(byEmployeeId, employeeId, holder);
    collect(byEmail, email, holder);
    for (const v of [employeeId, email])
      if (v && !original.has(v.toLowerCase())) original.set(v.toLowerCase(), v);
  }
  return [
    ...duplicates(byEmployeeId, 'employeeId', original),
    ...duplicates(byEmail, 'email', original),
    ...licensesForNewUsers(messages, emailNames, config, directory),
  ];
}

/**
 * JIT_LICENSE_CAP over the batch: every distinct user the directory does not know takes one
 * license when JIT creates it, so together they need as many as there are of them. Per-message
 * checks only see one user at a time; this sees the 9 AM wave. Needs the directory's count of
 * assigned licenses and a total (configuration first, as for one message).
 */
function licensesForNewUsers(
  messages: readonly BatchEntry[],
  emailNames: readonly string[],
  config: JitDoctorConfig | undefined,
  directory: DirectoryView | null | undefined,
): Finding[] {
  const total = config?.licenses?.total ?? directory?.licenses?.total;
  const assigned = directory?.licenses?.assigned;
  if (total === undefined || assigned === undefined) return [];
  const newUsers = new Map<string, Holder>();
  for (const { index, message, jit } of messages) {
    if (message.type !== 'Response' || !jit || jit.existingUserId) continue;
    if (jit.action !== 'create' && jit.action !== 'fail') continue;
    const subject = subjectOf(message, firstValue(message.attributes, emailNames));
    if (subject && !newUsers.has(subject))
      newUsers.set(subject, { index, source: message.source, subject });
  }
  const left = Math.max(0, total - assigned);
  if (newUsers.size <= left) return [];
  const users = [...newUsers.values()];
  const refused = users.slice(left);
  return [
    finding('JIT_LICENSE_CAP', {
      message: `This batch holds ${users.length} new user${users.length === 1 ? '' : 's'} but only ${left} of the ${total} licenses ${left === 1 ? 'is' : 'are'} left (${assigned} assigned): ${refused.length} JIT create${refused.length === 1 ? '' : 's'} fail, starting with ${refused[0]?.subject}.`,
      evidence: {
        total,
        assigned,
        left,
        newUsers: users.length,
        short: refused.length,
        firstRefused: refused
          .slice(0, MAX_NAMED_USERS)
          .map((h) => ({ index: h.index, source: h.source, subject: h.subject })),
      },
      fix: `Free or buy ${refused.length} license${refused.length === 1 ? '' : 's'} before these users log in (deactivate users who left, or raise the org's license count), or stagger their first logins.`,
    }),
  ];
}
