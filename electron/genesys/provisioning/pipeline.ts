/**
 * The repair pipeline: users' writes run many at once, and as they complete, users are gathered
 * into batches that are finished together (default stations looked up in one listing, then one
 * bulk re-read to verify). Batches finish while later users are still being written, so the rate
 * limit is never left idle waiting for the slowest write of the whole run.
 */

export interface PipelineOptions<T> {
  /** Items written at once (the scheduler still paces the calls). */
  concurrency: number;
  /** Stops taking new items; items already started finish and are batched. */
  signal?: AbortSignal;
  write(item: T): Promise<void>;
  /** How many written items make a batch worth finishing now (read before each batch). */
  batchSize(): number;
  finish(batch: T[]): Promise<void>;
}

export async function runPipeline<T>(
  items: readonly T[],
  options: PipelineOptions<T>,
): Promise<void> {
  const written: T[] = [];
  let writing = true;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  let next = 0;
  const worker = async () => {
    while (next < items.length && !options.signal?.aborted) {
      const item = items[next++]!;
      await options.write(item);
      written.push(item);
      if (written.length >= options.batchSize()) notify();
    }
  };
  const writers = Promise.all(
    Array.from({ length: Math.min(options.concurrency, items.length) }, worker),
  ).finally(() => {
    writing = false;
    notify();
  });

  const finisher = async () => {
    for (;;) {
      const due = written.length > 0 && (!writing || written.length >= options.batchSize());
      if (due) {
        await options.finish(written.splice(0));
        continue;
      }
      if (!writing) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  await Promise.all([writers, finisher()]);
}
