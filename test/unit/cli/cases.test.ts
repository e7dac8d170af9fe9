/**
 * Every case folder (the shared samples, our own regression cases, and the peer cases: real
 * responses from other SAML libraries' test suites, read in place from ../shared/peer-cases when
 * that folder sits beside the clone, as in CI, and never copied into the repository) run through
 * `diagnose` with the command line the samples runner uses, in-process: exit code, finding codes and
 * signature status.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/report';
import { jitDoctor } from './in-process';

interface Expectation {
  now?: string;
  args?: string[];
  exit: 0 | 1 | 2;
  mustInclude?: string[];
  mustNotInclude?: string[];
  /** One status, or the statuses any of which is right. */
  signatureStatus?: string | string[];
  why?: string;
}

const FIXTURES = join(import.meta.dirname, '../../fixtures');
/** Third-party test data: read where it lies, beside the clone, when it is there. */
const PEER_CASES = join(import.meta.dirname, '../../../../shared/peer-cases/cases');

function caseFolders(set: string, root: string) {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'expect.json')))
    .map((name) => ({ name: `${set}/${name}`, dir: join(root, name) }));
}

const folders = [
  ...caseFolders('samples', join(FIXTURES, 'samples')),
  ...caseFolders('cases', join(FIXTURES, 'cases')),
  ...caseFolders('peer-cases', PEER_CASES),
];

/** The runner's command line: every argument naming a case file (an input or a flag's value) is made absolute. */
function argvOf(dir: string, exp: Expectation): string[] {
  const input = join(
    dir,
    readdirSync(dir).find((f) => f.startsWith('input.'))!,
  );
  const argv = ['diagnose', input, '--config', join(dir, 'config.json')];
  if (existsSync(join(dir, 'directory.json')))
    argv.push('--directory', join(dir, 'directory.json'));
  if (exp.now) argv.push('--now', exp.now);
  argv.push('--format', 'json');
  for (const arg of exp.args ?? [])
    argv.push(!arg.startsWith('-') && existsSync(join(dir, arg)) ? join(dir, arg) : arg);
  return argv;
}

describe('case folders', () => {
  it('finds the sample cases', () => {
    expect(folders.filter((f) => f.name.startsWith('samples/')).length).toBeGreaterThanOrEqual(46);
  });

  it.runIf(existsSync(PEER_CASES))('finds the peer cases beside the clone', () => {
    expect(folders.filter((f) => f.name.startsWith('peer-cases/')).length).toBeGreaterThanOrEqual(
      70,
    );
  });

  for (const { name, dir } of folders) {
    const exp = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as Expectation;
    it(`${name}: ${exp.why ?? ''}`, async () => {
      const run = await jitDoctor(argvOf(dir, exp));
      expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      if (exp.exit === 2) {
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toMatch(/\S/);
        return;
      }
      const report = JSON.parse(run.stdout) as Report;
      const exitCode = run.code;
      const codes = new Set(
        [...report.findings, ...report.messages.flatMap((m) => m.findings)].map((f) => f.code),
      );
      const got = [...codes].sort().join(',');
      expect(exitCode, got).toBe(exp.exit);
      for (const code of exp.mustInclude ?? [])
        expect(codes.has(code), `${code} in ${got}`).toBe(true);
      for (const code of exp.mustNotInclude ?? [])
        expect(codes.has(code), `${code} not in ${got}`).toBe(false);
      if (exp.signatureStatus) {
        const response = report.messages.find((m) => m.type === 'Response');
        expect([exp.signatureStatus].flat()).toContain(response?.signature.status);
      }
    });
  }
});
