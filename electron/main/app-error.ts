/**
 * The IPC wrapper's view of a failure: an `AppError` (shared/errors.ts, the one error type
 * main-process services throw on purpose) keeps its code, a configuration error becomes
 * `config-invalid` with its key path, and anything else becomes `internal` with its message
 * (never a stack trace).
 */
import { ConfigError } from '../../shared/config/load';
import { MetadataError } from '../../shared/config/metadata';
import { AppError, UserError } from '../../shared/errors';
import type { IpcError } from '../../shared/ipc';
import { CertificateError } from '../../shared/saml/certificates';

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
