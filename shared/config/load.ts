/**
 * Loading and validating a configuration (spec/config.md). Errors name the key path.
 * (The claim-mapping issue replaces the body with JSON-Schema validation.)
 */
import type { JitDoctorConfig } from './types';

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses and validates a configuration file's text. Throws ConfigError with a person-readable message. */
export function parseConfig(text: string, fileName: string): JitDoctorConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${fileName} is not valid JSON: ${(error as Error).message}`, '');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${fileName}: the configuration must be a JSON object`, '');
  }
  return value as JitDoctorConfig;
}
