import { describe, expect, it } from 'vitest';
import type { PostJitConfig } from '../../../shared/config/types';
import { desiredStateFor, planRepair } from '../../../shared/provisioning';
import { formatDuration, formatPlan, formatSummary } from '../../../shared/provisioning/format';

const postJit: PostJitConfig = {
  phone: { site: 'Chicago', phoneBaseSettings: 'WebRTC Phone' },
  rules: [
    {
      when: { department: 'Seasonal_Retail' },
      skills: [{ name: 'Customer_Service', proficiency: 1 }],
      webRtcPhone: true,
      utilization: { call: 1, chat: 3 },
    },
  ],
};
const jane = {
  id: 'u1',
  name: 'Jane Doe',
  email: 'jane.doe@acme.example',
  department: 'Seasonal_Retail',
};
const plan = planRepair(desiredStateFor(jane, postJit), jane);

describe('plan and summary text', () => {
  it('names the user, the rule and why, then numbers the steps', () => {
    expect(formatPlan({ ...jane, plan })).toEqual([
      'Jane Doe <jane.doe@acme.example>: 4 steps (rule 1: department Seasonal_Retail)',
      '  1. add skill Customer_Service (1)',
      '  2. create a WebRTC phone on site Chicago (WebRTC Phone)',
      '  3. make the WebRTC station the default station',
      '  4. set utilization call 1, chat 3 (now org defaults)',
    ]);
  });

  it('tabulates outcomes with the reason a user is not repaired, and the totals', () => {
    const lines = formatSummary([
      { ...jane, plan, status: 'repaired', reasons: [], remaining: [] },
      {
        name: 'Ben',
        email: 'ben@acme.example',
        plan,
        status: 'not-repaired',
        reasons: ['default-station: the WebRTC station did not appear within 32 s'],
        remaining: [{}],
      },
    ]);
    expect(lines[0]).toMatch(/^user\s+result\s+steps\s+details$/);
    expect(lines[1]).toMatch(
      /jane\.doe@acme\.example\s+repaired\s+4\s+verified: nothing left to do/,
    );
    expect(lines[2]).toMatch(/NOT repaired.*did not appear within 32 s/);
    expect(lines[3]).toBe('2 users: 1 repaired, 1 not repaired, 0 with nothing to do');
  });

  it('writes durations for people', () => {
    expect(formatDuration(12_400)).toBe('12s');
    expect(formatDuration(200_000)).toBe('3m 20s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });
});
