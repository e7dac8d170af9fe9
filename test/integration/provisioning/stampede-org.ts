/**
 * The org of a 9 AM stampede: N agents just created by JIT (department set, nothing else), the
 * skills, site and WebRTC base settings the rules name, and the usual rules (department → skills,
 * a WebRTC phone, its station as the default). Shared by the integration tests and the benchmark.
 */
import type { PostJitConfig } from '../../../shared/config/types';
import type { DirectoryUser } from '../../../shared/directory/types';
import type { FakeOrgSeed } from '../../../electron/genesys/fake-org/seed';
import type { FakeOrgState } from '../../../electron/genesys/fake-org/state';
import {
  journalKey,
  lastEvents,
  type JournalEntry,
} from '../../../electron/genesys/provisioning/journal';

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

/**
 * The same rules, each also moving the agent to the Retail division and granting it a role there
 * (the `repair.stampede-2000-roles` benchmark).
 */
export const STAMPEDE_ROLES_POST_JIT: PostJitConfig = {
  ...STAMPEDE_POST_JIT,
  rules: STAMPEDE_POST_JIT.rules.map((rule) => ({
    ...rule,
    division: 'Retail',
    roles: ['Agent_Tier1'],
  })),
};

const DEPARTMENTS = ['Seasonal_Retail', 'Seasonal_Tech_Support', 'Tech_Support'];

export interface StampedeOptions {
  /** Users already in the org (not created by JIT, no rule for them), each with its WebRTC phone as its default station. */
  brownfield?: number;
}

/** `agents` users created in the minutes before `takenAt`, none provisioned yet. */
export function stampedeSeed(
  agents: number,
  takenAt = '2026-11-23T09:00:00.000Z',
  options: StampedeOptions = {},
): FakeOrgSeed {
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
  // No creation date: the audit log does not name them, so the repair never picks them up.
  const staff: DirectoryUser[] = Array.from({ length: options.brownfield ?? 0 }, (_, i) => ({
    id: '',
    name: `Staff ${i + 1}`,
    email: `staff.${i + 1}@acme.example`,
    department: 'Back_Office',
    title: 'Staff',
    roles: ['Communicate_User'],
    webRtcPhone: true,
    defaultStation: true,
  }));
  users.push(...staff);
  return {
    org: { name: 'stampede', region: 'mypurecloud.com' },
    takenAt,
    divisions: ['Home', 'Retail'],
    roles: ['Communicate_User', 'Agent_Tier1'],
    skills: ['Customer_Service', 'Order_Tracking', 'Basic_Troubleshooting'],
    telephony: {
      sites: ['Chicago'],
      phoneBaseSettings: [{ name: 'WebRTC Phone', lines: ['WebRTC Line'] }],
    },
    users,
  };
}

export interface OrgAudit {
  /** Agents missing skills, their phone or their default station, with what is missing. */
  notRepaired: string[];
  /** Phones beyond the first of each user. */
  duplicatePhones: number;
  /** Where the journal's last word differs from what the org holds. */
  journalDisagreements: string[];
}

/**
 * Checks the org itself, not the executor's claims: every agent has its rule's skills, exactly one
 * WebRTC phone whose station is the default, and the journal's last line per step names the same
 * phone and station and says the user was verified.
 */
export function auditStampedeOrg(
  state: FakeOrgState,
  entries: readonly JournalEntry[],
  postJit: PostJitConfig = STAMPEDE_POST_JIT,
): OrgAudit {
  const phonesByUser = new Map<string, string[]>();
  for (const phone of state.phones.values()) {
    if (!phone.webRtcUserId) continue;
    phonesByUser.set(phone.webRtcUserId, [
      ...(phonesByUser.get(phone.webRtcUserId) ?? []),
      phone.id,
    ]);
  }
  const stationOf = new Map(state.stations().map((s) => [s.webRtcUserId, s.id]));
  const last = lastEvents(entries);
  const audit: OrgAudit = { notRepaired: [], duplicatePhones: 0, journalDisagreements: [] };
  for (const user of state.users.values()) {
    // Users already in the org before the stampede are not the repair's business.
    if (!DEPARTMENTS.includes(user.department ?? '')) continue;
    const phones = phonesByUser.get(user.id) ?? [];
    audit.duplicatePhones += Math.max(0, phones.length - 1);
    const rule = postJit.rules.find((r) =>
      [r.when.department].flat().includes(user.department ?? ''),
    );
    const missing: string[] = [];
    for (const skill of rule?.skills ?? []) {
      const id = [...state.skills.values()].find((s) => s.name === skill.name)?.id;
      if (!id || user.skills.get(id) !== skill.proficiency) missing.push(`skill ${skill.name}`);
    }
    if (rule?.division) {
      const division = state.byName(state.divisions, rule.division);
      if (user.divisionId !== division?.id) missing.push(`division ${rule.division}`);
      for (const name of rule.roles ?? []) {
        const role = state.byName(state.roles, name);
        if (!user.grants.some((g) => g.roleId === role?.id && g.divisionId === division?.id))
          missing.push(`role ${name} in ${rule.division}`);
      }
    }
    if (phones.length === 0) missing.push('WebRTC phone');
    if (!user.defaultStationId || user.defaultStationId !== stationOf.get(user.id))
      missing.push('default station');
    if (missing.length > 0) audit.notRepaired.push(`${user.email}: ${missing.join(', ')}`);

    const disagree = (what: string) => audit.journalDisagreements.push(`${user.email}: ${what}`);
    const phoneLine = last.get(journalKey(user.id, 'webrtc-phone'));
    if (phoneLine?.event !== 'finished' || phoneLine.detail?.phoneId !== phones[0])
      disagree(
        `journal phone ${String(phoneLine?.detail?.phoneId)} (${phoneLine?.event}), org ${phones[0]}`,
      );
    const stationLine = last.get(journalKey(user.id, 'default-station'));
    if (
      stationLine?.event !== 'finished' ||
      stationLine.detail?.stationId !== user.defaultStationId
    )
      disagree(
        `journal station ${String(stationLine?.detail?.stationId)}, org ${user.defaultStationId}`,
      );
    if (last.get(journalKey(user.id, 'verify'))?.event !== 'finished') disagree('not verified');
  }
  return audit;
}
