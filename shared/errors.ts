/**
 * The one base of every error a person can act on: a configuration key that is wrong, a file that
 * cannot be read, a region that does not exist, an org that refused a call. Each names *what* went
 * wrong in its message, *where* (a key path or a file) and, when there is one, *what to do*.
 * The CLI prints it as one line and exits 2; the app turns it into an IPC error value. Anything
 * that is not a `UserError` is a bug, and is reported as one. Shared code words its messages for
 * both: it names no CLI flag and no environment variable (the CLI and the app add their own).
 */
import type { IpcErrorCode } from './ipc/common';

export type UserErrorKind =
  'usage' | 'config' | 'metadata' | 'certificate' | 'region' | 'genesys-api' | 'app';

export abstract class UserError extends Error {
  /** Which family the error belongs to; subclasses keep their own finer `code`s. */
  abstract readonly kind: UserErrorKind | string;

  constructor(
    message: string,
    /** The key path (`sso.certificates[1]`) or the file the error is about. */
    readonly where?: string,
    /** What to do about it, one sentence, when the message does not already say. */
    readonly fix?: string,
  ) {
    super(message);
  }
}

/**
 * A failure of the desktop app's main process with its IPC code: what its services throw on
 * purpose, and what the renderer rethrows from a failed `Result` (same code, message, key path).
 */
export class AppError extends UserError {
  override readonly name = 'AppError';
  readonly kind = 'app';

  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message, path);
  }
}
