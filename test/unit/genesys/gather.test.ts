/** Lookups gathered into few calls (electron/genesys/gather.ts). */
import { describe, expect, it } from 'vitest';
import { gathered } from '../../../electron/genesys/gather';

interface Item {
  key: string;
  n: number;
}

/** A lookup whose calls resolve when the test says, recording the keys of each call. */
function fakeLookup(failKeys: string[] = []) {
  const calls: string[][] = [];
  const pending: (() => void)[] = [];
  const send = (keys: string[]) =>
    new Promise<Item[]>((resolve, reject) => {
      calls.push(keys);
      pending.push(() =>
        keys.some((key) => failKeys.includes(key))
          ? reject(new Error(`no ${keys.join(',')}`))
          : resolve(keys.map((key, n) => ({ key, n }))),
      );
    });
  const answer = async () => {
    while (pending.length > 0) pending.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { calls, send, answer };
}

describe('gathered lookups', () => {
  it('sends the keys asked in the same turn in one call and gives each asker its own items', async () => {
    const { calls, send, answer } = fakeLookup();
    const lookup = gathered(send, (item: Item) => item.key, 10);
    const a = lookup(['a', 'b']);
    const c = lookup(['c', 'a']);
    await new Promise((resolve) => setImmediate(resolve));
    await answer();
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect((await a).map((i) => i.key)).toEqual(['a', 'b']);
    expect((await c).map((i) => i.key)).toEqual(['c', 'a']);
  });

  it('gathers the keys asked while a call is on its way into the next one', async () => {
    const { calls, send, answer } = fakeLookup();
    const lookup = gathered(send, (item: Item) => item.key, 10);
    const first = lookup(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [lookup(['b']), lookup(['c'])];
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['a']]);
    await answer();
    await answer();
    expect(calls).toEqual([['a'], ['b', 'c']]);
    expect((await first).map((i) => i.key)).toEqual(['a']);
    expect((await Promise.all(later)).map((items) => items.map((i) => i.key))).toEqual([
      ['b'],
      ['c'],
    ]);
  });

  it('splits a round into calls of at most perCall keys, sent at once', async () => {
    const { calls, send, answer } = fakeLookup();
    const lookup = gathered(send, (item: Item) => item.key, 2);
    const all = lookup(['a', 'b', 'c', 'd', 'e']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    await answer();
    expect((await all).map((i) => i.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('fails only the askers whose keys went in the failed call', async () => {
    const { send, answer } = fakeLookup(['x']);
    const lookup = gathered(send, (item: Item) => item.key, 1);
    const ok = lookup(['a']);
    const bad = expect(lookup(['x'])).rejects.toThrow('no x');
    await new Promise((resolve) => setImmediate(resolve));
    await answer();
    expect((await ok).map((i) => i.key)).toEqual(['a']);
    await bad;
  });
});
