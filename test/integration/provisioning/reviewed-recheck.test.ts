/**
 * Applying a reviewed plan checks each user again right before its writes (reviewed.ts): an admin
 * edit made while the job runs, between one user's writes and the next user's, is seen; the edited
 * step is not written and is reported with what it was when reviewed and what it is now, while the
 * other users are written. Over the real SDK against the demo org, one user at a time so the edit
 * lands exactly between two users.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/load';
import {
  buildPlanFile,
  parsePlanFile,
  planFileJson,
  unwrittenReasons,
} from '../../../shared/provisioning/plan-file';
import { connectGenesys, type GenesysConnection } from '../../../electron/genesys/connection';
import { createGenesysAdapter } from '../../../electron/genesys/adapter';
import { DEMO_CONFIG_PATH, startDemoOrg } from '../../../electron/genesys/fake-org/demo';
import type { FakeOrg } from '../../../electron/genesys/fake-org/server';
import { createRepairExecutor } from '../../../electron/genesys/provisioning/executor';
import { memoryJournal } from '../../../electron/genesys/provisioning/journal';
import { reviewedApply, withoutExplained } from '../../../electron/genesys/provisioning/reviewed';

let org: FakeOrg;
let connection: GenesysConnection;

beforeAll(async () => {
  org = await startDemoOrg({ hardness: 'gentle' });
  connection = await connectGenesys({
    apiBase: org.url,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
    scheduler: { limit: 6000 },
  });
});
afterAll(async () => {
  connection?.close();
  await org?.stop();
});

const skillId = (name: string) => [...org.state.skills.values()].find((s) => s.name === name)!.id;

describe('applying a reviewed plan', () => {
  it('sees an admin edit made between two users’ writes: that step is not written, the others are', async () => {
    const postJit = parseConfig(readFileSync(DEMO_CONFIG_PATH, 'utf8'), 'demo').postJit;
    const api = createGenesysAdapter(connection);
    const journal = memoryJournal('plan');
    // The admin's edit, made the moment the first user's skills are written; and another, made
    // the moment a user's new phone exists, a minute before its station can be made the default.
    let edit: (() => void) | undefined;
    const moved: { id?: string; move?(): void } = {};
    const executor = createRepairExecutor({
      api,
      postJit,
      concurrency: 1,
      journal: {
        ...journal,
        record(entry) {
          journal.record(entry);
          if (entry.event === 'finished' && entry.step.startsWith('skill:')) {
            edit?.();
            edit = undefined;
          }
          if (
            entry.event === 'finished' &&
            entry.step === 'webrtc-phone' &&
            entry.user === moved.id
          )
            moved.move?.();
        },
      },
    });
    const ids = await executor.usersCreatedBetween(new Date(0), new Date(Date.now() + 86_400_000));
    const reviewedAt = await executor.assess(await executor.loadUsers(ids));
    // Reviewed and saved as a file, read back as `repair --from-plan` and the app read it.
    const file = parsePlanFile(
      planFileJson(
        buildPlanFile(
          { name: 'acme-contact', region: 'mypurecloud.com' },
          reviewedAt.map((a) => ({ user: a.user, plan: a.plan })),
          new Date(),
        ),
      ),
      'plan.json',
    );
    const withSkill = file.users.filter((u) => u.steps.some((s) => s.key.startsWith('skill:')));
    expect(withSkill.length).toBeGreaterThanOrEqual(3);
    const [first, edited] = withSkill;
    const step = edited!.steps.find((s) => s.key.startsWith('skill:'))!;
    const skill = step.key.slice('skill:'.length);
    const user = org.state.users.get(edited!.id)!;
    edit = () => user.skills.set(skillId(skill), 5);
    const mover = file.users.find(
      (u) => u.id !== edited!.id && u.steps.some((s) => s.key === 'webrtc-phone'),
    )!;
    const rule = file.users.find((u) => u.id === mover.id)!.rule;
    moved.id = mover.id;
    moved.move = () => (org.state.users.get(mover.id)!.department = 'Facilities');

    const review = reviewedApply(new Map(file.users.map((u) => [u.id, u.steps])), {
      api,
      postJit,
      expand: executor.expand,
    });
    // The job starts: everyone is re-read and planned again before anything is written.
    const assessments = (await executor.assess(await executor.loadUsers(ids))).map(review.limit);
    expect(review.unwritten(edited!.id).changed).toEqual([]);
    const outcomes = await executor.apply(assessments, { recheck: review.recheck });

    // The edit landed after the first user's skills and before the edited user's writes.
    expect(edit).toBeUndefined();
    const order = journal.entries.map((e) => e.user);
    expect(order.indexOf(first!.id)).toBeLessThan(order.indexOf(edited!.id));
    // Its skill keeps the admin's 5; the change is said with the reviewed and the current state.
    expect(user.skills.get(skillId(skill))).toBe(5);
    expect(journal.entries.some((e) => e.user === edited!.id && e.step === step.key)).toBe(false);
    expect(unwrittenReasons(review.unwritten(edited!.id))).toEqual([
      `changed since the plan was reviewed, so not written: ${step.what} (reviewed: ${step.before} → ${step.after}; now: skill ${skill} at 5 → ${step.after})`,
    ]);
    // The user moved to a department no rule covers keeps its phone, but its station is not made
    // the default: it is said once, with why.
    expect(org.state.users.get(mover.id)!.defaultStationId).toBeUndefined();
    expect(review.unwritten(mover.id).changed).toEqual([
      `make the WebRTC station the default station (reviewed under ${rule}; the user now matches no rule)`,
    ]);
    const moverOutcome = withoutExplained(
      outcomes.find((o) => o.userId === mover.id)!,
      review.unwritten(mover.id),
    );
    expect(moverOutcome.reasons.join('; ')).not.toMatch(/default.station/);
    // Everyone else was written as reviewed, and verified.
    for (const other of withSkill.filter((u) => u.id !== edited!.id && u.id !== mover.id)) {
      const outcome = outcomes.find((o) => o.userId === other.id)!;
      expect(outcome.status, other.email).toBe('repaired');
      expect(review.unwritten(other.id)).toMatchObject({ changed: [], unchecked: [] });
    }
  });
});
