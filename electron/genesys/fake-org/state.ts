/**
 * The fake org's in-memory state and the rules Genesys Cloud enforces on it (unique email and
 * employee ID, versioned users, WebRTC stations that appear some time after their phone), with the
 * delays and refusals of hardness.ts.
 */
import { drawSpan, GENTLE_FAKE_ORG, unitHash, type FakeOrgHardness } from './hardness';
import {
  conflict,
  notFound,
  stableId,
  type FakeAuditEvent,
  type FakeDivision,
  type FakeIdentityProvider,
  type FakePhone,
  type FakePhoneBase,
  type FakeRole,
  type FakeUser,
  type MediaType,
  type MediaUtilization,
  type Named,
} from './model';

export interface FakeOrgClock {
  /** Monotonic ms (station delay, rate limit). */
  now(): number;
  /** Epoch ms (audit event dates, phone dateCreated). */
  wallNow(): number;
}

export interface FakeStation {
  id: string;
  name: string;
  status: 'AVAILABLE' | 'ASSOCIATED';
  type: 'inin_webrtc_softphone';
  webRtcUserId: string;
  /** The id of the phone's line (as the phone listing shows it). */
  lineAppearanceId: string;
  phoneId: string;
}

/** The id of a fake phone's one line. */
export function phoneLineId(phoneId: string): string {
  return `${phoneId}-line`;
}

/**
 * The org's phones by id, also indexed by lowercased name: a lookup of 25 names must not scan (and
 * lowercase) 12,000 phones, for the fake org answers one request at a time and such scans held up
 * every other request of a stampede.
 */
export class FakePhones extends Map<string, FakePhone> {
  private readonly byName = new Map<string, Set<FakePhone>>();
  /** Insertion order, so an indexed lookup answers in the order a full listing would. */
  private readonly order = new WeakMap<FakePhone, number>();
  private added = 0;
  /** The phones sorted by id, kept until the next change (the full listing pages through it). */
  private sorted: FakePhone[] | undefined;

  override set(id: string, phone: FakePhone): this {
    // A replaced phone keeps its place, as in the Map itself.
    const previous = this.get(id);
    const place = previous ? this.order.get(previous)! : (this.added += 1);
    this.unindex(id);
    this.sorted = undefined;
    super.set(id, phone);
    const key = phone.name.toLowerCase();
    const same = this.byName.get(key) ?? new Set<FakePhone>();
    same.add(phone);
    this.byName.set(key, same);
    this.order.set(phone, place);
    return this;
  }

  override delete(id: string): boolean {
    this.unindex(id);
    this.sorted = undefined;
    return super.delete(id);
  }

  override clear(): void {
    this.byName.clear();
    this.sorted = undefined;
    super.clear();
  }

  /** The phones with any of these exact names (case-insensitive), in the order they were added. */
  named(names: readonly string[]): FakePhone[] {
    const found = new Set<FakePhone>();
    for (const name of names)
      for (const phone of this.byName.get(name.toLowerCase()) ?? []) found.add(phone);
    return [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  /** Every phone, sorted by id. */
  byId(): readonly FakePhone[] {
    this.sorted ??= [...this.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    return this.sorted;
  }

  private unindex(id: string): void {
    const phone = this.get(id);
    if (!phone) return;
    const key = phone.name.toLowerCase();
    this.byName.get(key)?.delete(phone);
    if (this.byName.get(key)?.size === 0) this.byName.delete(key);
  }
}

export class FakeOrgState {
  org = { id: stableId('org'), name: 'fake-org', region: 'mypurecloud.com' };
  readonly users = new Map<string, FakeUser>();
  readonly roles = new Map<string, FakeRole>();
  readonly divisions = new Map<string, FakeDivision>();
  readonly locations = new Map<string, Named>();
  readonly skills = new Map<string, Named>();
  readonly sites = new Map<string, Named>();
  readonly phoneBases = new Map<string, FakePhoneBase>();
  readonly lineBases = new Map<string, Named>();
  readonly phones = new FakePhones();
  readonly identityProviders = new Map<string, FakeIdentityProvider>();
  readonly audits: FakeAuditEvent[] = [];
  licenses: { total?: number; definitionIds: string[] } = { definitionIds: ['cloudcx3'] };
  orgUtilization: Partial<Record<MediaType, MediaUtilization>> = {
    call: { maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false },
    callback: { maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false },
    chat: { maximumCapacity: 4, interruptableMediaTypes: [], includeNonAcd: false },
    email: { maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false },
    message: { maximumCapacity: 4, interruptableMediaTypes: [], includeNonAcd: false },
  };
  /** Incremented by every change, so the server can log whether a request changed anything. */
  mutations = 0;
  private sequence = 0;

  /** Per new station that is not ready at first: until when (clock ms), and with which status. */
  private readonly stationNotReady = new Map<string, { untilMs: number; status: 400 | 409 }>();
  private readonly expandDrops: () => number;

  constructor(
    readonly clock: FakeOrgClock,
    readonly hardness: FakeOrgHardness = GENTLE_FAKE_ORG,
    /** Real ms per org ms: the clock runs in real ms, hardness spans are in org ms. */
    readonly timeScale = 1,
  ) {
    this.expandDrops = seededStream(hardness.seed, 'expand');
  }

  /** A span of hardness.ts for one entity, in clock ms. */
  private delayOf(span: FakeOrgHardness['stationDelayMs'], ...entity: string[]): number {
    return drawSpan(span, unitHash(this.hardness.seed, ...entity)) * this.timeScale;
  }

  /** When a new phone's station appears, and whether it then refuses default-station PUTs a while. */
  newPhoneTiming(phoneId: string): { stationVisibleAtMs: number } {
    const stationVisibleAtMs =
      this.clock.now() + this.delayOf(this.hardness.stationDelayMs, 'station', phoneId);
    if (unitHash(this.hardness.seed, 'not-ready', phoneId) < this.hardness.stationNotReadyRate)
      this.stationNotReady.set(this.stationIdOf(phoneId), {
        untilMs:
          stationVisibleAtMs + this.delayOf(this.hardness.stationNotReadyMs, 'ready', phoneId),
        status: unitHash(this.hardness.seed, 'refusal-status', phoneId) < 0.5 ? 400 : 409,
      });
    return { stationVisibleAtMs };
  }

  /** Until when (clock ms) a new station refuses default-station PUTs; undefined when it never does. */
  stationNotReadyUntil(stationId: string): number | undefined {
    return this.stationNotReady.get(stationId)?.untilMs;
  }

  /**
   * The status a default-station PUT naming this station is refused with now, if any: the
   * station's state decides, not how often it was asked.
   */
  refusesDefaultStation(stationId: string): 400 | 409 | undefined {
    const notReady = this.stationNotReady.get(stationId);
    return notReady && this.clock.now() < notReady.untilMs ? notReady.status : undefined;
  }

  /** When a user created now becomes known to GET /users/{id} and to a phone create. */
  newUserVisibleAtMs(userId: string): number {
    return this.clock.now() + this.delayOf(this.hardness.newUserLagMs, 'user', userId);
  }

  /** A user the API answers 404 for, though it exists: created too recently. */
  isNotYetVisible(user: FakeUser): boolean {
    return user.visibleAtMs !== undefined && this.clock.now() < user.visibleAtMs;
  }

  /** The expansions one user of an answer gets: now and then one requested expansion is left out. */
  expansionsServed(requested: readonly string[]): readonly string[] {
    if (requested.length === 0 || this.hardness.expandDropRate === 0) return requested;
    if (this.expandDrops() >= this.hardness.expandDropRate) return requested;
    const dropped = requested[Math.floor(this.expandDrops() * requested.length)];
    return requested.filter((name) => name !== dropped);
  }

  /** The service a user creation is audited under, and when the record shows up (clock ms). */
  auditOf(userId: string, seeded: boolean): Pick<FakeAuditEvent, 'serviceName' | 'visibleAtMs'> {
    const scim = unitHash(this.hardness.seed, 'scim', userId) < this.hardness.scimShare;
    return {
      serviceName: scim ? 'SCIM' : 'Directory',
      visibleAtMs: seeded
        ? Number.NEGATIVE_INFINITY
        : this.clock.now() + this.delayOf(this.hardness.auditLagMs, 'audit', userId),
    };
  }

  newId(kind: string): string {
    this.sequence += 1;
    return stableId(this.org.name, kind, this.sequence);
  }

  changed(): void {
    this.mutations += 1;
  }

  user(id: string): FakeUser {
    const user = this.users.get(id);
    if (!user) throw notFound('User', id);
    return user;
  }

  division(id: string): FakeDivision {
    const division = this.divisions.get(id);
    if (!division) throw notFound('Division', id);
    return division;
  }

  homeDivision(): FakeDivision {
    const home = [...this.divisions.values()].find((d) => d.homeDivision);
    if (!home) throw new Error('the fake org has no home division');
    return home;
  }

  /** Genesys refuses a second user with the same email, even when the holder is deleted. */
  assertEmailFree(email: string, exceptId?: string): void {
    const wanted = email.trim().toLowerCase();
    for (const user of this.users.values())
      if (user.id !== exceptId && user.email.toLowerCase() === wanted)
        throw conflict(
          `A user with the email address ${email} already exists${user.state === 'deleted' ? ' (held by a deleted user)' : ''}.`,
        );
  }

  /** The fake org's stand-in for the JIT 409 on a duplicate employee ID. */
  assertEmployeeIdFree(employeeId: string, exceptId?: string): void {
    const wanted = employeeId.trim().toLowerCase();
    for (const user of this.users.values())
      if (user.id !== exceptId && user.employeeId?.toLowerCase() === wanted)
        throw conflict(`A user with the employee ID ${employeeId} already exists.`);
  }

  /** Station ids derived once per phone (hashing on every listing made a 2,000-agent org crawl). */
  private readonly stationIdByPhone = new Map<string, string>();
  private readonly phoneIdByStation = new Map<string, string>();

  /** The id of the station a phone gets (derived once per phone). */
  stationIdOf(phoneId: string): string {
    let id = this.stationIdByPhone.get(phoneId);
    if (!id) {
      id = stableId('station', phoneId);
      this.stationIdByPhone.set(phoneId, id);
      this.phoneIdByStation.set(id, phoneId);
    }
    return id;
  }

  /** The station of a WebRTC phone whose station exists. */
  stationOfPhone(phone: FakePhone): FakeStation {
    return {
      id: this.stationIdOf(phone.id),
      name: phone.name,
      status: this.isAssociated(phone.webRtcUserId!) ? 'ASSOCIATED' : 'AVAILABLE',
      type: 'inin_webrtc_softphone',
      webRtcUserId: phone.webRtcUserId!,
      lineAppearanceId: phoneLineId(phone.id),
      phoneId: phone.id,
    };
  }

  private hasStation(phone: FakePhone, now: number): boolean {
    return phone.webRtcUserId !== undefined && now >= phone.stationVisibleAtMs;
  }

  /**
   * The WebRTC phones whose station exists now (one per phone, visible some time after the phone
   * was created). A listing filters and pages these and builds only its page's stations.
   */
  phonesWithStations(): FakePhone[] {
    const now = this.clock.now();
    const out: FakePhone[] = [];
    for (const phone of this.phones.values()) if (this.hasStation(phone, now)) out.push(phone);
    return out;
  }

  /** WebRTC stations: one per WebRTC phone, visible some time after the phone was created. */
  stations(): FakeStation[] {
    return this.phonesWithStations().map((phone) => this.stationOfPhone(phone));
  }

  /** One station by id, or undefined when it does not exist (yet). */
  findStation(id: string): FakeStation | undefined {
    if (!this.phoneIdByStation.has(id))
      for (const phoneId of this.phones.keys()) this.stationIdOf(phoneId);
    const phone = this.phones.get(this.phoneIdByStation.get(id) ?? '');
    return phone && this.hasStation(phone, this.clock.now())
      ? this.stationOfPhone(phone)
      : undefined;
  }

  station(id: string): FakeStation {
    const station = this.findStation(id);
    if (!station) throw notFound('Station', id);
    return station;
  }

  private isAssociated(userId: string): boolean {
    return this.users.get(userId)?.defaultStationId !== undefined;
  }

  /** Users holding a license: every user not deleted (licenses follow roles in Genesys; here all roles carry one). */
  licensedUsers(): FakeUser[] {
    return [...this.users.values()].filter((u) => u.state !== 'deleted' && u.grants.length > 0);
  }

  recordCreation(user: FakeUser): void {
    const eventDate = new Date(this.clock.wallNow()).toISOString();
    user.createdAt = eventDate;
    this.audits.push({
      id: this.newId('audit'),
      eventDate,
      ...this.auditOf(user.id, false),
      action: 'Create',
      entityType: 'User',
      entity: { id: user.id, name: user.name },
    });
  }

  byName<T extends Named>(map: Map<string, T>, name: string): T | undefined {
    const wanted = name.toLowerCase();
    for (const item of map.values()) if (item.name.toLowerCase() === wanted) return item;
    return undefined;
  }
}

/** A seeded stream of numbers in [0, 1) for per-request choices. */
function seededStream(seed: number, name: string): () => number {
  let counter = 0;
  return () => unitHash(seed, name, (counter += 1));
}
