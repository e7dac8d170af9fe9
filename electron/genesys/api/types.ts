/** Options every typed Genesys call takes. */
export interface CallControl {
  /** Cancels the call while it waits in the queue or between retries. */
  signal?: AbortSignal;
}
