/** A claim name with the characters that differ from the other side highlighted. */
import type { DiffRange } from '../../../shared/report';
import { showInvisible, splitByRanges } from '../model/compare';

export function DiffText({ text, ranges }: { text: string; ranges?: DiffRange[] }) {
  return (
    <span className="mono diff-text">
      {splitByRanges(text, ranges).map((part, i) =>
        part.changed ? (
          <mark key={i} className="diff">
            {showInvisible(part.text)}
          </mark>
        ) : (
          <span key={i}>{showInvisible(part.text)}</span>
        ),
      )}
    </span>
  );
}
