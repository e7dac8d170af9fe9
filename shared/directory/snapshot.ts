/** Reading a directory snapshot file (docs/configuration.md), validated against resources/schema/snapshot.schema.json. */
import { ConfigError, jsonFailure } from '../config/load';
import { describeValue, explainAjvError } from '../config/schema-errors';
import { validateSnapshotSchema } from '../schema-validators.generated.js';
import type { DirectorySnapshot } from './types';

/** Parses and validates a snapshot's JSON text; a problem is a ConfigError naming the key path. */
export function parseDirectorySnapshot(text: string, fileName: string): DirectorySnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${fileName} is not valid JSON: ${jsonFailure(error, text)}`, '');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(
      `${fileName}: a directory snapshot must be a JSON object with "users", got ${describeValue(value)}`,
      '',
    );
  }
  const first = validateSnapshotSchema(value) ? undefined : validateSnapshotSchema.errors?.[0];
  if (first) {
    const problem = explainAjvError(first, value);
    throw new ConfigError(`${fileName}: ${problem.message}`, problem.path);
  }
  return value as DirectorySnapshot;
}
