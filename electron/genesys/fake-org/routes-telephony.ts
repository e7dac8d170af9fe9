/** Sites, phone and line base settings, WebRTC phones, stations, default station, utilization. */
import {
  badRequest,
  conflict,
  MEDIA_TYPES,
  notFound,
  stableId,
  type FakePhone,
  type FakeUser,
  type MediaType,
  type MediaUtilization,
} from './model';
import { nameMatcher, nameMatches, page, route, type Route } from './router';
import { phoneLineId, type FakeOrgState } from './state';

function phoneJson(state: FakeOrgState, phone: FakePhone) {
  const base = state.phoneBases.get(phone.phoneBaseSettingsId);
  return {
    id: phone.id,
    name: phone.name,
    state: 'active',
    dateCreated: phone.dateCreated,
    site: { id: phone.siteId, name: state.sites.get(phone.siteId)?.name },
    phoneBaseSettings: { id: phone.phoneBaseSettingsId, name: base?.name },
    lineBaseSettings: phone.lineBaseSettingsId ? { id: phone.lineBaseSettingsId } : undefined,
    phoneMetaBase: base ? { id: base.phoneMetaBaseId } : undefined,
    lines: [
      {
        id: phoneLineId(phone.id),
        name: phone.name,
        lineBaseSettings: { id: phone.lineBaseSettingsId },
      },
    ],
    webRtcUser: phone.webRtcUserId ? { id: phone.webRtcUserId } : undefined,
    selfUri: `/api/v2/telephony/providers/edges/phones/${phone.id}`,
  };
}

interface PhoneBody {
  name?: string;
  site?: { id?: string };
  phoneBaseSettings?: { id?: string };
  lineBaseSettings?: { id?: string };
  phoneMetaBase?: { id?: string };
  lines?: { name?: string; lineBaseSettings?: { id?: string } }[];
  webRtcUser?: { id?: string };
}

function createPhone(state: FakeOrgState, raw: unknown): FakePhone {
  const body = (raw ?? {}) as PhoneBody;
  if (!body.name) throw badRequest('The field name is required', 'invalid.value');
  const siteId = body.site?.id ?? '';
  if (!state.sites.has(siteId)) throw badRequest(`Site ${siteId} does not exist`, 'invalid.value');
  const base = state.phoneBases.get(body.phoneBaseSettings?.id ?? '');
  if (!base)
    throw badRequest(
      `Phone base settings ${body.phoneBaseSettings?.id ?? ''} do not exist`,
      'invalid.value',
    );
  const lineBaseId = body.lines?.[0]?.lineBaseSettings?.id ?? body.lineBaseSettings?.id;
  if (!lineBaseId || !base.lineIds.includes(lineBaseId))
    throw badRequest(
      'lines[0].lineBaseSettings must be a line of the phone base settings',
      'invalid.value',
    );
  const userId = body.webRtcUser?.id;
  // A user created seconds ago is not known to the phone API yet (hardness.ts).
  if (userId && state.isNotYetVisible(state.user(userId))) throw notFound('User', userId);
  const id = state.newId('phone');
  const phone: FakePhone = {
    id,
    name: body.name,
    siteId,
    phoneBaseSettingsId: base.id,
    lineBaseSettingsId: lineBaseId,
    webRtcUserId: userId,
    ...state.newPhoneTiming(id),
    dateCreated: new Date(state.clock.wallNow()).toISOString(),
  };
  state.phones.set(phone.id, phone);
  state.changed();
  return phone;
}

function utilizationBody(raw: unknown): Partial<Record<MediaType, MediaUtilization>> {
  const utilization = (
    raw as { utilization?: Record<string, Partial<MediaUtilization>> } | undefined
  )?.utilization;
  if (!utilization || typeof utilization !== 'object')
    throw badRequest('The field utilization is required', 'invalid.value');
  const out: Partial<Record<MediaType, MediaUtilization>> = {};
  for (const [media, value] of Object.entries(utilization)) {
    if (!MEDIA_TYPES.includes(media as MediaType))
      throw badRequest(`Unknown media type ${media}`, 'invalid.value');
    const capacity = Number(value.maximumCapacity);
    if (!(Number.isInteger(capacity) && capacity >= 0 && capacity <= 25))
      throw badRequest(
        `maximumCapacity for ${media} must be an integer from 0 to 25`,
        'invalid.value',
      );
    out[media as MediaType] = {
      maximumCapacity: capacity,
      interruptableMediaTypes: value.interruptableMediaTypes ?? [],
      includeNonAcd: value.includeNonAcd ?? false,
    };
  }
  return out;
}

const PHONE_RESULT_CAP = 10_000;

export const telephonyRoutes: Route[] = [
  route('telephony.sites.list', ({ state, query }) => ({
    body: page(
      [...state.sites.values()]
        .filter((s) => nameMatches(s.name, query.get('name')))
        // Every site has an (emergency) location; the fake gives each its own, named as the site.
        .map((s) => ({
          ...s,
          state: 'active',
          location: { id: stableId('location', 'site', s.id), name: s.name },
        })),
      query,
    ),
  })),
  route('telephony.phoneBaseSettings.list', ({ state, query }) => ({
    body: page(
      [...state.phoneBases.values()]
        .filter((b) => nameMatches(b.name, query.get('name')))
        .map((b) => ({
          id: b.id,
          name: b.name,
          state: 'active',
          phoneMetaBase: { id: b.phoneMetaBaseId },
          lines: b.lineIds.map((id) => ({ id, name: state.lineBases.get(id)?.name ?? id })),
        })),
      query,
    ),
  })),
  route('telephony.lineBaseSettings.list', ({ state, query }) => ({
    body: page(
      [...state.lineBases.values()].map((l) => ({ ...l, state: 'active' })),
      query,
    ),
  })),
  // As the real API (SDK docs): `webRtcUser` only when asked for with fields=webRtcUser, and at
  // most 10,000 results when filtering or sorting by anything but the id alone.
  route('telephony.phones.list', ({ state, query }) => {
    const userId = query.get('webRtcUser.id');
    const siteId = query.get('site.id');
    // "Name of the Phone to filter by, comma-separated" (SDK docs).
    const names = query.get('name')?.split(',') ?? [null];
    const named = nameMatcher(names);
    const fields = query.getAll('fields').flatMap((f) => f.split(','));
    // Exact names are looked up in the index; a prefix (`name*`) or no name scans every phone.
    const exact = names.every((name) => name && !name.endsWith('*'));
    const byId = query.get('sortBy') === 'id';
    const candidates = exact
      ? state.phones.named(names as string[])
      : byId
        ? state.phones.byId()
        : [...state.phones.values()];
    let phones = candidates.filter(
      (p) =>
        (!userId || p.webRtcUserId === userId) && (!siteId || p.siteId === siteId) && named(p.name),
    );
    // (a filter of byId() is sorted already)
    if (byId && exact) phones.sort((a, b) => (a.id < b.id ? -1 : 1));
    else if (!byId) phones = phones.slice(0, PHONE_RESULT_CAP);
    const paged = page(phones, query);
    const entities = paged.entities.map((p) => {
      const { webRtcUser, ...json } = phoneJson(state, p);
      return fields.includes('webRtcUser') ? { ...json, webRtcUser } : json;
    });
    return { body: { ...paged, entities } };
  }),
  route('telephony.phones.create', ({ state, body }) => ({
    body: phoneJson(state, createPhone(state, body)),
  })),
  route('telephony.phones.delete', ({ state, params }) => {
    if (!state.phones.delete(params.phoneId!)) throw notFound('Phone', params.phoneId!);
    for (const user of state.users.values())
      if (user.defaultStationId && !state.findStation(user.defaultStationId))
        user.defaultStationId = undefined;
    state.changed();
    return { status: 204 };
  }),
  route('stations.list', ({ state, query }) => {
    const userId = query.get('webRtcUserId');
    const named = nameMatcher([query.get('name')]);
    const phones = state
      .phonesWithStations()
      .filter((p) => (!userId || p.webRtcUserId === userId) && named(p.name));
    // Only the page's stations are built (a brownfield org lists 10,000 and more).
    const paged = page(phones, query);
    return {
      body: {
        ...paged,
        entities: paged.entities.map((phone) => {
          const { phoneId: _phoneId, ...station } = state.stationOfPhone(phone);
          return station;
        }),
      },
    };
  }),
  route('users.defaultStation.put', ({ state, params }) => {
    const user = state.user(params.userId!);
    const station = state.station(params.stationId!);
    const refused = state.refusesDefaultStation(station.id);
    if (refused === 400)
      throw badRequest(`Station ${station.id} is not ready to be associated yet`, 'bad.request');
    if (refused === 409) throw conflict(`Station ${station.id} is being updated; try again`);
    user.defaultStationId = station.id;
    state.changed();
    return { status: 204 };
  }),
  route('routing.utilization.get', ({ state, params }) => {
    const user = state.user(params.userId!);
    return user.utilization
      ? {
          body: {
            utilization: user.utilization,
            labelUtilizations: user.labelUtilizations,
            level: 'Agent',
          },
        }
      : { body: { utilization: state.orgUtilization, level: 'Organization' } };
  }),
  route('routing.utilization.put', ({ state, params, body }) => {
    const user = state.user(params.userId!);
    user.utilization = utilizationBody(body);
    const labels = (body as { labelUtilizations?: FakeUser['labelUtilizations'] })
      .labelUtilizations;
    user.labelUtilizations = labels && typeof labels === 'object' ? labels : undefined;
    state.changed();
    return {
      body: {
        utilization: user.utilization,
        labelUtilizations: user.labelUtilizations,
        level: 'Agent',
      },
    };
  }),
];
