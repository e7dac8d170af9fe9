/** The preload API (shared/ipc/), the renderer's only way to the main process. */
import { UserError } from '../../shared/errors';
import type { JitDoctorApi, Result } from '../../shared/ipc';

declare global {
  interface Window {
    jitDoctor: JitDoctorApi;
  }
}

export const api = (): JitDoctorApi => window.jitDoctor;

/** A failed Result, as an error carrying the main process's code, message and key path. */
export class ApiError extends UserError {
  override readonly name = 'ApiError';
  readonly kind = 'app';

  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message, path);
  }
}

export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.path);
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
