/** Reading a directory snapshot file (docs/configuration.md), validated against resources/schema/snapshot.schema.json. */
import { ConfigError, parseJsonObject } from '../config/load';
import { explainAjvError } from '../config/schema-errors';
import { validateSnapshotSchema } from '../schema-validators.generated.js';
import type { DirectorySnapshot } from './types';

/** Parses and validates a snapshot's JSON text; a problem is a ConfigError naming the key path. */
export function parseDirectorySnapshot(text: string, fileName: string): DirectorySnapshot {
  const value = parseJsonObject(
    text,
    fileName,
    'a directory snapshot must be a JSON object with "users"',
  );
  const first = validateSnapshotSchema(value) ? undefined : validateSnapshotSchema.errors?.[0];
  if (first) {
    const problem = explainAjvError(first, value);
    throw new ConfigError(`${fileName}: ${problem.message}`, problem.path);
  }
  return value as DirectorySnapshot;
}
