/**
 * `npm run docs`: rewrites the documents generated from the code (docs/findings.md from the
 * finding catalogue, docs/permissions.md from the operation table). test/unit/docs/generated.test.ts fails while one is out of date.
 */
import { writeFileSync } from 'node:fs';
import { GENERATED_DOCS } from './docs/generated';

for (const doc of GENERATED_DOCS) {
  writeFileSync(new URL(`../${doc.path}`, import.meta.url), doc.render());
  console.log(`wrote ${doc.path}`);
}
