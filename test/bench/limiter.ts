/**
 * `limiter.sustained` (docs/benchmarks.md): the real SDK through the scheduler against the fake org
 * enforcing the same limit, time-scaled (300 requests per org minute = 3 real seconds), with the
 * queue never running dry. Goal: ≥ 95% of the allowed rate used, zero 429s.
 *
 * utilisation = calls answered during windows 2..4 ÷ what the limit allows in them (3 × 300).
 * The first window is left out: it is a burst of the full bucket, not a sustained rate. What is
 * still queued after window 4 is cancelled through the calls' AbortSignal.
 */
import { createGenesysAdapter } from '../../electron/genesys/adapter';
import { connectGenesys } from '../../electron/genesys/connection';
import { startFakeOrg } from '../../electron/genesys/fake-org/server';
import type { Benchmark } from './types';

const LIMIT = 300;
const WINDOW_MS = 60_000;
const TIME_SCALE = 0.05; // an org minute lasts 3 s
const WINDOW_REAL_MS = WINDOW_MS * TIME_SCALE;
const MEASURED_WINDOWS = 3;

async function sustained(log: (line: string) => void): Promise<Record<string, unknown>> {
  const org = await startFakeOrg({
    seed: {
      divisions: ['Home'],
      users: Array.from({ length: 50 }, (_, i) => ({
        id: `u${i}`,
        name: `Agent ${i}`,
        email: `agent${i}@acme.example`,
      })),
    },
    timeScale: TIME_SCALE,
    rateLimit: { limit: LIMIT, windowMs: WINDOW_MS },
    faults: { latencyMs: [2, 12], seed: 3 },
  });
  const connection = await connectGenesys({
    apiBase: org.url,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
    scheduler: { limit: LIMIT, windowMs: WINDOW_MS, timeScale: TIME_SCALE, concurrency: 16 },
  });
  try {
    const api = createGenesysAdapter(connection);
    const queued = LIMIT * (MEASURED_WINDOWS + 2); // more than fits: the queue never runs dry
    log(
      `  ${LIMIT} calls per ${WINDOW_REAL_MS / 1000} s allowed; measuring windows 2..${MEASURED_WINDOWS + 1}`,
    );
    const stop = new AbortController();
    const answeredAt: number[] = [];
    const started = performance.now();
    const calls = Array.from({ length: queued }, (_, i) =>
      api.user(`u${i % 50}`, [], { signal: stop.signal }).then(
        () => answeredAt.push(performance.now() - started),
        () => undefined, // cancelled after the measurement
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, WINDOW_REAL_MS * (MEASURED_WINDOWS + 1)));
    stop.abort();
    await Promise.all(calls);
    const from = WINDOW_REAL_MS;
    const to = WINDOW_REAL_MS * (MEASURED_WINDOWS + 1);
    const measured = answeredAt.filter((t) => t >= from && t < to).length;
    const http429 = org.requests.filter((r) => r.status === 429).length;
    return {
      utilisation: Number((measured / (LIMIT * MEASURED_WINDOWS)).toFixed(3)),
      http_429: http429,
      calls_measured: measured,
      calls_allowed: LIMIT * MEASURED_WINDOWS,
      requests: org.requests.filter((r) => r.path.startsWith('/api/')).length,
    };
  } finally {
    connection.close();
    await org.stop();
  }
}

export const limiterBenchmarks: Benchmark[] = [{ name: 'limiter.sustained', run: sustained }];
