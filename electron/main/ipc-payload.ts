/** Checks an IPC payload against its shape from shared/ipc/ before any handler sees it. */
import type { FieldShape, ObjectShape } from '../../shared/ipc';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function checkField(value: unknown, shape: FieldShape, path: string): string | null {
  if (value === undefined) return shape.optional ? null : `${path} is required`;
  if (value === null) {
    return shape.type === 'string' && shape.nullable ? null : `${path} must not be null`;
  }
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') return `${path} must be a string`;
      return value.length > shape.max ? `${path} is longer than ${shape.max} characters` : null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${path} must be a number`;
      if (shape.integer && !Number.isInteger(value)) return `${path} must be a whole number`;
      return value < shape.min || value > shape.max
        ? `${path} must be between ${shape.min} and ${shape.max}`
        : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${path} must be true or false`;
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? null
        : `${path} must be one of ${shape.values.join(', ')}`;
    case 'array': {
      if (!Array.isArray(value)) return `${path} must be a list`;
      if (value.length > shape.max) return `${path} has more than ${shape.max} items`;
      for (let i = 0; i < value.length; i += 1) {
        const problem = checkField(value[i], shape.of, `${path}[${i}]`);
        if (problem) return problem;
      }
      return null;
    }
    case 'object':
      return checkPayload(value, shape.fields, path);
  }
}

/** null when the payload matches; otherwise what is wrong, naming the key path. */
export function checkPayload(value: unknown, shape: ObjectShape, path = 'request'): string | null {
  if (!isPlainObject(value)) return `${path} must be an object`;
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape, key)) return `${path}.${key} is not expected`;
  }
  for (const [key, field] of Object.entries(shape)) {
    const problem = checkField(value[key], field, `${path}.${key}`);
    if (problem) return problem;
  }
  return null;
}
