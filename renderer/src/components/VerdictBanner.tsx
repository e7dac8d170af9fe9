/** The report's verdict in the engine's words: what happened, why (its leading finding), and counts. */
import type { Report } from '../../../shared/report';
import {
  VERDICT_HEADLINES,
  reportReason,
  type VerdictCategory,
} from '../../../shared/report/verdict';

/** How each category looks: a request is neither good nor bad news, only the wrong message. */
export const CATEGORY_TONE: Record<VerdictCategory, 'fail' | 'warn' | 'pass' | 'info'> = {
  untrusted: 'fail',
  'not-saml': 'fail',
  expired: 'fail',
  'not-yet-valid': 'fail',
  'will-fail': 'fail',
  warnings: 'warn',
  'not-a-response': 'info',
  passes: 'pass',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function VerdictBanner({ report }: { report: Report }) {
  const { summary, skippedChecks } = report;
  const category = summary.verdictCategory;
  return (
    <div
      className={`verdict verdict-${CATEGORY_TONE[category]}`}
      role="status"
      aria-live="polite"
      data-testid="verdict"
      data-category={category}
    >
      <p className="verdict-text">{VERDICT_HEADLINES[category]}</p>
      <p className="verdict-reason">{reportReason(report)}</p>
      <p className="verdict-counts">
        {plural(summary.messages, 'message')} · {plural(summary.errors, 'error')} ·{' '}
        {plural(summary.warnings, 'warning')} · {plural(summary.infos, 'info')}
      </p>
      {skippedChecks.length > 0 && (
        <p className="verdict-skipped">
          Not checked: {skippedChecks.map((s) => `${s.check}: ${s.reason}`).join('; ')}
        </p>
      )}
    </div>
  );
}
