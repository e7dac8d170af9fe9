/**
 * The one error type main-process services throw on purpose. The IPC wrapper turns it into a
 * `Result` error value; anything else becomes `internal` with its message (never a stack trace).
 */
import { ConfigError } from '../../shared/config/load';
import { MetadataError } from '../../shared/config/metadata';
import { UserError } from '../../shared/errors';
import type { IpcError, IpcErrorCode } from '../../shared/ipc';
import { CertificateError } from '../../shared/saml/certificates';

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

/** The value that crosses IPC for a failure. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof AppError) {
    return error.path === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, path: error.path };
  }
  if (
    error instanceof ConfigError ||
    error instanceof MetadataError ||
    error instanceof CertificateError
  ) {
    return {
      code: 'config-invalid',
      message: error.message,
      ...(error.where === undefined ? {} : { path: error.where }),
    };
  }
  if (error instanceof UserError) {
    return { code: 'bad-request', message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected failure: ${message}` };
}
