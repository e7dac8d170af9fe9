/**
 * Every case folder (the shared samples and our own regression cases) run through `diagnose` the
 * way ../shared/samples/run does, in-process: exit code, finding codes and signature status.
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
  signatureStatus?: string;
  why?: string;
}

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const folders = ['samples', 'cases'].flatMap((set) => {
  const root = join(FIXTURES, set);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'expect.json')))
    .map((name) => ({ name: `${set}/${name}`, dir: join(root, name) }));
});

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
    expect(folders.length).toBeGreaterThanOrEqual(46);
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
        expect(response?.signature.status).toBe(exp.signatureStatus);
      }
    });
  }
});
