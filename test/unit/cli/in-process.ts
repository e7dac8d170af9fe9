/** Runs `jit-doctor ARGS` in this process through runCli with a recording io: no child, no terminal. */
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { systemClock } from '../../../electron/genesys/clock';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function jitDoctor(args: string[], overrides: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: { isTTY: true, read: async () => new Uint8Array() },
    out: (text) => (stdout += text),
    outAll: async (chunks) => {
      for (const chunk of chunks) stdout += chunk;
    },
    err: (text) => (stderr += text),
    color: false,
    width: 100,
    progress: false,
    env: { ...process.env, NO_COLOR: '1' },
    clock: systemClock,
    confirm: async () => false,
    onInterrupt: () => () => {},
    ...overrides,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
