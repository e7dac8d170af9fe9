/** An error the person can act on: printed as one line on stderr, exit code 2 (usage, unreadable file, invalid config). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
