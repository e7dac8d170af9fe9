/**
 * Loading and validating a configuration (docs/configuration.md): JSON Schema first
 * (resources/schema/config.schema.json, unknown keys are errors), then the rules a schema cannot
 * say: every certificate must parse, the region must be a Genesys Cloud region, and every mapping
 * key must be a Genesys Cloud user field. Errors name the key path; nothing gets a silent default.
 */
import { UserError } from '../errors';
import { fsFailure } from '../fs-failure';
import { validateConfigSchema } from '../schema-validators.generated.js';
import { REGION_DOMAINS, resolveRegion } from '../saml/regions';
import { readCertificate } from '../saml/certificates';
import { describeValue, explainAjvError } from './schema-errors';
import { GENESYS_USER_FIELDS, type JitDoctorConfig } from './types';
import { own } from '../own';

/** A configuration that cannot be used; `path` is the key path it is about. */
export class ConfigError extends UserError {
  override readonly name = 'ConfigError';
  readonly kind = 'config';

  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message, path);
  }
}

const MAX_CERTIFICATES = 5;

/** Claim-ish names people put where a Genesys Cloud user field belongs, and the field they meant. */
const FIELD_ALIASES: Readonly<Record<string, string>> = {
  mail: 'email',
  emailaddress: 'email',
  displayname: 'name',
  fullname: 'name',
  firstname: 'givenName',
  givenname: 'givenName',
  lastname: 'surname',
  sn: 'surname',
  familyname: 'surname',
  jobtitle: 'title',
  employeeid: 'employeeId',
  employeenumber: 'employeeId',
  role: 'roles',
  groups: 'roles',
  city: 'location',
  office: 'location',
  reportsto: 'manager',
  telephonenumber: 'phone',
  mobile: 'phone',
  upn: 'username',
  userprincipalname: 'username',
};

function mappingKeyHint(key: string): string {
  const meant = own(FIELD_ALIASES, key.toLowerCase().replace(/[\s_-]/g, ''));
  const guess = meant ? ` (did you mean "${meant}"?)` : '';
  return (
    `"${key}" is not a Genesys Cloud user field${guess}. attributeMapping keys are Genesys Cloud ` +
    `user fields and their values are the claim names the IdP sends; allowed fields: ` +
    GENESYS_USER_FIELDS.join(', ')
  );
}

function schemaProblem(value: unknown): { path: string; message: string } | null {
  const first = validateConfigSchema(value) ? undefined : validateConfigSchema.errors?.[0];
  if (!first) return null;
  return explainAjvError(first, value, (parent, key) =>
    parent === 'attributeMapping' ? mappingKeyHint(key) : null,
  );
}

function certificateCountProblem(value: object): { path: string; message: string } | null {
  const certificates = (value as JitDoctorConfig).sso?.certificates;
  if (!Array.isArray(certificates) || certificates.length <= MAX_CERTIFICATES) return null;
  return {
    path: 'sso.certificates',
    message:
      `sso.certificates: at most ${MAX_CERTIFICATES} certificates (Genesys Cloud stores up to five), ` +
      `got ${certificates.length}`,
  };
}

function certificateProblem(config: JitDoctorConfig): { path: string; message: string } | null {
  for (const [index, text] of (config.sso?.certificates ?? []).entries()) {
    try {
      readCertificate(text);
    } catch (error) {
      const path = `sso.certificates[${index}]`;
      return {
        path,
        message: `${path}: certificate ${index + 1} cannot be read: ${(error as Error).message}`,
      };
    }
  }
  return null;
}

function regionProblem(config: JitDoctorConfig): { path: string; message: string } | null {
  if (config.region === undefined) return null;
  const region = resolveRegion(config.region);
  if (region?.known) return null;
  const domains = [...new Set(Object.values(REGION_DOMAINS))].join(', ');
  return {
    path: 'region',
    message:
      `region: ${describeValue(config.region)} is not a Genesys Cloud region; use the domain ` +
      `(one of ${domains}) or an SDK region key such as us_east_1`,
  };
}

/**
 * The JSON object a configuration or snapshot file holds (a byte-order mark allowed); text that is
 * not JSON, or JSON that is not an object, is a ConfigError saying so (`mustBe`: what it must be).
 */
export function parseJsonObject(text: string, fileName: string, mustBe: string): object {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${fileName} is not valid JSON: ${jsonFailure(error, text)}`, '');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError(`${fileName}: ${mustBe}, got ${describeValue(value)}`, '');
  return value;
}

/** Parses and validates a configuration file's text. Throws ConfigError with a person-readable message. */
export function parseConfig(text: string, fileName: string): JitDoctorConfig {
  const value = parseJsonObject(text, fileName, 'the configuration must be a JSON object');
  const problem =
    certificateCountProblem(value) ??
    schemaProblem(value) ??
    certificateProblem(value as JitDoctorConfig) ??
    regionProblem(value as JitDoctorConfig);
  if (problem) throw new ConfigError(`${fileName}: ${problem.message}`, problem.path);
  return value as JitDoctorConfig;
}

/**
 * Reads and validates a configuration file. The caller supplies the reading (shared code does no
 * I/O); a file that cannot be read becomes a ConfigError naming it.
 */
export function loadConfigFile(path: string, readText: (path: string) => string): JitDoctorConfig {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    throw cannotRead('configuration', path, error);
  }
  return parseConfig(text, path);
}

/** Line and column (1-based) of an offset, as an editor shows them. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * Where V8's `Unexpected token 'X', ..."context" is not valid JSON` points: the message carries no
 * offset, only about ten characters either side of the token, so find that context in the text.
 */
function unexpectedTokenOffset(token: string, context: string, text: string): number | null {
  const start = text.indexOf(context);
  if (start < 0 || text.indexOf(context, start + 1) >= 0) return null;
  let best: number | null = null;
  for (let i = context.indexOf(token); i >= 0; i = context.indexOf(token, i + 1)) {
    if (best === null || Math.abs(i - 10) < Math.abs(best - 10)) best = i;
  }
  return best === null ? null : start + best;
}

/** JSON.parse's reason with the line and column people see in their editor. */
function jsonFailure(error: unknown, text: string): string {
  const reason = (error as Error).message.replace(/\s*\(line \d+ column \d+\)$/, '');
  const position = /at position (\d+)/.exec(reason);
  if (position) {
    const where = lineColumn(text, Number(position[1]));
    return `${reason.replace(/ in JSON at position \d+.*$/, '')} (${where})`;
  }
  const unexpected =
    /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(
      reason,
    );
  if (!unexpected) return reason;
  const [, token, clipped, context] = unexpected as unknown as [string, string, string, string];
  const offset = clipped ? unexpectedTokenOffset(token, context, text) : null;
  const where = offset === null ? '' : ` (${lineColumn(text, offset)})`;
  return `Unexpected token ${JSON.stringify(token)}${where}`;
}

/**
 * The error for a file the caller's reader could not read. A reader that already says which file
 * failed (the CLI's does) is passed through, so the message does not name the file twice.
 */
export function cannotRead(what: string, path: string, error: unknown): ConfigError {
  const reason = readFailure(error);
  return new ConfigError(
    reason.includes(path) ? reason : `cannot read the ${what} ${path}: ${reason}`,
    '',
  );
}

/** "no such file" rather than "ENOENT: no such file or directory, open '...'". */
export const readFailure = fsFailure;
