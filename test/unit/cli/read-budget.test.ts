/** One run reads a bounded number of bytes in all, not only per file (docs/cli.md). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/cli/errors';
import {
  MAX_INPUT_BYTES,
  MAX_RUN_BYTES,
  ReadBudget,
  readInputs,
  readTextFile,
} from '../../../electron/cli/input';

const folder = mkdtempSync(join(tmpdir(), 'jit-doctor-budget-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, bytes: number): string {
  const path = join(folder, name);
  writeFileSync(path, 'x'.repeat(bytes));
  return path;
}

const noStdin = { isTTY: true, read: async () => new Uint8Array() };

describe('the read budget of a run', () => {
  it('reads files that together fit, and refuses the one that takes the run past its total', async () => {
    const files = ['a.xml', 'b.xml', 'c.xml'].map((name) => file(name, 400));
    const budget = new ReadBudget(1000);
    await expect(readInputs(files.slice(0, 2), noStdin, budget)).resolves.toHaveLength(2);
    const error = await readInputs(files, noStdin, new ReadBudget(1000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `${files[2]} would take this run past the 1000 bytes its files may hold together (800 bytes read before it); diagnose the files in several runs, or give only the capture of the sign-in you are looking at`,
    );
  });

  it('counts the configuration and directory in the same budget', () => {
    const budget = new ReadBudget(1000);
    readTextFile(file('config.json', 700), 'configuration', budget);
    expect(() => readTextFile(file('users.csv', 400), 'directory', budget)).toThrow(
      /users\.csv would take this run past/,
    );
  });

  it('stops a device that never ends at what the run has left, with the same line', () => {
    const budget = new ReadBudget(1000);
    readTextFile(file('config2.json', 900), 'configuration', budget);
    expect(() => readTextFile('/dev/zero', 'directory', budget)).toThrow(
      '/dev/zero would take this run past',
    );
  });

  it('counts stdin too', async () => {
    const budget = new ReadBudget(1000);
    const stdin = {
      isTTY: false,
      read: async (max: number) => {
        if (max < 2000) throw new UsageError(`stdin gives more than ${max} bytes`);
        return new Uint8Array(2000);
      },
    };
    await expect(readInputs(['-'], stdin, budget)).rejects.toThrow(
      'stdin would take this run past',
    );
  });

  it('leaves room for one input at its largest with a configuration and a directory', () => {
    expect(MAX_RUN_BYTES).toBeGreaterThan(MAX_INPUT_BYTES);
    expect(new ReadBudget().allowance()).toBe(MAX_INPUT_BYTES);
  });
});
