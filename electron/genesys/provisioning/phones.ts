/**
 * One WebRTC phone per agent, whoever repairs the agent and however many times: a JIT Doctor phone
 * has a name derived from the user id alone, so any run on any machine (a laptop, a Lambda
 * instance working on a redelivered message) can find the phones another run made for the same
 * user. After creating, a run looks up the names of the phones it made (a batch of users at once,
 * executor.ts): of two runs that created a phone for the same user, the one that looks last sees
 * both, keeps the phone the other would keep and removes the other, journaling the removal in
 * words. Whichever order the creates and lookups come in, the later lookup follows both creates.
 *
 * Lookups by name are gathered: names asked in the same turn, or while a lookup is on its way, go
 * out together (up to 25 per call), so the guard costs a fraction of a call per agent.
 */
import { PHONE_NAMES_PER_CALL } from '../adapter';
import { gathered } from '../gather';
import type { GenesysAdapter, OrgPhone } from '../adapter/types';
import type { Journal } from './journal';

/** The name of the WebRTC phone JIT Doctor makes for a user: the same on every machine and run. */
export function phoneNameFor(userId: string): string {
  return `WebRTC ${userId}`;
}

/** The journal step of a duplicate phone's removal. */
export const DUPLICATE_PHONE_STEP = 'webrtc-phone-duplicate';

export interface PhoneFinder {
  /** The WebRTC phones of `userId` named phoneNameFor(userId), oldest first, as the org holds them now. */
  ofUser(userId: string): Promise<OrgPhone[]>;
}

export function createPhoneFinder(api: GenesysAdapter): PhoneFinder {
  const named = gathered(
    (names) => api.phonesNamed(names),
    (phone) => phone.name,
    PHONE_NAMES_PER_CALL,
  );
  return {
    async ofUser(userId) {
      const phones = await named([phoneNameFor(userId)]);
      return phones.filter((phone) => phone.webRtcUserId === userId).sort(oldestFirst);
    },
  };
}

function oldestFirst(a: OrgPhone, b: OrgPhone): number {
  const at = (phone: OrgPhone) => phone.dateCreated ?? '\uffff';
  return at(a) === at(b) ? (a.id < b.id ? -1 : 1) : at(a) < at(b) ? -1 : 1;
}

export interface DuplicateDeps {
  api: GenesysAdapter;
  journal: Journal;
}

/**
 * Keeps one of a user's JIT Doctor phones and removes the others: the phone whose station is the
 * user's default station, or else the oldest (every run that sees the same phones keeps the same
 * one). Each removal is journaled with the phones before and after. Resolves with the phone kept.
 */
export async function keepOnePhone(
  userId: string,
  phones: readonly OrgPhone[],
  deps: DuplicateDeps,
): Promise<OrgPhone> {
  const sorted = [...phones].sort(oldestFirst);
  if (sorted.length <= 1) return sorted[0]!;
  const keep = (await phoneOfDefaultStation(userId, sorted, deps.api)) ?? sorted[0]!;
  const before = `${sorted.length} WebRTC phones named "${keep.name}": ${sorted.map((p) => p.id).join(', ')}`;
  for (const phone of sorted) {
    if (phone.id === keep.id) continue;
    deps.journal.record({
      user: userId,
      step: DUPLICATE_PHONE_STEP,
      event: 'started',
      what: `remove the duplicate WebRTC phone ${phone.id} (another run created it at the same time)`,
      before,
      after: `one WebRTC phone: ${keep.id}`,
    });
    try {
      await deps.api.deletePhone(phone.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.journal.record({
        user: userId,
        step: DUPLICATE_PHONE_STEP,
        event: 'failed',
        error: message,
      });
      throw new Error(
        `the user has ${sorted.length} WebRTC phones and removing the duplicate ${phone.id} failed: ${message}`,
      );
    }
    deps.journal.record({
      user: userId,
      step: DUPLICATE_PHONE_STEP,
      event: 'finished',
      detail: { removed: phone.id, kept: keep.id },
    });
  }
  return keep;
}

export interface DuplicateCheckDeps extends DuplicateDeps {
  phones: PhoneFinder;
}

/** What the check after a create found: the one phone the user keeps, or why it could not tell. */
export type PhoneCheck = { ok: true; phone: OrgPhone } | { ok: false; error: string };

/**
 * The check after creating: each user's JIT Doctor phones looked up by name (all users at once,
 * 25 names per call), and of a user with more than one, one kept and the others removed
 * (keepOnePhone). `created` maps each user to the phone this run made, or to null when an earlier
 * run made it and stopped before checking; a user with no phone at all is left out of the answer.
 * `listed` gives the phones a listing made after the create already holds (the assessment's of a
 * rerun), which need not be looked up again.
 */
export async function checkCreatedPhones(
  created: ReadonlyMap<string, OrgPhone | null>,
  deps: DuplicateCheckDeps,
  listed: (userId: string) => readonly OrgPhone[] | undefined = () => undefined,
): Promise<Map<string, PhoneCheck>> {
  const checks = await Promise.all(
    [...created].map(async ([userId, made]): Promise<[string, PhoneCheck | null]> => {
      try {
        const known = listed(userId)?.filter((phone) => phone.name === phoneNameFor(userId));
        const named = known ?? (await deps.phones.ofUser(userId));
        // The listing may not show a phone created a moment ago: it is the user's all the same.
        const phones = !made || named.some((p) => p.id === made.id) ? named : [...named, made];
        if (phones.length === 0) return [userId, null];
        return [userId, { ok: true, phone: await keepOnePhone(userId, phones, deps) }];
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [
          userId,
          { ok: false, error: `checking for a duplicate WebRTC phone failed: ${message}` },
        ];
      }
    }),
  );
  return new Map(checks.filter((entry): entry is [string, PhoneCheck] => entry[1] !== null));
}

/** The phone whose station is the user's default station now, if one of `phones` is. */
async function phoneOfDefaultStation(
  userId: string,
  phones: readonly OrgPhone[],
  api: GenesysAdapter,
): Promise<OrgPhone | undefined> {
  const [users, stations] = await Promise.all([
    api.usersByIds([userId], { roles: false, locations: false }),
    api.stationsOfUser(userId),
  ]);
  const defaultId = users[0]?.defaultStation?.id;
  const line = stations.find((station) => station.id === defaultId)?.lineAppearanceId;
  return line ? phones.find((phone) => phone.lineIds.includes(line)) : undefined;
}
