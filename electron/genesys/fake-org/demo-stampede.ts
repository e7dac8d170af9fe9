/**
 * The demo org at the size of a 9 AM stampede (`--demo-size 2000`, and the app's "demo org with
 * 2,000 stuck agents"): the six stuck agents of the seed plus generated ones, JIT created over the
 * last eight hours in the departments the demo rules cover, most with nothing set up and some
 * half set up, so the review list, the filters and a long-running job can be seen at full size.
 * Deterministic: the same size gives the same users.
 */
import type { DirectoryUser } from '../../../shared/directory/types';
import { seededRandom, systemClock } from '../clock';
import { FIRST, LAST } from './demo-data';
import { stableId } from './model';
import type { FakeOrgSeed } from './seed';

/** Stuck agents in the seed as generated (resources/demo/org.json). */
export const DEMO_STUCK_AGENTS = 6;
export const MAX_DEMO_STUCK_AGENTS = 5000;

const DEPARTMENTS: { name: string; weight: number; location: string }[] = [
  { name: 'Seasonal_Retail', weight: 5, location: 'Chicago' },
  { name: 'Seasonal_Tech_Support', weight: 2, location: 'Dublin' },
  { name: 'Tech_Support', weight: 1, location: 'Dublin' },
  { name: 'Billing', weight: 1, location: 'Austin' },
  { name: 'Partner_Support', weight: 1, location: 'Austin' },
];

/** The seed with stuck agents added until it holds `total` of them. */
export function withStuckAgents(seed: FakeOrgSeed, total: number): FakeOrgSeed {
  const extra = total - DEMO_STUCK_AGENTS;
  if (extra <= 0) return seed;
  const random = seededRandom(total);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const weighted = DEPARTMENTS.flatMap((d) => Array.from({ length: d.weight }, () => d));
  const takenAt = seed.takenAt ? Date.parse(seed.takenAt) : systemClock.wallNow();
  const users: DirectoryUser[] = [];
  for (let n = 1; n <= extra; n += 1) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${first}.${last}.${n}@acme.example`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    const department = pick(weighted);
    const setup = random();
    users.push({
      id: stableId('acme-contact user', email),
      name: `${first} ${last}`,
      email,
      state: 'active',
      department: department.name,
      title: 'Agent',
      employeeId: `EMP-${50_000 + n}`,
      manager: 'sam.lead@acme.example',
      division: 'Home',
      location: department.location,
      roles: ['employee', 'Communicate_User', 'Agent_Tier1'],
      // A quarter got their phone before the setup stopped; the rest have nothing yet.
      skills: [],
      webRtcPhone: setup < 0.25,
      defaultStation: false,
      utilization: null,
      // Spread over the eight hours before the snapshot, to the second.
      createdAt: new Date(takenAt - Math.floor(random() * 8 * 3_600) * 1000).toISOString(),
    });
  }
  return {
    ...seed,
    licenses: seed.licenses && {
      total: (seed.licenses.total ?? 0) + extra,
      assigned: (seed.licenses.assigned ?? 0) + extra,
    },
    users: [...seed.users, ...users],
  };
}
