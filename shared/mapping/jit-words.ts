/**
 * The JIT outcome in words ("Will create Jane Doe in division Home"), written once for the app's
 * JIT card and the command line's report. Pure: it words the engine's answer (shared/mapping/jit.ts)
 * and decides nothing of its own; a login the engine says is refused before JIT runs reads as
 * refused, with what JIT would do once that is fixed.
 */
import { catalogueEntry } from '../findings/catalogue';
import type { JitOutcome, MessageReport } from '../report';

export interface JitSentences {
  /** What happens at this login. */
  headline: string;
  tone: 'good' | 'warn' | 'bad' | 'neutral';
  /** The findings that refuse the login before JIT runs, each "Title (CODE)"; empty when none. */
  refusedBy: string[];
  /** What JIT does once the refusal is fixed; null when nothing refuses the login. */
  onceFixed: string | null;
  /** Each field JIT writes, and each role it grants or strips. */
  details: string[];
}

const value = (v: string | null) => (v === null || v === '' ? '(empty)' : v);

/** The one sentence for what JIT does once the login reaches it. */
function outcomeHeadline(
  jit: JitOutcome,
  who: string,
  division: string,
): Pick<JitSentences, 'headline' | 'tone'> {
  switch (jit.action) {
    case 'create':
      return { headline: `Will create ${who}${division}`, tone: 'good' };
    case 'update':
      return {
        headline: `Will update ${who}${division}`,
        tone: jit.rolesRemoved.length > 0 ? 'warn' : 'good',
      };
    case 'none':
      return {
        headline: `${who} already exists; JIT changes nothing`,
        tone: jit.rolesRemoved.length > 0 ? 'warn' : 'neutral',
      };
    case 'fail':
      return { headline: `The JIT login of ${who} will fail`, tone: 'bad' };
    case 'unknown':
      // JIT is on but no directory says whether the user exists: what it creates if not.
      return jit.changes.length > 0
        ? {
            headline: `Will create ${who}${division} if not a user yet (no directory to tell)`,
            tone: 'neutral',
          }
        : { headline: `Cannot tell what JIT will do for ${who}`, tone: 'neutral' };
  }
}

export function describeJit(
  jit: JitOutcome,
  message: Pick<MessageReport, 'subject'>,
): JitSentences {
  const nameChange = jit.changes.find((c) => c.field === 'name');
  const who = nameChange?.to ?? message.subject?.nameId ?? 'the user';
  const division = jit.division ? ` in division ${jit.division}` : '';
  const details: string[] = [];
  for (const change of jit.changes) {
    details.push(
      jit.action === 'create'
        ? `${change.field}: ${value(change.to)}`
        : `${change.field}: ${value(change.from)} → ${value(change.to)}`,
    );
  }
  for (const role of jit.rolesRemoved) details.push(`Will strip role ${role}`);
  for (const role of jit.rolesAdded) details.push(`Will grant role ${role}`);
  const outcome = outcomeHeadline(jit, who, division);
  // Reports of earlier builds carry no loginRefusedBy: nothing refused.
  const refusals = jit.loginRefusedBy ?? [];
  if (refusals.length === 0) return { ...outcome, refusedBy: [], onceFixed: null, details };
  return {
    headline: 'Genesys Cloud refuses this login before JIT runs: nothing is created or changed',
    tone: 'bad',
    refusedBy: refusals.map((code) => {
      const title = catalogueEntry(code)?.title;
      return title ? `${title} (${code})` : code;
    }),
    onceFixed: outcome.headline,
    details,
  };
}
