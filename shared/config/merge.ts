/**
 * What an import does to the configuration, computed once for the app's preview and its result:
 * a preset, IdP metadata or an org's SSO provider is merged into the current configuration (what
 * it sets wins, everything else stays: issuer, certificates, org, repair rules), and the changes
 * are listed setting by setting so the person sees them before anything is replaced. Pure.
 */
import type { JitDoctorConfig } from './types';

export interface ConfigChange {
  /** Dotted key path, e.g. `attributeMapping.email` or `sso.certificates`. */
  path: string;
  /** undefined when the setting is added. */
  before: unknown;
  /** undefined when the setting is removed. */
  after: unknown;
}

export interface ConfigMerge {
  config: JitDoctorConfig;
  changes: ConfigChange[];
  /** Settings of the current configuration the import leaves as they are. */
  unchanged: number;
}

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every setting as path → value; arrays (certificates, rules) are one setting each. */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlain(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined) leaves(child, path ? `${path}.${key}` : key, out);
    }
  } else if (path) {
    out.set(path, value);
  }
  return out;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlain(base) || !isPlain(over)) return over === undefined ? base : over;
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) merged[key] = deepMerge(base[key], value);
  }
  return merged;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The settings that differ between two configurations, in the order of `after`, then removals. */
export function configChanges(
  before: JitDoctorConfig,
  after: JitDoctorConfig,
): { changes: ConfigChange[]; unchanged: number } {
  const was = leaves(before);
  const now = leaves(after);
  const changes: ConfigChange[] = [];
  for (const [path, value] of now) {
    if (!same(was.get(path), value)) changes.push({ path, before: was.get(path), after: value });
  }
  for (const [path, value] of was) {
    if (!now.has(path)) changes.push({ path, before: value, after: undefined });
  }
  return { changes, unchanged: [...was.keys()].filter((p) => same(was.get(p), now.get(p))).length };
}

/** `incoming` merged into `current`: what it sets wins, everything else stays. */
export function mergeConfig(current: JitDoctorConfig, incoming: JitDoctorConfig): ConfigMerge {
  const config = deepMerge(current, incoming) as JitDoctorConfig;
  return { config, ...configChanges(current, config) };
}

/** `next` in place of `current` (restoring the demo configuration), with what that changes. */
export function replaceConfig(current: JitDoctorConfig, next: JitDoctorConfig): ConfigMerge {
  return { config: next, ...configChanges(current, next) };
}
