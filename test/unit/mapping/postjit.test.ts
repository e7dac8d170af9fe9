import { describe, expect, it } from 'vitest';
import type { PostJitConfig } from '../../../shared/config/types';
import { JANE, analyse, codes, config, directory, user } from './helpers';

const postJit: PostJitConfig = {
  phone: { site: 'Chicago', phoneBaseSettings: 'WebRTC Phone' },
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
  ],
};

describe('post-JIT findings', () => {
  it('a stuck agent: missing skills, no phone, utilization differs', () => {
    const stuck = user({
      skills: [{ name: 'Customer_Service', proficiency: 1 }],
      webRtcPhone: false,
      defaultStation: false,
      utilization: { call: 1 },
    });
    const result = analyse(JANE, config({ postJit }), directory([stuck]));
    expect(
      result.findings.find((f) => f.code === 'POSTJIT_MISSING_SKILLS')?.evidence.missing,
    ).toEqual([{ name: 'Order_Tracking', proficiency: 1, held: null }]);
    expect(codes(result)).toEqual(
      expect.arrayContaining(['POSTJIT_MISSING_PHONE', 'POSTJIT_UTILIZATION']),
    );
    expect(codes(result)).not.toContain('POSTJIT_MISSING_STATION');
  });

  it('POSTJIT_MISSING_STATION when the phone exists but is not the default station', () => {
    const agent = user({
      skills: postJit.rules[0]!.skills!,
      webRtcPhone: true,
      defaultStation: false,
      utilization: { call: 1, chat: 3 },
    });
    expect(codes(analyse(JANE, config({ postJit }), directory([agent])))).toEqual(
      expect.arrayContaining(['POSTJIT_MISSING_STATION']),
    );
  });

  it('nothing for a fully set-up agent, for a new user, or when the snapshot does not know', () => {
    const ready = user({
      skills: postJit.rules[0]!.skills!,
      webRtcPhone: true,
      defaultStation: true,
      utilization: { call: 1, chat: 3 },
    });
    expect(
      codes(analyse(JANE, config({ postJit }), directory([ready]))).filter((c) =>
        c.startsWith('POSTJIT_'),
      ),
    ).toEqual([]);
    expect(
      codes(analyse(JANE, config({ postJit }), directory([]))).filter((c) =>
        c.startsWith('POSTJIT_'),
      ),
    ).toEqual([]);
    expect(
      codes(analyse(JANE, config({ postJit }), directory([user()]))).filter((c) =>
        c.startsWith('POSTJIT_'),
      ),
    ).toEqual([]);
  });
});
