/**
 * `--redact` leaves nothing that says who a report is about, in every format: not the input's
 * file name, not the signing certificate's subject, not a claim whose name is an email or a
 * person's name; and it stays linear in the length of one unbroken word.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDiagnose } from '../../../electron/cli/commands/diagnose';
import { finding } from '../../../shared/findings/finding';
import type { Report } from '../../../shared/report';
import { redactReport } from '../../../shared/report/redact';
import { SAMPLES } from './checks/fixtures';
import { ManualClock } from '../../../electron/genesys/clock';

const CASE = join(SAMPLES, '001-entra-assertion-signed-pysaml2');
const folder = mkdtempSync(join(tmpdir(), 'jit-doctor-redact-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const quiet = {
  stdin: { isTTY: true, read: async () => new Uint8Array() },
  color: false,
  warn: () => undefined,
  clock: new ManualClock(Date.parse('2026-11-23T09:00:00Z')),
};

describe('--redact', () => {
  it('removes the file name, certificate subject and personal claim names in every format', async () => {
    const input = join(folder, 'zelda.quixote@pii.example.xml');
    const xml = readFileSync(join(CASE, 'input.xml'), 'utf8').replace(
      '<Attribute Name="title">',
      '<Attribute Name="Zelda Quixote"><AttributeValue>x</AttributeValue></Attribute>' +
        '<Attribute Name="zelda.q@pii.example"><AttributeValue>y</AttributeValue></Attribute>' +
        '<Attribute Name="title">',
    );
    writeFileSync(input, xml);
    copyFileSync(join(CASE, 'config.json'), join(folder, 'config.json'));
    const plain = await runDiagnose(
      [input],
      {
        config: join(folder, 'config.json'),
        now: new Date('2026-11-23T09:00:00Z'),
        format: 'json',
      },
      quiet,
    );
    const subject = plain.report.messages[0]!.signature.certificates?.[0]?.subject;
    expect(subject).toMatch(/acme samples IdP signing/);
    for (const format of ['json', 'text', 'md'] as const) {
      const out = await runDiagnose(
        [input],
        {
          config: join(folder, 'config.json'),
          now: new Date('2026-11-23T09:00:00Z'),
          format,
          redact: true,
        },
        quiet,
      );
      for (const leak of [
        'zelda',
        'Zelda',
        'pii.example',
        'Quixote',
        subject!,
        'jane.doe',
        'Jane Doe',
      ])
        expect(out.text, `${format} holds ${leak}`).not.toContain(leak);
    }
  });

  it('redacts a 200,000-character word in linear time', () => {
    const word = 'a'.repeat(200_000);
    const report: Report = {
      schemaVersion: 1,
      tool: { name: 'jit-doctor', version: 'test' },
      evaluatedAt: '2026-11-23T09:00:00.000Z',
      clockSkewSeconds: 10,
      skippedChecks: [],
      messages: [],
      findings: [
        finding('INPUT_UNRECOGNIZED', {
          message: `${word} is not a SAML message.`,
          fix: 'x',
          evidence: { detected: word },
        }),
      ],
      summary: {
        messages: 0,
        errors: 1,
        warnings: 0,
        infos: 0,
        verdict: 'fail',
        verdictCategory: 'not-saml',
      },
    };
    const started = performance.now();
    const redacted = redactReport(report);
    // Quadratic scanning took 97 s here; linear takes milliseconds. The bound is generous.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(redacted.findings[0]!.message).toContain(word);
  });
});
