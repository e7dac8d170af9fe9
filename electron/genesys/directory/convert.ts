/** Genesys Cloud API shapes → the directory snapshot's users (docs/configuration.md). */
import type platformClient from 'purecloud-platform-client-v2';
import type { DirectoryUser } from '../../../shared/directory/types';

type User = platformClient.Models.User;
type Utilization = platformClient.Models.AgentMaxUtilizationResponse;

const MEDIA = ['call', 'callback', 'chat', 'email', 'message'] as const;
const STATES = new Set(['active', 'inactive', 'deleted']);

export interface UserExtras {
  /** user id → email, to name managers by email as the snapshot does */
  emailById: ReadonlyMap<string, string>;
  /** location id → name */
  locationNames: ReadonlyMap<string, string>;
  webRtcUserIds: ReadonlySet<string>;
  createdAt: ReadonlyMap<string, string>;
  /** user id → utilization, for the users it was read for */
  utilization: ReadonlyMap<string, Utilization>;
}

/** Only a user-level override counts: Organization level means "the org defaults apply". */
export function toUtilization(response: Utilization | undefined): DirectoryUser['utilization'] {
  if (!response || response.level !== 'Agent') return null;
  const out: NonNullable<DirectoryUser['utilization']> = {};
  for (const media of MEDIA) {
    const capacity = response.utilization?.[media]?.maximumCapacity;
    if (capacity !== undefined) out[media] = capacity;
  }
  return out;
}

export function toDirectoryUser(user: User, extras: UserExtras): DirectoryUser {
  const id = user.id ?? '';
  const location = user.locations?.[0]?.locationDefinition;
  const out: DirectoryUser = {
    id,
    name: user.name ?? '',
    email: user.email ?? '',
    state: STATES.has(user.state ?? '') ? (user.state as DirectoryUser['state']) : 'active',
    department: user.department ?? null,
    title: user.title ?? null,
    employeeId: user.employerInfo?.employeeId ?? null,
    manager: user.manager?.id ? (extras.emailById.get(user.manager.id) ?? null) : null,
    division: user.division?.name ?? null,
    location: location
      ? (location.name ?? extras.locationNames.get(location.id ?? '') ?? null)
      : null,
    roles: (user.authorization?.roles ?? [])
      .map((role) => role.name ?? role.id ?? '')
      .filter(Boolean),
    skills: (user.skills ?? []).map((skill) => ({
      name: skill.name ?? skill.id ?? '',
      proficiency: skill.proficiency ?? 0,
    })),
    webRtcPhone: extras.webRtcUserIds.has(id),
    defaultStation: Boolean(user.station?.defaultStation?.id),
  };
  if (extras.utilization.has(id)) out.utilization = toUtilization(extras.utilization.get(id));
  const createdAt = extras.createdAt.get(id);
  if (createdAt) out.createdAt = createdAt;
  return out;
}
