/**
 * `jit-doctor config from-metadata METADATA.xml [--out FILE]`: a starting configuration from IdP
 * metadata. `jit-doctor config preset IDP [--out FILE]`: the starting configuration for a known IdP.
 * `jit-doctor config check FILE`: validate a configuration (exit 2 naming the bad key).
 */
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfigFile, parseConfig, readFailure } from '../../../shared/config/load';
import { configFromMetadata, MetadataError } from '../../../shared/config/metadata';
import type { JitDoctorConfig } from '../../../shared/config/types';
import { PRESETS, type PresetIdp } from '../../../shared/mapping/presets';
import { parseXml } from '../../../shared/saml/parse';
import { UsageError } from '../errors';
import { describeWriteError } from '../input';
import { checkOutputFile } from '../output';
import { warnLine, type CliIo, type CommandIo } from '../io';

export interface ConfigIo {
  readText(path: string): string;
  /** Writes a new file; refuses to replace one unless `force`. */
  writeText(path: string, text: string, force: boolean): void;
  out(text: string): void;
  warn(line: string): void;
}

/** The files of the real file system, the streams of the command line's io. */
const configIo = (io: CliIo): ConfigIo => ({
  readText: (path) => readFileSync(path, 'utf8'),
  writeText: (path, text, force) => {
    checkOutputFile(path, force);
    try {
      writeFileSync(path, text, { encoding: 'utf8', mode: 0o644 });
    } catch (error) {
      throw new UsageError(`cannot write ${path}: ${describeWriteError(error)}`);
    }
  },
  out: io.out,
  warn: warnLine(io),
});

function asUsage<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MetadataError && error.choices.length > 0)
      throw new UsageError(`${error.message}: pass --entity-id ID`);
    if (error instanceof ConfigError || error instanceof MetadataError)
      throw new UsageError(error.message);
    throw error;
  }
}

function emit(
  config: JitDoctorConfig,
  out: string | undefined,
  force: boolean,
  io: ConfigIo,
): void {
  const text = `${JSON.stringify(config, null, 2)}\n`;
  // What we write must load: the same validation as --config.
  parseConfig(text, out ?? 'the generated configuration');
  if (out) {
    io.writeText(out, text, force);
    io.warn(`wrote ${out}`);
  } else io.out(text);
}

export function runFromMetadata(
  path: string,
  flags: { out?: string; entityId?: string; force?: boolean },
  io: ConfigIo,
): void {
  let xml: string;
  try {
    xml = io.readText(path);
  } catch (error) {
    throw new UsageError(`cannot read the metadata ${path}: ${readFailure(error)}`);
  }
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    throw new UsageError(
      // The parser speaks of SAML messages; here the refused document is the IdP's metadata.
      `${path}: ${(parsed.findings[0]?.message ?? 'not well-formed XML').replace(/SAML messages never carry one, so the message was/, 'IdP metadata needs none, so the file was')}`,
    );
  }
  const { config, notes } = asUsage(() =>
    configFromMetadata(parsed.parsed, flags.entityId ? { entityId: flags.entityId } : {}),
  );
  emit(config, flags.out, flags.force ?? false, io);
  notes.forEach((note) => io.warn(note));
}

export function runPreset(
  idp: string,
  flags: { out?: string; force?: boolean },
  io: ConfigIo,
): void {
  const preset = PRESETS[idp as PresetIdp];
  if (!Object.hasOwn(PRESETS, idp) || !preset)
    throw new UsageError(`unknown IdP "${idp}"; presets: ${Object.keys(PRESETS).join(', ')}`);
  emit(preset.config, flags.out, flags.force ?? false, io);
  io.warn(
    'fill in region, organizationName, and sso.issuer, sso.certificates and sso.relyingPartyIdentifier (or start from the IdP metadata: config from-metadata)',
  );
}

export function runCheck(path: string, io: ConfigIo): void {
  const config = asUsage(() => loadConfigFile(path, io.readText));
  const mapped = Object.keys(config.attributeMapping ?? {}).length;
  io.out(
    `${path} is valid: ${config.sso?.certificates?.length ?? 0} certificate(s), ${mapped} mapped field(s), ${config.postJit?.rules.length ?? 0} post-JIT rule(s)\n`,
  );
}

export function registerConfig(program: Command, cli: CommandIo): void {
  const io = configIo(cli);
  const config = program
    .command('config')
    .description('Create or check an SSO/JIT configuration (docs/configuration.md).');
  config
    .command('from-metadata')
    .description(
      'Write a starting configuration from IdP metadata (issuer, signing certificates, preset mapping).',
    )
    .argument('<metadata>', 'SAML 2.0 metadata XML of the IdP (EntityDescriptor)')
    .option('--out <file>', 'write the configuration to FILE instead of stdout')
    .option('--entity-id <id>', 'the IdP to use when the metadata describes several')
    .option('--force', 'replace FILE if it exists')
    .action((path: string, flags: { out?: string; entityId?: string; force?: boolean }) => {
      runFromMetadata(path, flags, io);
    });
  config
    .command('preset')
    .description(
      `Write the starting configuration for an IdP (${Object.keys(PRESETS).join(', ')}).`,
    )
    .argument('<idp>', Object.keys(PRESETS).join(' | '))
    .option('--out <file>', 'write the configuration to FILE instead of stdout')
    .option('--force', 'replace FILE if it exists')
    .action((idp: string, flags: { out?: string; force?: boolean }) => runPreset(idp, flags, io));
  config
    .command('check')
    .description('Validate a configuration file: exit 2 naming the key path of the first problem.')
    .argument('<file>', 'configuration JSON')
    .action((path: string) => runCheck(path, io));
}
