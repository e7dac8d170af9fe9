/**
 * The org of a 9 AM stampede: N agents just created by JIT (department set, nothing else), the
 * skills, site and WebRTC base settings the rules name, and the usual rules (department → skills,
 * a WebRTC phone, its station as the default). Shared by the integration tests and the benchmark.
 */
import type { PostJitConfig } from '../../../shared/config/types';
import type { DirectoryUser } from '../../../shared/directory/types';
import type { FakeOrgSeed } from '../../../electron/genesys/fake-org/seed';

export const STAMPEDE_POST_JIT: PostJitConfig = {
  phone: { site: 'Chicago', phoneBaseSettings: 'WebRTC Phone', lineBaseSettings: 'WebRTC Line' },
  rules: [
    {
      when: { department: 'Seasonal_Retail' },
      skills: [
        { name: 'Customer_Service', proficiency: 1 },
        { name: 'Order_Tracking', proficiency: 1 },
      ],
      webRtcPhone: true,
    },
    {
      when: { department: ['Seasonal_Tech_Support', 'Tech_Support'] },
      skills: [{ name: 'Basic_Troubleshooting', proficiency: 2 }],
      webRtcPhone: true,
    },
  ],
};

const DEPARTMENTS = ['Seasonal_Retail', 'Seasonal_Tech_Support', 'Tech_Support'];

/** `agents` users created in the minutes before `takenAt`, none provisioned yet. */
export function stampedeSeed(agents: number, takenAt = '2026-11-23T09:00:00.000Z'): FakeOrgSeed {
  const start = Date.parse(takenAt) - 30 * 60_000;
  const users: DirectoryUser[] = Array.from({ length: agents }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      id: '',
      name: `Agent ${n}`,
      email: `agent.${n}@acme.example`,
      department: DEPARTMENTS[i % DEPARTMENTS.length]!,
      title: 'Agent',
      roles: ['Communicate_User'],
      createdAt: new Date(start + i * 500).toISOString(),
    };
  });
  return {
    org: { name: 'stampede', region: 'mypurecloud.com' },
    takenAt,
    divisions: ['Home'],
    roles: ['Communicate_User', 'Agent_Tier1'],
    skills: ['Customer_Service', 'Order_Tracking', 'Basic_Troubleshooting'],
    telephony: {
      sites: ['Chicago'],
      phoneBaseSettings: [{ name: 'WebRTC Phone', lines: ['WebRTC Line'] }],
    },
    users,
  };
}
