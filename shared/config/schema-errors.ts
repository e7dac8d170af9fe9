/**
 * Turns an Ajv error into one sentence that names the key path (`sso.clockSkewSeconds`) and says
 * what was expected and what was found, so a person can fix the file without reading a schema.
 */
import type { ErrorObject } from 'ajv';
import { own } from '../own';

/** `/postJit/rules/0/skills` → `postJit.rules[0].skills`. */
function keyPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, key) => {
      if (/^\d+$/.test(key)) return `${path}[${key}]`;
      const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      if (!path) return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${safe}]`;
      return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${safe}]`;
    }, '');
}

/** Reads the value an error points at, to say what was found. */
function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** `"10"`, `5`, `an object`, `a list`, `null`: what a person would call the value. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => own(TYPE_WORDS, String(t)) ?? String(t)).join(' or ');
}

export interface ExplainedError {
  path: string;
  message: string;
}

/**
 * One readable message per Ajv error. `unknownKeyHint` lets the caller add domain advice for an
 * unknown key (e.g. the list of Genesys Cloud user fields under attributeMapping).
 */
export function explainAjvError(
  error: ErrorObject,
  root: unknown,
  unknownKeyHint: (parentPath: string, key: string) => string | null = () => null,
): ExplainedError {
  const path = keyPath(error.instancePath);
  const found = describeValue(valueAt(root, error.instancePath));
  const at = (p: string, text: string): ExplainedError => ({
    path: p,
    message: `${p || '(top level)'}: ${text}`,
  });
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return at(path, `expected ${typeWords(params.type)}, got ${found}`);
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const keyAt = keyPath(
        `${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      );
      const hint = unknownKeyHint(path, key);
      return at(keyAt, hint ?? `unknown key "${key}"; allowed here: ${allowedKeys(error)}`);
    }
    case 'required': {
      const key = String(params.missingProperty);
      return at(path ? `${path}.${key}` : key, 'required but missing');
    }
    case 'maxItems':
      return at(path, `at most ${String(params.limit)} entries, got ${found}`);
    case 'minItems':
      return at(path, `at least ${String(params.limit)} entries, got ${found}`);
    case 'minLength':
      return at(path, 'must not be empty');
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(
        path,
        `expected a value ${String(params.comparison)} ${String(params.limit)}, got ${found}`,
      );
    case 'enum':
      return at(
        path,
        `expected one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${found}`,
      );
    case 'oneOf':
    case 'anyOf':
      return at(path, `expected a string or a list of strings, got ${found}`);
    default:
      return at(path, `${error.message ?? 'is not valid'} (got ${found})`);
  }
}

function allowedKeys(error: ErrorObject): string {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  const keys = Object.keys(schema?.properties ?? {}).filter((k) => k !== '$schema');
  return keys.length > 0 ? keys.join(', ') : 'none';
}
