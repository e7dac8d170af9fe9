import * as fs from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/load';
import type { Report } from '../../../shared/report';
import { createConfigStore, effectiveConfig } from '../../../electron/main/config-store';
import {
  createDiagnoseService,
  parseEvaluationTime,
} from '../../../electron/main/diagnose-service';
import type { DiagnoseOptions, OrgConnection } from '../../../electron/main/ports';
import { createSettingsStore } from '../../../electron/main/settings-store';
import { ManualClock } from '../../../electron/genesys/clock';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jd-diagnose-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const emptyReport = (evaluatedAt: string): Report => ({
  schemaVersion: 1,
  tool: { name: 'jit-doctor', version: '0.1.0' },
  evaluatedAt,
  clockSkewSeconds: 10,
  skippedChecks: [],
  messages: [],
  findings: [],
  summary: {
    messages: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    verdict: 'pass',
    verdictCategory: 'passes',
  },
});

describe('the active configuration', () => {
  it('is refused when invalid, naming the key path, and kept when valid', async () => {
    const store = createConfigStore({ fs, folder, parseConfig });
    expect(await store.current()).toBeNull();
    const invalid = store.validate('{ "sso": { "clockSkewSeconds": "ten" } }');
    expect(invalid.valid).toBe(false);
    if (!invalid.valid) expect(`${invalid.path} ${invalid.message}`).toMatch(/clockSkewSeconds/);
    await expect(store.apply('{ "sso": [] }', 'x.json')).rejects.toMatchObject({
      code: 'config-invalid',
    });
    await store.apply('{ "sso": { "clockSkewSeconds": 5 } }', 'acme.json');
    const reopened = createConfigStore({ fs, folder, parseConfig });
    expect((await reopened.current())?.source).toBe('acme.json');
  });

  it('takes the app clock skew only when the configuration sets none', () => {
    expect(effectiveConfig(null, 30).sso?.clockSkewSeconds).toBe(30);
    const state = { config: { sso: { clockSkewSeconds: 5 } }, text: '', source: 'x' };
    expect(effectiveConfig(state, 30).sso?.clockSkewSeconds).toBe(5);
  });
});

describe('diagnosing from the app', () => {
  it('passes the inputs, the evaluation time and the org directory to the engine', async () => {
    const seen: DiagnoseOptions[] = [];
    const service = createDiagnoseService({
      engine: (inputs, options) => {
        seen.push(options);
        expect(new TextDecoder().decode(inputs[0]!.bytes)).toBe('<Response/>');
        return emptyReport(options.now.toISOString());
      },
      redact: (report) => ({ ...report, skippedChecks: [{ check: 'all', reason: 'redacted' }] }),
      config: createConfigStore({ fs, folder, parseConfig }),
      settings: createSettingsStore({ fs, folder }),
      org: async () =>
        ({
          name: 'demo',
          directory: async () => {
            throw new Error('connection refused');
          },
        }) as unknown as OrgConnection,
      clock: new ManualClock(Date.parse('2030-01-01T00:00:00Z')),
      newId: () => 'r1',
    });
    expect(service.saved('r1', false)).toBeNull();
    const report = await service.run({
      inputs: [{ name: 'pasted', text: '<Response/>' }],
      now: '2026-11-23T09:00:00Z',
    });
    expect(seen[0]!.now.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(seen[0]!.directory).toBeNull();
    expect(seen[0]!.config.sso?.clockSkewSeconds).toBe(10);
    // An unreachable org does not stop the diagnosis: the engine is told, for the report's list.
    expect(seen[0]!.notChecked).toEqual([
      { check: 'directory', reason: 'demo unavailable (connection refused)' },
    ]);
    expect(report.reportId).toBe('r1');
    expect((service.saved('r1', true)?.value as Report).skippedChecks).toEqual([
      { check: 'all', reason: 'redacted' },
    ]);
  });

  it('explains an evaluation time that is not a date', () => {
    const clock = new ManualClock(Date.parse('2030-01-01T00:00:00Z'));
    expect(parseEvaluationTime(null, clock).toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(() => parseEvaluationTime('yesterday', clock)).toThrow(/not an ISO 8601 time/);
    // new Date('1') is 2001-01-01: the app reads a typed time as strictly as --now does
    expect(() => parseEvaluationTime('1', clock)).toThrow(/not an ISO 8601 time/);
  });
});
