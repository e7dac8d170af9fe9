/**
 * Two messages side by side (`jit-doctor compare A B`): typically the user who can log in and the
 * one who cannot. Which claims differ in name, presence or value, and which findings one message
 * has that the other has not. Pure, on two MessageReports, so the app can show the same.
 */
import type { AttributeSummary, Finding, MatchKind, MessageReport } from '../report';
import { nearMissKind } from './match';
import { hasStrayCharacters } from './text';

type ClaimDifferenceKind = 'only-a' | 'only-b' | 'renamed' | 'values';

export interface ClaimDifference {
  kind: ClaimDifferenceKind;
  /** The claim name in A (null when only B has it). */
  nameA: string | null;
  nameB: string | null;
  valuesA: string[];
  valuesB: string[];
  /** For `renamed`: how B's name nearly matches A's. */
  nameMatch?: Exclude<MatchKind, 'exact' | 'missing'>;
  /** What stands out in the values: "empty in B", "2 values in A, 1 in B", "invisible characters in B". */
  notes: string[];
}

export interface PairComparison {
  claims: ClaimDifference[];
  /** Findings of A whose code (and field) B does not have, and the reverse. */
  onlyA: Finding[];
  onlyB: Finding[];
  /** Claims present in both with the same name and values. */
  sameCount: number;
}

const sameValues = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function valueNotes(a: readonly string[], b: readonly string[]): string[] {
  const notes: string[] = [];
  const blank = (values: readonly string[]) =>
    values.length === 0 || values.every((v) => !v.trim());
  if (blank(a) !== blank(b)) notes.push(`empty in ${blank(a) ? 'A' : 'B'}`);
  if (a.length !== b.length && a.length > 0 && b.length > 0)
    notes.push(`${a.length} value${a.length > 1 ? 's' : ''} in A, ${b.length} in B`);
  const stray = (values: readonly string[]) =>
    values.some((v) => v.trim() && hasStrayCharacters(v));
  if (stray(a) !== stray(b)) notes.push(`invisible characters in ${stray(a) ? 'A' : 'B'}`);
  return notes;
}

function byName(attributes: readonly AttributeSummary[]): Map<string, AttributeSummary> {
  const map = new Map<string, AttributeSummary>();
  for (const attribute of attributes)
    if (!map.has(attribute.name)) map.set(attribute.name, attribute);
  return map;
}

function claimDifferences(
  a: MessageReport,
  b: MessageReport,
): { claims: ClaimDifference[]; same: number } {
  const inA = byName(a.attributes);
  const inB = byName(b.attributes);
  const claims: ClaimDifference[] = [];
  let same = 0;
  for (const [name, attrA] of inA) {
    const attrB = inB.get(name);
    if (!attrB) continue;
    if (sameValues(attrA.values, attrB.values)) same++;
    else
      claims.push({
        kind: 'values',
        nameA: name,
        nameB: name,
        valuesA: attrA.values,
        valuesB: attrB.values,
        notes: valueNotes(attrA.values, attrB.values),
      });
  }
  const onlyB = [...inB.values()].filter((attr) => !inA.has(attr.name));
  const pairedB = new Set<string>();
  for (const attrA of [...inA.values()].filter((attr) => !inB.has(attr.name))) {
    const renamed = onlyB
      .filter((attrB) => !pairedB.has(attrB.name))
      .map((attrB) => ({ attrB, kind: nearMissKind(attrA.name, attrB) }))
      .find((candidate) => candidate.kind !== null);
    if (renamed) {
      pairedB.add(renamed.attrB.name);
      claims.push({
        kind: 'renamed',
        nameA: attrA.name,
        nameB: renamed.attrB.name,
        valuesA: attrA.values,
        valuesB: renamed.attrB.values,
        nameMatch: renamed.kind!,
        notes: valueNotes(attrA.values, renamed.attrB.values),
      });
    } else {
      claims.push({
        kind: 'only-a',
        nameA: attrA.name,
        nameB: null,
        valuesA: attrA.values,
        valuesB: [],
        notes: [],
      });
    }
  }
  for (const attrB of onlyB.filter((attr) => !pairedB.has(attr.name))) {
    claims.push({
      kind: 'only-b',
      nameA: null,
      nameB: attrB.name,
      valuesA: [],
      valuesB: attrB.values,
      notes: [],
    });
  }
  const order: Record<ClaimDifferenceKind, number> = {
    renamed: 0,
    'only-a': 1,
    'only-b': 2,
    values: 3,
  };
  claims.sort((x, y) => order[x.kind] - order[y.kind]);
  return { claims, same };
}

/** A finding's identity across two messages: its code and the field or claim it is about. */
function findingKey(f: Finding): string {
  const about = f.evidence.field ?? f.evidence.claim ?? f.evidence.name ?? f.evidence.role ?? '';
  return `${f.code}|${String(about)}`;
}

export function comparePair(a: MessageReport, b: MessageReport): PairComparison {
  const { claims, same } = claimDifferences(a, b);
  const keysA = new Set(a.findings.map(findingKey));
  const keysB = new Set(b.findings.map(findingKey));
  return {
    claims,
    onlyA: a.findings.filter((f) => !keysB.has(findingKey(f))),
    onlyB: b.findings.filter((f) => !keysA.has(findingKey(f))),
    sameCount: same,
  };
}

/** Two messages and their comparison: what `jit-doctor compare A B` and the app's Compare show. */
export interface Pair {
  a: MessageReport;
  b: MessageReport;
  comparison: PairComparison;
}

/** The JSON of a pair comparison (`compare A B --format json`, and the app's saved comparison). */
export function pairJson(pair: Pair): unknown {
  return {
    schemaVersion: 1,
    kind: 'pair',
    a: { source: pair.a.source, subject: pair.a.subject?.nameId ?? null, verdict: pair.a.verdict },
    b: { source: pair.b.source, subject: pair.b.subject?.nameId ?? null, verdict: pair.b.verdict },
    claims: pair.comparison.claims,
    identicalClaims: pair.comparison.sameCount,
    findingsOnlyA: pair.comparison.onlyA,
    findingsOnlyB: pair.comparison.onlyB,
  };
}

/** A claim difference in words: "name (case)", "only in A", "values; empty in B". */
export function differenceText(d: ClaimDifference): string {
  const what =
    d.kind === 'renamed'
      ? `name (${d.nameMatch})`
      : d.kind === 'only-a'
        ? 'only in A'
        : d.kind === 'only-b'
          ? 'only in B'
          : 'values';
  return [what, ...d.notes].join('; ');
}

/** The comparison in one line: "2 claims differ in name or presence · 1 in value · 11 identical". */
export function pairSummary(comparison: PairComparison): string {
  const structural = comparison.claims.filter((d) => d.kind !== 'values').length;
  const valued = comparison.claims.length - structural;
  return `${structural} claim${structural === 1 ? ' differs' : 's differ'} in name or presence · ${valued} in value · ${comparison.sameCount} identical`;
}
