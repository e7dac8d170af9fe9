/** What JIT will do to this user, in the engine's words: refused first, or what it creates or changes. */
import { describeJit } from '../../../shared/mapping/jit-words';
import type { JitOutcome, MessageReport } from '../../../shared/report';

export function JitCard({ jit, message }: { jit: JitOutcome; message: MessageReport }) {
  const { headline, tone, refusedBy, onceFixed, details } = describeJit(jit, message);
  return (
    <section className={`card jit jit-${tone}`} aria-labelledby="jit-title">
      <h2 id="jit-title">JIT outcome</h2>
      <p className="jit-headline" data-testid="jit-headline">
        {headline}
      </p>
      {refusedBy.length > 0 && (
        <>
          <p className="jit-refused">
            Refused by{' '}
            {refusedBy.map((why, i) => (
              <span key={why}>
                {i > 0 && ', '}
                <strong>{why}</strong>
              </span>
            ))}
            : see the findings.
          </p>
          <p className="jit-once-fixed" data-testid="jit-once-fixed">
            Once fixed: {onceFixed}
          </p>
        </>
      )}
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
