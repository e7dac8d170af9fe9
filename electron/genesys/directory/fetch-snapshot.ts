/**
 * A directory snapshot of a live org (docs/configuration.md), read with paged bulk listings through the
 * scheduler: a few calls per hundred users, plus one utilization read per active user when asked.
 * Secrets never enter it.
 */
import type platformClient from 'purecloud-platform-client-v2';
import type { DirectorySnapshot } from '../../../shared/directory/types';
import { allPages, USER_CREATION_SERVICES, type GenesysAdapter } from '../adapter';
import { systemClock, wallDate, type Clock } from '../clock';
import { toDirectoryUser } from './convert';

type SnapshotPhase = 'lists' | 'users' | 'phones' | 'audit' | 'utilization';

export interface SnapshotProgress {
  phase: SnapshotPhase;
  done: number;
  total: number;
}

export interface FetchSnapshotOptions {
  /** Shown as `org.name` (the API the adapter uses has no org-name call). */
  orgName?: string;
  region?: string;
  /** The purchased license count from the configuration: the API does not give it. */
  licenseTotal?: number;
  /** Read each active user's utilization (one call per user); default true. */
  utilization?: boolean;
  /** How far back the audit log is read for creation dates; default 14 days (what Genesys keeps). */
  auditDays?: number;
  /** Dates the snapshot; default the system clock. */
  clock?: Clock;
  signal?: AbortSignal;
  onProgress?: (progress: SnapshotProgress) => void;
}

const USER_EXPAND = ['skills', 'locations', 'authorization', 'employerInfo', 'station'];

export async function fetchOrgSnapshot(
  api: GenesysAdapter,
  options: FetchSnapshotOptions = {},
): Promise<DirectorySnapshot> {
  const { signal, onProgress } = options;
  const now = wallDate(options.clock ?? systemClock);
  const names = (items: { name?: string }[]) =>
    items.map((item) => item.name ?? '').filter(Boolean);
  const pages = (phase: SnapshotPhase) => (done: number, total: number) =>
    onProgress?.({ phase, done, total });

  const [roles, divisions, skills, locations, licensed] = await Promise.all([
    allPages((pageNumber) => api.rolesListing(pageNumber, { signal })),
    allPages((pageNumber) => api.divisionsListing(pageNumber, { signal })),
    allPages((pageNumber) => api.skillsListing(pageNumber, { signal })),
    allPages((pageNumber) => api.locationsListing(pageNumber, { signal })),
    allPages((pageNumber) => api.licensedUsersListing(pageNumber, { signal }), pages('lists')),
  ]);
  const users = await allPages(
    (pageNumber) => api.usersListing(pageNumber, USER_EXPAND, { signal }),
    pages('users'),
  );
  const phones = await allPages(
    (pageNumber) =>
      api.phonesPage(pageNumber).then((page) => ({
        entities: page.items,
        pageCount: page.pageCount,
      })),
    pages('phones'),
  );
  const createdAt = await readCreationDates(
    api,
    now,
    options.auditDays ?? 14,
    signal,
    pages('audit'),
  );
  const utilization =
    options.utilization === false
      ? new Map()
      : await readUtilization(api, users, signal, onProgress);

  const extras = {
    emailById: new Map(users.map((u) => [u.id ?? '', u.email ?? ''])),
    locationNames: new Map(locations.map((l) => [l.id ?? '', l.name ?? ''])),
    webRtcUserIds: new Set(
      phones.map((p) => p.webRtcUserId).filter((id): id is string => Boolean(id)),
    ),
    createdAt,
    utilization,
  };
  return {
    org: {
      ...(options.orgName ? { name: options.orgName } : {}),
      ...(options.region ? { region: options.region } : {}),
    },
    takenAt: now.toISOString(),
    licenses: {
      ...(options.licenseTotal !== undefined ? { total: options.licenseTotal } : {}),
      assigned: licensed.filter((entry) => (entry.licenses?.length ?? 0) > 0).length,
    },
    roles: names(roles),
    divisions: names(divisions),
    locations: names(locations),
    skills: names(skills),
    users: users.map((user) => toDirectoryUser(user, extras)),
  };
}

/** user id → creation time, from the "Create User" audit events (Directory and SCIM). */
async function readCreationDates(
  api: GenesysAdapter,
  now: Date,
  days: number,
  signal: AbortSignal | undefined,
  onPage: (done: number, total: number) => void,
): Promise<Map<string, string>> {
  // a minute inside the retention limit, so the interval is never refused as too long
  const start = new Date(now.getTime() - days * 86_400_000 + 60_000);
  const interval = `${start.toISOString()}/${now.toISOString()}`;
  const events = (
    await Promise.all(
      USER_CREATION_SERVICES.map((service) =>
        allPages(
          (pageNumber) => api.createdUsersListing(interval, service, pageNumber, { signal }),
          onPage,
        ),
      ),
    )
  ).flat();
  const out = new Map<string, string>();
  for (const event of events)
    if (event.entity?.id && event.eventDate) out.set(event.entity.id, event.eventDate);
  return out;
}

async function readUtilization(
  api: GenesysAdapter,
  users: platformClient.Models.User[],
  signal: AbortSignal | undefined,
  onProgress: FetchSnapshotOptions['onProgress'],
) {
  const active = users.filter((u) => u.id && u.state !== 'deleted');
  const out = new Map<string, platformClient.Models.AgentMaxUtilizationResponse>();
  let done = 0;
  await Promise.all(
    active.map(async (user) => {
      out.set(user.id!, await api.utilization(user.id!, { signal }));
      done += 1;
      onProgress?.({ phase: 'utilization', done, total: active.length });
    }),
  );
  return out;
}
