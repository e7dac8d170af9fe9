/**
 * `jit-doctor`: the command line (spec/cli.md). Every failure a person can cause ends as one
 * readable line on stderr and exit code 2; never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index';
import { UsageError } from './errors';
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

export async function runCli(argv: readonly string[]): Promise<number> {
  const program = new Command('jit-doctor')
    .description('Diagnose Genesys Cloud SAML SSO and JIT provisioning; repair stuck agents.')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run jit-doctor --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed help, version or the usage message.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { message, code } = describeFailure(error);
    process.stderr.write(`jit-doctor: ${message}\n`);
    if (process.env.JIT_DOCTOR_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return code;
  }
}
