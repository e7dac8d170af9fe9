import { describe, expect, it } from 'vitest';
import type { RepairPlan } from '../../../shared/provisioning';
import {
  buildPlanFile,
  csvCell,
  limitToReviewed,
  parsePlanFile,
  planFileCsv,
  planFileJson,
  reviewedSteps,
} from '../../../shared/provisioning/plan-file';

const plan: RepairPlan = {
  userId: 'u1',
  match: { index: 0, rule: { when: {} }, because: 'department Billing' },
  steps: [
    { kind: 'skill', name: 'Billing', proficiency: 3, from: 1, reason: 'r' },
    { kind: 'default-station', reason: 'r' },
  ],
  blocked: [],
};
const org = { name: 'acme-contact', region: 'mypurecloud.ie' };
const user = { id: 'u1', name: 'Ana Silva', email: 'ana@acme.example', department: 'Billing' };

describe('the reviewed plan file', () => {
  it('round-trips as JSON and applies only the reviewed steps', () => {
    const file = buildPlanFile(org, [{ user, plan }], new Date('2026-11-23T09:00:00Z'));
    const read = parsePlanFile(planFileJson(file), 'plan.json');
    expect(read.users[0]).toMatchObject({ rule: 'rule 1: department Billing' });
    const reviewed = reviewedSteps({
      ...read,
      users: [{ ...read.users[0]!, steps: [read.users[0]!.steps[1]!] }],
    });
    expect(limitToReviewed(plan, reviewed.get('u1')!).steps).toEqual([plan.steps[1]]);
  });

  it('writes CSV a spreadsheet cannot run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    const csv = planFileCsv(buildPlanFile(org, [{ user, plan }], new Date(0)));
    expect(csv.split('\r\n')[1]).toBe(
      'u1,Ana Silva,ana@acme.example,Billing,,rule 1: department Billing,set skill Billing to 3 (now 1),skill Billing at 1,skill Billing at 3',
    );
  });

  it('says in one sentence what is wrong with a file that is not a plan', () => {
    expect(() => parsePlanFile('user id,name', 'plan.csv')).toThrow(/plan.csv is not JSON/);
    expect(() => parsePlanFile('{}', 'p.json')).toThrow(/not a JIT Doctor repair plan/);
    const file = JSON.parse(planFileJson(buildPlanFile(org, [{ user, plan }], new Date(0))));
    file.users[0].id = '';
    expect(() => parsePlanFile(JSON.stringify(file), 'p.json')).toThrow(/users\[0\] has no id/);
  });
});
