/** The preload API (shared/ipc/), the renderer's only way to the main process. */
import { AppError } from '../../shared/errors';
import type { JitDoctorApi, Result } from '../../shared/ipc';

declare global {
  interface Window {
    jitDoctor: JitDoctorApi;
  }
}

export const api = (): JitDoctorApi => window.jitDoctor;

/** The value of a Result, or its failure thrown as the AppError the main process reported. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new AppError(result.error.code, result.error.message, result.error.path);
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
