#!/usr/bin/env node
/**
 * The process entry of `jit-doctor` (package.json `bin`, bundled into dist/cli/jit-doctor.mjs by
 * scripts/build-cli.mjs): runs the command line and turns its result into the exit code.
 */
import { runCli } from './main';

// `jit-doctor ... | head` closes the pipe early: stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * The command is over once runCli settles: exit as soon as what it wrote is flushed, whatever a
 * library may still hold open. (A command leaves no timer of its own behind: a stopped repair
 * cancels the rate limiter's wait with the calls it held, test/unit/cli/repair-stop-leaves-nothing.)
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

runCli(process.argv.slice(2)).then(exitWhenFlushed, (error: unknown) => {
  process.stderr.write(`jit-doctor: ${error instanceof Error ? error.message : String(error)}\n`);
  exitWhenFlushed(2);
});
