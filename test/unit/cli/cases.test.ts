/**
 * Every case folder (the shared samples, our own regression cases, and the peer cases: real
 * responses from other SAML libraries' test suites, read in place from ../shared/peer-cases when
 * that folder sits beside the clone, as in CI, and never copied into the repository) run through
 * `diagnose` the way ../shared/samples/run does, in-process: exit code, finding codes and
 * signature status.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDiagnose } from '../../../electron/cli/commands/diagnose';

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

/** The runner's argument handling: flags with values, and case files made absolute. */
function flagsOf(dir: string, exp: Expectation) {
  const inputs = [readdirSync(dir).find((f) => f.startsWith('input.'))!].map((f) => join(dir, f));
  const flags: Record<string, unknown> = { format: 'json', config: join(dir, 'config.json') };
  if (existsSync(join(dir, 'directory.json'))) flags.directory = join(dir, 'directory.json');
  if (exp.now) flags.now = exp.now;
  // Like the runner, every argument naming a case file (an input or a flag's value) is made absolute.
  const args = (exp.args ?? []).map((arg) =>
    !arg.startsWith('-') && existsSync(join(dir, arg)) ? join(dir, arg) : arg,
  );
  while (args.length) {
    const arg = args.shift()!;
    if (arg === '--batch' || arg === '--redact') flags[arg.slice(2)] = true;
    else if (arg.startsWith('--')) flags[arg.slice(2)] = args.shift();
    else inputs.push(arg);
  }
  return { inputs, flags };
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
      const { inputs, flags } = flagsOf(dir, exp);
      const io = {
        stdin: { isTTY: true, read: async () => new Uint8Array() },
        color: false,
        warn: () => {},
      };
      if (exp.exit === 2) {
        await expect(runDiagnose(inputs, flags, io)).rejects.toThrow(/\S/);
        return;
      }
      const { exitCode, report } = await runDiagnose(inputs, flags, io);
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
