/**
 * Screen state that outlives the screen: the Repair review of 2,000 agents takes minutes to read,
 * so leaving for Diagnose and coming back, even while it is being read, must find it as it is (the
 * reply lands here whether the screen is shown or not). Kept per scope (the org it was read from):
 * another org starts empty.
 */
import { useCallback, useSyncExternalStore, type Dispatch, type SetStateAction } from 'react';

const store = {
  scope: '',
  values: new Map<string, unknown>(),
  listeners: new Set<() => void>(),
};

/** The values kept for this scope; a new scope forgets the last one's. */
function keptIn(scope: string): Map<string, unknown> {
  if (store.scope !== scope) {
    store.scope = scope;
    store.values = new Map();
  }
  return store.values;
}

function read<T>(scope: string, key: string, initial: T): T {
  const values = keptIn(scope);
  if (!values.has(key)) values.set(key, initial);
  return values.get(key) as T;
}

function subscribe(listener: () => void): () => void {
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}

export function useKeptState<T>(
  scope: string,
  key: string,
  initial: T,
): [T, Dispatch<SetStateAction<T>>] {
  const value = useSyncExternalStore(subscribe, () => read(scope, key, initial));
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      // A reply for an org no longer connected is dropped.
      if (store.scope !== scope) return;
      const before = read(scope, key, undefined as T);
      store.values.set(key, typeof next === 'function' ? (next as (b: T) => T)(before) : next);
      for (const listener of store.listeners) listener();
    },
    [scope, key],
  );
  return [value, set];
}
