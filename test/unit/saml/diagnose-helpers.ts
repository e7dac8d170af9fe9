/** Assertions every report must satisfy, whatever the input (used by the diagnose and fuzz tests). */
import { expect } from 'vitest';
import { catalogueEntry } from '../../../shared/findings/catalogue';
import { verdictOf, type Report } from '../../../shared/report';
import { diagnose, type DiagnoseOptions } from '../../../shared/saml/diagnose';

/** One pasted text, diagnosed like a file with that name. */
export const diagnoseText = (text: string, name: string, options: DiagnoseOptions): Report =>
  diagnose([{ name, bytes: new TextEncoder().encode(text) }], options);

export const allCodes = (report: Report) => [
  ...report.findings.map((f) => f.code),
  ...report.messages.flatMap((m) => m.findings.map((f) => f.code)),
];

export function expectWellFormed(report: Report): void {
  expect(report.schemaVersion).toBe(1);
  expect(report.tool.name).toBe('jit-doctor');
  const all = [...report.findings, ...report.messages.flatMap((m) => m.findings)];
  for (const f of all) {
    expect(catalogueEntry(f.code), f.code).toBeDefined();
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.fix.length).toBeGreaterThan(0);
  }
  expect(report.summary.verdict).toBe(verdictOf(all));
  expect(report.summary.messages).toBe(report.messages.length);
  expect(report.summary.errors).toBe(all.filter((f) => f.severity === 'error').length);
  report.messages.forEach((m, i) => {
    expect(m.index).toBe(i);
    expect(m.verdict).toBe(verdictOf(m.findings));
  });
  // The engine turns its own failures into INTERNAL_ERROR rather than crashing; a test must see them.
  expect(all.filter((f) => f.code === 'INTERNAL_ERROR').map((f) => f.message)).toEqual([]);
  // Nothing that was not received and parsed may be called a valid signature.
  if (report.messages.length === 0) expect(report.summary.verdict).toBe('fail');
}
