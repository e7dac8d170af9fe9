/**
 * `cli.cold-start` (docs/benchmarks.md): `jit-doctor diagnose` of the typical signed response as a
 * whole process, from the CLI as users install it (npm pack, installed into an empty folder), side
 * by side with the TypeScript source run through tsx (how the CLI ran before it was bundled) and
 * with `xmlsec1 --verify` of the same file where xmlsec1 is installed. Interleaved rounds after a
 * warm-up; wall time per process, and from /usr/bin/time where present its CPU time (user + system,
 * which a busy machine inflates far less than wall time) and peak resident memory.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_CONFIG, typicalResponse } from './diagnose';
import { CERT } from './signing';
import type { Benchmark } from './types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 9;
const TIME = '/usr/bin/time';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

function onPath(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** One process: wall seconds, and CPU seconds and peak RSS in MiB when /usr/bin/time can say. */
function measure(
  command: string[],
  json: boolean,
): { seconds: number; cpuSeconds: number | null; peakMib: number | null } {
  const timed = existsSync(TIME);
  const argv = timed ? [TIME, '-f', 'jit-doctor-bench %U %S %M', ...command] : command;
  const started = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', cwd: ROOT });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 300)}`);
  // a diagnosis that did not happen must not count as a fast one
  if (json && !result.stdout.trimStart().startsWith('{'))
    throw new Error(`${command.join(' ')} printed no report: ${result.stderr.slice(0, 300)}`);
  const usage = timed ? /jit-doctor-bench ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr) : null;
  return {
    seconds,
    cpuSeconds: usage ? Number(usage[1]) + Number(usage[2]) : null,
    peakMib: usage ? Number(usage[3]) / 1024 : null,
  };
}

/** Why the CLI could not be packed and installed, in one line (the installer's last words). */
function cannotInstall(result: SpawnSyncReturns<string>): string {
  const said = (result.error?.message ?? result.stderr ?? '')
    .split('\n')
    .map((line) => line.replace(/^install-packed: /, '').trim())
    .filter(Boolean)
    .at(-1);
  return `the CLI cannot be packed and installed on this machine (npm pack, then npm install of the tarball): ${said ?? `exit ${result.status}`}`;
}

export const cliBenchmarks: Benchmark[] = [
  {
    name: 'cli.cold-start',
    async run(log) {
      const dir = mkdtempSync(join(tmpdir(), 'jit-doctor-cold-start-'));
      try {
        const message = join(dir, 'typical.xml');
        const config = join(dir, 'config.json');
        const cert = join(dir, 'idp.crt');
        writeFileSync(message, typicalResponse());
        writeFileSync(config, JSON.stringify(BENCH_CONFIG));
        writeFileSync(cert, CERT);
        log('  packing and installing the CLI into an empty folder ...');
        const installed = spawnSync(
          process.execPath,
          [join(ROOT, 'scripts/install-packed.mjs'), join(dir, 'cli')],
          { encoding: 'utf8' },
        );
        const bin = installed.stdout.trim();
        // no npm, no registry and no cache, a full disk: the installed CLI cannot be measured here
        if (installed.status !== 0 || !bin) return { skipped: cannotInstall(installed) };
        const args = [
          'diagnose',
          message,
          '--config',
          config,
          '--now',
          '2026-11-23T09:00:00Z',
          '--format',
          'json',
        ];
        const commands: Record<string, string[]> = {
          installed: [bin, ...args],
          tsx: [process.execPath, '--import', 'tsx', join(ROOT, 'electron/cli/bin.ts'), ...args],
        };
        if (onPath('xmlsec1'))
          commands.xmlsec1 = [
            'xmlsec1',
            '--verify',
            '--pubkey-cert-pem',
            cert,
            '--id-attr:ID',
            'urn:oasis:names:tc:SAML:2.0:assertion:Assertion',
            message,
          ];
        const seconds: Record<string, number[]> = {};
        const peaks: Record<string, number[]> = {};
        const cpu: Record<string, number[]> = {};
        for (const [name, command] of Object.entries(commands))
          measure(command, name !== 'xmlsec1'); // warm the file cache
        for (let round = 0; round < RUNS; round++) {
          for (const [name, command] of Object.entries(commands)) {
            const { seconds: s, cpuSeconds, peakMib } = measure(command, name !== 'xmlsec1');
            if (cpuSeconds !== null) (cpu[name] ??= []).push(cpuSeconds);
            (seconds[name] ??= []).push(s);
            if (peakMib !== null) (peaks[name] ??= []).push(peakMib);
          }
        }
        const peak = (name: string) => (peaks[name] ? median(peaks[name]) : null);
        const cpuOf = (name: string) => (cpu[name] ? median(cpu[name]) : null);
        return {
          median_s: median(seconds.installed!),
          median_ms: median(seconds.installed!) * 1000,
          cpu_median_s: cpuOf('installed'),
          peak_mib: peak('installed'),
          tsx_median_s: median(seconds.tsx!),
          tsx_cpu_median_s: cpuOf('tsx'),
          tsx_peak_mib: peak('tsx'),
          xmlsec1_median_s: seconds.xmlsec1 ? median(seconds.xmlsec1) : 'not installed',
          runs: RUNS,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
