import { describe, expect, it } from 'vitest';
import type { JitDoctorConfig } from '../../../shared/config/types';
import type { RepairCandidate, RepairJobView, RepairResult } from '../../../shared/ipc';
import type { OrgConnection, RepairRunOptions } from '../../../electron/main/ports';
import { createRepairService } from '../../../electron/main/repair-service';
import type { PlanFile } from '../../../shared/provisioning/plan-file';
import { ManualClock, systemClock } from '../../../electron/genesys/clock';

const RULES: JitDoctorConfig = {
  postJit: { rules: [{ when: {}, skills: [{ name: 'Sales', proficiency: 1 }] }] },
} as JitDoctorConfig;

const candidate = (id: string, steps: number): RepairCandidate => ({
  user: { id, name: `User ${id}`, email: `${id}@acme.example` },
  plan: {
    userId: id,
    match: null,
    steps: Array.from({ length: steps }, (_, i) => ({
      kind: 'skill' as const,
      name: `Skill${i}`,
      proficiency: 1,
      from: null,
      reason: 'rule',
    })),
    blocked: [],
  },
  summary: `${steps} steps`,
  steps: [],
  rule: null,
  createdAt: null,
});

/** A scripted org: repair() waits for the test to release each user, one step per user. */
function scriptedOrg() {
  const release: (() => void)[] = [];
  const runs: { ids: readonly string[]; options: RepairRunOptions }[] = [];
  const budget = { limitPerMinute: 60, callsSent: 100 };
  const org: OrgConnection = {
    kind: 'demo',
    name: 'acme-contact',
    region: 'mypurecloud.com',
    bundledConfig: null,
    directory: async () => {
      throw new Error('unused');
    },
    ssoProviders: async () => [],
    checkPermissions: async () => {
      throw new Error('unused');
    },
    findCandidates: async () => [candidate('a', 2)],
    candidatesFor: async (ids) => ids.map((id) => candidate(id, id === 'b' ? 0 : 1)),
    createdSince: async () => [candidate('a', 2), candidate('b', 0), candidate('c', 1)],
    async repair(ids, _config, options) {
      runs.push({ ids, options });
      const results: RepairResult[] = [];
      for (const [i, id] of ids.entries()) {
        if (options.signal.aborted) break;
        await new Promise<void>((resolve) => release.push(resolve));
        budget.callsSent += 2;
        const result: RepairResult = { userId: id, name: id, outcome: 'repaired', message: 'ok' };
        options.onSteps(i + 1, ids.length);
        options.onResult(result);
        results.push(result);
      }
      return results;
    },
    rateBudget: () => ({ ...budget }),
    setRateLimit: (limit) => void (budget.limitPerMinute = limit),
    close: async () => {},
  };
  return { org, release, runs, budget };
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

function serviceOver(org: OrgConnection | null, config: JitDoctorConfig = RULES) {
  const events: RepairJobView[] = [];
  const saved: { name: string; text: string }[] = [];
  /** What the file picker hands out next (null: the person cancels). */
  const opened: ({ name: string; text: string } | null)[] = [];
  let now = 0;
  const service = createRepairService({
    open: async () => opened.shift() ?? null,
    org: async () => org,
    config: async () => config,
    emit: (job) => events.push(job),
    save: async (name, text) => {
      saved.push({ name, text });
      return `/tmp/${name}`;
    },
    // Every read of the clock is a second later, so throttled events always go out.
    clock: { ...systemClock, now: () => (now += 1_000), wallNow: () => now },
    newId: () => 'job-1',
  });
  return { service, events, saved, opened };
}

describe('repair jobs in the main process', () => {
  it('lists only the recent users with something to do', async () => {
    const { service } = serviceOver(scriptedOrg().org);
    expect((await service.stuck(24)).map((c) => c.user.id)).toEqual(['a', 'c']);
  });

  it('says there are no post-JIT rules instead of reporting no stuck agent', async () => {
    const { service } = serviceOver(scriptedOrg().org, {} as JitDoctorConfig);
    await expect(service.stuck(24)).rejects.toMatchObject({
      code: 'config-invalid',
      message: expect.stringContaining('no post-JIT rules'),
    });
  });

  it('starts one job only, even when two starts arrive at once', async () => {
    const { org, runs } = scriptedOrg();
    const { service } = serviceOver(org);
    await service.stuck(24);
    const [first, second] = await Promise.allSettled([service.start(['a']), service.start(['c'])]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'busy' } });
    await flush();
    expect(runs).toHaveLength(1);
  });

  it('applies exactly the reviewed steps of users that were listed', async () => {
    const { org, runs } = scriptedOrg();
    const { service } = serviceOver(org);
    await expect(service.start(['a'])).rejects.toMatchObject({ code: 'bad-request' });
    await service.stuck(24);
    await service.start(['a', 'c', 'a']);
    await flush();
    expect(runs[0]!.ids).toEqual(['a', 'c']);
    const keys = (id: string) => runs[0]!.options.reviewed.get(id)!.map((step) => step.key);
    expect(keys('a')).toEqual(['skill:Skill0', 'skill:Skill1']);
    expect(keys('c')).toEqual(['skill:Skill0']);
  });

  it('never applies a list read from another org: the person lists again', async () => {
    const first = scriptedOrg();
    const second = scriptedOrg();
    let org = first.org;
    const service = createRepairService({
      org: async () => org,
      config: async () => RULES,
      emit: () => {},
      save: async () => null,
      open: async () => null,
      clock: new ManualClock(),
      newId: () => 'job-1',
    });
    await service.stuck(24);
    org = second.org;
    await expect(service.start(['a'])).rejects.toMatchObject({
      code: 'bad-request',
      message:
        'The agents were listed from another org than the one connected now: find the stuck agents (or search) again.',
    });
    await expect(service.exportPlan(['a'], 'json')).rejects.toMatchObject({ code: 'bad-request' });
    expect(second.runs).toEqual([]);
    await service.stuck(24);
    await service.start(['a']);
    await flush();
    expect(second.runs.map((r) => r.ids)).toEqual([['a']]);
  });

  it('streams each result once, counts steps, and estimates time from the rate budget', async () => {
    const { org, release } = scriptedOrg();
    const { service, events } = serviceOver(org);
    await service.stuck(24);
    const started = await service.start(['a', 'c']);
    expect(started).toMatchObject({ state: 'running', users: 2, steps: { done: 0, total: 3 } });
    // Before any step: 3 steps + 0.6 reads at 60 calls per minute.
    expect(started.etaSeconds).toBe(4);
    await flush();
    release.shift()!();
    await flush();
    const after1 = events.at(-1)!;
    expect(after1.results.map((r) => r.userId)).toEqual(['a']);
    // 2 calls for 1 step so far; 1 step left → 2 calls at 1 per second.
    expect(after1).toMatchObject({ steps: { done: 1, total: 2 }, etaSeconds: 2 });
    release.shift()!();
    await flush();
    const last = events.at(-1)!;
    expect(last.state).toBe('finished');
    // Each event carries the results new since the one before: together, each user once.
    const streamed = events.flatMap((e) => e.results.map((r, i) => [e.resultsFrom + i, r.userId]));
    expect(streamed).toEqual([
      [0, 'a'],
      [1, 'c'],
    ]);
    expect(last.counts).toEqual({ repaired: 2, 'already-right': 0, failed: 0, 'not-started': 0 });
    expect(service.job()!.results[1]!.name).toBe('User c');
    expect(service.job()!.results).toHaveLength(2);
  });

  it('says "cancelling" at once, then reports the users it never reached as not started', async () => {
    const { org, release } = scriptedOrg();
    const { service, events } = serviceOver(org);
    await service.stuck(24);
    await service.start(['a', 'c']);
    await flush();
    expect(service.cancel('other')).toBeNull();
    expect(service.cancel('job-1')!.state).toBe('cancelling');
    expect(events.at(-1)!.state).toBe('cancelling');
    release.shift()!();
    await flush();
    const job = service.job()!;
    expect(job.state).toBe('cancelled');
    expect(job.counts).toMatchObject({ repaired: 1, 'not-started': 1 });
    expect(job.results.find((r) => r.userId === 'c')!.message).toMatch(/^not started/);
  });

  it('holds the org while a job runs, and lets it go when the job ends', async () => {
    const { org, release } = scriptedOrg();
    const { service } = serviceOver(org);
    await service.stuck(24);
    expect(service.busyReason()).toBeNull();
    await service.start(['c']);
    expect(service.busyReason()).toMatch(
      /A repair is writing to the demo org \(0 of 1 user done\)/,
    );
    await flush();
    release.shift()!();
    await flush();
    expect(service.busyReason()).toBeNull();
  });

  it('ends with every user "not started" and the reason when the org fails the job', async () => {
    const { org } = scriptedOrg();
    org.repair = async () => {
      throw new Error('the org answered 503 three times');
    };
    const { service } = serviceOver(org);
    await service.stuck(24);
    await service.start(['a', 'c']);
    await flush();
    const job = service.job()!;
    expect(job.state).toBe('finished');
    expect(job.problem).toMatch(/503/);
    expect(job.counts['not-started']).toBe(2);
  });

  it('previews the writes and time, and exports the reviewed plan', async () => {
    const { org } = scriptedOrg();
    const { service, saved } = serviceOver(org);
    await service.stuck(24);
    expect(await service.preview(['a', 'c'])).toMatchObject({
      org: { name: 'acme-contact', region: 'mypurecloud.com' },
      users: 2,
      writes: 3,
      seconds: 4,
      stationWaitSeconds: 0,
      rateLimitPerMinute: 60,
    });
    await service.exportPlan(['c'], 'csv');
    await service.exportPlan(['a'], 'json');
    expect(saved[0]!.text.split('\r\n')[1]).toBe(
      'c,User c,c@acme.example,,,,add skill Skill0 (1),no skill Skill0,skill Skill0 at 1',
    );
    expect(JSON.parse(saved[1]!.text)).toMatchObject({
      kind: 'jit-doctor/repair-plan',
      org: { name: 'acme-contact' },
      users: [{ id: 'a', steps: [{ key: 'skill:Skill0' }, { key: 'skill:Skill1' }] }],
    });
  });

  it('adds the minute a new WebRTC station may take when the plan creates a phone', async () => {
    const { org } = scriptedOrg();
    const withPhone = candidate('p', 1);
    withPhone.plan.steps.push({
      kind: 'webrtc-phone',
      site: 'HQ',
      phoneBaseSettings: 'WebRTC',
      reason: 'rule',
    });
    org.createdSince = async () => [withPhone, candidate('a', 2)];
    const { service } = serviceOver(org);
    await service.stuck(24);
    expect(await service.preview(['p', 'a'])).toMatchObject({ writes: 4, stationWaitSeconds: 60 });
    expect(await service.preview(['a'])).toMatchObject({ writes: 2, stationWaitSeconds: 0 });
  });

  it('re-checks the users a journaled job did not verify and lists those still stuck', async () => {
    const { service } = serviceOver(scriptedOrg().org);
    expect((await service.recheck(['b', 'c'])).map((c) => c.user.id)).toEqual(['c']);
    expect(await service.preview(['c'])).toMatchObject({ users: 1, writes: 1 });
  });

  it('says so when no org is connected', async () => {
    const { service } = serviceOver(null);
    await expect(service.search('jane')).rejects.toMatchObject({ code: 'org-unavailable' });
  });
});

describe('applying a plan file in the app', () => {
  /** The plan of users a and c as the app exports it, with `edit` applied to its JSON. */
  async function exported(edit: (plan: PlanFile) => void = () => {}) {
    const { service, saved } = serviceOver(scriptedOrg().org);
    await service.stuck(24);
    await service.exportPlan(['a', 'c'], 'json');
    const plan = JSON.parse(saved[0]!.text) as PlanFile;
    edit(plan);
    return { name: 'plan.json', text: JSON.stringify(plan) };
  }

  it('lists the users of the file as it lists them, and applies exactly its steps', async () => {
    // The reviewer dropped one of a's two skills; a user of the file is no longer in the org.
    const file = await exported((plan) => {
      plan.users[0]!.steps = plan.users[0]!.steps.slice(0, 1);
      plan.users.push({ ...plan.users[1]!, id: 'gone', name: 'Gone', email: 'gone@acme.example' });
    });
    const { org, runs } = scriptedOrg();
    org.candidatesFor = async (ids) =>
      ids.filter((id) => id !== 'gone').map((id) => candidate(id, id === 'a' ? 2 : 1));
    const { service, opened } = serviceOver(org);
    opened.push(file);
    const review = (await service.openPlan())!;
    expect(review).toMatchObject({ file: 'plan.json', org: { name: 'acme-contact' } });
    expect(review.candidates.map((c) => [c.user.id, c.steps])).toEqual([
      ['a', ['add skill Skill0 (1)']],
      ['c', ['add skill Skill0 (1)']],
    ]);
    expect(review.notes).toEqual([
      {
        userId: 'a',
        name: 'User a',
        email: 'a@acme.example',
        text: 'not in the reviewed plan, so not done: add skill Skill1 (1)',
      },
      {
        userId: 'gone',
        name: 'Gone',
        email: 'gone@acme.example',
        text: 'not in the org any more (deleted since the review?): nothing will be written',
      },
    ]);
    const preview = await service.preview(['a', 'c']);
    expect(preview).toMatchObject({ users: 2, writes: 2 });
    await service.start(['a', 'c']);
    await flush();
    // The job holds the org against the file's steps, not against what the org reads now.
    const keys = (id: string) => runs[0]!.options.reviewed.get(id)!.map((step) => step.key);
    expect(keys('a')).toEqual(['skill:Skill0']);
    expect(keys('c')).toEqual(['skill:Skill0']);
  });

  it('says what is wrong with a file that cannot be applied here, in one sentence', async () => {
    const { service, opened } = serviceOver(scriptedOrg().org);
    expect(await service.openPlan()).toBeNull();
    opened.push({ name: 'plan.csv', text: 'user id,name\r\n' });
    await expect(service.openPlan()).rejects.toMatchObject({
      code: 'bad-request',
      message:
        'plan.csv is not JSON; only a plan exported as JSON can be applied (a CSV plan is for reading only): open a plan exported as JSON ("Export plan (JSON)" here, or jit-doctor repair --plan-out plan.json).',
    });
    opened.push(
      await exported((plan) => {
        plan.org = { name: 'Prod', region: 'mypurecloud.ie' };
      }),
    );
    await expect(service.openPlan()).rejects.toMatchObject({
      code: 'bad-request',
      message:
        'plan.json was reviewed for Prod in mypurecloud.ie, not for acme-contact in mypurecloud.com: connect to that org in Settings, or export a plan from the org connected now.',
    });
    opened.push(
      await exported((plan) => {
        (plan as { version: number }).version = 2;
      }),
    );
    await expect(service.openPlan()).rejects.toMatchObject({
      message: expect.stringMatching(/^plan.json has plan version 2; this version reads 1: /),
    });
  });
});
