/**
 * What a command reads from and writes to its process, as one object: `runCli(argv, io)` runs any
 * command in-process (tests pass a recording io) and `processIo()` is the real terminal.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline/promises';
import { systemClock, type Clock } from '../genesys/clock';
import { inBlocks } from './json-stream';
import { processStdin, type InputSource } from './input';

export interface CliIo {
  stdin: InputSource;
  /** stdout, as given (the caller adds newlines). */
  out(text: string): void;
  /**
   * stdout, piece by piece as the pieces are made (a JSON report larger than one string may be),
   * waiting for the reader to keep up; resolves once everything is handed to stdout.
   */
  outAll(chunks: Iterable<string>): Promise<void>;
  /** stderr, as given. */
  err(text: string): void;
  /** Colour on stdout (a terminal, no NO_COLOR). */
  color: boolean;
  /** Columns of the stdout terminal; 100 when piped. */
  width: number;
  /** stderr is a terminal: progress lines are drawn there. */
  progress: boolean;
  env: Record<string, string | undefined>;
  clock: Clock;
  /** A y/N question on a terminal; false when stdin is not one. */
  confirm(question: string): Promise<boolean>;
  /** Ctrl-C: the handler runs on each interrupt; the returned function stops listening. */
  onInterrupt(handler: () => void): () => void;
}

/** What a command's action gets: the io, and where to put its exit code (runCli returns it). */
export interface CommandIo extends CliIo {
  setExitCode(code: number): void;
}

/** Colour on a terminal only, never when piped, never with NO_COLOR (https://no-color.org). */
export function wantsColor(
  env: Record<string, string | undefined> = process.env,
  stream: { isTTY?: boolean } = process.stdout,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

export function processIo(): CliIo {
  const color = wantsColor();
  return {
    stdin: processStdin(),
    out: (text) => process.stdout.write(text),
    async outAll(chunks) {
      for (const block of inBlocks(chunks))
        if (!process.stdout.write(block)) await once(process.stdout, 'drain');
    },
    err: (text) => process.stderr.write(text),
    color,
    width: color ? Math.max(80, process.stdout.columns ?? 100) : 100,
    progress: Boolean(process.stderr.isTTY),
    env: process.env,
    clock: systemClock,
    async confirm(question) {
      if (!process.stdin.isTTY) return false;
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}

/** One line on stderr prefixed with the tool's name, as every warning and notice is. */
export const warnLine = (io: CliIo) => (line: string) => io.err(`jit-doctor: ${line}\n`);
