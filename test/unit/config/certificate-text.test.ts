/**
 * Certificates are read in one place (shared/saml/certificates.ts): what `config check` accepts,
 * `diagnose` trusts, and what one refuses the other refuses with the same key path, exit code 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../electron/cli/commands/config';
import { runDiagnose } from '../../../electron/cli/commands/diagnose';
import { parseConfig } from '../../../shared/config/load';
import { CertificateError } from '../../../shared/saml/certificates';
import { diagnose } from '../../../shared/saml/diagnose';
import { SAMPLES } from '../saml/checks/fixtures';
import { ManualClock } from '../../../electron/genesys/clock';

const KEYS = join(import.meta.dirname, '../../fixtures/keys');
const CASE = join(SAMPLES, '001-entra-assertion-signed-pysaml2');
const NOW = '2026-11-23T09:00:00Z';
const pem = readFileSync(join(KEYS, 'idp.crt'), 'utf8').trim();
const privateKey = readFileSync(join(KEYS, 'idp.key'), 'utf8').trim();
const baseConfig = JSON.parse(readFileSync(join(CASE, 'config.json'), 'utf8')) as {
  sso: { certificates: string[] };
};

const folder = mkdtempSync(join(tmpdir(), 'jit-doctor-cert-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function configWith(certificate: string, name: string): string {
  const path = join(folder, name);
  const config = structuredClone(baseConfig);
  config.sso.certificates = [certificate];
  writeFileSync(path, JSON.stringify(config));
  return path;
}

const quiet = {
  stdin: { isTTY: true, read: async () => new Uint8Array() },
  color: false,
  warn: () => undefined,
  clock: new ManualClock(Date.parse(NOW)),
};

/** What `config check` and `diagnose` say about one configuration: 'ok' or the error's text. */
async function bothCommands(path: string): Promise<{ check: string; diagnose: string }> {
  const outcome = async (run: () => unknown) => {
    try {
      await run();
      return 'ok';
    } catch (error) {
      return (error as Error).message;
    }
  };
  return {
    check: await outcome(() =>
      runCheck(path, {
        ...quiet,
        readText: (p) => readFileSync(p, 'utf8'),
        writeText: () => undefined,
        out: () => undefined,
      }),
    ),
    diagnose: await outcome(() =>
      runDiagnose(
        [join(CASE, 'input.xml')],
        { config: path, now: new Date(NOW), format: 'json' },
        quiet,
      ),
    ),
  };
}

describe('a configured certificate', () => {
  it('pasted with JSON-escaped line breaks is accepted by config check and trusted by diagnose', async () => {
    const path = configWith(pem.replace(/\n/g, '\\n'), 'escaped.json');
    expect(await bothCommands(path)).toEqual({ check: 'ok', diagnose: 'ok' });
    const out = await runDiagnose(
      [join(CASE, 'input.xml')],
      { config: path, now: new Date(NOW), format: 'json' },
      quiet,
    );
    expect(out.report.messages[0]!.signature.status).toBe('valid');
  });

  it('as a bundle of two certificates is refused by both with the key path and what to do', async () => {
    const path = configWith(`${pem}\n${pem}`, 'two.json');
    const both = await bothCommands(path);
    expect(both.check).toBe(both.diagnose);
    expect(both.check).toMatch(
      /sso\.certificates\[0\]: certificate 1 cannot be read: it holds 2 certificates in one entry: put each certificate in its own entry/,
    );
  });

  it('with its private key is refused by both, saying the key must go', async () => {
    const path = configWith(`${pem}\n${privateKey}`, 'with-key.json');
    const both = await bothCommands(path);
    expect(both.check).toBe(both.diagnose);
    expect(both.check).toMatch(
      /sso\.certificates\[0\].*it holds a private key \("BEGIN CERTIFICATE", "BEGIN (RSA )?PRIVATE KEY"\): remove the key/,
    );
    expect(both.check).not.toContain(privateKey.split('\n')[1]!);
  });

  it('that the engine is handed unchecked is a configuration error, never INTERNAL_ERROR', () => {
    const config = structuredClone(baseConfig);
    config.sso.certificates = [`${pem}\n${pem}`];
    const run = () =>
      diagnose([{ name: 'input.xml', bytes: readFileSync(join(CASE, 'input.xml')) }], {
        config,
        directory: null,
        now: new Date(NOW),
      });
    expect(run).toThrow(CertificateError);
    expect(run).toThrow(/sso\.certificates\[0\]/);
    expect(() => parseConfig(JSON.stringify(config), 'c.json')).toThrow(/sso\.certificates\[0\]/);
  });
});
