/** One message's verdict as a badge: the engine's category in its words, toned like the banner. */
import { VERDICT_HEADLINES, type VerdictCategory } from '../../../shared/report/verdict';
import { CATEGORY_TONE } from './VerdictBanner';

export function VerdictBadge({ category }: { category: VerdictCategory }) {
  return (
    <span className={`badge badge-verdict-${CATEGORY_TONE[category]}`} data-category={category}>
      {VERDICT_HEADLINES[category]}
    </span>
  );
}
