import * as fs from 'node:fs/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCompare } from '../../../electron/cli/commands/compare';
import { createConfigStore } from '../../../electron/main/config-store';
import { PRODUCT } from '../../../electron/main/collaborators';
import { createDiagnoseService, KEPT_REPORTS } from '../../../electron/main/diagnose-service';
import { createSettingsStore } from '../../../electron/main/settings-store';
import {
  departmentPair,
  PAIR_CONFIG_TEXT,
  PAIR_ISSUE_INSTANT,
} from '../../fixtures/compare/department-pair';
import { ManualClock } from '../../../electron/genesys/clock';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jd-identity-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function service() {
  const config = createConfigStore({ fs, folder, parseConfig: PRODUCT.parseConfig });
  await config.apply(PAIR_CONFIG_TEXT, 'entra.json');
  let n = 0;
  return createDiagnoseService({
    engine: PRODUCT.engine,
    redact: PRODUCT.redact,
    config,
    settings: createSettingsStore({ fs, folder }),
    org: async () => null,
    clock: new ManualClock(Date.parse('2030-01-01T00:00:00Z')),
    newId: () => `r${++n}`,
  });
}

describe('reports with an identity', () => {
  it('saves the report named, not the last one made', async () => {
    const diagnose = await service();
    const { a, b } = departmentPair();
    const first = await diagnose.run({ inputs: [{ name: 'a.xml', text: a }] });
    const second = await diagnose.run({ inputs: [{ name: 'b.xml', text: b }] });
    expect(first.reportId).not.toBe(second.reportId);
    const saved = diagnose.saved(first.reportId, false);
    expect(saved?.fileName).toBe('jit-doctor-report-2030-01-01T00-00-00.json');
    expect((saved?.value as { messages: { source: string }[] }).messages[0]!.source).toBe('a.xml');
    // What is saved is the engine's report, without the app's identity.
    expect(saved?.value).not.toHaveProperty('reportId');
    expect(diagnose.saved('unknown', false)).toBeNull();
  });

  it('redacts the saved report on request', async () => {
    const diagnose = await service();
    const report = await diagnose.run({ inputs: [{ name: 'a.xml', text: departmentPair().a }] });
    const text = JSON.stringify(diagnose.saved(report.reportId, true)?.value);
    expect(text).not.toContain('jane.doe@acme.example');
    expect(JSON.stringify(diagnose.saved(report.reportId, false)?.value)).toContain(
      'jane.doe@acme.example',
    );
  });

  it(`keeps the last ${KEPT_REPORTS} reports`, async () => {
    const diagnose = await service();
    const ids: string[] = [];
    for (let i = 0; i <= KEPT_REPORTS; i++)
      ids.push((await diagnose.run({ inputs: [{ name: `${i}`, text: 'not saml' }] })).reportId);
    expect(diagnose.saved(ids[0]!, false)).toBeNull();
    expect(diagnose.saved(ids[KEPT_REPORTS]!, false)).not.toBeNull();
  });
});

describe('comparing two messages in the app', () => {
  it('agrees with jit-doctor compare A B: renamed Department, escaped invisible characters', async () => {
    const diagnose = await service();
    const { a, b } = departmentPair();
    const pair = await diagnose.compare({
      a: { input: { name: 'a.xml', text: a } },
      b: { input: { name: 'b.xml', text: b } },
      now: PAIR_ISSUE_INSTANT,
    });
    await writeFile(join(folder, 'a.xml'), a);
    await writeFile(join(folder, 'b.xml'), b);
    await writeFile(join(folder, 'config.json'), PAIR_CONFIG_TEXT);
    const cli = await runCompare(
      [join(folder, 'a.xml'), join(folder, 'b.xml')],
      { config: join(folder, 'config.json'), now: new Date(PAIR_ISSUE_INSTANT), format: 'json' },
      {
        stdin: { isTTY: true, read: async () => new Uint8Array() },
        color: false,
        width: 100,
        warn: () => {},
        clock: new ManualClock(Date.parse(PAIR_ISSUE_INSTANT)),
      },
    );
    const json = JSON.parse(cli.text) as {
      claims: unknown;
      findingsOnlyB: { code: string; message: string }[];
    };
    expect(pair.comparison.claims).toEqual(json.claims);
    expect(pair.comparison.onlyB.map((f) => f.code)).toEqual(json.findingsOnlyB.map((f) => f.code));
    expect(pair.comparison.claims[0]).toMatchObject({
      kind: 'renamed',
      nameA: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/department',
      nameB: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/Department',
      nameMatch: 'case',
    });
    // As of the IssueInstant, neither message is expired; B's missing email claim is a finding.
    expect(pair.a.findings.map((f) => f.code)).not.toContain('TIME_EXPIRED');
    const missing = pair.comparison.onlyB.find((f) => f.code === 'CLAIM_MISSING');
    expect(missing?.evidence).toMatchObject({ field: 'email' });
    // The saved comparison is the CLI's JSON.
    expect(diagnose.saved(pair.reportId, false)?.value).toEqual(json);
    expect(diagnose.saved(pair.reportId, false)?.fileName).toMatch(/^jit-doctor-compare-/);
  });

  it('explains a side that holds no Response', async () => {
    const diagnose = await service();
    await expect(
      diagnose.compare({
        a: { input: { name: 'a.xml', text: 'hello' } },
        b: { input: { name: 'b.xml', text: departmentPair().b } },
      }),
    ).rejects.toMatchObject({ code: 'bad-request', message: /^Message A holds no SAML Response/ });
    await expect(
      diagnose.compare({ a: { historyId: 'gone' }, b: { historyId: 'gone' } }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
