/**
 * Finding the phones or stations of many users for the fewest calls: one call per user costs k,
 * listing the org costs its page count. The first page tells the page count, so a lookup for many
 * users lists the org (a few calls for hundreds of users) and one for a handful asks per user.
 */
import type { Page } from '../adapter/types';

export interface ByUserLookup<T> {
  listPage(pageNumber: number): Promise<Page<T>>;
  ofUser(userId: string): Promise<T[]>;
  userOf(item: T): string | null;
}

/** Below this many users, per-user calls are never worse than a listing's first page. */
const PER_USER_UP_TO = 2;

export async function findByUser<T>(
  userIds: readonly string[],
  lookup: ByUserLookup<T>,
  /** The listing's page count when an earlier listing told it: skips a page 1 that would only say "ask per user". */
  knownPageCount?: number,
): Promise<Map<string, T[]>> {
  const found = new Map<string, T[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return found;

  const perUser = async () => {
    const results = await Promise.all(userIds.map((id) => lookup.ofUser(id)));
    userIds.forEach((id, index) => found.set(id, results[index] ?? []));
    return found;
  };
  if (userIds.length <= PER_USER_UP_TO) return perUser();
  if (knownPageCount !== undefined && knownPageCount > userIds.length) return perUser();

  const first = await lookup.listPage(1);
  if (first.pageCount - 1 > userIds.length) return perUser();
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, first.pageCount - 1) }, (_, i) => lookup.listPage(i + 2)),
  );
  for (const page of [first, ...rest]) {
    for (const item of page.items) {
      const owner = lookup.userOf(item);
      if (owner !== null) found.get(owner)?.push(item);
    }
  }
  return found;
}
