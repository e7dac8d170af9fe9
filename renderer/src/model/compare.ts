/** Two messages side by side: claims that differ in presence or value, findings one has and the other not. Pure. */
import type { AttributeSummary, MessageReport } from '../../../shared/report';

export type ClaimDifference = 'same' | 'only-a' | 'only-b' | 'values-differ';

export interface ClaimComparison {
  name: string;
  a: string[] | null;
  b: string[] | null;
  difference: ClaimDifference;
}

export interface MessageComparison {
  claims: ClaimComparison[];
  findingsOnlyA: string[];
  findingsOnlyB: string[];
}

const byName = (attributes: readonly AttributeSummary[]) => {
  const map = new Map<string, string[]>();
  for (const attribute of attributes) {
    map.set(attribute.name, [...(map.get(attribute.name) ?? []), ...attribute.values]);
  }
  return map;
};

const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

export function compareMessages(a: MessageReport, b: MessageReport): MessageComparison {
  const claimsA = byName(a.attributes);
  const claimsB = byName(b.attributes);
  const names = [...new Set([...claimsA.keys(), ...claimsB.keys()])];
  const claims = names.map((name): ClaimComparison => {
    const va = claimsA.get(name) ?? null;
    const vb = claimsB.get(name) ?? null;
    const difference: ClaimDifference =
      va === null
        ? 'only-b'
        : vb === null
          ? 'only-a'
          : sameValues(va, vb)
            ? 'same'
            : 'values-differ';
    return { name, a: va, b: vb, difference };
  });
  const rank: Record<ClaimDifference, number> = {
    'only-a': 0,
    'only-b': 0,
    'values-differ': 1,
    same: 2,
  };
  claims.sort((x, y) => rank[x.difference] - rank[y.difference] || x.name.localeCompare(y.name));
  const codesA = new Set(a.findings.map((f) => f.code));
  const codesB = new Set(b.findings.map((f) => f.code));
  return {
    claims,
    findingsOnlyA: [...codesA].filter((c) => !codesB.has(c)).sort(),
    findingsOnlyB: [...codesB].filter((c) => !codesA.has(c)).sort(),
  };
}

/** Splits a claim name into plain and highlighted parts from MappingRow.diff ranges. */
export function splitByRanges(
  text: string,
  ranges: readonly { start: number; end: number }[] | undefined,
): { text: string; changed: boolean }[] {
  if (!ranges || ranges.length === 0) return [{ text, changed: false }];
  const sorted = [...ranges]
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((x, y) => x.start - y.start);
  const parts: { text: string; changed: boolean }[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (start < at) continue;
    if (start > at) parts.push({ text: text.slice(at, start), changed: false });
    parts.push({ text: text.slice(start, end), changed: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), changed: false });
  return parts;
}

/** Makes invisible characters visible in a claim name or value (no-break space, zero-width, tabs). */
export function showInvisible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u00a0\u200b-\u200d\u2060\ufeff]/g, (c) => {
    const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `⟨U+${code}⟩`;
  });
}
