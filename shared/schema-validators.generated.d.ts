/** Types of shared/schema-validators.generated.js (scripts/build-validators.mjs writes it). */
import type { ErrorObject } from 'ajv';

/** An Ajv validator: true when the value holds; otherwise `errors` has the first problem. */
export interface SchemaValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** resources/schema/config.schema.json */
export declare const validateConfigSchema: SchemaValidator;
/** resources/schema/snapshot.schema.json */
export declare const validateSnapshotSchema: SchemaValidator;
