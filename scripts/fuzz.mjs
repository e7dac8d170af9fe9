/**
 * `npm run fuzz [-- --scale N]`: the engine's fuzz test (test/unit/saml/fuzz.test.ts) with N times
 * its default runs (default 10: about 115,000 mutated inputs), for a longer look than `npm test`
 * takes. Prints how many inputs were diagnosed and how long it took; exits 1 on any throw.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--scale');
const scale = at === -1 ? '10' : args[at + 1];
if (!scale || !/^[1-9]\d*$/.test(scale)) {
  console.error('npm run fuzz -- --scale N: N is a whole number of at least 1');
  process.exit(2);
}
const vitest = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'node_modules',
  'vitest',
  'vitest.mjs',
);
const run = spawnSync(
  process.execPath,
  [vitest, 'run', 'test/unit/saml/fuzz.test.ts', '--testTimeout', '3600000'],
  { stdio: 'inherit', env: { ...process.env, JIT_DOCTOR_FUZZ_SCALE: scale } },
);
process.exit(run.status ?? 1);
