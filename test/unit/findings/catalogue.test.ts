import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/findings/catalogue';

describe('finding catalogue', () => {
  const specPath = new URL('../../../../shared/spec/findings.md', import.meta.url);
  it.runIf(existsSync(specPath))('holds every code of spec/findings.md with its severity', () => {
    const spec = readFileSync(specPath, 'utf8');
    const rows = [...spec.matchAll(/^\| ([A-Z_]+) \| ([a-z/]+) \|/gm)];
    expect(rows.length).toBeGreaterThan(60);
    for (const [, code, severity] of rows) {
      const entry = (CATALOGUE as Record<string, { severity: string }>)[code!];
      expect(entry, code).toBeDefined();
      expect(severity!.split('/')).toContain(entry!.severity);
    }
  });
});
