/** Value findings (docs/findings.md "Values"): addresses, encoding, roles, and names the org must know. */
import { finding } from '../findings/finding';
import type { Finding } from '../report';
import { fieldLocation, type MappingContext } from './context';
import { encodingDamage } from './encoding';
import { whereToClick } from './presets';
import { splitRoles } from './roles';
import { editDistance, escapeInvisible, isEmailAddress } from './text';

const exactMatch = (mc: MappingContext, field: Parameters<MappingContext['field']>[0]) => {
  const match = mc.field(field);
  return match?.row.match === 'exact' ? match : undefined;
};

export function emailInvalid(mc: MappingContext): Finding[] {
  const match = exactMatch(mc, 'email');
  const value = match?.attribute?.values[0]?.trim();
  if (!match || !value || isEmailAddress(value)) return [];
  return [
    finding('VALUE_EMAIL_INVALID', {
      message: `The email claim "${match.expected}" carries "${escapeInvisible(value)}", which is not an email address.`,
      location: fieldLocation(mc, match),
      evidence: { field: 'email', claim: match.expected, value: escapeInvisible(value) },
      fix: `In the IdP, source "${match.expected}" from the user's mail attribute (not the UPN, account name or object ID).`,
    }),
  ];
}

export function valueEncoding(mc: MappingContext): Finding[] {
  return mc.fields
    .filter((m) => m.row.match === 'exact')
    .flatMap((m) =>
      m.attribute!.values.flatMap((value) => {
        const damage = encodingDamage(value);
        if (damage.length === 0) return [];
        const repaired = damage.reduce(
          (text, d) => (d.probably ? text.split(d.damaged).join(d.probably) : text),
          value,
        );
        return [
          finding('VALUE_ENCODING', {
            message: `The ${m.field} value "${value}" looks damaged by a wrong character encoding${repaired !== value ? ` (probably "${repaired}")` : ''}.`,
            location: fieldLocation(mc, m),
            evidence: {
              field: m.field,
              values: { received: value, probably: repaired },
              damaged: damage.map((d) => d.damaged),
            },
            fix: 'Fix the value at its source (HR import or directory sync read UTF-8 as Windows-1252/Latin-1), then let the IdP send it again.',
          }),
        ];
      }),
    );
}

export function rolesFormat(mc: MappingContext): Finding[] {
  const match = exactMatch(mc, 'roles');
  if (!match) return [];
  const { problems } = splitRoles(match.attribute!.values);
  if (problems.length === 0) return [];
  return [
    finding('ROLES_FORMAT', {
      message: `The roles claim "${match.expected}" is malformed: ${problems.join('; ')}.`,
      location: fieldLocation(mc, match),
      evidence: {
        claim: match.expected,
        values: match.attribute!.values.map(escapeInvisible),
        problems,
      },
      fix: `In the IdP, send role names exactly as in Genesys Cloud, separated by commas (or one AttributeValue per role), with no blanks or repeats.`,
    }),
  ];
}

/** The name in `known` nearest to `name`, for "did you mean". */
function closestName(name: string, known: readonly string[]): string | null {
  const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  let best: { name: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(fold(name), fold(candidate));
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : null;
}

export function roleUnknown(mc: MappingContext): Finding[] {
  const known = mc.check.directory?.roles;
  const match = exactMatch(mc, 'roles');
  if (!known || !match || !mc.profile.roles) return [];
  const names = new Set(known);
  return mc.profile.roles
    .filter((role) => !names.has(role))
    .map((role) => {
      const closest = closestName(role, known);
      return finding('ROLE_UNKNOWN', {
        message: `The role "${role}" does not exist in the org${closest ? ` (closest: "${closest}")` : ''}; the login fails or the role is not granted.`,
        location: fieldLocation(mc, match),
        evidence: { role, closest, claim: match.expected },
        fix: closest
          ? `In the IdP, send "${closest}" exactly as Genesys Cloud spells it (Admin → Roles / Permissions), or create the role "${role}" in Genesys Cloud.`
          : `Create the role "${role}" in Genesys Cloud (Admin → Roles / Permissions) or stop sending it from the IdP.`,
      });
    });
}

export function locationUnknown(mc: MappingContext): Finding[] {
  const known = mc.check.directory?.locations;
  const value = mc.profile.location;
  if (!known || !value) return [];
  if (known.some((l) => l.toLowerCase() === value.toLowerCase())) return [];
  const closest = closestName(value, known);
  return [
    finding('LOCATION_UNKNOWN', {
      message: `The location "${value}" is not a location of the org${closest ? ` (closest: "${closest}")` : ''}; the user gets none.`,
      location: fieldLocation(mc, mc.field('location')),
      evidence: { location: value, closest },
      fix: `Create the location in Genesys Cloud (Admin → Directory → Locations) or send its exact name from the IdP.`,
    }),
  ];
}

export function managerUnknown(mc: MappingContext): Finding[] {
  const directory = mc.check.directory;
  const value = mc.profile.manager;
  if (!directory || !value) return [];
  if (directory.userByEmail(value) ?? directory.userById(value)) return [];
  return [
    finding('MANAGER_UNKNOWN', {
      message: `The manager "${value}" is not a user of the org; the user gets no manager.`,
      location: fieldLocation(mc, mc.field('manager')),
      evidence: { manager: value, isEmail: isEmailAddress(value) },
      fix: isEmailAddress(value)
        ? 'Make sure the manager exists in Genesys Cloud with that email, or fix the manager claim in the IdP.'
        : `In the IdP, send the manager's email address, not "${value}" (${whereToClick(mc.check.message.idp, 'renameClaim', { field: 'manager', expected: mc.field('manager')?.expected ?? 'manager' })}).`,
    }),
  ];
}

export function divisionUnknown(mc: MappingContext): Finding[] {
  const known = mc.check.directory?.divisions;
  if (!known) return [];
  const named = [
    {
      value: mc.check.config.jit?.defaultDivision ?? null,
      source: 'the configured default division (jit.defaultDivision)',
    },
    { value: mc.profile.division, source: 'the division claim' },
  ];
  return named
    .filter((n): n is { value: string; source: string } => !!n.value && !known.includes(n.value))
    .map(({ value, source }) => {
      const closest = closestName(value, known);
      return finding('DIVISION_UNKNOWN', {
        message: `The division "${value}" (${source}) does not exist in the org${closest ? ` (closest: "${closest}")` : ''}.`,
        location: source.startsWith('the division claim')
          ? fieldLocation(mc, mc.field('division'))
          : null,
        evidence: { division: value, source, closest, divisions: known },
        fix: `Create the division in Genesys Cloud (Admin → Divisions) or use an existing one${closest ? ` such as "${closest}"` : ''}.`,
      });
    });
}
