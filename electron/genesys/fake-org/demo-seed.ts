/**
 * The demo org "acme-contact" (resources/demo/org.json), generated deterministically: about 200
 * users of a contact center, most set up as the demo config's postJit rules say, plus the cases
 * worth showing: agents JIT created this morning and stuck without skills, phone, station or
 * utilization; a duplicate employee ID; a manual role ("Quality Evaluator") that JIT would strip;
 * an email still held by a deleted user; a license pool three seats from its cap.
 */
import type { DirectoryUser } from '../../../shared/directory/types';
import { seededRandom } from '../clock';
import { DEMO_IDENTITY_PROVIDERS, DEPARTMENTS, FIRST, LAST, SAMPLE_USERS } from './demo-data';
import { stableId } from './model';
import type { FakeOrgSeed } from './seed';

const TAKEN_AT = '2026-11-23T08:30:00Z';
const DOMAIN = 'acme.example';

function iso(base: string, minutesBefore: number): string {
  return new Date(Date.parse(base) - minutesBefore * 60_000).toISOString().replace('.000Z', 'Z');
}

export function buildDemoOrgSeed(): FakeOrgSeed {
  const random = seededRandom(20261123);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const usedEmails = new Set<string>(['sam.lead@acme.example', 'jane.doe@acme.example']);
  let employeeNumber = 10_000;
  const person = () => {
    for (;;) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${DOMAIN}`;
      if (usedEmails.has(email)) continue;
      usedEmails.add(email);
      return { name: `${first} ${last}`, email };
    }
  };
  const users: DirectoryUser[] = structuredClone(SAMPLE_USERS);

  for (const department of DEPARTMENTS) {
    const lead = { ...person(), title: 'Team Lead' };
    const members = [
      lead,
      ...Array.from({ length: department.size - 1 }, () => ({
        ...person(),
        title: random() < 0.2 ? 'Senior Agent' : 'Agent',
      })),
    ];
    for (const member of members) {
      employeeNumber += 1 + Math.floor(random() * 3);
      const isLead = member === lead;
      users.push({
        id: '',
        name: member.name,
        email: member.email,
        state: 'active',
        department: department.name,
        title:
          department.skills.length === 0 && !isLead
            ? department.name === 'Quality'
              ? 'Quality Analyst'
              : 'WFM Analyst'
            : member.title,
        employeeId: `EMP-${employeeNumber}`,
        manager: isLead ? 'sam.lead@acme.example' : lead.email,
        division: department.division,
        location: department.location,
        roles: isLead ? [...department.roles, 'Supervisor'] : department.roles,
        skills: department.skills,
        webRtcPhone: department.webRtcPhone,
        defaultStation: department.webRtcPhone,
        utilization: department.utilization ?? null,
        createdAt: iso(TAKEN_AT, 60 * 24 * (20 + Math.floor(random() * 600))),
      });
    }
  }

  users.push(...stuckAgents(person, () => `EMP-${(employeeNumber += 7)}`));
  // A rehire: the old, inactive account still holds the employee ID the new one was given.
  users.push(
    {
      id: '',
      name: 'Chris Morgan',
      email: `chris.morgan@${DOMAIN}`,
      state: 'active',
      department: 'Tech_Support',
      title: 'Agent',
      employeeId: 'EMP-10077',
      manager: null,
      division: 'Home',
      location: 'Dublin',
      roles: ['Communicate_User', 'Agent_Tier2'],
      skills: [{ name: 'Basic_Troubleshooting', proficiency: 1 }],
      webRtcPhone: true,
      defaultStation: true,
      createdAt: iso(TAKEN_AT, 60 * 24 * 3),
    },
    {
      id: '',
      name: 'Christopher Morgan',
      email: `c.morgan@${DOMAIN}`,
      state: 'inactive',
      department: 'Tech_Support',
      title: 'Agent',
      employeeId: 'EMP-10077',
      manager: null,
      division: 'Home',
      location: 'Dublin',
      roles: ['Communicate_User'],
      skills: [],
      webRtcPhone: false,
      defaultStation: false,
      createdAt: '2024-02-12T14:03:00Z',
    },
    // Deleted, yet still holding the address: a JIT create for it fails with 409.
    {
      id: '',
      name: 'Former Agent',
      email: `former.agent@${DOMAIN}`,
      state: 'deleted',
      department: 'Seasonal_Retail',
      title: 'Agent',
      employeeId: 'EMP-09001',
      manager: null,
      division: 'Home',
      roles: [],
      skills: [],
      createdAt: '2025-12-01T09:00:00Z',
    },
  );
  // Ids derived from the email keep the file stable when the generator is rerun.
  for (const user of users) if (!user.id) user.id = stableId('acme-contact user', user.email);

  const licensed = users.filter((u) => u.state !== 'deleted' && (u.roles?.length ?? 0) > 0).length;
  return {
    org: { name: 'acme-contact', region: 'mypurecloud.com' },
    takenAt: TAKEN_AT,
    licenses: { total: licensed + 3, assigned: licensed },
    roles: [
      'employee',
      'Communicate_User',
      'Agent_Tier1',
      'Agent_Tier2',
      'Quality Evaluator',
      'Supervisor',
    ],
    defaultRoles: ['employee'],
    homeDivision: 'Home',
    divisions: ['Home', 'Partner Division'],
    locations: ['Chicago', 'Dublin', 'Austin'],
    skills: [
      'Customer_Service',
      'Order_Tracking',
      'Basic_Troubleshooting',
      'Billing',
      'Returns',
      'Spanish',
    ],
    telephony: {
      sites: ['Chicago'],
      phoneBaseSettings: [{ name: 'WebRTC Phone', lines: ['WebRTC Line'] }],
      lineBaseSettings: ['WebRTC Line'],
    },
    identityProviders: structuredClone(DEMO_IDENTITY_PROVIDERS),
    users,
  };
}

/** Agents JIT created this morning whose post-JIT setup never (fully) happened. */
function stuckAgents(
  person: () => { name: string; email: string },
  employeeId: () => string,
): DirectoryUser[] {
  const agent = (
    department: string,
    minutesAgo: number,
    setup: Partial<DirectoryUser>,
  ): DirectoryUser => ({
    id: '',
    ...person(),
    state: 'active',
    department,
    title: 'Agent',
    employeeId: employeeId(),
    manager: 'sam.lead@acme.example',
    division: 'Home',
    location: department === 'Seasonal_Retail' ? 'Chicago' : 'Dublin',
    roles: ['employee', 'Communicate_User', 'Agent_Tier1'],
    skills: [],
    webRtcPhone: false,
    defaultStation: false,
    utilization: null,
    createdAt: iso(TAKEN_AT, minutesAgo),
    ...setup,
  });
  return [
    agent('Seasonal_Retail', 38, {}),
    agent('Seasonal_Retail', 36, {
      skills: [
        { name: 'Customer_Service', proficiency: 1 },
        { name: 'Order_Tracking', proficiency: 1 },
      ],
    }),
    agent('Seasonal_Retail', 31, {
      skills: [{ name: 'Customer_Service', proficiency: 1 }],
      webRtcPhone: true,
    }),
    agent('Tech_Support', 27, {}),
    agent('Seasonal_Tech_Support', 22, { webRtcPhone: true, defaultStation: true }),
    agent('Seasonal_Retail', 12, {
      skills: [
        { name: 'Customer_Service', proficiency: 1 },
        { name: 'Order_Tracking', proficiency: 1 },
      ],
      webRtcPhone: true,
      defaultStation: true,
    }),
    // Set up completely this morning: the contrast to the stuck ones.
    agent('Seasonal_Retail', 55, {
      skills: [
        { name: 'Customer_Service', proficiency: 1 },
        { name: 'Order_Tracking', proficiency: 1 },
      ],
      webRtcPhone: true,
      defaultStation: true,
      utilization: { call: 1, chat: 3 },
    }),
  ];
}
