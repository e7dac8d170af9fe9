/**
 * The validators the build compiles ahead of time (scripts/build-validators.mjs) answer as Ajv
 * compiling the schemas at run time does: same verdict, same first error, on every configuration
 * and directory snapshot of the fixtures and on variants of them broken one value at a time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  validateConfigSchema,
  validateSnapshotSchema,
  type SchemaValidator,
} from '../../../shared/schema-validators.generated.js';

const ROOT = join(import.meta.dirname, '../../..');
const schema = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'resources/schema', name), 'utf8')) as object;

function fixtures(file: string): unknown[] {
  const found: unknown[] = [];
  for (const folder of ['test/fixtures/cases', 'test/fixtures/samples']) {
    for (const name of readdirSync(join(ROOT, folder))) {
      try {
        found.push(JSON.parse(readFileSync(join(ROOT, folder, name, file), 'utf8')));
      } catch {
        // no such file, or a case about a file that is not JSON
      }
    }
  }
  return found;
}

const BAD_VALUES: unknown[] = [42, 'x', '', null, [], {}, true, -1, 1.5];

/** The document, then copies with one value (down to two levels) replaced or one key added. */
function* variants(document: unknown, depth = 2): Generator<unknown> {
  yield document;
  if (depth === 0 || document === null || typeof document !== 'object') return;
  const entries = Object.entries(document);
  const copy = (key: string, value: unknown) =>
    Array.isArray(document)
      ? document.map((v, i) => (String(i) === key ? value : v))
      : { ...document, [key]: value };
  if (!Array.isArray(document)) yield { ...document, unexpectedKey: 1 };
  for (const [key, value] of entries) {
    for (const bad of BAD_VALUES) yield copy(key, bad);
    for (const inner of variants(value, depth - 1)) if (inner !== value) yield copy(key, inner);
  }
}

const answer = (validate: SchemaValidator, value: unknown) => {
  const valid = validate(value);
  const first: ErrorObject | undefined = validate.errors?.[0];
  return {
    valid,
    error: first && {
      instancePath: first.instancePath,
      schemaPath: first.schemaPath,
      keyword: first.keyword,
      params: first.params,
      parentSchema: first.parentSchema,
    },
  };
};

describe.each([
  ['config.schema.json', validateConfigSchema, 'config.json'],
  ['snapshot.schema.json', validateSnapshotSchema, 'directory.json'],
] as const)('the precompiled validator of %s', (schemaFile, precompiled, fixtureFile) => {
  it('gives the verdict and the first error Ajv gives', () => {
    const compiled = new Ajv2020({ allErrors: false, verbose: true }).compile(schema(schemaFile));
    const documents = fixtures(fixtureFile);
    expect(documents.length).toBeGreaterThan(3);
    const seen = new Set<string>();
    let checked = 0;
    let invalid = 0;
    for (const document of documents) {
      for (const variant of variants(document)) {
        const text = JSON.stringify(variant);
        if (seen.has(text)) continue;
        seen.add(text);
        const expected = answer(compiled, variant);
        expect(answer(precompiled, variant)).toEqual(expected);
        checked += 1;
        if (!expected.valid) invalid += 1;
      }
    }
    // both verdicts were exercised, many times
    expect(invalid).toBeGreaterThan(100);
    expect(checked - invalid).toBeGreaterThan(3);
  });
});
