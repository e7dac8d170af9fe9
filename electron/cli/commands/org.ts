/**
 * `jit-doctor org check --config FILE (--org | --demo) [--api-base URL]`: before anything is
 * written, reads what the configuration's post-JIT rules need and reports each permission of the
 * OAuth client as present or missing, by name (docs/permissions.md lists them all). Exit 1 when
 * one is missing, naming it.
 */
import type { Command } from 'commander';
import { ConfigError, parseConfig } from '../../../shared/config/load';
import type { PostJitConfig } from '../../../shared/config/types';
import { GenesysApiError } from '../../genesys/errors';
import { UsageError } from '../errors';
import { readTextFile } from '../input';
import type { CommandIo } from '../io';
import { orgOptions } from '../options';

export interface OrgCheckFlags {
  org?: boolean;
  demo?: boolean;
  apiBase?: string;
  config?: string;
}

export function registerOrg(program: Command, io: CommandIo): void {
  const [apiBase, org, demo] = orgOptions({
    org: 'check a live org (GENESYSCLOUD_OAUTHCLIENT_ID, _SECRET, _REGION)',
    demo: 'check the embedded demo org',
  });
  const command = program.command('org').description('questions about the org JIT Doctor repairs');
  command
    .command('check')
    .description(
      'report each permission the configured post-JIT rules need as present or missing (writes nothing)',
    )
    .addOption(apiBase)
    .addOption(org)
    .addOption(demo)
    .option('--config <file>', 'the configuration whose postJit rules say what is needed')
    .action(async (flags: OrgCheckFlags) => {
      io.setExitCode(await runOrgCheck(flags, io));
    });
}

export async function runOrgCheck(
  flags: OrgCheckFlags,
  io: Pick<CommandIo, 'out' | 'err' | 'env'>,
): Promise<number> {
  const { openOrg } = await import('../org');
  const { checkPermissions, clientPermissions, operationsFor } =
    await import('../../genesys/preflight');
  const opened = await openOrg({
    org: flags.org,
    demo: flags.demo,
    apiBase: flags.apiBase,
    env: io.env,
  });
  try {
    const configPath = flags.config ?? opened.demoConfigPath;
    if (!configPath) throw new UsageError('org check needs --config FILE with postJit rules');
    const operations = operationsFor(loadPostJit(configPath));
    let held: Set<string>;
    try {
      held = await clientPermissions(opened.connection);
    } catch (error) {
      if (error instanceof GenesysApiError)
        throw new UsageError(`cannot read the OAuth client's permissions: ${error.message}`);
      throw error;
    }
    const report = checkPermissions(operations, held);
    const width = Math.max(...report.checks.map((c) => c.permission.length), 10);
    io.out(`Permissions of the OAuth client on ${opened.description} (${configPath}):\n`);
    for (const check of report.checks)
      io.out(
        `  ${check.permission.padEnd(width)}  ${check.present ? 'present' : 'MISSING'}  ${check.operations.join(', ')}\n`,
      );
    for (const { operation, note } of report.unlisted)
      if (note) io.out(`  note: ${operation}: ${note}\n`);
    if (report.missing.length === 0) {
      io.out(`All ${report.checks.length} permissions the rules need are present.\n`);
      return 0;
    }
    io.err(
      `jit-doctor: the OAuth client's role lacks ${report.missing.join(', ')}: add ${report.missing.length === 1 ? 'it' : 'them'} to the role in Admin > Roles/Permissions before repairing\n`,
    );
    return 1;
  } finally {
    await opened.close();
  }
}

function loadPostJit(path: string): PostJitConfig | undefined {
  try {
    return parseConfig(readTextFile(path, 'configuration'), path).postJit;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
