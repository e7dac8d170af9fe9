/**
 * Journal lines an admin can read: each step's `started` line carries the user's name, the step in
 * words and the user's state before and after it (shared/provisioning/describe.ts), so the journal
 * reads on its own, offline, without the org or the plan that produced it.
 */
import { describeStep, stepChange, stepKey, type PlanStep } from '../../../shared/provisioning';
import type { Journal } from './journal';

export interface WordyJournal extends Journal {
  /** The plans about to be applied (their steps are what `started` lines describe). */
  learn(
    plans: readonly { user: { id: string; name: string }; plan: { steps: PlanStep[] } }[],
  ): void;
}

export function journalInWords(journal: Journal): WordyJournal {
  const steps = new Map<string, PlanStep>();
  const names = new Map<string, string>();
  return {
    path: journal.path,
    run: journal.run,
    learn(plans) {
      for (const { user, plan } of plans) {
        if (user.name) names.set(user.id, user.name);
        for (const step of plan.steps) steps.set(`${user.id}\u0000${stepKey(step)}`, step);
      }
    },
    record(entry) {
      if (entry.event !== 'started') return journal.record(entry);
      const step = steps.get(`${entry.user}\u0000${entry.step}`);
      const name = names.get(entry.user);
      journal.record({
        ...entry,
        ...(name ? { name } : {}),
        ...(step ? { what: describeStep(step), ...stepChange(step) } : {}),
      });
    },
    describeJob: journal.describeJob ? (job) => journal.describeJob!(job) : undefined,
    close: () => journal.close(),
  };
}
