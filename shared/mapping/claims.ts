/** Claim mapping findings (docs/findings.md "Claim mapping"): one small check per code. */
import { finding } from '../findings/finding';
import type { Finding } from '../report';
import { fieldLocation, type MappingContext } from './context';
import { GENESYS_OWN_ATTRIBUTES, type FieldMatch } from './match';
import { isSignInClaim, whereToClick } from './presets';
import { escapeInvisible, hasStrayCharacters } from './text';

/** Fields whose claim may carry several values; every other field takes one. */
const MULTIVALUED_FIELDS = new Set(['roles']);

const nameFieldsPresent = (mc: MappingContext): boolean => mc.profile.displayName !== null;

function missingSeverity(mc: MappingContext, match: FieldMatch): 'error' | 'warning' {
  // Genesys Cloud also reads its own `email` attribute, so a user can still be created from it.
  if (match.field === 'email') return mc.profile.email ? 'warning' : 'error';
  if (match.field === 'name') return nameFieldsPresent(mc) ? 'warning' : 'error';
  return 'warning';
}

export function claimMissing(mc: MappingContext): Finding[] {
  return mc.fields
    .filter((match) => match.row.match === 'missing')
    .map((match) => {
      const severity = missingSeverity(mc, match);
      const consequence =
        severity === 'error'
          ? 'JIT cannot create the user without it'
          : match.field === 'email'
            ? 'Genesys Cloud falls back to the email attribute'
            : `the user's ${match.field} stays empty`;
      return finding('CLAIM_MISSING', {
        severity,
        message: `No "${match.expected}" claim arrived for ${match.field}: ${consequence}.`,
        location: fieldLocation(mc, match),
        evidence: { field: match.field, expected: match.expected },
        fix: `${whereToClick(mc.check.message.idp, 'addClaim', { field: match.field, expected: match.expected })}.`,
      });
    });
}

export function claimNearMiss(mc: MappingContext): Finding[] {
  return mc.fields
    .filter(
      (match) => match.attribute && match.row.match !== 'exact' && match.row.match !== 'missing',
    )
    .map((match) => {
      const received = match.attribute!.name;
      const kind = match.row.match;
      const how: Record<string, string> = {
        case: 'differs only in letter case',
        whitespace: 'differs only in spaces or invisible characters',
        namespace: 'is the same claim under another namespace',
        'friendly-name': 'has the expected name only as its FriendlyName',
        similar: 'is spelled almost the same',
      };
      const vars = { field: match.field, expected: match.expected };
      return finding('CLAIM_NEAR_MISS', {
        message: `Genesys Cloud expects "${match.expected}" for ${match.field} but the IdP sent "${escapeInvisible(received)}", which ${how[kind]}; the value is ignored.`,
        location: fieldLocation(mc, match),
        evidence: {
          field: match.field,
          expected: match.expected,
          received,
          kind,
          values: match.attribute!.values,
        },
        fix:
          `${whereToClick(mc.check.message.idp, 'renameClaim', vars)}. ` +
          `Or, in Genesys Cloud, change the ${match.field} mapping (attributeMapping.${match.field}) to "${escapeInvisible(received)}".`,
      });
    });
}

export function claimDuplicate(mc: MappingContext): Finding[] {
  const seen = new Map<string, number>();
  for (const attribute of mc.check.message.attributes) {
    seen.set(attribute.name, (seen.get(attribute.name) ?? 0) + 1);
  }
  return [...seen]
    .filter(([, count]) => count > 1)
    .map(([name, count]) => {
      const copies = mc.check.message.attributes.filter((a) => a.name === name);
      const field = mc.fields.find((f) => f.expected === name)?.field ?? null;
      return finding('CLAIM_DUPLICATE', {
        message: `The attribute "${name}" appears in ${count} Attribute elements; which one Genesys Cloud reads is not defined.`,
        location: copies[1]?.location ?? null,
        evidence: { name, count, field, values: copies.map((a) => a.values) },
        fix: 'In the IdP, send the attribute once, with all its values in one Attribute element (remove the duplicate claim rule or attribute statement).',
      });
    });
}

export function claimMultivalued(mc: MappingContext): Finding[] {
  return mc.fields
    .filter((m) => m.row.match === 'exact' && !MULTIVALUED_FIELDS.has(m.field))
    .filter((m) => m.attribute!.values.length > 1)
    .map((m) =>
      finding('CLAIM_MULTIVALUED', {
        message: `"${m.expected}" carries ${m.attribute!.values.length} values for ${m.field}, which holds one; Genesys Cloud keeps only one of them.`,
        location: fieldLocation(mc, m),
        evidence: { field: m.field, claim: m.expected, values: m.attribute!.values },
        fix: `In the IdP, send a single value for "${m.expected}" (pick the primary ${m.field}, e.g. with a transformation that takes the first value).`,
      }),
    );
}

export function claimEmpty(mc: MappingContext): Finding[] {
  return mc.fields
    .filter((m) => m.row.match === 'exact')
    .filter(
      (m) => m.attribute!.values.length === 0 || m.attribute!.values.some((v) => v.trim() === ''),
    )
    .map((m) =>
      finding('CLAIM_EMPTY', {
        message: `"${m.expected}" arrived for ${m.field} but its value is blank.`,
        location: fieldLocation(mc, m),
        evidence: {
          field: m.field,
          claim: m.expected,
          values: m.attribute!.values.map(escapeInvisible),
        },
        fix: `Fill in the ${m.field} for this user in the IdP's directory, or stop sending "${m.expected}" when it is empty.`,
      }),
    );
}

export function claimValueWhitespace(mc: MappingContext): Finding[] {
  return mc.fields
    .filter((m) => m.row.match === 'exact')
    .flatMap((m) =>
      m
        .attribute!.values.filter((value) => value.trim() !== '' && hasStrayCharacters(value))
        .map((value) =>
          finding('CLAIM_VALUE_WHITESPACE', {
            message: `The ${m.field} value "${escapeInvisible(value)}" carries spaces or invisible characters at the edges or inside.`,
            location: fieldLocation(mc, m),
            evidence: { field: m.field, claim: m.expected, value: escapeInvisible(value) },
            fix: `Clean the ${m.field} in the IdP's directory (or trim it in the claim rule); Genesys Cloud stores the characters as sent.`,
          }),
        ),
    );
}

export function claimUnmapped(mc: MappingContext): Finding[] {
  const used = new Set(mc.fields.flatMap((m) => [m.expected, m.attribute?.name]));
  const unmapped = mc.check.message.attributes
    .map((a) => a.name)
    .filter((name) => !used.has(name))
    .filter(
      (name) =>
        ![...GENESYS_OWN_ATTRIBUTES].some((own) => own.toLowerCase() === name.toLowerCase()),
    );
  const names = [...new Set(unmapped)];
  if (names.length === 0) return [];
  const signIn = names.filter(isSignInClaim);
  return [
    finding('CLAIM_UNMAPPED', {
      message: `${names.length} attribute${names.length > 1 ? 's' : ''} arrived that no mapping uses: ${names.join(', ')}.`,
      location: mc.check.message.locations.attributeStatement ?? null,
      evidence: { attributes: names, signInClaims: signIn },
      fix: 'Nothing is required. Map one in Genesys Cloud if it should fill a user field, or stop sending it from the IdP to keep assertions small.',
    }),
  ];
}
