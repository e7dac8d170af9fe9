/**
 * `jit-doctor compare INPUT --config FILE`: expected vs received claim names, side by side.
 * `jit-doctor compare A B [--config FILE]`: two messages side by side (who can log in, who cannot).
 * Exit 0 when everything matches, 1 when a mapped claim does not arrive exactly (one input) or when
 * the two messages differ in claim names, presence or findings (two inputs), 2 on usage errors.
 */
import type { Command } from 'commander';
import { ConfigError, loadConfigFile } from '../../../shared/config/load';
import type { JitDoctorConfig } from '../../../shared/config/types';
import { loadDirectoryFile } from '../../../shared/directory/file';
import type { DirectoryView } from '../../../shared/directory/types';
import { comparePair, pairJson, type Pair } from '../../../shared/mapping/pair';
import type { MessageReport, Report } from '../../../shared/report';
import { diagnose } from '../../../shared/saml/diagnose';
import { wallDate, type Clock } from '../../genesys/clock';
import { UsageError } from '../errors';
import { ReadBudget, readInputs, readTextFile, type InputSource } from '../input';
import { warnLine, type CommandIo } from '../io';
import { formatOption, nowOption, type Format } from '../options';
import {
  mappingFindings,
  mappingJson,
  renderMappingMarkdown,
  renderMappingText,
} from '../render/compare-mapping';
import { renderPairMarkdown, renderPairText } from '../render/compare-pair';

export interface CompareFlags {
  config?: string;
  directory?: string;
  now?: Date;
  format?: Format;
}

export interface CompareIo {
  stdin: InputSource;
  color: boolean;
  /** Terminal width; the table is laid out for 100 columns when piped. */
  width: number;
  warn(line: string): void;
  clock: Clock;
  readText?: (path: string) => string;
}

export function registerCompare(program: Command, io: CommandIo): void {
  program
    .command('compare')
    .description(
      'Compare the claim names Genesys Cloud expects with those received (INPUT --config FILE), or two messages side by side (A B).',
    )
    .argument('<input...>', 'one SAML message (with --config), or two to compare with each other')
    .option(
      '--config <file>',
      'SSO/JIT configuration whose attributeMapping names the expected claims',
    )
    .option(
      '--directory <file>',
      'directory snapshot JSON or users CSV, for the checks that need the org',
    )
    .addOption(nowOption())
    .addOption(formatOption())
    .action(async (inputs: string[], flags: CompareFlags) => {
      const output = await runCompare(inputs, flags, {
        stdin: io.stdin,
        color: io.color,
        width: io.width,
        warn: warnLine(io),
        clock: io.clock,
      });
      io.out(output.text);
      io.setExitCode(output.exitCode);
    });
}

function readText(io: CompareIo, what: string, budget: ReadBudget): (path: string) => string {
  return io.readText ?? ((path) => readTextFile(path, what, budget));
}

function usage<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function loadDirectory(
  path: string | undefined,
  io: CompareIo,
  budget: ReadBudget,
): DirectoryView | null {
  if (path === undefined) return null;
  const { view, warnings } = usage(() =>
    loadDirectoryFile(path, readText(io, 'directory', budget)),
  );
  warnings.forEach((w) => io.warn(w));
  return view;
}

function firstResponse(report: Report, name: string): MessageReport {
  const response = report.messages.find((m) => m.type === 'Response');
  if (!response) {
    const why = report.findings[0]?.message ?? report.messages[0]?.findings[0]?.message;
    throw new UsageError(`${name} holds no SAML Response to compare${why ? ` (${why})` : ''}`);
  }
  return response;
}

export async function runCompare(
  inputs: readonly string[],
  flags: CompareFlags,
  io: CompareIo,
): Promise<{ text: string; exitCode: 0 | 1 }> {
  const format = flags.format ?? 'text';
  if (inputs.length === 0 || inputs.length > 2)
    throw new UsageError(
      `compare takes one INPUT (with --config) or two inputs A B, not ${inputs.length}`,
    );
  if (inputs.length === 1 && !flags.config)
    throw new UsageError(
      'compare INPUT needs --config FILE: the expected claim names come from its attributeMapping (or give two inputs to compare with each other)',
    );
  // One budget for every file the run reads.
  const budget = new ReadBudget();
  const config: JitDoctorConfig = flags.config
    ? usage(() => loadConfigFile(flags.config!, readText(io, 'configuration', budget)))
    : {};
  const directory = loadDirectory(flags.directory, io, budget);
  const now = flags.now ?? wallDate(io.clock);
  const raw = await readInputs(inputs, io.stdin, budget);
  const reports = raw.map((input) => diagnose([input], { config, directory, now }));

  if (reports.length === 1) {
    const report = reports[0]!;
    firstResponse(report, raw[0]!.name);
    const differs = report.messages.some((m) =>
      mappingFindings(m).some((f) => f.severity === 'error' && f.code.startsWith('CLAIM_')),
    );
    const text =
      format === 'json'
        ? `${JSON.stringify(mappingJson(report), null, 2)}\n`
        : format === 'md'
          ? renderMappingMarkdown(report)
          : renderMappingText(report, { color: io.color, width: io.width });
    return { text, exitCode: differs ? 1 : 0 };
  }

  const a = firstResponse(reports[0]!, raw[0]!.name);
  const b = firstResponse(reports[1]!, raw[1]!.name);
  const pair: Pair = { a, b, comparison: comparePair(a, b) };
  const differs =
    pair.comparison.claims.some((d) => d.kind !== 'values') ||
    pair.comparison.onlyA.length > 0 ||
    pair.comparison.onlyB.length > 0;
  const text =
    format === 'json'
      ? `${JSON.stringify(pairJson(pair), null, 2)}\n`
      : format === 'md'
        ? renderPairMarkdown(pair)
        : renderPairText(pair, { color: io.color, width: io.width });
  return { text, exitCode: differs ? 1 : 0 };
}
