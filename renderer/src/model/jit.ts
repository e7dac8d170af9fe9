/** The JIT outcome in sentences ("Will create Jane Doe in division Home"). Pure. */
import type { JitOutcome, MessageReport } from '../../../shared/report';

export interface JitSentences {
  headline: string;
  tone: 'good' | 'warn' | 'bad' | 'neutral';
  details: string[];
}

const value = (v: string | null) => (v === null || v === '' ? '(empty)' : v);

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
  switch (jit.action) {
    case 'create':
      return { headline: `Will create ${who}${division}`, tone: 'good', details };
    case 'update': {
      const tone = jit.rolesRemoved.length > 0 ? 'warn' : 'good';
      return { headline: `Will update ${who}${division}`, tone, details };
    }
    case 'none':
      return {
        headline: `${who} already exists; JIT changes nothing`,
        tone: jit.rolesRemoved.length > 0 ? 'warn' : 'neutral',
        details,
      };
    case 'fail':
      return { headline: `The JIT login of ${who} will fail`, tone: 'bad', details };
    case 'unknown':
      return {
        headline: `Cannot tell what JIT will do for ${who} without a directory`,
        tone: 'neutral',
        details,
      };
  }
}
