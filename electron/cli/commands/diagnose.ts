/**
 * `jit-doctor diagnose [INPUT ...] [--config FILE] [--directory FILE | --org | --demo]
 *  [--api-base URL] [--now ISO] [--format text|json|md] [--redact] [--batch]` (docs/cli.md).
 * Exit 0 without error findings, 1 with at least one, 2 when the command itself cannot run.
 */
import { Option, type Command } from 'commander';
import { ConfigError, parseConfig } from '../../../shared/config/load';
import type { JitDoctorConfig } from '../../../shared/config/types';
import { loadDirectoryFile } from '../../../shared/directory/file';
import type { DirectoryView } from '../../../shared/directory/types';
import type { Report } from '../../../shared/report';
import { redactReport } from '../../../shared/report/redact';
import { diagnose } from '../../../shared/saml/diagnose';
import { DEMO_CONFIG_PATH } from '../../genesys/fake-org/demo-config';
import { wallDate, type Clock } from '../../genesys/clock';
import { UsageError } from '../errors';
import { ReadBudget, readInputs, readTextFile, type InputSource } from '../input';
import { jsonDocument } from '../json-stream';
import { warnLine, type CommandIo } from '../io';
import { formatOption, nowOption, orgOptions, type Format } from '../options';
import type { openOrgDirectory } from '../org';
import { renderMarkdown } from '../render/markdown';
import { renderText } from '../render/text';

export interface DiagnoseFlags {
  config?: string;
  directory?: string;
  org?: boolean;
  demo?: boolean;
  apiBase?: string;
  now?: Date;
  format?: Format;
  redact?: boolean;
  batch?: boolean;
}

export function registerDiagnose(program: Command, io: CommandIo): void {
  const [apiBase, org, demo] = orgOptions({
    org: 'read the directory from a live org (GENESYSCLOUD_* environment variables)',
    demo: 'read the directory from the embedded demo org',
  });
  program
    .command('diagnose')
    .description(
      'Diagnose SAML messages: signature, protocol, time, audience, Genesys attributes, claim mapping, JIT outcome.',
    )
    .argument(
      '[input...]',
      'files holding XML, base64, a form body, a URL, a HAR or a SAML-tracer export; - or nothing for stdin',
    )
    .option('--config <file>', 'SSO/JIT configuration (docs/configuration.md)')
    .addOption(
      new Option(
        '--directory <file>',
        'directory snapshot JSON or users CSV, for the checks that need the org',
      ).conflicts(['org', 'demo']),
    )
    .addOption(apiBase)
    .addOption(org)
    .addOption(demo)
    .addOption(nowOption())
    .addOption(formatOption())
    .option('--redact', 'replace personal data with stable placeholders')
    .option('--batch', 'also check the messages against each other')
    .action(async (inputs: string[], flags: DiagnoseFlags) => {
      const output = await runDiagnose(inputs, flags, {
        stdin: io.stdin,
        color: io.color,
        warn: warnLine(io),
        clock: io.clock,
      });
      await io.outAll(output.chunks);
      io.setExitCode(output.exitCode);
    });
}

export interface DiagnoseIo {
  stdin: InputSource;
  color: boolean;
  warn(line: string): void;
  clock: Clock;
  /** The live/demo directory reader; injected by tests. */
  openOrgDirectory?: typeof openOrgDirectory;
}

export interface DiagnoseOutput {
  /**
   * The output in pieces, made as they are taken: a JSON report of tens of thousands of messages
   * is more than one string may hold, so it is written out piece by piece (electron/cli/json-stream.ts).
   */
  chunks: Iterable<string>;
  /** The whole output as one string, for tests and small reports. */
  readonly text: string;
  exitCode: 0 | 1;
  report: Report;
}

/** Everything but the writing, so tests can run the command without a process. */
export async function runDiagnose(
  inputs: readonly string[],
  flags: DiagnoseFlags,
  io: DiagnoseIo,
): Promise<DiagnoseOutput> {
  const format = flags.format ?? 'text';
  const now = flags.now ?? wallDate(io.clock);
  // The demo org ships its own configuration, so `--demo` needs nothing else.
  const configPath = flags.config ?? (flags.demo ? DEMO_CONFIG_PATH : undefined);
  // One budget for every file the run reads (inputs, configuration, directory).
  const budget = new ReadBudget();
  const config = configPath ? loadConfig(configPath, budget) : {};
  const raw = await readInputs(inputs, io.stdin, budget);
  const directory = await loadDirectory(flags, config, io, budget);
  if (!configPath) io.warn('no --config given: only the checks that need no configuration run');

  const report = diagnose(raw, {
    config,
    directory,
    now,
    batch: flags.batch ?? false,
    includeXml: format === 'json' && !flags.redact,
    notChecked: configPath ? [] : [{ check: 'configuration checks', reason: 'no --config given' }],
  });
  const shown = flags.redact ? redactReport(report) : report;
  const chunks: Iterable<string> =
    format === 'json'
      ? jsonDocument(shown)
      : [format === 'md' ? renderMarkdown(shown) : renderText(shown, { color: io.color })];
  return {
    chunks,
    get text() {
      return [...chunks].join('');
    },
    exitCode: shown.summary.errors > 0 ? 1 : 0,
    report: shown,
  };
}

export function loadConfig(path: string, budget?: ReadBudget): JitDoctorConfig {
  const text = readTextFile(path, 'configuration', budget);
  try {
    return parseConfig(text, path);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

async function loadDirectory(
  flags: DiagnoseFlags,
  config: JitDoctorConfig,
  io: DiagnoseIo,
  budget: ReadBudget,
): Promise<DirectoryView | null> {
  if (flags.org || flags.demo) {
    // loaded on demand: the Genesys SDK is not needed to diagnose against a file or nothing
    const open = io.openOrgDirectory ?? (await import('../org')).openOrgDirectory;
    return open({
      org: flags.org,
      demo: flags.demo,
      apiBase: flags.apiBase,
      licenseTotal: config.licenses?.total,
    });
  }
  if (flags.directory === undefined) return null;
  try {
    const { view, warnings } = loadDirectoryFile(flags.directory, (p) =>
      readTextFile(p, 'directory', budget),
    );
    warnings.forEach((w) => io.warn(w));
    return view;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
