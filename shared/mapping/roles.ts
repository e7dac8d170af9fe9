/**
 * The roles claim: Genesys Cloud reads role names from the AttributeValues, several in one value
 * separated by commas. Everything else (semicolons, pipes, a JSON array, blanks, repeats) is
 * ROLES_FORMAT.
 */

export interface SplitRoles {
  roles: string[];
  /** What is wrong with the format, in words; empty when the claim is well formed. */
  problems: string[];
  /** Separators other than commas that were seen. */
  separators: string[];
}

const OTHER_SEPARATORS = [';', '|', '\n', '\t'];

function jsonArray(value: string): string[] | null {
  const text = value.trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : null;
  } catch {
    return null;
  }
}

export function splitRoles(values: readonly string[]): SplitRoles {
  const problems: string[] = [];
  const separators = new Set<string>();
  const roles: string[] = [];
  let empty = 0;
  for (const value of values) {
    const array = jsonArray(value);
    if (array) {
      problems.push(`a JSON array string (${value.trim().slice(0, 60)}) instead of role names`);
      roles.push(...array.map((r) => r.trim()).filter(Boolean));
      continue;
    }
    for (const sep of OTHER_SEPARATORS) if (value.includes(sep)) separators.add(sep);
    const items = value.split(',').map((item) => item.trim());
    empty += items.filter((item) => item === '').length;
    roles.push(...items.filter(Boolean));
  }
  if (separators.size > 0) {
    const shown = [...separators].map((s) => JSON.stringify(s)).join(', ');
    problems.push(`separated by ${shown} instead of commas`);
  }
  if (empty > 0) problems.push(`${empty} empty item${empty > 1 ? 's' : ''}`);
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const role of roles) {
    const key = role.toLowerCase();
    if (seen.has(key)) repeated.add(role);
    seen.add(key);
  }
  if (repeated.size > 0) problems.push(`listed twice: ${[...repeated].join(', ')}`);
  return {
    roles: [...new Map(roles.map((r) => [r.toLowerCase(), r])).values()],
    problems,
    separators: [...separators],
  };
}
