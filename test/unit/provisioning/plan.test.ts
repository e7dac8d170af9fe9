import { describe, expect, it } from 'vitest';
import type { PostJitConfig } from '../../../shared/config/types';
import {
  describeStep,
  desiredStateFor,
  isSettled,
  matchRule,
  planRepair,
  stepKey,
  summarisePlan,
  type ProvisioningState,
} from '../../../shared/provisioning';

const postJit: PostJitConfig = {
  phone: { site: 'Chicago', phoneBaseSettings: 'WebRTC Phone', lineBaseSettings: 'WebRTC Line' },
  rules: [
    {
      when: { department: 'Seasonal_Retail' },
      skills: [
        { name: 'Customer_Service', proficiency: 1 },
        { name: 'Order_Tracking', proficiency: 1 },
      ],
      webRtcPhone: true,
      utilization: { call: 1, chat: 3 },
    },
    {
      when: { department: ['Seasonal_Tech_Support', 'Tech_Support'] },
      skills: [{ name: 'Basic_Troubleshooting', proficiency: 1 }],
      webRtcPhone: true,
    },
    {
      when: { title: 'Supervisor', role: ['Agent_Tier2', 'Supervisor'] },
      roles: ['Quality Evaluator'],
      division: 'Supervisors',
    },
  ],
};

function user(fields: Partial<ProvisioningState>): ProvisioningState {
  return { id: 'u-1', email: 'jane.doe@acme.example', ...fields };
}

describe('matchRule', () => {
  it('matches an exact string and explains it', () => {
    const match = matchRule({ department: 'Seasonal_Retail' }, postJit.rules);
    expect(match?.index).toBe(0);
    expect(match?.because).toBe('department Seasonal_Retail');
  });

  it('matches any string of an array', () => {
    expect(matchRule({ department: 'Tech_Support' }, postJit.rules)?.index).toBe(1);
  });

  it('requires exact case', () => {
    expect(matchRule({ department: 'seasonal_retail' }, postJit.rules)).toBeNull();
  });

  it('needs every condition of a rule, including a held role', () => {
    expect(matchRule({ title: 'Supervisor', roles: ['Agent_Tier1'] }, postJit.rules)).toBeNull();
    const match = matchRule({ title: 'Supervisor', roles: ['Supervisor'] }, postJit.rules);
    expect(match?.because).toBe('title Supervisor, role Supervisor');
  });

  it('takes the first matching rule and treats an empty `when` as a default', () => {
    const rules = [{ when: {}, skills: [{ name: 'General', proficiency: 2 }] }, ...postJit.rules];
    expect(matchRule({ department: 'Seasonal_Retail' }, rules)).toMatchObject({
      index: 0,
      because: 'default rule',
    });
    const defaultLast = [...postJit.rules, { when: {} }];
    expect(matchRule({ department: 'Seasonal_Retail' }, defaultLast)?.index).toBe(0);
    expect(matchRule({ department: 'Finance' }, defaultLast)?.index).toBe(3);
  });
});

describe('planRepair', () => {
  it('plans skills, phone, default station and utilization for a stuck agent, with reasons', () => {
    const agent = user({ department: 'Seasonal_Retail' });
    const plan = planRepair(desiredStateFor(agent, postJit), agent);
    expect(plan.steps.map(stepKey)).toEqual([
      'skill:Customer_Service',
      'skill:Order_Tracking',
      'webrtc-phone',
      'default-station',
      'utilization',
    ]);
    expect(plan.steps[0]?.reason).toBe('department Seasonal_Retail → skill Customer_Service (1)');
    expect(plan.steps[2]).toMatchObject({
      site: 'Chicago',
      phoneBaseSettings: 'WebRTC Phone',
      lineBaseSettings: 'WebRTC Line',
    });
    expect(plan.steps[4]?.reason).toContain('utilization call 1, chat 3 (now org defaults)');
    expect(plan.blocked).toEqual([]);
    expect(summarisePlan(plan)).toBe('5 steps');
  });

  it('gives an agent who is already right an empty plan', () => {
    const agent = user({
      department: 'Seasonal_Retail',
      skills: [
        { name: 'Order_Tracking', proficiency: 1 },
        { name: 'Customer_Service', proficiency: 1 },
        { name: 'Hand_Granted', proficiency: 4 },
      ],
      webRtcPhone: true,
      defaultStation: true,
      utilization: { call: 1, chat: 3, email: 2 },
    });
    const plan = planRepair(desiredStateFor(agent, postJit), agent);
    expect(plan.steps).toEqual([]);
    expect(isSettled(plan)).toBe(true);
    expect(summarisePlan(plan)).toBe('nothing to do');
  });

  it('updates a wrong proficiency and only the missing parts', () => {
    const agent = user({
      department: 'Tech_Support',
      skills: [{ name: 'Basic_Troubleshooting', proficiency: 3 }],
      webRtcPhone: true,
      defaultStation: false,
    });
    const plan = planRepair(desiredStateFor(agent, postJit), agent);
    expect(plan.steps).toEqual([
      expect.objectContaining({ kind: 'skill', proficiency: 1, from: 3 }),
      expect.objectContaining({ kind: 'default-station' }),
    ]);
    expect(describeStep(plan.steps[0]!)).toBe('set skill Basic_Troubleshooting to 1 (now 3)');
  });

  it('plans division and missing roles without removing other roles', () => {
    const agent = user({ title: 'Supervisor', roles: ['Supervisor'], division: 'Home' });
    const plan = planRepair(desiredStateFor(agent, postJit), agent);
    expect(plan.steps).toEqual([
      expect.objectContaining({ kind: 'division', name: 'Supervisors', from: 'Home' }),
      expect.objectContaining({ kind: 'role', name: 'Quality Evaluator' }),
    ]);
  });

  it('has nothing to do when no rule matches', () => {
    const agent = user({ department: 'Finance' });
    const plan = planRepair(desiredStateFor(agent, postJit), agent);
    expect(plan).toMatchObject({ match: null, steps: [], blocked: [] });
    expect(summarisePlan(plan)).toBe('no rule matches');
  });

  it('blocks the phone (and its station) when postJit.phone is not configured', () => {
    const { phone: _phone, ...withoutPhone } = postJit;
    const agent = user({ department: 'Tech_Support' });
    const plan = planRepair(desiredStateFor(agent, withoutPhone), agent);
    expect(plan.steps.map(stepKey)).toEqual(['skill:Basic_Troubleshooting']);
    expect(plan.blocked[0]).toMatch(/postJit\.phone/);
    expect(isSettled(plan)).toBe(false);
  });

  it('re-plans a utilization that differs in one media type', () => {
    const agent = user({
      department: 'Seasonal_Retail',
      skills: [
        { name: 'Customer_Service', proficiency: 1 },
        { name: 'Order_Tracking', proficiency: 1 },
      ],
      webRtcPhone: true,
      defaultStation: true,
      utilization: { call: 1, chat: 4 },
    });
    const plan = planRepair(desiredStateFor(agent, postJit), agent);
    expect(plan.steps).toEqual([
      expect.objectContaining({ kind: 'utilization', utilization: { call: 1, chat: 3 } }),
    ]);
    expect(describeStep(plan.steps[0]!)).toBe(
      'set utilization call 1, chat 3 (now call 1, chat 4)',
    );
  });
});
