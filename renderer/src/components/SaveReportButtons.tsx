/** Save and export the report on screen, by its identity: the main process saves what it made. */
import { useState } from 'react';
import { api, call, errorText } from '../api';

export function SaveReportButtons({
  reportId,
  what = 'report',
}: {
  reportId: string;
  /** "report" or "comparison", for the labels. */
  what?: 'report' | 'comparison';
}) {
  const [said, setSaid] = useState<{ for: string; text: string } | null>(null);
  const save = async (redact: boolean) => {
    try {
      const path = await call(api().saveReport({ reportId, redact }));
      setSaid(
        path
          ? {
              for: reportId,
              text: `${redact ? `Redacted ${what}` : what === 'report' ? 'Report' : 'Comparison'} saved to ${path}`,
            }
          : null,
      );
    } catch (failure) {
      setSaid({ for: reportId, text: errorText(failure) });
    }
  };
  return (
    <div className="input-actions">
      <button type="button" onClick={() => void save(false)}>
        Save {what}…
      </button>
      <button type="button" onClick={() => void save(true)}>
        Export redacted {what}…
      </button>
      {said && said.for === reportId && (
        <span className="muted" role="status">
          {said.text}
        </span>
      )}
    </div>
  );
}
