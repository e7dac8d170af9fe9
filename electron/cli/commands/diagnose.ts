/**
 * `jit-doctor diagnose [INPUT ...] [--config FILE] [--directory FILE | --org | --demo]
 *  [--api-base URL] [--now ISO] [--format text|json|md] [--redact] [--batch]` (spec/cli.md).
 * Exit 0 without error findings, 1 with at least one, 2 when the command itself cannot run.
 */
import type { Command } from 'commander';
import { ConfigError, parseConfig } from '../../../shared/config/load';
import type { JitDoctorConfig } from '../../../shared/config/types';
import { loadDirectoryFile } from '../../../shared/directory/file';
import type { DirectoryView } from '../../../shared/directory/types';
import type { Report } from '../../../shared/report';
import { redactReport } from '../../../shared/report/redact';
import { parseInstant } from '../../../shared/saml/checks/compare';
import { diagnose } from '../../../shared/saml/diagnose';
import { DEMO_CONFIG_PATH } from '../../genesys/fake-org/demo-config';
import { UsageError } from '../errors';
import { processStdin, readInputs, readTextFile, type InputSource } from '../input';
import type { openOrgDirectory } from '../org';
import { renderMarkdown } from '../render/markdown';
import { renderText } from '../render/text';

export interface DiagnoseFlags {
  config?: string;
  directory?: string;
  org?: boolean;
  demo?: boolean;
  apiBase?: string;
  now?: string;
  format?: string;
  redact?: boolean;
  batch?: boolean;
}

const FORMATS = ['text', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

export function registerDiagnose(program: Command): void {
  program
    .command('diagnose')
    .description(
      'Diagnose SAML messages: signature, protocol, time, audience, Genesys attributes, claim mapping, JIT outcome.',
    )
    .argument(
      '[input...]',
      'files holding XML, base64, a form body, a URL, a HAR or a SAML-tracer export; - or nothing for stdin',
    )
    .option('--config <file>', 'SSO/JIT configuration (spec/config.md)')
    .option(
      '--directory <file>',
      'directory snapshot JSON or users CSV, for the checks that need the org',
    )
    .option('--org', 'read the directory from a live org (GENESYSCLOUD_* environment variables)')
    .option('--demo', 'read the directory from the embedded demo org')
    .option('--api-base <url>', 'API base URL for --org (or GENESYSCLOUD_API_BASE)')
    .option('--now <iso>', 'evaluate as of this time (ISO 8601) instead of now')
    .option('--format <format>', 'text, json or md', 'text')
    .option('--redact', 'replace personal data with stable placeholders')
    .option('--batch', 'also check the messages against each other')
    .action(async (inputs: string[], flags: DiagnoseFlags) => {
      const output = await runDiagnose(inputs, flags, {
        stdin: processStdin(),
        color: wantsColor(),
        warn: (line) => process.stderr.write(`jit-doctor: ${line}\n`),
      });
      process.stdout.write(output.text);
      process.exitCode = output.exitCode;
    });
}

export interface DiagnoseIo {
  stdin: InputSource;
  color: boolean;
  warn(line: string): void;
  now?: () => Date;
  /** The live/demo directory reader; injected by tests. */
  openOrgDirectory?: typeof openOrgDirectory;
}

/** Everything but the writing, so tests can run the command without a process. */
export async function runDiagnose(
  inputs: readonly string[],
  flags: DiagnoseFlags,
  io: DiagnoseIo,
): Promise<{ text: string; exitCode: 0 | 1; report: Report }> {
  const format = parseFormat(flags.format);
  const now = flags.now === undefined ? (io.now?.() ?? new Date()) : parseNow(flags.now);
  // The demo org ships its own configuration, so `--demo` needs nothing else.
  const configPath = flags.config ?? (flags.demo ? DEMO_CONFIG_PATH : undefined);
  const config = configPath ? loadConfig(configPath) : {};
  const raw = await readInputs(inputs, io.stdin);
  const directory = await loadDirectory(flags, config, io);
  if (!configPath) io.warn('no --config given: only the checks that need no configuration run');

  let report = diagnose(raw, {
    config,
    directory,
    now,
    batch: flags.batch ?? false,
    includeXml: format === 'json' && !flags.redact,
  });
  if (!configPath) report.skippedChecks.unshift('configuration checks: no --config given');
  if (flags.redact) report = redactReport(report);

  const text =
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'md'
        ? renderMarkdown(report)
        : renderText(report, { color: io.color });
  return { text, exitCode: report.summary.errors > 0 ? 1 : 0, report };
}

function parseFormat(value: string | undefined): Format {
  const format = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  return format as Format;
}

/** --now: an ISO 8601 date or date-time; without a zone it is read as UTC, like SAML times. */
export function parseNow(value: string): Date {
  const trimmed = value.trim();
  const normalised = /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
    ? `${trimmed}T00:00:00Z`
    : trimmed
        .replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?=$|Z|[+-])/i, '$1:00')
        .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
        .replace(/z$/, 'Z');
  const ms = parseInstant(normalised);
  if (ms === null)
    throw new UsageError(`--now "${value}" is not an ISO 8601 time such as 2026-11-23T09:00:00Z`);
  return new Date(ms);
}

function loadConfig(path: string): JitDoctorConfig {
  const text = readTextFile(path, 'configuration');
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
): Promise<DirectoryView | null> {
  const chosen = [
    flags.directory !== undefined && '--directory',
    flags.org && '--org',
    flags.demo && '--demo',
  ].filter(Boolean);
  if (chosen.length > 1)
    throw new UsageError(`${chosen.join(' and ')} cannot be combined: choose one directory`);
  if (flags.apiBase && !flags.org) throw new UsageError('--api-base only applies with --org');
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
      readTextFile(p, 'directory'),
    );
    warnings.forEach((w) => io.warn(w));
    return view;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** Colour on a terminal only, never when piped, never with NO_COLOR (https://no-color.org). */
export function wantsColor(
  env = process.env,
  stream: { isTTY?: boolean } = process.stdout,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}
