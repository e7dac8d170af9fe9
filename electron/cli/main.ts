/**
 * `jit-doctor`: the command line (docs/cli.md). Every failure a person can cause ends as one
 * readable line on stderr and exit code 2; never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index';
import { UsageError } from './errors';
import { processIo, type CliIo, type CommandIo } from './io';
import { UserError } from '../../shared/errors';
import { TOOL_VERSION } from '../../shared/version';

function describeFailure(error: unknown): { message: string; code: number } {
  if (error instanceof UsageError) return { message: error.message, code: error.exitCode };
  if (error instanceof UserError) return { message: error.message, code: 2 };
  const text = error instanceof Error ? error.message : String(error);
  return {
    message: `unexpected failure: ${text}. Please report it with the command you ran (set JIT_DOCTOR_DEBUG=1 for details).`,
    code: 2,
  };
}

export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command('jit-doctor')
    .description('Diagnose Genesys Cloud SAML SSO and JIT provisioning; repair stuck agents.')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run jit-doctor --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  let exitCode = 0;
  const commandIo: CommandIo = { ...io, setExitCode: (code) => (exitCode = code) };
  for (const register of commands) register(program, commandIo);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed help, version or the usage message.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { message, code } = describeFailure(error);
    io.err(`jit-doctor: ${message}\n`);
    if (io.env.JIT_DOCTOR_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return code;
  }
}
