/**
 * Lookups by key gathered into few calls: the keys asked in the same turn, or while a call is on
 * its way, go out together in the next call (at most `perCall` keys each, the calls of one round
 * at once). Each asker gets the items whose key it asked for; a failed call fails only the askers
 * of its keys.
 */
export function gathered<T>(
  send: (keys: string[]) => Promise<T[]>,
  keyOf: (item: T) => string | undefined,
  perCall: number,
): (keys: readonly string[]) => Promise<T[]> {
  interface Asker {
    keys: readonly string[];
    resolve(items: T[]): void;
    reject(error: unknown): void;
  }
  let waiting: Asker[] = [];
  let inFlight = false;

  const round = async (askers: Asker[]) => {
    const keys = [...new Set(askers.flatMap((asker) => asker.keys))];
    const chunks: string[][] = [];
    for (let i = 0; i < keys.length; i += perCall) chunks.push(keys.slice(i, i + perCall));
    const answers = await Promise.allSettled(chunks.map((chunk) => send(chunk)));
    const found = new Map<string, T[]>();
    const failed = new Map<string, unknown>();
    answers.forEach((answer, i) => {
      if (answer.status === 'rejected') {
        for (const key of chunks[i]!) failed.set(key, answer.reason);
        return;
      }
      for (const item of answer.value) {
        const key = keyOf(item);
        if (key !== undefined) found.set(key, [...(found.get(key) ?? []), item]);
      }
    });
    for (const asker of askers) {
      const failure = asker.keys.find((key) => failed.has(key));
      if (failure !== undefined) asker.reject(failed.get(failure));
      else asker.resolve([...new Set(asker.keys)].flatMap((key) => found.get(key) ?? []));
    }
  };

  const flush = async () => {
    if (inFlight) return;
    inFlight = true;
    try {
      while (waiting.length > 0) {
        const askers = waiting;
        waiting = [];
        await round(askers);
      }
    } finally {
      inFlight = false;
    }
  };

  return (keys) => {
    if (keys.length === 0) return Promise.resolve([]);
    return new Promise<T[]>((resolve, reject) => {
      waiting.push({ keys, resolve, reject });
      // Let every asker of this turn join the same call.
      setImmediate(() => void flush());
    });
  };
}
