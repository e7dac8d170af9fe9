/**
 * How hard the fake org is. By default it is as hard as Genesys Cloud is where a repair gets hurt:
 * WebRTC stations that appear up to a minute after their phone, brand-new users that the phone
 * API does not know yet, expansions left out of user reads, a default-station PUT refused while
 * the station settles, and user-creation audit records that arrive late and under either service.
 * A test that must not meet these asks for `GENTLE_FAKE_ORG` (or overrides one knob).
 *
 * Every random choice is seeded: a per-entity choice (a station's delay, a user's lag) hashes the
 * seed with the entity's id, so it does not depend on the order requests arrive in.
 *
 * Where these facts come from (the sources are Genesys's own; none could be measured on a real org):
 * - station delay: the Terraform provider waits up to 60 s for the station of a new WebRTC phone
 *   (Terraform provider: assignUserToWebRtcPhone, util.WithRetries(ctx, 60*time.Second, …)).
 * - new users: it retries the phone create on 404 for a user created moments before
 *   (Terraform provider: createPhone, util.RetryWhen(util.IsStatus404, …)).
 * - default-station PUT: it retries the PUT on 400 and 409 (and 408), up to 10 times with pauses
 *   of (i+1)·500 ms, about 27.5 s in all (Terraform provider: assignUserToWebRtcPhone,
 *   util.RetryWhen(util.IsStatus400, …, 409)), right after its station lookup found the station.
 *   A server refuses because of its state, not because of how often it was asked, so the fake
 *   models the refusal in time: a seeded share of new stations is "not ready" for a seeded span
 *   after it appears, and every PUT in that span is refused; a PUT after it is accepted. How long
 *   a real station stays not ready is documented nowhere (neither the SDK docs nor the provider
 *   say; the provider's 27.5 s of retries is only an upper bound of what Genesys expects). The
 *   span chosen, 1–5 s for 30 % of stations, is at least as hard for a PUT sent the moment the
 *   station shows up as the earlier model (30 % refused once or twice, whenever asked): with the
 *   provider's pauses such a PUT is refused two to four times. The station's `status`
 *   (AVAILABLE / ASSOCIATED, SDK Models.Station) is not what the provider waits on: it waits for
 *   the station to be listed and reads the status only to disassociate a station first.
 * - expand: the SDK docs list `expand` as optional expansions and promise nothing about
 *   completeness; that an expansion can be missing from an answer is an assumption, not checked.
 * - audits: `serviceName` is a free string in the SDK's AuditRealtimeQueryRequest; that SCIM
 *   creations are audited under `SCIM` and that records can arrive late is taken from issue 9 and
 *   could not be checked against the SDK or a real org.
 */
import { createHash } from 'node:crypto';

/** A fixed value, or a range drawn uniformly per entity (org ms). */
export type Span = number | readonly [number, number];

export interface FakeOrgHardness {
  /** Seeds every random choice below. */
  seed: number;
  /** How long after its phone a WebRTC station appears (org ms). */
  stationDelayMs: Span;
  /** How long a JIT-created user stays unknown to GET /users/{id} and to a phone create naming it (org ms). */
  newUserLagMs: Span;
  /** Share of user reads (list, get, search) answered without one of the requested expansions. */
  expandDropRate: number;
  /** Share of new stations not ready at first: a default-station PUT is refused (400 or 409) while… */
  stationNotReadyRate: number;
  /** …this long after the station appears (org ms). */
  stationNotReadyMs: Span;
  /** How long after the event an audit record shows up in the audit query (org ms). */
  auditLagMs: Span;
  /** Share of user creations audited under service `SCIM` rather than `Directory`. */
  scimShare: number;
}

export const HARD_FAKE_ORG: FakeOrgHardness = {
  seed: 1,
  stationDelayMs: [0, 60_000],
  newUserLagMs: [0, 5_000],
  expandDropRate: 0.05,
  stationNotReadyRate: 0.3,
  stationNotReadyMs: [1_000, 5_000],
  auditLagMs: [0, 30_000],
  scimShare: 0.2,
};

/** An org that answers at once and completely: for tests about something else that need exact counts. */
export const GENTLE_FAKE_ORG: FakeOrgHardness = {
  seed: 1,
  stationDelayMs: 0,
  newUserLagMs: 0,
  expandDropRate: 0,
  stationNotReadyRate: 0,
  stationNotReadyMs: 0,
  auditLagMs: 0,
  scimShare: 0,
};

export type HardnessOption = 'hard' | 'gentle' | Partial<FakeOrgHardness>;

/** Partial options start from the hard org: a test turns one thing off, not everything on. */
export function resolveHardness(option: HardnessOption | undefined): FakeOrgHardness {
  if (option === 'gentle') return GENTLE_FAKE_ORG;
  if (option === undefined || option === 'hard') return HARD_FAKE_ORG;
  return { ...HARD_FAKE_ORG, ...option };
}

/** A number in [0, 1) fixed by the parts (the seed and an entity's id). */
export function unitHash(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0) / 2 ** 32;
}

/** The span's value for one entity. */
export function drawSpan(span: Span, unit: number): number {
  if (typeof span === 'number') return span;
  return span[0] + unit * (span[1] - span[0]);
}
