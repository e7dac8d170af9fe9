import type { Report } from '../../../shared/report';

const HEADLINE = {
  pass: 'No problems found',
  warn: 'Works, with warnings',
  fail: 'This login fails or must not be trusted',
} as const;

export function VerdictBanner({ report }: { report: Report }) {
  const { summary } = report;
  return (
    <div
      className={`verdict verdict-${summary.verdict}`}
      role="status"
      aria-live="polite"
      data-testid="verdict"
    >
      <span className="verdict-word">{summary.verdict.toUpperCase()}</span>
      <span className="verdict-text">{HEADLINE[summary.verdict]}</span>
      <span className="verdict-counts">
        {summary.messages} message{summary.messages === 1 ? '' : 's'} · {summary.errors} error
        {summary.errors === 1 ? '' : 's'} · {summary.warnings} warning
        {summary.warnings === 1 ? '' : 's'} · {summary.infos} info
      </span>
      {report.skippedChecks.length > 0 && (
        <span className="verdict-skipped">Skipped: {report.skippedChecks.join('; ')}</span>
      )}
    </div>
  );
}
