/** Uniqueness findings (needs directory): an employee ID or email another user record already holds. */
import type { DirectoryUser } from '../directory/types';
import { finding } from '../findings/finding';
import type { Finding } from '../report';
import { fieldLocation, type MappingContext } from './context';

/** The parts of a user record that identify them in evidence. */
function userEvidence(user: DirectoryUser): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    employeeId: user.employeeId ?? null,
    state: user.state ?? null,
  };
}

export function uniqueEmployeeId(mc: MappingContext): Finding[] {
  const directory = mc.check.directory;
  const employeeId = mc.profile.employeeId;
  if (!directory || !employeeId) return [];
  const holder = directory.userByEmployeeId(employeeId);
  if (!holder || holder.id === mc.existing?.id) return [];
  const action = mc.existing ? 'the JIT update' : 'the JIT create';
  return [
    finding('UNIQUE_EMPLOYEE_ID', {
      message: `The employee ID "${employeeId}" already belongs to the user ${holder.email}: ${action} fails with 409 Conflict.`,
      location: fieldLocation(mc, mc.field('employeeId')),
      evidence: { employeeId, subject: mc.profile.subject, otherUser: userEvidence(holder) },
      fix: `Find out which record is right: correct the employee ID in the IdP's directory, or clear it on ${holder.email} in Genesys Cloud (Admin → People) if that user is stale.`,
    }),
  ];
}

export function uniqueEmail(mc: MappingContext): Finding[] {
  const directory = mc.check.directory;
  const { subject, email } = mc.profile;
  if (!directory || !subject) return [];
  const findings: Finding[] = [];
  // The subject's own record, found case-insensitively, but spelled differently.
  if (
    mc.existing &&
    mc.existing.email !== subject &&
    mc.existing.email.toLowerCase() === subject.toLowerCase()
  ) {
    findings.push(
      finding('UNIQUE_EMAIL', {
        message: `"${subject}" differs only in letter case from the existing user ${mc.existing.email}; the login may not find that user and JIT may try to create a second one.`,
        location: mc.check.message.locations.nameId ?? null,
        evidence: { subject, existingUser: userEvidence(mc.existing) },
        fix: `Make the address identical on both sides: fix its case in the IdP's directory or on the Genesys Cloud user.`,
      }),
    );
  }
  // A deleted record still holds the address: Genesys Cloud refuses the create with 409.
  const retired = mc.existing ? undefined : directory.deletedUserByEmail?.(subject);
  if (retired) {
    findings.push(
      finding('UNIQUE_EMAIL', {
        message: `A deleted user record still holds ${retired.email}: the JIT create for ${subject} fails with 409 Conflict.`,
        location: mc.check.message.locations.nameId ?? null,
        evidence: { subject, otherUser: userEvidence(retired) },
        fix: `In Genesys Cloud, restore the deleted user (Admin → People → filter on deleted users) instead of creating a new one, or ask Genesys Cloud Customer Care to purge it; until then this person cannot be created by JIT.`,
      }),
    );
  }
  // The email claim names an address another user record holds.
  if (email && email.toLowerCase() !== subject.toLowerCase()) {
    const holder = directory.userByEmail(email);
    if (holder && holder.id !== mc.existing?.id) {
      findings.push(
        finding('UNIQUE_EMAIL', {
          message: `The email "${email}" already belongs to another user record (${holder.email}): creating or updating ${subject} with it fails.`,
          location: fieldLocation(mc, mc.field('email')),
          evidence: { email, subject, otherUser: userEvidence(holder) },
          fix: `Send the user's own address in the email claim, or resolve the duplicate record ${holder.email} in Genesys Cloud (Admin → People).`,
        }),
      );
    }
  }
  return findings;
}
