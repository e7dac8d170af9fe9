/**
 * The side-by-side comparison: for every mapped Genesys Cloud field, the claim the configuration
 * expects next to the claim that arrived, how they match, and the characters that differ.
 */
import type { GenesysUserField, JitDoctorConfig } from '../config/types';
import type { AttributeSummary, MappingRow, MatchKind } from '../report';
import { isSignInClaim, sameWellKnownClaim } from './presets';
import { charDiff, editDistance, lastSegment, stripInvisible } from './text';

/** Attributes Genesys Cloud reads by itself, whatever the mapping says (case-sensitive). */
export const GENESYS_OWN_ATTRIBUTES: ReadonlySet<string> = new Set([
  'OrganizationName',
  'email',
  'ServiceName',
]);

export interface FieldMatch {
  field: GenesysUserField;
  expected: string;
  /** Every Attribute whose Name is exactly the expected one (two or more: CLAIM_DUPLICATE). */
  exact: AttributeSummary[];
  /** The attribute Genesys Cloud reads (exact match) or the closest one that arrived (near miss). */
  attribute: AttributeSummary | null;
  row: MappingRow;
}

type NearKind = Exclude<MatchKind, 'exact' | 'missing'>;

/** Most telling first: a case slip is surer than a similar spelling. */
const KIND_RANK: Record<NearKind, number> = {
  case: 0,
  whitespace: 1,
  'friendly-name': 2,
  namespace: 3,
  similar: 4,
};

function isSimilar(expected: string, received: string): number | null {
  const a = expected.toLowerCase();
  const b = received.toLowerCase();
  const allowed = Math.min(2, Math.floor(Math.max(a.length, b.length) / 4));
  if (allowed === 0) return null;
  const distance = editDistance(a, b, allowed);
  return distance <= allowed ? distance : null;
}

/** How `attribute` nearly matches `expected`, or null when it is not close. */
export function nearMissKind(expected: string, attribute: AttributeSummary): NearKind | null {
  const received = attribute.name;
  if (received.toLowerCase() === expected.toLowerCase()) return 'case';
  const bareReceived = stripInvisible(received).toLowerCase();
  if (bareReceived === stripInvisible(expected).toLowerCase() && bareReceived !== '')
    return 'whitespace';
  // Genesys Cloud reads Name, never FriendlyName, and never another attribute of its own.
  if (GENESYS_OWN_ATTRIBUTES.has(received)) return null;
  const friendly = attribute.friendlyName?.trim().toLowerCase();
  if (friendly && friendly === expected.trim().toLowerCase()) return 'friendly-name';
  const lastExpected = lastSegment(expected).toLowerCase();
  if (lastExpected && lastExpected === lastSegment(received).toLowerCase()) return 'namespace';
  if (sameWellKnownClaim(expected, received)) return 'namespace';
  if (isSignInClaim(received)) return null;
  return isSimilar(expected, received) === null ? null : 'similar';
}

function closest(
  expected: string,
  candidates: readonly AttributeSummary[],
): { attribute: AttributeSummary; kind: NearKind } | null {
  let best: { attribute: AttributeSummary; kind: NearKind; distance: number } | null = null;
  for (const attribute of candidates) {
    const kind = nearMissKind(expected, attribute);
    if (!kind) continue;
    const distance = editDistance(expected.toLowerCase(), attribute.name.toLowerCase());
    if (
      !best ||
      KIND_RANK[kind] < KIND_RANK[best.kind] ||
      (KIND_RANK[kind] === KIND_RANK[best.kind] && distance < best.distance)
    )
      best = { attribute, kind, distance };
  }
  return best && { attribute: best.attribute, kind: best.kind };
}

function row(
  field: GenesysUserField,
  expected: string,
  attribute: AttributeSummary | null,
  match: MatchKind,
): MappingRow {
  if (!attribute) return { field, expected, received: null, match, values: [] };
  const diff = charDiff(expected, attribute.name);
  return {
    field,
    expected,
    received: attribute.name,
    match,
    values: attribute.values,
    ...(match === 'exact' ? {} : { diff: { expected: diff.a, received: diff.b } }),
  };
}

/** One FieldMatch per `attributeMapping` entry, in the configuration's order. */
export function matchFields(
  mapping: NonNullable<JitDoctorConfig['attributeMapping']>,
  attributes: readonly AttributeSummary[],
): FieldMatch[] {
  const byName = new Map<string, AttributeSummary[]>();
  for (const attribute of attributes) {
    const same = byName.get(attribute.name);
    if (same) same.push(attribute);
    else byName.set(attribute.name, [attribute]);
  }
  const expectedNames = new Set(Object.values(mapping).filter((name): name is string => !!name));
  // An attribute another field expects by its exact name is that field's, not a near miss here.
  const unclaimed = attributes.filter((attribute) => !expectedNames.has(attribute.name));
  return (Object.entries(mapping) as [GenesysUserField, string | undefined][])
    .filter((entry): entry is [GenesysUserField, string] => typeof entry[1] === 'string')
    .map(([field, expected]) => {
      const exact = byName.get(expected) ?? [];
      if (exact.length > 0) {
        return {
          field,
          expected,
          exact,
          attribute: exact[0]!,
          row: row(field, expected, exact[0]!, 'exact'),
        };
      }
      const near = closest(expected, unclaimed);
      return {
        field,
        expected,
        exact,
        attribute: near?.attribute ?? null,
        row: row(field, expected, near?.attribute ?? null, near?.kind ?? 'missing'),
      };
    });
}
