/**
 * `--batch`: many logins checked against each other. Two different people carrying the same
 * employee ID or email mean one of the JIT creates fails with 409 (UNIQUE_BATCH_DUPLICATE).
 * One pass with hash maps: linear in the number of messages.
 */
import type { JitDoctorConfig } from '../config/types';
import { finding } from '../findings/finding';
import type { AttributeSummary, Finding } from '../report';
import type { ExtractedMessage } from '../saml/types';
import { wellKnownNamesFor } from './presets';
import { isEmailAddress } from './text';

export interface BatchEntry {
  index: number;
  message: ExtractedMessage;
}

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
export function checkBatch(messages: readonly BatchEntry[], config?: JitDoctorConfig): Finding[] {
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
  ];
}
