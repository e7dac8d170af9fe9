/**
 * The permission preflight (`jit-doctor org check`, Settings → Check permissions): which
 * operations the configured post-JIT rules need, which permissions those operations need (from the
 * operation table), and whether the OAuth client holds each one, read from its own grants
 * (GET /api/v2/authorization/subjects/me). Nothing is written to the org.
 */
import type { PostJitConfig } from '../../shared/config/types';
import type { GenesysConnection } from './connection';
import { OPERATIONS, type OperationName, type OperationSpec } from './operations';

/** What a repair always does: read the users and find the ones JIT created. */
const ALWAYS: readonly OperationName[] = ['users.list', 'users.search', 'audits.realtimeQuery'];

const BY_RULE_PART = {
  skills: ['routing.skills.list', 'routing.userSkills.bulkPatch'],
  webRtcPhone: [
    'telephony.sites.list',
    'telephony.phoneBaseSettings.list',
    'telephony.lineBaseSettings.list',
    'telephony.phones.list',
    'telephony.phones.create',
    'telephony.phones.delete',
    'stations.list',
    'users.defaultStation.put',
  ],
  utilization: ['routing.utilization.get', 'routing.utilization.put'],
  roles: ['authorization.roles.list', 'authorization.grants.bulkAdd', 'authorization.roles.grant'],
  division: ['authorization.divisions.list', 'authorization.divisions.move'],
} as const satisfies Record<string, readonly OperationName[]>;

/** The operations the rules of `postJit` lead a repair to call, in table order. */
export function operationsFor(postJit: PostJitConfig | undefined): OperationName[] {
  const needed = new Set<OperationName>(ALWAYS);
  for (const rule of postJit?.rules ?? []) {
    if (rule.skills?.length) BY_RULE_PART.skills.forEach((op) => needed.add(op));
    if (rule.webRtcPhone) BY_RULE_PART.webRtcPhone.forEach((op) => needed.add(op));
    if (rule.utilization && Object.keys(rule.utilization).length > 0)
      BY_RULE_PART.utilization.forEach((op) => needed.add(op));
    if (rule.roles?.length) BY_RULE_PART.roles.forEach((op) => needed.add(op));
    if (rule.division) BY_RULE_PART.division.forEach((op) => needed.add(op));
  }
  return (Object.keys(OPERATIONS) as OperationName[]).filter((op) => needed.has(op));
}

interface PermissionCheck {
  permission: string;
  present: boolean;
  /** The operations that need it (for an `any of` operation: one of its alternatives). */
  operations: OperationName[];
}

export interface PermissionReport {
  checks: PermissionCheck[];
  missing: string[];
  /** Operations the docs list without a permission, with their note when Genesys may check one. */
  unlisted: { operation: OperationName; note?: string }[];
}

/** The client's permissions as `domain:entity:action` strings, from its grants. */
export async function clientPermissions(connection: GenesysConnection): Promise<Set<string>> {
  const subject = await connection.call('authorization.subjects.me', []);
  const held = new Set<string>();
  for (const grant of subject.grants ?? [])
    for (const policy of grant.role?.policies ?? [])
      for (const action of policy.actions ?? [])
        held.add(`${policy.domain ?? '*'}:${policy.entityName ?? '*'}:${action}`);
  return held;
}

function holds(held: ReadonlySet<string>, permission: string): boolean {
  const [domain, entity, action] = permission.split(':');
  return [
    permission,
    `${domain}:${entity}:*`,
    `${domain}:*:${action}`,
    `${domain}:*:*`,
    '*:*:*',
  ].some((p) => held.has(p));
}

/** Each permission the operations need, present or missing, by name. */
export function checkPermissions(
  operations: readonly OperationName[],
  held: ReadonlySet<string>,
): PermissionReport {
  const checks = new Map<string, PermissionCheck>();
  const unlisted: PermissionReport['unlisted'] = [];
  for (const operation of operations) {
    const spec: OperationSpec = OPERATIONS[operation];
    const { names, match } = spec.permissions;
    if (names.length === 0) {
      unlisted.push({ operation, ...(spec.note ? { note: spec.note } : {}) });
      continue;
    }
    const alternative = match === 'any' ? names.find((name) => holds(held, name)) : undefined;
    // For `any of`: the one held (or the first, when none is) is what the operation needs.
    const needed = match === 'any' ? [alternative ?? names[0]!] : names;
    for (const permission of needed) {
      const check = checks.get(permission) ?? {
        permission,
        present: holds(held, permission),
        operations: [],
      };
      check.operations.push(operation);
      checks.set(permission, check);
    }
  }
  const sorted = [...checks.values()].sort((a, b) => a.permission.localeCompare(b.permission));
  return {
    checks: sorted,
    missing: sorted.filter((c) => !c.present).map((c) => c.permission),
    unlisted,
  };
}
