import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from 'commander';
import { runDiagnose, type DiagnoseIo } from '../../../electron/cli/commands/diagnose';
import { wantsColor } from '../../../electron/cli/io';
import { parseDuration, parseNow } from '../../../electron/cli/options';
import { jitDoctor } from './in-process';
import { readInputs } from '../../../electron/cli/input';
import { UsageError } from '../../../electron/cli/errors';
import type { DirectoryView } from '../../../shared/directory/types';
import type { Report } from '../../../shared/report';
import { SAMPLES, sampleXml } from '../saml/checks/fixtures';
import { ManualClock } from '../../../electron/genesys/clock';

const emptyDirectory: DirectoryView = {
  source: 'test org',
  userByEmail: () => undefined,
  userByEmployeeId: () => undefined,
  userById: () => undefined,
  roles: [],
  divisions: ['Home'],
  locations: [],
  skills: [],
  licenses: { total: 10, assigned: 1 },
};

const caseFile = (name: string, file: string) => join(SAMPLES, name, file);
const ENTRA = '001-entra-assertion-signed-pysaml2';
const NOW_TEXT = '2026-11-23T09:00:00Z';
const NOW = new Date(NOW_TEXT);

function io(stdinText: string | null = null): DiagnoseIo & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    stdin: {
      isTTY: stdinText === null,
      read: async () => new TextEncoder().encode(stdinText ?? ''),
    },
    color: false,
    warn: (line) => warnings.push(line),
    clock: new ManualClock(NOW.getTime()),
    warnings,
  };
}

const run = (inputs: string[], flags: Record<string, unknown>, stdin: string | null = null) =>
  runDiagnose(inputs, { now: NOW, ...flags }, io(stdin));

describe('jit-doctor diagnose', () => {
  it('prints the JSON report (schemaVersion 1) and exits 0 on a clean response', async () => {
    const out = await run([caseFile(ENTRA, 'input.xml')], {
      config: caseFile(ENTRA, 'config.json'),
      format: 'json',
    });
    const report = JSON.parse(out.text) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.messages[0]!.source).toBe('input.xml');
    expect(report.messages[0]!.xml).toContain('<samlp:Response');
    expect(out.exitCode).toBe(0);
  });

  it('exits 1 with an error finding, and the text puts the verdict first, grouped by stage', async () => {
    const name = '061-issuer-missing-trailing-slash';
    const out = await run([caseFile(name, 'input.xml')], { config: caseFile(name, 'config.json') });
    expect(out.exitCode).toBe(1);
    const lines = out.text.split('\n');
    expect(lines[0]).toMatch(/^FAIL {2}1 message · 1 error/);
    expect(lines[1]).toMatch(/^Will fail in Genesys Cloud: .*Issuer/);
    expect(out.text).toMatch(/\n {2}Protocol\n {4}error ISSUER_MISMATCH/);
    expect(out.text).toMatch(/\n {2}Claims\n/);
    expect(out.text).not.toMatch(/\x1b\[/);
  });

  it('says JIT does nothing on a login Genesys Cloud refuses first, and what it would do once fixed', async () => {
    const name = '075-sig-unsigned-response';
    const flags = { config: caseFile(name, 'config.json') };
    const text = await run([caseFile(name, 'input.xml')], flags);
    expect(text.text).toContain(
      [
        '  JIT             Genesys Cloud refuses this login before JIT runs: nothing is created or changed',
        '  JIT refused by  No signature (SIGNATURE_MISSING)',
        '  JIT once fixed  Will create Jane Doe in division Home if not a user yet (no directory to tell)',
      ].join('\n'),
    );
    expect(text.text).not.toMatch(/JIT tries to create|JIT creates the user at this login/);
    const md = await run([caseFile(name, 'input.xml')], { ...flags, format: 'md' });
    expect(md.text).toContain('| JIT refused by | No signature (SIGNATURE\\_MISSING) |');
    const json = JSON.parse(
      (await run([caseFile(name, 'input.xml')], { ...flags, format: 'json' })).text,
    ) as Report;
    expect(json.messages[0]!.jit).toMatchObject({
      action: 'unknown',
      loginRefusedBy: ['SIGNATURE_MISSING'],
    });
    const signed = await run([caseFile(ENTRA, 'input.xml')], {
      config: caseFile(ENTRA, 'config.json'),
    });
    expect(signed.text).toMatch(
      /\n {2}JIT {12}Will create Jane Doe in division Home if not a user yet/,
    );
  });

  it('colours the text only when asked', async () => {
    const out = await runDiagnose(
      [caseFile(ENTRA, 'input.xml')],
      { now: NOW },
      { ...io(), color: true },
    );
    expect(out.text).toMatch(/\x1b\[/);
  });

  it('reads stdin when no INPUT is named, and md output is for tickets', async () => {
    const out = await run(
      [],
      { config: caseFile(ENTRA, 'config.json'), format: 'md' },
      sampleXml(ENTRA),
    );
    expect(out.text).toMatch(/^# JIT Doctor: PASS — No problems found\n/);
    expect(out.text).toContain('## Message 1: `stdin` — PASS: No problems found');
    expect(out.text).toContain('| Field | Expected claim | Received | Match | Values |');
  });

  it('redacts personal data in every format', async () => {
    for (const format of ['json', 'text', 'md']) {
      const out = await run([caseFile(ENTRA, 'input.xml')], {
        config: caseFile(ENTRA, 'config.json'),
        format,
        redact: true,
      });
      expect(out.text).not.toContain('jane.doe@acme.example');
      expect(out.text).not.toContain('EMP-12345');
      expect(out.text).toContain('employeeID');
    }
  });

  it('warns on stderr without a configuration and says which checks were skipped', async () => {
    const streams = io();
    const out = await runDiagnose(
      [caseFile(ENTRA, 'input.xml')],
      { now: NOW, format: 'json' },
      streams,
    );
    expect(streams.warnings).toEqual([
      'no --config given: only the checks that need no configuration run',
    ]);
    expect((JSON.parse(out.text) as Report).skippedChecks[0]).toEqual({
      check: 'configuration checks',
      reason: 'no --config given',
    });
  });

  it.each([
    [[caseFile(ENTRA, 'nope.xml')], {}, /cannot read .*nope\.xml: no such file/],
    [[SAMPLES], {}, /is a directory/],
    [
      [caseFile(ENTRA, 'input.xml')],
      { config: caseFile('133-bad-config-invalid-json', 'config.json') },
      /not valid JSON/,
    ],
    [[], {}, /stdin is a terminal/],
  ])('refuses %j %j with one clear line (exit 2)', async (inputs, flags, message) => {
    const promise = run(inputs, { now: NOW, ...flags });
    await expect(promise).rejects.toThrow(UsageError);
    await expect(promise).rejects.toThrow(message);
  });

  it.each([
    [['--now', 'yesterday'], /'yesterday' is invalid. "yesterday" is not an ISO 8601 time/],
    [['--format', 'yaml'], /'yaml' is invalid. Allowed choices are text, json, md/],
    [
      ['--directory', caseFile(ENTRA, 'config.json'), '--demo'],
      /option '--directory <file>' cannot be used with option '--demo'/,
    ],
    [['--org', '--demo'], /option '--demo' cannot be used with option '--org'/],
    [
      ['--api-base', 'http://127.0.0.1:1', '--demo'],
      /option '--demo' cannot be used with option '--api-base <url>'/,
    ],
  ])('commander refuses %j before the command runs (exit 2)', async (extra, message) => {
    const run = await jitDoctor(['diagnose', caseFile(ENTRA, 'input.xml'), ...extra]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('runs in-process through the command line, with the exit code of its findings', async () => {
    const name = '061-issuer-missing-trailing-slash';
    const run = await jitDoctor([
      'diagnose',
      caseFile(name, 'input.xml'),
      '--config',
      caseFile(name, 'config.json'),
      '--now',
      NOW_TEXT,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as Report).summary.errors).toBe(1);
  });

  it('reads the directory of --demo through the org reader, with the demo configuration', async () => {
    const calls: unknown[] = [];
    const streams = {
      ...io(),
      openOrgDirectory: async (options: unknown) => {
        calls.push(options);
        return emptyDirectory;
      },
    };
    const out = await runDiagnose(
      [caseFile(ENTRA, 'input.xml')],
      { now: NOW, demo: true, format: 'json' },
      streams,
    );
    expect(calls).toEqual([
      { org: undefined, demo: true, apiBase: undefined, licenseTotal: expect.anything() },
    ]);
    expect(streams.warnings).toEqual([]);
    expect((JSON.parse(out.text) as Report).skippedChecks).not.toContainEqual(
      expect.objectContaining({ reason: 'no directory' }),
    );
  });

  it('names messages after their files, with the path only where two share a name', async () => {
    const inputs = await readInputs(
      [caseFile(ENTRA, 'input.xml'), caseFile('003-okta-assertion-signed-auth0', 'input.xml')],
      io().stdin,
    );
    expect(inputs.map((i) => i.name)).toEqual([
      caseFile(ENTRA, 'input.xml'),
      caseFile('003-okta-assertion-signed-auth0', 'input.xml'),
    ]);
    await expect(readInputs(['-', '-'], io('x').stdin)).rejects.toThrow(/only once/);
    const terminal = { isTTY: true, read: async () => new TextEncoder().encode('pasted') };
    expect((await readInputs(['-'], terminal)).map((i) => i.name)).toEqual(['stdin']);
  });
});

describe('options', () => {
  it('--now accepts ISO 8601 date-times and dates, read as UTC without a zone', () => {
    expect(parseNow('2026-11-23T09:00:00Z').toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(parseNow('2026-11-23T10:00:00+01:00').toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(parseNow('2026-11-23T09:00').toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(parseNow('2026-11-23').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(() => parseNow('2026-02-30T00:00:00Z')).toThrow(InvalidArgumentError);
    expect(() => parseNow('now')).toThrow(InvalidArgumentError);
  });

  it('durations are seconds, minutes, hours or days, kept as typed for messages', () => {
    expect(parseDuration('24h')).toEqual({ text: '24h', ms: 86_400_000 });
    expect(parseDuration(' 90m ')).toEqual({ text: '90m', ms: 5_400_000 });
    expect(() => parseDuration('0s')).toThrow(InvalidArgumentError);
    expect(() => parseDuration('soon')).toThrow(InvalidArgumentError);
  });

  it('colour only on a TTY, never with NO_COLOR or a dumb terminal', () => {
    expect(wantsColor({}, { isTTY: true })).toBe(true);
    expect(wantsColor({}, { isTTY: false })).toBe(false);
    expect(wantsColor({ NO_COLOR: '1' }, { isTTY: true })).toBe(false);
    expect(wantsColor({ TERM: 'dumb' }, { isTTY: true })).toBe(false);
  });
});
