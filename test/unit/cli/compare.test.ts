import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCompare, type CompareIo } from '../../../electron/cli/commands/compare';
import { jitDoctor } from './in-process';
import { UsageError } from '../../../electron/cli/errors';
import { ManualClock } from '../../../electron/genesys/clock';

const SAMPLES = fileURLToPath(new URL('../../fixtures/samples', import.meta.url));
const at = (name: string, file: string) => `${SAMPLES}/${name}/${file}`;
const NOW = new Date('2026-11-23T09:00:00Z');

function io(color = false): CompareIo & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    stdin: { isTTY: true, read: async () => new Uint8Array() },
    color,
    width: 100,
    warn: (line) => warnings.push(line),
    readText: (path) => readFileSync(path, 'utf8'),
    clock: new ManualClock(NOW.getTime()),
    warnings,
  };
}

const near = '011-claim-namespace-near-miss-department';

describe('jit-doctor compare INPUT --config FILE', () => {
  it('prints the side-by-side table within 100 columns and exits 1 on a near miss', async () => {
    const out = await runCompare(
      [at(near, 'input.xml')],
      { config: at(near, 'config.json'), now: NOW },
      io(),
    );
    expect(out.exitCode).toBe(1);
    const lines = out.text.split('\n');
    expect(
      lines.some((l) => /^FIELD\s+EXPECTED CLAIM\s+RECEIVED CLAIM\s+MATCH\s+VALUES$/.test(l)),
    ).toBe(true);
    expect(lines.find((l) => l.startsWith('department'))).toMatch(
      /department\s+http:\/\/schemas\.microsoft\.\s+namespace\s+Seasonal_Retail/,
    );
    expect(
      Math.max(...lines.filter((l) => !l.startsWith('  ')).map((l) => l.length)),
    ).toBeLessThanOrEqual(100);
    expect(out.text).toContain(
      '6 of 7 mapped claims arrived exactly · 1 near miss (namespace) · 0 missing',
    );
    expect(out.text).not.toMatch(/\x1b\[/);
  });

  it('highlights the differing characters on a terminal', async () => {
    const out = await runCompare(
      [at(near, 'input.xml')],
      { config: at(near, 'config.json'), now: NOW },
      io(true),
    );
    expect(out.text).toMatch(/\x1b\[7m/);
  });

  it('exits 0 when every mapped claim arrives exactly, and gives JSON', async () => {
    const clean = '003-okta-assertion-signed-auth0';
    const out = await runCompare(
      [at(clean, 'input.xml')],
      { config: at(clean, 'config.json'), now: NOW, format: 'json' },
      io(),
    );
    expect(out.exitCode).toBe(0);
    const json = JSON.parse(out.text);
    expect(json.kind).toBe('mapping');
    expect(json.messages[0].mapping.every((r: { match: string }) => r.match === 'exact')).toBe(
      true,
    );
    expect(json.messages[0].unmapped).toEqual([]);
  });

  it('renders Markdown with the differing characters in bold', async () => {
    const out = await runCompare(
      [at(near, 'input.xml')],
      { config: at(near, 'config.json'), now: NOW, format: 'md' },
      io(),
    );
    expect(out.text).toContain(
      '| department | department | **http://schemas.microsoft.com/ws/2008/06/identity/claims/**department | namespace | Seasonal\\_Retail |',
    );
  });

  it('refuses one input without --config, three inputs, a bad format and a bad config', async () => {
    await expect(runCompare([at(near, 'input.xml')], {}, io())).rejects.toThrow(
      /needs --config FILE/,
    );
    await expect(runCompare(['a', 'b', 'c'], {}, io())).rejects.toThrow(UsageError);
    const badFormat = await jitDoctor([
      'compare',
      at(near, 'input.xml'),
      '--config',
      at(near, 'config.json'),
      '--format',
      'xml',
    ]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/'xml' is invalid. Allowed choices are text, json, md/);
    await expect(
      runCompare(
        [at(near, 'input.xml')],
        { config: at('133-bad-config-invalid-json', 'config.json') },
        io(),
      ),
    ).rejects.toThrow(/not valid JSON/);
  });
});

describe('jit-doctor compare A B', () => {
  it('shows the renamed claim and the findings only the failing login has', async () => {
    const good = '001-entra-assertion-signed-pysaml2';
    const out = await runCompare(
      [at(good, 'input.xml'), at(near, 'input.xml')],
      { config: at(near, 'config.json'), now: NOW },
      io(),
    );
    expect(out.exitCode).toBe(1);
    expect(out.text).toMatch(/department\s+http:\/\/schemas\.\s.*name \(namespace\)/);
    expect(out.text).toMatch(/Findings only in B\n\s+error\s+CLAIM_NEAR_MISS/);
    expect(out.text).toMatch(/Findings only in A\n\s+\(none\)/);
  });

  it('exits 0 for the same message twice', async () => {
    const good = '001-entra-assertion-signed-pysaml2';
    const out = await runCompare(
      [at(good, 'input.xml'), at(good, 'input.xml')],
      { now: NOW, format: 'json' },
      io(),
    );
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.text)).toMatchObject({
      kind: 'pair',
      claims: [],
      findingsOnlyA: [],
      findingsOnlyB: [],
    });
  });

  it('refuses an input without a Response', async () => {
    const request = '117-enc-redirect-binding-authnrequest-deflated';
    const good = '001-entra-assertion-signed-pysaml2';
    await expect(
      runCompare([at(request, 'input.b64'), at(good, 'input.xml')], { now: NOW }, io()),
    ).rejects.toThrow(/holds no SAML Response/);
  });
});
