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

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`jit-doctor: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
