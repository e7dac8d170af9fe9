/**
 * The names of the files a repair keeps per org and OAuth client (its journal and its lock), in
 * one place: the CLI and the app name them alike, so either resumes the other's runs and waits
 * for the other's lock.
 */

/** `mypurecloud.ie` + `a1b2-…` → `mypurecloud.ie-a1b2-…`: safe in a file name on every system. */
function orgFileKey(target: string, clientId: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9.-]+/g, '_');
  return `${safe(target)}-${safe(clientId)}`;
}

/** Where the org's API calls go (`connection.target`) and the OAuth client; the demo org has one journal of its own. */
export type JournalOwner = 'demo' | { target: string; clientId: string };

export function journalFileName(owner: JournalOwner): string {
  return `repair-${owner === 'demo' ? 'demo' : orgFileKey(owner.target, owner.clientId)}.jsonl`;
}

/** A journal file, rotated ones (`.1`, `.2`, …) too; group 1 is the org's key (or `demo`). */
export const JOURNAL_FILE = /^repair-(.+)\.jsonl(\.\d+)?$/;

export function lockFileName(target: string, clientId: string): string {
  return `repair-${orgFileKey(target, clientId)}.lock`;
}
