/**
 * `jit-doctor snapshot (--org | --demo) [--out FILE [--force]] [--api-base URL] [--config FILE]`:
 * writes the directory snapshot of docs/configuration.md from a live org or the demo org. Creation dates come from
 * the audit log; secrets never enter the file. A progress bar shows on a terminal (stderr).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ConfigError, loadConfigFile } from '../../../shared/config/load';
import type { DirectorySnapshot } from '../../../shared/directory/types';
import { liveDirectory } from '../../genesys/directory/org-directory';
import type { SnapshotProgress } from '../../genesys/directory/fetch-snapshot';
import { GenesysApiError } from '../../genesys/errors';
import { UsageError } from '../errors';
import { checkOutputFile, writeFileAtomically } from '../output';
import type { CommandIo } from '../io';
import { orgOptions } from '../options';
import { terminalProgress, type ProgressLine } from '../progress';

export interface SnapshotFlags {
  org?: boolean;
  demo?: boolean;
  apiBase?: string;
  out?: string;
  force?: boolean;
  config?: string;
}

export function registerSnapshot(program: Command, io: CommandIo): void {
  const [apiBase, org, demo] = orgOptions({
    org: 'read a live org (GENESYSCLOUD_OAUTHCLIENT_ID, _SECRET, _REGION)',
    demo: 'read the embedded demo org',
  });
  program
    .command('snapshot')
    .description(
      'write a directory snapshot (users, roles, divisions, locations, skills, licenses) of an org',
    )
    .addOption(apiBase)
    .addOption(org)
    .addOption(demo)
    .option('--out <file>', 'write the snapshot here instead of stdout')
    .option('--force', 'with --out: replace the file when it exists')
    .option(
      '--config <file>',
      'configuration whose licenses.total, organizationName and region go into the snapshot',
    )
    .action(async (flags: SnapshotFlags) => {
      io.setExitCode(
        await runSnapshot(flags, {
          progress: terminalProgress(io, 'snapshot'),
          writeStdout: io.out,
          log: (line) => io.err(`${line}\n`),
          env: io.env,
        }),
      );
    });
}

export interface SnapshotIo {
  progress?: ProgressLine;
  writeStdout(text: string): void;
  log(line: string): void;
  /** The GENESYSCLOUD_* variables of --org; process.env when absent. */
  env?: Record<string, string | undefined>;
}

export async function runSnapshot(flags: SnapshotFlags, io: SnapshotIo): Promise<number> {
  if (flags.out) checkOutputFile(flags.out, Boolean(flags.force));
  const config = flags.config ? loadConfig(flags.config) : undefined;
  const { openOrg } = await import('../org');
  const org = await openOrg({
    org: flags.org,
    demo: flags.demo,
    apiBase: flags.apiBase,
    env: io.env,
  });
  let snapshot: DirectorySnapshot;
  try {
    snapshot = await liveDirectory(org.api, {
      source: org.description,
      orgName: config?.organizationName ?? org.orgName,
      region: config?.region ?? org.region,
      licenseTotal: config?.licenses?.total ?? org.licenseTotal,
      onProgress: io.progress && drawSnapshotProgress(io.progress),
    }).snapshot();
  } catch (error) {
    if (error instanceof GenesysApiError)
      throw new UsageError(`cannot read ${org.description}: ${error.message}`);
    throw error;
  } finally {
    io.progress?.clear();
    await org.close();
  }
  const text = `${JSON.stringify(snapshot, null, 2)}\n`;
  if (flags.out) {
    writeFileAtomically(flags.out, text);
    io.log(
      `jit-doctor: wrote ${snapshot.users.length} users of ${org.description} to ${flags.out}`,
    );
  } else {
    io.writeStdout(text);
  }
  return 0;
}

function loadConfig(path: string) {
  try {
    return loadConfigFile(path, (file) => readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

const PHASE_LABEL: Record<SnapshotProgress['phase'], string> = {
  lists: 'license pages',
  users: 'user pages',
  phones: 'phone pages',
  audit: 'audit pages',
  utilization: 'utilization of users',
};

/** The snapshot's phases on the command line's progress line. */
export function drawSnapshotProgress(line: ProgressLine): (progress: SnapshotProgress) => void {
  return ({ phase, done, total }) =>
    line.update(done, total, `${PHASE_LABEL[phase]} ${done}/${total}`);
}
