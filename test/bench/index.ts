import { batchBenchmarks } from './batch';
import { cliBenchmarks } from './cli';
import { diagnoseBenchmarks } from './diagnose';
import type { Benchmark } from './types';
import { limiterBenchmarks } from './limiter';
import { repairBenchmarks } from './repair';
import { rendererBenchmarks } from './renderer';
import { repairAppBenchmarks } from './repair-app';

/** Every benchmark, in the order of docs/benchmarks.md. Each area adds its module's list here. */
export const benchmarks: Benchmark[] = [
  ...diagnoseBenchmarks,
  ...batchBenchmarks,
  ...limiterBenchmarks,
  ...repairBenchmarks,
  ...cliBenchmarks,
  ...rendererBenchmarks,
  ...repairAppBenchmarks,
];
