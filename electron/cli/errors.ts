import { UserError } from '../../shared/errors';

/** An error the person can act on: printed as one line on stderr, exit code 2 (usage, unreadable file, invalid config). */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
  readonly kind = 'usage';

  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}
