/**
 * The directory the checks read: built once from a snapshot (file, users CSV or live org) with
 * hash indexes, so each message costs O(1) lookups however large the org is.
 */
import type { DirectorySnapshot, DirectoryUser, DirectoryView } from './types';

const key = (text: string): string => text.trim().toLowerCase();

/** Deleted users are not found as the subject's record; deletedUserByEmail reports the email they still hold. */
function holdsIdentity(user: DirectoryUser): boolean {
  return user.state !== 'deleted';
}

function indexBy(
  users: readonly DirectoryUser[],
  pick: (user: DirectoryUser) => string | null | undefined,
): Map<string, DirectoryUser> {
  const index = new Map<string, DirectoryUser>();
  for (const user of users) {
    const value = pick(user);
    if (!value || !holdsIdentity(user)) continue;
    const k = key(value);
    // The first record wins, as the snapshot lists it; an active user beats an inactive one.
    const held = index.get(k);
    if (!held || (held.state === 'inactive' && user.state !== 'inactive')) index.set(k, user);
  }
  return index;
}

export function createDirectoryView(snapshot: DirectorySnapshot, source: string): DirectoryView {
  const users = snapshot.users;
  const byEmail = indexBy(users, (user) => user.email);
  const byEmployeeId = indexBy(users, (user) => user.employeeId);
  const byId = new Map(users.map((user) => [user.id, user]));
  const deleted = users.filter((user) => user.state === 'deleted');
  const deletedByEmail = new Map(deleted.map((user) => [key(user.email), user]));
  return {
    source,
    userByEmail: (email) => byEmail.get(key(email)),
    userByEmployeeId: (employeeId) => byEmployeeId.get(key(employeeId)),
    userById: (id) => byId.get(id),
    deletedUserByEmail: (email) => deletedByEmail.get(key(email)),
    roles: snapshot.roles ?? null,
    divisions: snapshot.divisions ?? null,
    locations: snapshot.locations ?? null,
    skills: snapshot.skills ?? null,
    licenses: snapshot.licenses ?? null,
  };
}
