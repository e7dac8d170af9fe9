/**
 * A repair stopped by Ctrl-C leaves nothing running behind it: the rate limiter's wait for its
 * window to reopen (up to a minute) goes with the calls it held, so the process ends as soon as the
 * command does, without bin.ts's explicit exit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH, startDemoOrg } from '../../../electron/genesys/fake-org/demo';
import type { FakeOrg } from '../../../electron/genesys/fake-org/server';

const CHILD = fileURLToPath(new URL('./run-cli-child.ts', import.meta.url));

let org: FakeOrg | undefined;
let folder: string | undefined;
afterEach(async () => {
  await org?.stop();
  org = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('repair stopped by Ctrl-C', () => {
  it('ends its process on its own while calls still waited for the rate limit', async () => {
    folder = mkdtempSync(join(tmpdir(), 'jd-stop-'));
    const fake = await startDemoOrg({ hardness: 'gentle' });
    org = fake;
    // One call a minute: after the first read every other call waits about a minute for the window.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CHILD,
        'repair',
        '--stuck',
        '--yes',
        '--org',
        '--api-base',
        fake.url,
        '--config',
        DEMO_CONFIG_PATH,
        '--rate-limit',
        '1',
        '--journal',
        join(folder, 'repair.jsonl'),
      ],
      {
        env: {
          ...process.env,
          NO_COLOR: '1',
          XDG_CONFIG_HOME: join(folder, 'app-data'),
          GENESYSCLOUD_OAUTHCLIENT_ID: fake.clientId,
          GENESYSCLOUD_OAUTHCLIENT_SECRET: fake.clientSecret,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    // The first read is answered: the next call now waits for the window to reopen.
    const apiCalls = () => fake.requests.filter((r) => !r.path.startsWith('/oauth')).length;
    for (let waited = 0; apiCalls() === 0; waited += 50) {
      if (waited > 60_000) throw new Error(`the repair sent no API call: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(apiCalls()).toBe(1);
    child.kill('SIGINT');

    // Left running, the limiter's wait would hold the process for the rest of the minute.
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<'still running'>((resolve) => {
        timer = setTimeout(() => resolve('still running'), 40_000);
      }),
    ]);
    clearTimeout(timer);
    if (code === 'still running') child.kill('SIGKILL');
    expect(output).toContain('Stopped: 0 steps for 0 users applied before stopping');
    expect(output).toMatch(/settled 1\n/);
    const open = JSON.parse(/still open: (.*)\n/.exec(output)?.[1] ?? '[]') as string[];
    expect(open.filter((what) => what !== 'PipeWrap')).toEqual([]); // stdout and stderr only
    expect(code, output).toBe(0);
  }, 120_000);
});
