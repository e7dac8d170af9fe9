/** Each user's end state in words after an app job (org-connection.ts resultOf). */
import { describe, expect, it } from 'vitest';
import { resultOf } from '../../../electron/main/org-connection';
import type { RepairOutcome } from '../../../electron/genesys/provisioning/executor';
import { NOTHING_UNWRITTEN } from '../../../shared/provisioning/plan-file';

const outcome = (status: RepairOutcome['status'], reasons: string[] = []): RepairOutcome => ({
  userId: 'u1',
  name: 'Ana Silva',
  email: 'ana@acme.example',
  plan: { userId: 'u1', match: null, steps: [], blocked: [] },
  status,
  reasons,
  remaining: [],
});

describe('a repaired user in words', () => {
  it('calls a user the org changed under since the review failed, never already right', () => {
    expect(
      resultOf(outcome('nothing-to-do'), {
        ...NOTHING_UNWRITTEN,
        changed: ['add skill X (1) (…)'],
        keys: ['skill:X'],
      }),
    ).toMatchObject({
      outcome: 'failed',
      message:
        'nothing written; changed since the plan was reviewed, so not written: add skill X (1) (…)',
    });
    expect(resultOf(outcome('nothing-to-do')).outcome).toBe('already-right');
  });

  it('says the cancel stopped a user part-way, but not when the org refused a step', () => {
    const left = outcome('not-repaired', [
      'still to do: make the WebRTC station the default station',
    ]);
    expect(resultOf(left, undefined, true).message).toBe(
      'stopped by the cancel before it was done: still to do: make the WebRTC station the default station',
    );
    expect(resultOf(left).message).toBe('still to do: make the WebRTC station the default station');
    const refused = outcome('not-repaired', [
      'skill: 403 missing permission',
      'still to do: add skill X (1)',
    ]);
    expect(resultOf(refused, undefined, true).message).toBe(
      'skill: 403 missing permission; still to do: add skill X (1)',
    );
  });
});
