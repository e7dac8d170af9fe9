/**
 * A claim name as the engine shows it (invisible characters escaped), with the characters that
 * differ from the other side highlighted.
 */
import type { ShownText } from '../../../shared/mapping/shown';
import { splitByRanges } from '../model/ranges';

export function DiffText({ shown }: { shown: ShownText }) {
  return (
    <span className="mono diff-text">
      {splitByRanges(shown.text, shown.ranges).map((part, i) =>
        part.changed ? (
          <mark key={i} className="diff">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
