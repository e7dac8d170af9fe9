import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from '../../../scripts/docs/generated';

describe('documents generated from the code', () => {
  for (const doc of GENERATED_DOCS) {
    it(`${doc.path} is up to date (run npm run docs after changing its source)`, () => {
      const onDisk = readFileSync(new URL(`../../../${doc.path}`, import.meta.url), 'utf8');
      expect(onDisk === doc.render(), `${doc.path} is out of date: run npm run docs`).toBe(true);
    });
  }

  it('lists every finding code in docs/findings.md', () => {
    const text = readFileSync(new URL('../../../docs/findings.md', import.meta.url), 'utf8');
    for (const code of [
      'INPUT_EMPTY',
      'SIGNATURE_WRAPPING',
      'JIT_LICENSE_CAP',
      'POSTJIT_UTILIZATION',
    ])
      expect(text).toContain(`| \`${code}\` |`);
  });
});
