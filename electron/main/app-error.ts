/**
 * The one error type main-process services throw on purpose. The IPC wrapper turns it into a
 * `Result` error value; anything else becomes `internal` with its message (never a stack trace).
 */
import type { IpcError, IpcErrorCode } from '../../shared/ipc';

export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The value that crosses IPC for a failure. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof AppError) {
    return error.path === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, path: error.path };
  }
  if (error instanceof Error && error.name === 'ConfigError') {
    const path = (error as Error & { path?: unknown }).path;
    return {
      code: 'config-invalid',
      message: error.message,
      ...(typeof path === 'string' ? { path } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected failure: ${message}` };
}
