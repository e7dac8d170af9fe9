import { describe, expect, it } from 'vitest';
import type { RepairCandidate, RepairJobView } from '../../../shared/ipc';
import { etaText, mergeJobEvent } from '../../../renderer/src/model/repair-job';
import {
  ANY,
  applyFilter,
  chosenAmong,
  filterChoices,
  NO_DEPARTMENT,
} from '../../../renderer/src/model/repair-review';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const agent = (
  id: string,
  department: string | null,
  kinds: ('skill' | 'utilization')[],
  hoursAgo: number,
): RepairCandidate => ({
  user: { id, name: `Agent ${id}`, email: `${id}@acme.example`, department },
  plan: {
    userId: id,
    match: null,
    steps: kinds.map((kind) =>
      kind === 'skill'
        ? { kind, name: 'Billing', proficiency: 1, from: null, reason: 'r' }
        : { kind, utilization: { call: 1 }, from: null, reason: 'r' },
    ),
    blocked: [],
  },
  summary: '',
  steps: kinds.map((k) => `step ${k}`),
  rule: department ? `rule for ${department}` : null,
  createdAt: new Date(NOW - hoursAgo * 3_600_000).toISOString(),
});

const list = [
  agent('a', 'Billing', ['skill'], 1),
  agent('b', 'Billing', ['utilization'], 5),
  agent('c', null, ['skill', 'utilization'], 10),
];

describe('reviewing stuck agents', () => {
  it('offers the departments, rules and step kinds present', () => {
    expect(filterChoices(list)).toEqual({
      departments: ['(no department)', 'Billing'],
      rules: ['(no rule)', 'rule for Billing'],
      stepKinds: ['skill', 'utilization'],
    });
  });

  it('filters by department, step kind, creation time and text', () => {
    const ids = (f: Partial<typeof ANY>) =>
      applyFilter(list, { ...ANY, ...f }, NOW).map((c) => c.user.id);
    expect(ids({ department: 'Billing' })).toEqual(['a', 'b']);
    expect(ids({ department: NO_DEPARTMENT })).toEqual(['c']);
    expect(ids({ stepKind: 'utilization' })).toEqual(['b', 'c']);
    expect(ids({ createdWithinHours: 8 })).toEqual(['a', 'b']);
    expect(ids({ text: 'C@ACME' })).toEqual(['c']);
  });

  it('acts only on agents both chosen and shown', () => {
    const shown = applyFilter(list, { ...ANY, department: 'Billing' }, NOW);
    expect(chosenAmong(shown, new Set(['a', 'c'])).map((c) => c.user.id)).toEqual(['a']);
  });
});

describe('following the job', () => {
  const job = (resultsFrom: number, ids: string[]): RepairJobView =>
    ({
      jobId: 'j',
      resultsFrom,
      results: ids.map((userId) => ({ userId, name: userId, outcome: 'repaired', message: '' })),
    }) as unknown as RepairJobView;

  it('appends results in order and asks again after a gap', () => {
    const first = mergeJobEvent(null, job(0, ['a']));
    expect('job' in first && first.job.results.map((r) => r.userId)).toEqual(['a']);
    const known = (first as { job: RepairJobView }).job;
    const next = mergeJobEvent(known, job(1, ['b']));
    expect('job' in next && next.job.results.map((r) => r.userId)).toEqual(['a', 'b']);
    expect(mergeJobEvent(known, job(2, ['c']))).toEqual({ refetch: true });
  });

  it('says the time left in words', () => {
    expect(etaText(null)).toBe('estimating…');
    expect(etaText(42)).toBe('42 s left');
    expect(etaText(125)).toBe('3 min left');
    expect(etaText(3_900)).toBe('1 h 5 min left');
  });
});
