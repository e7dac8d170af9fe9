/** Starts a fake org and connects the real SDK to it over HTTP on 127.0.0.1. */
import { createGenesysAdapter, type GenesysAdapter } from '../../../electron/genesys/adapter';
import { GenesysApiError } from '../../../electron/genesys/errors';
import {
  connectGenesys,
  type GenesysConnection,
  type GenesysConnectionOptions,
} from '../../../electron/genesys/connection';
import {
  startFakeOrg,
  type FakeOrg,
  type FakeOrgOptions,
} from '../../../electron/genesys/fake-org/server';
import type { FakeOrgSeed } from '../../../electron/genesys/fake-org/seed';

const smallOrg: FakeOrgSeed = {
  org: { name: 'test-org', region: 'mypurecloud.com' },
  takenAt: '2026-11-20T09:00:00Z',
  divisions: ['Home', 'Partner Division'],
  roles: ['employee', 'Agent_Tier1', 'Quality Evaluator'],
  defaultRoles: ['employee'],
  locations: ['Chicago', 'Dublin'],
  skills: ['Customer_Service', 'Order_Tracking', 'Basic_Troubleshooting'],
  licenses: { total: 10 },
  telephony: {
    sites: ['Chicago'],
    phoneBaseSettings: [{ name: 'WebRTC Phone', lines: ['WebRTC Line'] }],
  },
  users: [
    {
      id: 'u-sam',
      name: 'Sam Lead',
      email: 'sam.lead@acme.example',
      employeeId: 'EMP-1',
      department: 'Tech_Support',
      roles: ['employee', 'Quality Evaluator'],
      skills: [{ name: 'Customer_Service', proficiency: 3 }],
      webRtcPhone: true,
      defaultStation: true,
      createdAt: '2026-11-20T08:00:00Z',
    },
    {
      id: 'u-gone',
      name: 'Gone User',
      email: 'gone@acme.example',
      state: 'deleted',
      roles: ['employee'],
    },
  ],
};

export interface Harness {
  org: FakeOrg;
  connection: GenesysConnection;
  api: GenesysAdapter;
  stop(): Promise<void>;
}

export async function startHarness(
  orgOptions: FakeOrgOptions = {},
  connection: Partial<GenesysConnectionOptions> = {},
): Promise<Harness> {
  const org = await startFakeOrg({ seed: smallOrg, ...orgOptions });
  const conn = await connectGenesys({
    apiBase: org.url,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
    ...connection,
  });
  return {
    org,
    connection: conn,
    api: createGenesysAdapter(conn),
    stop: async () => {
      conn.close();
      await org.stop();
    },
  };
}

/** The API calls the fake org saw, as "METHOD /path?query". */
export function calls(org: FakeOrg): string[] {
  return org.requests
    .filter((r) => r.path.startsWith('/api/'))
    .map((r) => `${r.method} ${r.path}${r.query}`);
}

/** The GenesysApiError a call failed with; fails the test when the call succeeded. */
export async function failureOf(call: Promise<unknown>): Promise<GenesysApiError> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof GenesysApiError))
    throw new Error(`expected a GenesysApiError, got ${String(outcome)}`);
  return outcome;
}

/** A WebRTC phone for `userId` on the seeded site and phone base (smallOrg's telephony). */
export async function webRtcPhoneFor(api: GenesysAdapter, userId: string, name: string) {
  const site = (await api.sitesNamed('Chicago'))[0]!;
  const base = (await api.phoneBaseSettingsNamed('WebRTC Phone'))[0]!;
  return {
    name,
    userId,
    siteId: site.id,
    phoneBaseSettingsId: base.id,
    phoneMetaBaseId: base.metaBaseId,
    lineBaseSettingsId: base.lines[0]!.id,
  };
}
