/**
 * `jit-doctor ARGS` run in-process in a child of its own, without the explicit exit of bin.ts: once
 * the command settles this prints "settled <code>" and the timers and handles still open, and then
 * leaves the process to end on its own, so a test sees whether the command left anything running.
 */
import { runCli } from '../../../electron/cli/main';

const code = await runCli(process.argv.slice(2));
// setImmediate: what the command's last continuations close is closed by then.
setImmediate(() => {
  process.stdout.write(`settled ${code}\n`);
  process.stdout.write(`still open: ${JSON.stringify(process.getActiveResourcesInfo())}\n`);
});
