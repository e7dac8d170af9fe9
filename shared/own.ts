/**
 * A lookup in a table keyed by text that came from outside (a configuration key, a CSV header, an
 * XML name, an entity): only the table's own entries count, so `constructor`, `toString` or
 * `__proto__` are unknown words like any other, never Object.prototype's functions.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
