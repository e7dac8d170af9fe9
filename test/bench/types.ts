/** A benchmark of docs/benchmarks.md: `run` returns the fields printed for it (median_ms, ratio, ...) or `{ skipped }`. */
export interface Benchmark {
  name: string;
  run(log: (line: string) => void): Promise<Record<string, unknown>>;
}
