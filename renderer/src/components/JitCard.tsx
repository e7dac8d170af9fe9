/** What JIT will do to this user, in sentences. */
import type { JitOutcome, MessageReport } from '../../../shared/report';
import { describeJit } from '../model/jit';

export function JitCard({ jit, message }: { jit: JitOutcome; message: MessageReport }) {
  const { headline, tone, details } = describeJit(jit, message);
  return (
    <section className={`card jit jit-${tone}`} aria-labelledby="jit-title">
      <h2 id="jit-title">JIT outcome</h2>
      <p className="jit-headline" data-testid="jit-headline">
        {headline}
      </p>
      {details.length > 0 && (
        <ul className="jit-details">
          {details.map((line) => (
            <li key={line} className={line.startsWith('Will strip') ? 'strip' : undefined}>
              {line}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
