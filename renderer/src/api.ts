/** The preload API (shared/ipc.ts), the renderer's only way to the main process. */
import type { JitDoctorApi, Result } from '../../shared/ipc';

declare global {
  interface Window {
    jitDoctor: JitDoctorApi;
  }
}

export const api = (): JitDoctorApi => window.jitDoctor;

/** Turns a failed Result into an Error with the main process's message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.path);
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
