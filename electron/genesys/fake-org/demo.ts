/**
 * The embedded demo org: the fake org seeded from resources/demo/org.json, its timestamps moved so
 * that the stuck agents were created this morning whenever it starts, served on 127.0.0.1 with the
 * production rate limit (300 per minute) and the real API's hardness (hardness.ts: new WebRTC
 * stations appear after up to a minute, as they do in Genesys Cloud).
 */
import demoSeed from '../../../resources/demo/org.json';
import { systemClock } from '../clock';
import { startFakeOrg, type FakeOrg, type FakeOrgOptions } from './server';
import { DEMO_STUCK_AGENTS, withStuckAgents } from './demo-stampede';
import type { FakeOrgSeed } from './seed';

export { DEMO_CONFIG_PATH } from './demo-config';

export const DEMO_ORG_NAME = 'acme-contact';

export function demoOrgSeed(): FakeOrgSeed {
  // a fresh copy: the fake org's seeding must never alias the imported module's data
  return structuredClone(demoSeed) as FakeOrgSeed;
}

export interface DemoOrgOptions extends Omit<FakeOrgOptions, 'seed'> {
  /** Stuck agents in the org (demo-stampede.ts); default the seed's six. */
  stuckAgents?: number;
}

export function startDemoOrg({ stuckAgents, ...options }: DemoOrgOptions = {}): Promise<FakeOrg> {
  return startFakeOrg({
    seed: withStuckAgents(demoOrgSeed(), stuckAgents ?? DEMO_STUCK_AGENTS),
    rebaseTo: (options.clock ?? systemClock).wallNow(),
    ...options,
  });
}
