/** Starts repair-child.ts (one repair process, one "machine") against a fake org. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeOrg } from '../../../electron/genesys/fake-org/server';

const CHILD = fileURLToPath(new URL('./repair-child.ts', import.meta.url));

export interface RepairChildOptions {
  timeScale: number;
  /** Print "assessed" and wait for a line on stdin before applying. */
  waitAfterAssess?: boolean;
}

export function runRepairChild(fake: FakeOrg, journalPath: string, options: RepairChildOptions) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      REPAIR_API_BASE: fake.url,
      REPAIR_CLIENT_ID: fake.clientId,
      REPAIR_CLIENT_SECRET: fake.clientSecret,
      REPAIR_JOURNAL: journalPath,
      REPAIR_TIME_SCALE: String(options.timeScale),
      REPAIR_TIMEOUT_MS: '500',
      ...(options.waitAfterAssess ? { REPAIR_WAIT_AFTER_ASSESS: '1' } : {}),
    },
    stdio: [options.waitAfterAssess ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let onOutput = () => {};
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    onOutput();
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  /** Resolves once the child printed "assessed" (rejects if it exits first). */
  const assessed = new Promise<void>((resolve, reject) => {
    onOutput = () => {
      if (output.includes('assessed\n')) resolve();
    };
    void done.then((end) => reject(new Error(`the repair exited before assessing: ${end.output}`)));
  });
  assessed.catch(() => {});
  return { child, done, assessed, go: () => child.stdin?.end('go\n') };
}
