/** The mapping findings keep personal data under the evidence keys --redact rewrites. */
import { describe, expect, it } from 'vitest';
import { redactReport } from '../../../shared/report/redact';
import { sample } from './helpers';

describe('redacting mapping findings', () => {
  it('leaves no name, email or employee ID of the subject or of the other user', () => {
    for (const name of [
      '040-dir-duplicate-employee-id-409',
      '044-dir-update-overwrites-manual-title',
      '028-name-parts-disagree',
    ]) {
      const redacted = JSON.stringify(
        redactReport(sample(name)).messages.map((m) => [m.findings, m.jit, m.mapping]),
      );
      for (const personal of [
        'Jane Doe',
        'jane.doe@acme.example',
        'John Smith',
        'EMP-12345',
        'Janet',
        'Senior Agent - Team Lead',
      ]) {
        expect(redacted, `${name}: ${personal}`).not.toContain(personal);
      }
      expect(redacted).toContain('"expected":"displayName"');
    }
  });
});

describe('redacting names that only the evidence knows', () => {
  it('rewrites a directory user name in the message before the evidence is seen', () => {
    const report = sample('040-dir-duplicate-employee-id-409');
    const target = report.messages[0]!.findings.find((f) => f.code === 'UNIQUE_EMPLOYEE_ID')!;
    const holderName = (target.evidence.otherUser as { name: string }).name;
    const withName = { ...target, message: `${target.message} (${holderName})` };
    const redacted = redactReport({
      ...report,
      messages: [{ ...report.messages[0]!, findings: [withName] }],
    });
    expect(JSON.stringify(redacted.messages[0]!.findings)).not.toContain(holderName);
  });
});
