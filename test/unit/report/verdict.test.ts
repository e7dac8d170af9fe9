import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/report';
import { groupByStage } from '../../../shared/report/summary';
import { reportCategory, verdictReason } from '../../../shared/report/verdict';
import { diagnose } from '../../../shared/saml/diagnose';
import { NOW, SAMPLES, sampleConfig } from '../saml/checks/fixtures';

const run = (sample: string, file = 'input.xml', configFrom = sample, now = NOW) =>
  diagnose([{ name: file, bytes: readFileSync(join(SAMPLES, sample, file)) }], {
    config: sampleConfig(configFrom),
    directory: null,
    now,
    batch: true,
  });

const f = (code: string, severity: Finding['severity']): Finding => ({
  code,
  severity,
  message: `${code} happened.`,
  location: null,
  evidence: {},
  fix: 'x',
});

describe('the verdict category', () => {
  it('calls garbage and an empty file "not a SAML message", never a failing login', () => {
    for (const [sample, file] of [
      ['127-bad-random-bytes', 'input.txt'],
      ['126-bad-empty-file', 'input.txt'],
      ['129-bad-malformed-xml', 'input.xml'],
    ] as const) {
      const report = run(sample, file);
      expect(report.summary.verdict, sample).toBe('fail');
      expect(report.summary.verdictCategory, sample).toBe('not-saml');
    }
  });

  it('never calls an AuthnRequest alone a pass: it is a request, not a response', () => {
    const report = run('117-enc-redirect-binding-authnrequest-deflated', 'input.b64');
    expect(report.summary.verdict).toBe('pass');
    expect(report.messages[0]!.verdictCategory).toBe('not-a-response');
    expect(report.summary.verdictCategory).toBe('not-a-response');
    expect(verdictReason('not-a-response', report.messages[0]!.findings)).toMatch(/Response/);
  });

  it('lets the response, not the request beside it, speak for an SP-initiated HAR', () => {
    const report = run('121-har-chromium-sp-initiated-login', 'input.har');
    const categories = report.messages.map((m) => m.verdictCategory);
    expect(categories).toContain('not-a-response');
    expect(report.summary.verdictCategory).not.toBe('not-a-response');
    expect(report.summary.verdictCategory).toBe(
      report.messages.find((m) => m.type === 'Response')!.verdictCategory,
    );
  });

  it('puts a wrapping attack before an issuer mismatch: the message must not be trusted', () => {
    // An unsigned second assertion, diagnosed against another IdP's configuration: wrapped AND
    // the wrong issuer, where the protocol checks run before the signature's.
    const report = run(
      '104-attack-unsigned-second-assertion',
      'input.xml',
      '003-okta-assertion-signed-auth0',
    );
    const [message] = report.messages;
    const codes = message!.findings.map((x) => x.code);
    expect(codes).toContain('ISSUER_MISMATCH');
    expect(codes[0]).toBe('SIGNATURE_WRAPPING');
    expect(message!.verdictCategory).toBe('untrusted');
    expect(groupByStage(message!.findings)[0]!.title).toBe('Signature');
    expect(verdictReason('untrusted', message!.findings)).toBe(message!.findings[0]!.message);
  });

  it('names the expired, the failing and the clean login for what they are', () => {
    const late = new Date('2026-11-23T11:00:00Z');
    expect(
      run('066-time-expired', 'input.xml', '066-time-expired', late).summary.verdictCategory,
    ).toBe('expired');
    expect(run('011-claim-namespace-near-miss-department').summary.verdictCategory).toBe(
      'will-fail',
    );
    expect(run('001-entra-assertion-signed-pysaml2').summary.verdictCategory).toBe('passes');
    expect(run('074-sig-sha1-weak-algorithm').summary.verdictCategory).toBe('warnings');
  });

  it('weighs several messages most serious first and input problems beside them', () => {
    const response = { type: 'Response' as const };
    expect(
      reportCategory(
        [
          { ...response, findings: [f('CLAIM_NEAR_MISS', 'error')] },
          { ...response, findings: [f('SIGNATURE_INVALID', 'error')] },
        ],
        [],
      ),
    ).toBe('untrusted');
    expect(
      reportCategory([{ ...response, findings: [] }], [f('INPUT_UNRECOGNIZED', 'error')]),
    ).toBe('not-saml');
    expect(reportCategory([], [])).toBe('not-saml');
  });
});
