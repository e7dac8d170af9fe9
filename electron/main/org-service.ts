/**
 * Which org the app talks to: the profile chosen in Settings, or the embedded demo org when none
 * is, so the app is useful on first launch. One connection at a time, opened lazily.
 */
import type { OrgStatus } from '../../shared/ipc';
import { DEMO_STUCK_AGENTS } from '../genesys/fake-org/demo-stampede';
import type { OrgProfiles } from './org-profiles';
import type { OrgConnection, OrgConnector } from './ports';
import type { SettingsStore } from './settings-store';

export interface OrgService {
  /** The connection in use, or null when it cannot be opened (the status says why). */
  current(): Promise<OrgConnection | null>;
  /** `demoStuckAgents` sizes the demo org (when `profileId` is null); default 6. */
  connect(profileId: string | null, demoStuckAgents?: number): Promise<OrgStatus>;
  status(): Promise<OrgStatus>;
  close(): Promise<void>;
}

export function createOrgService(deps: {
  connector: OrgConnector;
  profiles: OrgProfiles;
  settings: SettingsStore;
  log?: (line: string) => void;
}): OrgService {
  let opening: Promise<OrgConnection | null> | null = null;
  let connection: OrgConnection | null = null;
  let status: OrgStatus | null = null;
  let demoStuckAgents = DEMO_STUCK_AGENTS;

  const open = async (): Promise<OrgConnection | null> => {
    const { rateLimitPerMinute } = await deps.settings.get();
    const profileId = await deps.profiles.activeId();
    if (profileId === null) {
      try {
        connection = await deps.connector.demo({
          rateLimitPerMinute,
          stuckAgents: demoStuckAgents,
        });
        status = demoStatus(connection, null, demoStuckAgents);
      } catch (error) {
        status = { ...demoStatus(null, null, demoStuckAgents), problem: problemOf(error) };
      }
      return connection;
    }
    const profile = (await deps.profiles.list()).find((p) => p.id === profileId);
    try {
      const credentials = await deps.profiles.credentialsFor(profileId);
      connection = await deps.connector.live({
        region: credentials.region,
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        name: credentials.name,
        rateLimitPerMinute,
      });
      status = {
        kind: 'org',
        name: credentials.name,
        region: credentials.region,
        profileId,
        problem: null,
        demoStuckAgents: null,
      };
    } catch (error) {
      deps.log?.(`org: cannot connect ${profile?.name ?? profileId}: ${problemOf(error)}`);
      status = {
        kind: 'org',
        name: profile?.name ?? 'unknown profile',
        region: profile?.region ?? '',
        profileId,
        problem: problemOf(error),
        demoStuckAgents: null,
      };
    }
    return connection;
  };

  const current = async () => {
    if (connection) return connection;
    opening ??= open().finally(() => {
      opening = null;
    });
    return opening;
  };

  const close = async () => {
    const previous = connection;
    connection = null;
    status = null;
    await previous?.close();
  };

  return {
    current,
    async connect(profileId, stuckAgents) {
      demoStuckAgents = stuckAgents ?? DEMO_STUCK_AGENTS;
      await deps.profiles.setActive(profileId);
      await close();
      await current();
      return status ?? demoStatus(null, 'not connected', demoStuckAgents);
    },
    async status() {
      await current();
      return status ?? demoStatus(null, 'not connected', demoStuckAgents);
    },
    close,
  };
}

function demoStatus(
  connection: OrgConnection | null,
  problem: string | null,
  stuckAgents: number,
): OrgStatus {
  return {
    kind: 'demo',
    name: connection?.name ?? 'Demo org',
    region: connection?.region ?? 'mypurecloud.com',
    profileId: null,
    problem,
    demoStuckAgents: stuckAgents,
  };
}

function problemOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
