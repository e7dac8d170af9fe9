/**
 * One input budget for a whole run (shared/saml/decode/budget.ts): a capture of many small DEFLATE
 * entries, each inflating to just under the per-message limit, ends with a finding in bounded
 * memory instead of an out-of-memory abort; and the app's report carries a bounded amount of XML.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/report';
import { diagnose } from '../../../shared/saml/diagnose';
import { DEFAULT_BUDGET } from '../../../shared/saml/decode/budget';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'dist', 'cli', 'jit-doctor.mjs');
const MiB = 1024 * 1024;
const folder = mkdtempSync(join(tmpdir(), 'jit-doctor-budget-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A SAML Response whose one attribute value pads it to `size` bytes. */
function paddedResponse(size: number): string {
  const head =
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" IssueInstant="2026-11-23T09:00:00Z"><saml:Issuer>https://idp.example/</saml:Issuer><saml:Assertion ID="_a" Version="2.0" IssueInstant="2026-11-23T09:00:00Z"><saml:Issuer>https://idp.example/</saml:Issuer><saml:AttributeStatement><saml:Attribute Name="pad"><saml:AttributeValue>';
  const tail =
    '</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>';
  return head + 'A'.repeat(size - head.length - tail.length) + tail;
}

/** A HAR whose every entry sends one Redirect-binding SAMLResponse inflating to `size` bytes. */
function har(entries: number, size: number): string {
  const value = encodeURIComponent(deflateRawSync(paddedResponse(size)).toString('base64'));
  const entry = {
    request: { method: 'GET', url: `https://login.mypurecloud.com/saml?SAMLResponse=${value}` },
  };
  return JSON.stringify({ log: { entries: Array.from({ length: entries }, () => entry) } });
}

const run = (text: string, budget = DEFAULT_BUDGET, includeXml = false) =>
  diagnose([{ name: 'capture.har', bytes: new TextEncoder().encode(text) }], {
    config: {},
    directory: null,
    now: new Date('2026-11-23T09:00:00Z'),
    budget,
    includeXml,
  });

const overBudget = (report: Report) =>
  report.findings.filter((f) => f.code === 'INPUT_TOO_LARGE' && 'budget' in f.evidence);

describe('the input budget of a run', () => {
  it('stops inflating once the run inflated its budget, and says so in one finding', () => {
    const report = run(har(40, 64 * 1024), { ...DEFAULT_BUDGET, maxInflatedBytes: 256 * 1024 });
    // Four messages of 64 KiB reach 256 KiB; the fifth crosses it and is the last one decoded.
    expect(report.messages).toHaveLength(5);
    const [found, ...more] = overBudget(report);
    expect(more).toEqual([]);
    expect(found?.evidence).toMatchObject({
      source: 'capture.har#4',
      budget: 'inflated',
      messagesDecoded: 5,
      valuesSkipped: 35,
    });
    expect(found?.message).toMatch(
      /^The input as a whole is over its budget: after capture\.har#4 it reached the 0\.25 MiB of DEFLATE output a run may inflate, so 35 more SAML values were not decoded/,
    );
    expect(report.findings.map((f) => f.code)).not.toContain('INPUT_NO_SAML_MESSAGE');
  });

  it('counts messages across every input of the run, not per input', () => {
    const text = har(3, 2048);
    const report = diagnose(
      [1, 2, 3].map((n) => ({ name: `c${n}.har`, bytes: new TextEncoder().encode(text) })),
      {
        config: {},
        directory: null,
        now: new Date('2026-11-23T09:00:00Z'),
        budget: { ...DEFAULT_BUDGET, maxMessages: 4 },
      },
    );
    expect(report.messages).toHaveLength(4);
    expect(overBudget(report)[0]?.evidence).toMatchObject({ budget: 'messages', valuesSkipped: 5 });
    // The third input, wholly skipped, is not reported as holding no SAML message.
    expect(report.findings.map((f) => f.code)).not.toContain('INPUT_NO_SAML_MESSAGE');
  });

  it('leaves an honest capture alone', () => {
    const report = run(har(50, 4096));
    expect(report.messages).toHaveLength(50);
    expect(overBudget(report)).toEqual([]);
  });

  it('keeps the report XML within its budget and says which messages lost it', () => {
    const report = run(
      har(6, 64 * 1024),
      { ...DEFAULT_BUDGET, maxReportXmlBytes: 200 * 1024 },
      true,
    );
    expect(report.messages.map((m) => m.xml !== undefined)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(report.skippedChecks).toContainEqual({
      check: 'decoded XML',
      reason: 'left out of the report for 3 messages, past the 0.20 MiB of XML a report carries',
    });
  });
});

describe('the crafted 600-entry HAR through the CLI', () => {
  it('ends with a finding, exit 1, in well under 1 GB of memory', { timeout: 120_000 }, () => {
    const path = join(folder, 'crafted.har');
    writeFileSync(path, har(600, 10 * MiB - 1024));
    const hook = join(folder, 'peak.cjs');
    writeFileSync(
      hook,
      "process.on('exit', () => process.stderr.write(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
    );
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      ['--require', hook, BIN, 'diagnose', path, '--format', 'json'],
      {
        encoding: 'utf8',
        maxBuffer: 512 * MiB,
        timeout: 110_000,
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    const seconds = (Date.now() - started) / 1000;
    const peakKb = Number(/PEAK_RSS_KB=(\d+)/.exec(result.stderr)?.[1]);
    console.log(`crafted HAR: ${seconds.toFixed(1)} s, peak RSS ${(peakKb / 1024).toFixed(0)} MiB`);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(overBudget(report)[0]?.evidence).toMatchObject({ budget: 'inflated' });
    expect(peakKb * 1024).toBeLessThan(1024 * MiB);
  });
});
