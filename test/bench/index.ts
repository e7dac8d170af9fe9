import { diagnoseBenchmarks } from './diagnose';
import { repairBenchmarks } from './repair';
import type { Benchmark } from './types';

/** Every benchmark, in the order of spec/bench.md. Each area adds its module's list here. */
export const benchmarks: Benchmark[] = [...diagnoseBenchmarks, ...repairBenchmarks];
