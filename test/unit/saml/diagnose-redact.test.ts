import { describe, expect, it } from 'vitest';
import { redactReport } from '../../../shared/report/redact';
import { NOW, sampleConfig, sampleXml } from './checks/fixtures';
import { diagnoseText } from './diagnose-helpers';

const NAME = '034-genesys-email-attribute-differs-from-nameid';
const report = diagnoseText(sampleXml(NAME), 'input.xml', {
  config: sampleConfig(NAME),
  directory: null,
  now: NOW,
  includeXml: true,
});
const redacted = redactReport(report);
const text = JSON.stringify(redacted);

describe('redactReport', () => {
  it('leaves no personal value anywhere in the report', () => {
    for (const value of [
      'jane.doe@acme.example',
      'jdoe@acme-mail.example',
      'Jane Doe',
      'EMP-12345',
      'Seasonal_Retail',
    ])
      expect(text).not.toContain(value);
    expect(redacted.messages[0]!.xml).toBeUndefined();
  });

  it('gives the same value the same placeholder everywhere', () => {
    const nameId = redacted.messages[0]!.subject!.nameId!;
    expect(nameId).toMatch(/^\[email-\d+\]$/);
    const differs = redacted.messages[0]!.findings.find((f) => f.code === 'NAMEID_EMAIL_DIFFERS')!;
    expect(differs.evidence.nameId).toBe(nameId);
    expect(differs.evidence.email).not.toBe(nameId);
    expect(differs.message).toContain(nameId);
    const email = redacted.messages[0]!.attributes.find((a) => a.name === 'email')!;
    expect(email.values).toEqual([differs.evidence.email]);
  });

  it('keeps claim names, codes, issuers and structure', () => {
    const message = redacted.messages[0]!;
    expect(message.attributes.map((a) => a.name)).toEqual(
      report.messages[0]!.attributes.map((a) => a.name),
    );
    expect(message.mapping.map((r) => [r.field, r.expected, r.received, r.match])).toEqual(
      report.messages[0]!.mapping.map((r) => [r.field, r.expected, r.received, r.match]),
    );
    expect(message.findings.map((f) => f.code)).toEqual(
      report.messages[0]!.findings.map((f) => f.code),
    );
    expect(message.issuer).toBe(report.messages[0]!.issuer);
    expect(redacted.summary).toEqual(report.summary);
  });

  it('rewrites email addresses it was not told about, and a RelayState', () => {
    const withExtras = {
      ...report,
      messages: [{ ...report.messages[0]!, relayState: 'https://apps.example/?user=42' }],
      findings: [
        {
          code: 'UNIQUE_EMAIL',
          severity: 'error' as const,
          message: 'sam.lead@acme.example already has this address.',
          location: null,
          evidence: { user: { id: 'u-1', name: 'Sam Lead', email: 'sam.lead@acme.example' } },
          fix: 'Merge the records.',
        },
      ],
    };
    const out = JSON.stringify(redactReport(withExtras));
    for (const value of ['sam.lead@acme.example', 'Sam Lead', 'u-1', 'user=42'])
      expect(out).not.toContain(value);
  });

  it('redacts role names: a roles claim carries them as attribute values', () => {
    const ROLES = '033-genesys-roles-separated-by-semicolons';
    const plain = diagnoseText(sampleXml(ROLES), 'input.xml', {
      config: sampleConfig(ROLES),
      directory: null,
      now: NOW,
    });
    const roles = plain.messages[0]!.jit!.rolesAdded;
    expect(roles.length).toBeGreaterThan(0);
    const redactedRoles = redactReport(plain);
    const out = JSON.stringify(redactedRoles);
    for (const role of roles) expect(out).not.toContain(role);
    expect(redactedRoles.messages[0]!.jit!.rolesAdded[0]).toMatch(/^\[value-\d+\]$/);
    expect(redactedRoles.messages[0]!.jit!.division).toBe(plain.messages[0]!.jit!.division);
  });
});

describe('redactReport on the skipped checks', () => {
  it('leaves no input name in a skipped check', () => {
    const name = '055-status-responder-authnfailed';
    const refused = diagnoseText(sampleXml(name), 'zelda.quixote@acme.example.xml', {
      config: sampleConfig(name),
      directory: null,
      now: NOW,
    });
    expect(JSON.stringify(refused.skippedChecks)).toContain('zelda');
    const skipped = JSON.stringify(redactReport(refused).skippedChecks);
    expect(skipped).not.toContain('zelda');
    expect(skipped).toContain('has no assertion to read claims from');
  });
});
