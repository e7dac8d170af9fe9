/**
 * Review before write from the command line: `repair --stuck --plan-out` writes the plan the app
 * exports (plan-file.ts), `repair --from-plan` applies exactly it, re-read from the org first (a step
 * the org changed under since the review is reported, never overwritten), and `--demo-size` gives
 * the stampede-sized demo org. In-process, against the demo org started here, so its state can be
 * changed between the review and the apply.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_CONFIG_PATH, startDemoOrg } from '../../../electron/genesys/fake-org/demo';
import type { FakeOrg } from '../../../electron/genesys/fake-org/server';
import { parsePlanFile, type PlanFile } from '../../../shared/provisioning/plan-file';
import { jitDoctor } from './in-process';

let folder: string;
let org: FakeOrg;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'jd-plan-'));
  // The lock folder is the app data folder: keep it out of the real one.
  vi.stubEnv('XDG_CONFIG_HOME', join(folder, 'app-data'));
  org = await startDemoOrg({ hardness: 'gentle' });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await org?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const env = () => ({
  ...process.env,
  NO_COLOR: '1',
  GENESYSCLOUD_OAUTHCLIENT_ID: org.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: org.clientSecret,
});

/** `jit-doctor repair ARGS --org` against the demo org of this file, with its rules. */
const repair = (...args: string[]) =>
  jitDoctor(
    [
      'repair',
      ...args,
      '--org',
      '--api-base',
      org.url,
      '--config',
      DEMO_CONFIG_PATH,
      '--journal',
      join(folder, 'journal.jsonl'),
      '--rate-limit',
      '6000',
    ],
    { env: env() },
  );

const userByEmail = (email: string) =>
  [...org.state.users.values()].find((u) => u.email === email)!;
const skillId = (name: string) => [...org.state.skills.values()].find((s) => s.name === name)!.id;

describe('repair --plan-out and --from-plan', () => {
  it('exports the plan, then applies exactly it: what was left out or changed since stays as it is', async () => {
    const planPath = join(folder, 'plan.json');
    const out = await repair('--stuck', '--plan-out', planPath);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /Plan of \d+ steps for 6 users written to .*plan\.json; nothing applied\./,
    );
    expect(out.stdout).toContain(`jit-doctor repair --from-plan ${planPath} --org`);
    const plan: PlanFile = parsePlanFile(readFileSync(planPath, 'utf8'), planPath);
    expect(plan.org).toEqual({ name: 'acme-contact', region: 'mypurecloud.com' });
    expect(plan.users.map((u) => u.email)).toContain('emma.patel@acme.example');
    expect(plan.users.every((u) => u.createdAt !== null)).toBe(true);
    // Nothing was written: the journal does not exist, the org is as it was.
    expect(() => readFileSync(join(folder, 'journal.jsonl'))).toThrow();

    // The reviewer drops Grace, and Emma's Order_Tracking skill, from the plan.
    const emma = plan.users.find((u) => u.email === 'emma.patel@acme.example')!;
    emma.steps = emma.steps.filter((s) => s.key !== 'skill:Order_Tracking');
    plan.users = plan.users.filter((u) => u.email !== 'grace.novak@acme.example');
    // Since the review, someone gave Mateo one skill of his plan at another level, and a user of
    // the plan was deleted in the org.
    const mateo = plan.users.find((u) => u.email === 'mateo.rahman@acme.example')!;
    const mateoSkill = mateo.steps.find((s) => s.key.startsWith('skill:'))!;
    const skillName = mateoSkill.key.slice('skill:'.length);
    userByEmail('mateo.rahman@acme.example').skills.set(skillId(skillName), 5);
    plan.users.push({ ...emma, id: 'no-such-user', email: 'gone@acme.example', name: 'Gone' });
    writeFileSync(planPath, JSON.stringify(plan));

    const applied = await repair('--from-plan', planPath, '--yes');
    expect(applied.stderr).not.toMatch(/at .*\.ts:\d+/);
    // Not everyone ended as the rules want: exit 1.
    expect(applied.code).toBe(1);
    const row = (email: string) =>
      applied.stdout.split('\n').find((l) => l.startsWith(email)) ?? '';
    expect(row('olivia.murphy@acme.example')).toMatch(/repaired\s+\d+\s+verified/);
    expect(row('mateo.rahman@acme.example')).toContain(
      `changed since the plan was reviewed, so not written: ${mateoSkill.what} (reviewed: ${mateoSkill.before} → ${mateoSkill.after}; now: skill ${skillName} at 5 → ${mateoSkill.after})`,
    );
    expect(row('emma.patel@acme.example')).toContain(
      'not in the reviewed plan, so not done: add skill Order_Tracking (1)',
    );
    // Said once, with why: the step left out is not also listed as "still to do".
    expect(row('emma.patel@acme.example').match(/Order_Tracking/g)).toHaveLength(1);
    expect(row('mateo.rahman@acme.example').match(/still to do/g)).toBeNull();
    expect(row('gone@acme.example')).toContain('not in the org any more');
    // A plan that creates a WebRTC phone says up front why its default station can take a minute.
    const makesPhones = plan.users.some((u) => u.steps.some((s) => s.key === 'webrtc-phone'));
    expect(makesPhones).toBe(true);
    expect(applied.stdout).toContain('station can take up to a minute to appear');
    expect(applied.stdout).not.toContain('grace.novak');

    // The org: Mateo's skill kept the value set since the review; Emma has the reviewed skill
    // only; Grace was not touched.
    expect(userByEmail('mateo.rahman@acme.example').skills.get(skillId(skillName))).toBe(5);
    const emmaSkills = userByEmail('emma.patel@acme.example').skills;
    expect(emmaSkills.has(skillId('Customer_Service'))).toBe(true);
    expect(emmaSkills.has(skillId('Order_Tracking'))).toBe(false);
    expect(userByEmail('grace.novak@acme.example').skills.size).toBe(0);

    // Applying the same plan again writes nothing twice.
    const again = await repair('--from-plan', planPath, '--yes');
    expect(again.stdout).not.toContain('Applying');
    expect(again.stdout).toContain(`Nothing of ${planPath} is left to apply as reviewed.`);
  });

  it('writes the same plan as CSV, formula-safe, and refuses to apply a CSV', async () => {
    const csv = join(folder, 'plan.csv');
    const out = await repair('--stuck', '--plan-out', csv);
    expect(out.code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe(
      'user id,name,email,department,created,rule,step,before,after',
    );
    expect(await repair('--stuck', '--plan-out', csv)).toMatchObject({
      code: 2,
      stderr: `jit-doctor: ${csv} already exists; use --force to replace it\n`,
    });
    const refused = await repair('--from-plan', csv, '--yes');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `jit-doctor: ${csv} is not JSON; only a plan exported as JSON can be applied (a CSV plan is for reading only): export it with --plan-out plan.json\n`,
    );
  });

  it('refuses a plan reviewed for another org, before any write', async () => {
    const path = join(folder, 'other.json');
    const plan = parsePlanFile(readFileSync(join(folder, 'plan.json'), 'utf8'), 'plan.json');
    writeFileSync(
      path,
      JSON.stringify({ ...plan, org: { name: 'Prod', region: 'mypurecloud.ie' } }),
    );
    const out = await repair('--from-plan', path, '--yes');
    expect(out).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `jit-doctor: ${path} was reviewed for Prod in mypurecloud.ie, not for acme-contact in mypurecloud.com: export a plan from this org (--plan-out) and review it\n`,
    });
  });

  it('says what does not go together, in one line', async () => {
    const cases: [string[], string][] = [
      [
        ['--stuck', '--plan-out', 'p.json', '--yes'],
        '--plan-out applies nothing: leave out --yes, review the file, then apply it with --from-plan FILE',
      ],
      [
        ['--from-plan', 'p.json', '--stuck'],
        '--from-plan applies the users of the plan: leave out --user, --stuck and --watch',
      ],
      [['--stuck', '--force'], '--force goes with --plan-out'],
      [['--stuck', '--demo-size', '2000'], '--demo-size goes with --demo'],
    ];
    for (const [args, message] of cases) {
      const out = await repair(...args);
      expect(out, args.join(' ')).toMatchObject({ code: 2, stderr: `jit-doctor: ${message}\n` });
    }
  });
});

describe('repair --demo --demo-size', () => {
  it('plans the stampede-sized demo org, and refuses a size it does not hold', async () => {
    const run = (size: string) =>
      jitDoctor(['repair', '--stuck', '--demo', '--demo-size', size, '--dry-run'], {
        env: { ...process.env, NO_COLOR: '1' },
      });
    const out = await run('40');
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/Dry run: \d+ steps for 40 users planned, nothing applied\./);
    expect(await run('5001')).toMatchObject({
      code: 2,
      stderr:
        "jit-doctor: --demo-size must be from 6 (the demo org's own stuck agents) to 5000 (got 5001)\n",
    });
  });
});
