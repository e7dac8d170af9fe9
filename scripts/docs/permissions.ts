/**
 * docs/permissions.md, written from the operation table (electron/genesys/operations.ts) so the
 * two cannot disagree: `npm run docs` rewrites it, test/unit/docs/generated.test.ts checks it.
 */
import { OPERATIONS, type OperationSpec } from '../../electron/genesys/operations';

const INTRO = `# Permissions of the OAuth client

<!-- Generated from electron/genesys/operations.ts by \`npm run docs\`: edit the table, not this file. -->

JIT Doctor reaches an org with a Client Credentials OAuth client. The role given to that client
needs the permissions below for the operations JIT Doctor makes; \`jit-doctor org check\` (and
**Check permissions** on the Settings screen) reads what the configured rules need and reports each
permission as present or missing. A call refused with 403 names the permission in its error, and
a repair fails only the agents whose steps need it: an agent whose rule grants a role is left
unrepaired, with that reason, when roles cannot be looked up; the other agents of the run are
repaired.

The permissions come from the Genesys Cloud SDK's operation docs ("Requires ANY/ALL permissions").
"any of" means one of the listed permissions is enough. An operation the docs list without a
permission may still be checked by Genesys Cloud; the notes say where that is known or suspected.
`;

function permissionCell(spec: OperationSpec): string {
  const { names, match } = spec.permissions;
  if (names.length === 0) return '(none listed)';
  const list = names.map((n) => `\`${n}\``).join(', ');
  return names.length === 1 ? list : `${match === 'any' ? 'any of' : 'all of'} ${list}`;
}

export function renderPermissionsDoc(): string {
  const permissions = new Map<string, string[]>();
  for (const [name, spec] of Object.entries(OPERATIONS) as [string, OperationSpec][])
    for (const permission of spec.permissions.names)
      permissions.set(permission, [...(permissions.get(permission) ?? []), name]);

  const lines = [INTRO, '## By permission', '', '| permission | operations |', '|---|---|'];
  for (const [permission, names] of [...permissions].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`| \`${permission}\` | ${names.map((n) => `\`${n}\``).join(', ')} |`);
  lines.push('', '## By operation', '');
  lines.push('| operation | HTTP | SDK method | permissions | used for |', '|---|---|---|---|---|');
  for (const [name, spec] of Object.entries(OPERATIONS) as [string, OperationSpec][])
    lines.push(
      `| \`${name}\` | \`${spec.method} ${spec.path}\` | \`${spec.sdk[0]}.${spec.sdk[1]}\` | ${permissionCell(spec)} | ${spec.purpose} |`,
    );
  const notes = (Object.entries(OPERATIONS) as [string, OperationSpec][]).filter(([, s]) => s.note);
  if (notes.length > 0) {
    lines.push('', '## Notes', '');
    for (const [name, spec] of notes) lines.push(`- \`${name}\`: ${spec.note}`);
  }
  return `${lines.join('\n')}\n`;
}
