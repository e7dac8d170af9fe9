/**
 * `jit-doctor snapshot (--org | --demo) [--out FILE [--force]] [--api-base URL] [--config FILE]`:
 * writes the directory snapshot of spec/config.md from a live org or the demo org. Creation dates come from
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

export interface SnapshotFlags {
  org?: boolean;
  demo?: boolean;
  apiBase?: string;
  out?: string;
  force?: boolean;
  config?: string;
}

export function registerSnapshot(program: Command): void {
  program
    .command('snapshot')
    .description(
      'write a directory snapshot (users, roles, divisions, locations, skills, licenses) of an org',
    )
    .option('--org', 'read a live org (GENESYSCLOUD_OAUTHCLIENT_ID, _SECRET, _REGION)')
    .option('--demo', 'read the embedded demo org')
    .option('--api-base <url>', 'API base URL for --org (or GENESYSCLOUD_API_BASE)')
    .option('--out <file>', 'write the snapshot here instead of stdout')
    .option('--force', 'with --out: replace the file when it exists')
    .option(
      '--config <file>',
      'configuration whose licenses.total, organizationName and region go into the snapshot',
    )
    .action(async (flags: SnapshotFlags) => {
      process.exitCode = await runSnapshot(flags, {
        progress: process.stderr.isTTY ? progressBar(process.stderr) : undefined,
        writeStdout: (text) => {
          // a reader that went away (`| head`) is not a failure worth a stack trace
          process.stdout.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code !== 'EPIPE') throw error;
          });
          process.stdout.write(text);
        },
        log: (line) => process.stderr.write(`${line}\n`),
      });
    });
}

export interface SnapshotIo {
  progress?: ProgressBar;
  writeStdout(text: string): void;
  log(line: string): void;
}

export async function runSnapshot(flags: SnapshotFlags, io: SnapshotIo): Promise<number> {
  if (flags.out) checkOutputFile(flags.out, Boolean(flags.force));
  const config = flags.config ? loadConfig(flags.config) : undefined;
  const { openOrg } = await import('../org');
  const org = await openOrg({ org: flags.org, demo: flags.demo, apiBase: flags.apiBase });
  let snapshot: DirectorySnapshot;
  try {
    snapshot = await liveDirectory(org.api, {
      source: org.description,
      orgName: config?.organizationName ?? org.orgName,
      region: config?.region ?? org.region,
      licenseTotal: config?.licenses?.total ?? org.licenseTotal,
      onProgress: io.progress?.update,
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

export interface ProgressBar {
  update(progress: SnapshotProgress): void;
  clear(): void;
}

/** One line redrawn in place on a terminal, erased when the reading ends. */
export function progressBar(stream: { write(text: string): unknown }): ProgressBar {
  const width = 24;
  return {
    update(progress) {
      const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
      const filled = Math.round(share * width);
      stream.write(
        `\r\x1b[2Ksnapshot [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${PHASE_LABEL[progress.phase]} ${progress.done}/${progress.total}`,
      );
    },
    clear() {
      stream.write('\r\x1b[2K');
    },
  };
}
