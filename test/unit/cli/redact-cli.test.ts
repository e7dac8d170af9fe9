/**
 * `--redact` through the real command line (the bundle dist/cli/jit-doctor.mjs in a child process), on a HAR with
 * two logins: whatever the format, no NameID, email, RelayState or attribute value of the input
 * reaches stdout. The personal values are read from an unredacted run, not listed by hand, so a new
 * field that leaks is caught too.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/report';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'dist', 'cli', 'jit-doctor.mjs');
const CASE = join(ROOT, 'test', 'fixtures', 'cases', 'in-006-har-two-logins');
const INPUT = join(CASE, 'input.har');
const CONFIG = join(CASE, 'config.json');

function cli(...extra: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [BIN, 'diagnose', INPUT, '--config', CONFIG, '--now', '2026-11-23T09:00:00Z', ...extra],
    { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', CI: 'true' } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** NameIDs, RelayStates and attribute values of the input that the configuration does not name. */
function personalValues(report: Report): string[] {
  const config = readFileSync(CONFIG, 'utf8');
  const values = report.messages.flatMap((m) => [
    m.subject?.nameId ?? '',
    m.relayState ?? '',
    ...m.attributes.flatMap((a) => a.values),
  ]);
  return [...new Set(values.map((v) => v.trim()))].filter(
    (v) => v.length >= 3 && !config.includes(v),
  );
}

describe('jit-doctor diagnose --redact (real CLI)', () => {
  const plain = cli('--format', 'json');
  const report = JSON.parse(plain.stdout) as Report;
  const secrets = personalValues(report);

  it('reads both logins of the capture', () => {
    expect(plain.status).toBe(0);
    expect(report.messages.filter((m) => m.type === 'Response')).toHaveLength(2);
    expect(secrets.length).toBeGreaterThanOrEqual(10);
  });

  it.each(['json', 'text', 'md'])('prints no personal value in %s', (format) => {
    const redacted = cli('--format', format, '--redact');
    expect(redacted.status).toBe(plain.status);
    expect(redacted.stderr).not.toMatch(/^\s+at /m);
    for (const secret of secrets) expect(redacted.stdout).not.toContain(secret);
    expect(redacted.stdout).not.toMatch(/@acme\.example/);
    expect(redacted.stdout).toContain('employeeId');
  });
});
