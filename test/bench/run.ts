/**
 * `npm run bench [-- --json] [-- --only NAME[,NAME]]` (docs/benchmarks.md). Measurements, never a failing build.
 * With --json, stdout carries exactly one JSON object keyed by benchmark name; logs go to stderr.
 */
import { benchmarks } from './index';

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyIndex = args.indexOf('--only');
const only =
  onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',').filter(Boolean)) : null;
const log = (line: string) => process.stderr.write(`${line}\n`);

const results: Record<string, Record<string, unknown>> = {};
for (const bench of benchmarks) {
  if (only && !only.has(bench.name)) continue;
  log(`running ${bench.name} ...`);
  try {
    results[bench.name] = await bench.run(log);
  } catch (error) {
    results[bench.name] = {
      skipped: `failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

if (json) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  const rows = Object.entries(results).map(([name, fields]) => [
    name,
    Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(4)) : String(v)}`)
      .join('  '),
  ]);
  const width = Math.max(10, ...rows.map(([n]) => n!.length));
  for (const [name, text] of rows) process.stdout.write(`${name!.padEnd(width)}  ${text}\n`);
}
