/**
 * Screen state that outlives the screen: the Repair review of 2,000 agents takes minutes to read,
 * so leaving for Diagnose and coming back (even while it is read) must find it as it was. Kept
 * per scope (the org it was read from): another org starts empty.
 */
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';

const kept = { scope: '', values: new Map<string, unknown>() };

/** The values kept for this scope; a new scope forgets the last one's. */
function keptIn(scope: string): Map<string, unknown> {
  if (kept.scope !== scope) {
    kept.scope = scope;
    kept.values = new Map();
  }
  return kept.values;
}

export function useKeptState<T>(
  scope: string,
  key: string,
  initial: T,
): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => {
    const values = keptIn(scope);
    return values.has(key) ? (values.get(key) as T) : initial;
  });
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      const keep = (v: T) => {
        if (kept.scope === scope) kept.values.set(key, v);
        return v;
      };
      // A plain value is kept at once: a reply that arrives after the screen was left still lands.
      if (typeof next !== 'function') setValue(keep(next));
      else setValue((before) => keep((next as (before: T) => T)(before)));
    },
    [scope, key],
  );
  return [value, set];
}
