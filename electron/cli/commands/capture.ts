/**
 * `jit-doctor capture [URL] [--browser PATH] [--config FILE] [--out FILE] [--let-through]
 * [--headless] [--now ISO]`: records the SAML messages of a real login in the admin's own browser,
 * prints the diagnosis of each as it arrives, and saves them as a HAR that `diagnose` reads back.
 * By default the SAMLResponse POST to Genesys Cloud is stopped, so the capture creates nobody.
 * Exit 0 without error findings, 1 with at least one, 2 when the capture cannot run.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { captureHar, messageText } from '../../../shared/capture/har';
import { captureStartProblem } from '../../../shared/capture/requests';
import type { JitDoctorConfig } from '../../../shared/config/types';
import type { CapturedMessage } from '../../../shared/ipc';
import { diagnose } from '../../../shared/saml/diagnose';
import { TOOL_VERSION } from '../../../shared/version';
import { findBrowser } from '../browser';
import { wallDate } from '../../genesys/clock';
import { UsageError } from '../errors';
import { describeWriteError } from '../input';
import { warnLine, type CliIo, type CommandIo } from '../io';
import { nowOption } from '../options';
import { renderText } from '../render/text';
import { loadConfig } from './diagnose';

interface CaptureFlags {
  browser?: string;
  config?: string;
  out?: string;
  letThrough?: boolean;
  headless?: boolean;
  now?: Date;
}

export function registerCapture(program: Command, io: CommandIo): void {
  program
    .command('capture')
    .description(
      'Record the SAML messages of a real login in your own Chrome, Edge or Chromium, diagnose each as it arrives, and save them as a HAR.',
    )
    .argument(
      '[url]',
      'where the browser starts: the Genesys Cloud login or the IdP sign-in page (https)',
    )
    .option(
      '--browser <path>',
      'the browser to use (default: the installed Chrome, Edge or Chromium)',
    )
    .option('--config <file>', 'SSO/JIT configuration to diagnose against (docs/configuration.md)')
    .option('--out <file>', 'save the capture here (default: jit-doctor-capture-TIME.har)')
    .option(
      '--let-through',
      'let the SAMLResponse reach Genesys Cloud and log in for real (JIT creates or updates the user)',
    )
    .option('--headless', 'run the browser without a window (flows that need no typing)')
    .addOption(nowOption())
    .action(async (url: string | undefined, flags: CaptureFlags) => {
      io.setExitCode(await runCapture(url, flags, io));
    });
}

/** jit-doctor-capture-20261123-090000.har in the current folder. */
function defaultOut(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return resolve(`jit-doctor-capture-${stamp}.har`);
}

function chooseBrowser(flags: CaptureFlags, io: CliIo): string {
  if (flags.browser !== undefined) {
    if (!existsSync(flags.browser) || statSync(flags.browser).isDirectory())
      throw new UsageError(`--browser ${flags.browser}: no such program`);
    return flags.browser;
  }
  const found = findBrowser(process.platform, io.env);
  if (!found)
    throw new UsageError(
      'no Chrome, Edge or Chromium found: install one, or pass --browser PATH to its program',
    );
  return found;
}

function headerOf(message: CapturedMessage, index: number): string {
  const binding = message.binding === 'post' ? 'POST' : 'Redirect';
  const stopped = message.blocked
    ? '  (stopped: diagnose only, it never reached Genesys Cloud)'
    : '';
  return `── #${index + 1} ${message.time}  ${binding} ${message.parameter} → ${message.url}${stopped}\n`;
}

async function runCapture(
  url: string | undefined,
  flags: CaptureFlags,
  io: CliIo,
): Promise<number> {
  if (url !== undefined) {
    const problem = captureStartProblem(url);
    if (problem) throw new UsageError(problem);
  }
  const config: JitDoctorConfig = flags.config ? loadConfig(flags.config) : {};
  const out = flags.out === undefined ? defaultOut(wallDate(io.clock)) : resolve(flags.out);
  if (!existsSync(dirname(out)))
    throw new UsageError(`cannot write ${out}: the folder ${dirname(out)} does not exist`);
  const executablePath = chooseBrowser(flags, io);
  const warn = warnLine(io);
  if (!flags.config) warn('no --config given: only the checks that need no configuration run');

  const messages: CapturedMessage[] = [];
  let errors = 0;
  const onMessage = (message: CapturedMessage) => {
    const index = messages.push(message) - 1;
    const report = diagnose(
      [{ name: `#${index + 1}`, bytes: new TextEncoder().encode(messageText(message)) }],
      { config, directory: null, now: flags.now ?? wallDate(io.clock) },
    );
    errors += report.summary.errors;
    io.out(`${headerOf(message, index)}${renderText(report, { color: io.color })}\n`);
  };

  // loaded on demand: only this command drives a browser
  const { startBrowserCapture } = await import('../capture-browser');
  const session = await startBrowserCapture({
    executablePath,
    headless: flags.headless ?? false,
    url,
    diagnoseOnly: !flags.letThrough,
    clock: io.clock,
    onMessage,
    warn,
  });
  warn(
    `capturing in ${executablePath}${flags.letThrough ? ' (--let-through: the login goes through to Genesys Cloud)' : ' (diagnose only: the SAMLResponse to Genesys Cloud is stopped)'}; sign in, then close the browser or press Ctrl-C to save`,
  );
  const stopListening = io.onInterrupt(() => void session.stop());
  try {
    await session.closed;
  } finally {
    stopListening();
  }

  const har = captureHar(messages, { name: 'jit-doctor', version: TOOL_VERSION });
  try {
    // personal data (names, emails) is in it: readable by the admin only
    writeFileSync(out, `${JSON.stringify(har, null, 2)}\n`, { mode: 0o600 });
  } catch (error) {
    throw new UsageError(`cannot write ${out}: ${describeWriteError(error)}`);
  }
  warn(
    messages.length === 0
      ? `no SAML message was seen; saved an empty capture to ${out}`
      : `saved ${messages.length} SAML message${messages.length === 1 ? '' : 's'} to ${out}; read it again with: jit-doctor diagnose ${out}${flags.config ? ` --config ${flags.config}` : ''}`,
  );
  return errors > 0 ? 1 : 0;
}
