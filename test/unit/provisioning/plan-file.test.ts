import { describe, expect, it } from 'vitest';
import type { RepairPlan } from '../../../shared/provisioning';
import {
  buildPlanFile,
  csvCell,
  parsePlanFile,
  planFileCsv,
  planFileJson,
  reconcileWithReview,
  unwrittenReasons,
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
    const station = read.users[0]!.steps[1]!;
    const reconciled = reconcileWithReview(plan, [station]);
    expect(reconciled.plan.steps).toEqual([plan.steps[1]]);
    expect(reconciled.changed).toEqual([]);
    expect(reconciled.unreviewed).toEqual(['set skill Billing to 3 (now 1)']);
  });

  it('never overwrites a step the org changed under since the review', () => {
    const [skill, station] = buildPlanFile(org, [{ user, plan }], new Date(0)).users[0]!.steps;
    // Someone set the skill to 2 since the review: the fresh plan starts from 2, not 1.
    const fresh: RepairPlan = {
      ...plan,
      steps: [{ kind: 'skill', name: 'Billing', proficiency: 3, from: 2, reason: 'r' }],
    };
    const reconciled = reconcileWithReview(fresh, [skill!, station!]);
    // The station is already there (not in the fresh plan): nothing to write, nothing to say.
    expect(reconciled.plan.steps).toEqual([]);
    expect(reconciled.changed).toEqual([
      'set skill Billing to 3 (now 1) (reviewed: skill Billing at 1 → skill Billing at 3; now: skill Billing at 2 → skill Billing at 3)',
    ]);
    expect(unwrittenReasons(reconciled)).toEqual([
      `changed since the plan was reviewed, so not written: ${reconciled.changed[0]}`,
    ]);
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
    // The app and the command line each add their own advice: the shared words name no option.
    for (const text of ['user id,name', '{}', '{"kind":"jit-doctor/repair-plan","version":2}'])
      expect(() => parsePlanFile(text, 'p.json')).toThrow(/^(?!.*--\w)/);
    expect(() => parsePlanFile('{}', 'p.json')).toThrow(/not a JIT Doctor repair plan/);
    const file = JSON.parse(planFileJson(buildPlanFile(org, [{ user, plan }], new Date(0))));
    file.users[0].id = '';
    expect(() => parsePlanFile(JSON.stringify(file), 'p.json')).toThrow(/users\[0\] has no id/);
  });
});
