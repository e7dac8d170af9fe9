import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JitDoctorConfig } from '../../../shared/config/types';
import { diagnose } from '../../../shared/saml/diagnose';
import { NOW, SAMPLES, sampleConfig, sampleXml } from './checks/fixtures';
import { allCodes, diagnoseText, expectWellFormed } from './diagnose-helpers';

const ENTRA = '001-entra-assertion-signed-pysaml2';
const config = sampleConfig(ENTRA);
const options = { config, directory: null, now: NOW };
const bytes = (text: string) => new TextEncoder().encode(text);
describe('diagnose', () => {
  it('passes a clean signed Entra ID response with a valid signature', () => {
    const report = diagnose([{ name: 'entra.xml', bytes: bytes(sampleXml(ENTRA)) }], options);
    expectWellFormed(report);
    expect(report.summary.verdict).toBe('pass');
    const [message] = report.messages;
    expect(message).toMatchObject({
      source: 'entra.xml',
      type: 'Response',
      encoding: 'xml',
      idp: 'entra',
      signature: { status: 'valid' },
      issuer: config.sso!.issuer,
    });
    expect(message!.attributes.length).toBe(14);
    expect(message!.xml).toBeUndefined();
    expect(report.evaluatedAt).toBe('2026-11-23T09:00:00.000Z');
  });

  it("carries the time checks' validity window, which says when only the skew tolerance lets it in", () => {
    // NotBefore 08:54:58, SubjectConfirmationData NotOnOrAfter 09:04:58, Conditions 09:59:58.
    const at = (now: string) => {
      const report = diagnose([{ name: 'entra.xml', bytes: bytes(sampleXml(ENTRA)) }], {
        ...options,
        now: new Date(now),
      });
      const [message] = report.messages;
      return [
        message!.validity?.position,
        message!.findings.map((f) => f.code).filter((c) => c.startsWith('TIME_EXPIRED')),
      ];
    };
    expect(at('2026-11-23T09:00:00Z')).toEqual(['inside', []]);
    expect(at('2026-11-23T09:05:05Z')).toEqual(['within-skew-after', []]);
    expect(at('2026-11-23T09:05:08Z')).toEqual(['after', ['TIME_EXPIRED']]);
    const report = diagnose([{ name: 'entra.xml', bytes: bytes(sampleXml(ENTRA)) }], options);
    expect(report.messages[0]!.validity).toEqual({
      notBefore: '2026-11-23T08:54:58.000Z',
      notOnOrAfter: '2026-11-23T09:04:58.000Z',
      position: 'inside',
    });
    // A message that is not a Response has no window to judge.
    const request = diagnoseText(
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="r1" Version="2.0" IssueInstant="2026-11-23T09:00:00Z"/>',
      'request.xml',
      options,
    );
    expect(request.messages[0]!.validity).toBeNull();
  });

  it('keeps the XML only when asked', () => {
    const report = diagnoseText(sampleXml(ENTRA), 'pasted', { ...options, includeXml: true });
    expect(report.messages[0]!.xml).toBe(sampleXml(ENTRA).trim());
  });

  it('puts input-level findings on the report and fails it', () => {
    const report = diagnose([{ name: 'empty.txt', bytes: new Uint8Array() }], options);
    expectWellFormed(report);
    expect(report.messages).toEqual([]);
    expect(report.findings.map((f) => f.code)).toEqual(['INPUT_EMPTY']);
    expect(report.summary.verdict).toBe('fail');
    // No Response was checked, so no configuration-dependent check was skipped either.
    expect(
      diagnose([{ name: 'empty.txt', bytes: new Uint8Array() }], { ...options, config: {} })
        .skippedChecks,
    ).toEqual([]);
  });

  it('fails a diagnosis of nothing at all', () => {
    const report = diagnose([], options);
    expectWellFormed(report);
    expect(report.findings.map((f) => f.code)).toEqual(['INPUT_EMPTY']);
  });

  it('shows an AuthnRequest with INPUT_NOT_A_RESPONSE and runs no response check on it', () => {
    const request = readFileSync(
      join(SAMPLES, '117-enc-redirect-binding-authnrequest-deflated', 'input.b64'),
    );
    const report = diagnose([{ name: 'request.b64', bytes: request }], options);
    expectWellFormed(report);
    expect(report.messages[0]!.type).toBe('AuthnRequest');
    expect(allCodes(report)).toEqual(['INPUT_NOT_A_RESPONSE']);
    expect(report.summary.verdict).toBe('pass');
  });

  it('calls XML that is not SAML unrecognised', () => {
    const report = diagnoseText('<html><body>login</body></html>', 'page.html', options);
    expectWellFormed(report);
    expect(allCodes(report)).toContain('INPUT_UNRECOGNIZED');
  });

  it('reports malformed XML on its message, with no response checks', () => {
    const report = diagnoseText(sampleXml(ENTRA).slice(0, 3000), 'cut.xml', options);
    expectWellFormed(report);
    expect(allCodes(report)).toEqual(['INPUT_XML_MALFORMED']);
  });

  it('skips the checks whose configuration values are missing, and says so', () => {
    const report = diagnoseText(sampleXml(ENTRA), 'entra.xml', { ...options, config: {} });
    expectWellFormed(report);
    expect(report.skippedChecks).toEqual(
      expect.arrayContaining([
        { check: 'ISSUER_MISMATCH', reason: 'no sso.issuer in the configuration' },
        { check: 'DESTINATION_MISMATCH', reason: 'no region in the configuration' },
        {
          check: 'AUDIENCE_MISMATCH',
          reason: 'no sso.relyingPartyIdentifier in the configuration',
        },
      ]),
    );
    expect(report.messages[0]!.signature.status).toBe('not-checked');
  });

  it('runs no claim mapping for a refused login and says why', () => {
    const name = '055-status-responder-authnfailed';
    const report = diagnoseText(sampleXml(name), 'refused.xml', {
      ...options,
      config: sampleConfig(name),
    });
    expectWellFormed(report);
    expect(allCodes(report)).toEqual(['STATUS_NOT_SUCCESS']);
    expect(report.skippedChecks).toContainEqual({
      check: 'claim mapping',
      reason: 'refused.xml has no assertion to read claims from',
    });
  });

  it('checks a batch against itself only with batch, and says when it did not', () => {
    const xml = sampleXml(ENTRA);
    const inputs = [
      { name: 'a.xml', bytes: bytes(xml) },
      { name: 'b.xml', bytes: bytes(xml) },
    ];
    const plain = diagnose(inputs, options);
    expect(plain.skippedChecks).toContainEqual({
      check: 'UNIQUE_BATCH_DUPLICATE',
      reason: 'several responses were not checked against each other',
      hint: 'batch',
    });
    const batch = diagnose(inputs, { ...options, batch: true });
    expectWellFormed(batch);
    expect(batch.skippedChecks.map((s) => s.check)).not.toContain('UNIQUE_BATCH_DUPLICATE');
    expect(batch.messages.map((m) => m.index)).toEqual([0, 1]);
  });

  it('raises every expected code of the sample cases of this stage', () => {
    const ours =
      /^(INPUT|STATUS|RESPONSE|ASSERTION|VERSION|ISSUER|DESTINATION|SIGNATURE|TEXT|CERT|TIME|AUDIENCE|RECIPIENT|SUBJECT|NAMEID|ORGNAME|GENESYS|SERVICENAME)_/;
    for (const name of readdirSync(SAMPLES)) {
      const expectFile = JSON.parse(readFileSync(join(SAMPLES, name, 'expect.json'), 'utf8')) as {
        now: string;
        mustInclude: string[];
        mustNotInclude: string[];
        exit: number;
        args: string[];
      };
      if (expectFile.exit === 2 || expectFile.args.length) continue;
      const input = readdirSync(join(SAMPLES, name)).find((f) => f.startsWith('input.'))!;
      const caseConfig = JSON.parse(
        readFileSync(join(SAMPLES, name, 'config.json'), 'utf8'),
      ) as JitDoctorConfig;
      const report = diagnose([{ name: input, bytes: readFileSync(join(SAMPLES, name, input)) }], {
        config: caseConfig,
        directory: null,
        now: new Date(expectFile.now),
      });
      expectWellFormed(report);
      const codes = allCodes(report);
      for (const code of expectFile.mustInclude.filter((c) => ours.test(c)))
        expect(codes, name).toContain(code);
      for (const code of expectFile.mustNotInclude.filter((c) => ours.test(c)))
        expect(codes, name).not.toContain(code);
    }
  });
});
