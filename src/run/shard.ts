/**
 * A shard selector from `--shard i/n` (1-based index).
 *
 * @public
 */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Keeps the items of one shard: position modulo count, so n shards cover the list exactly once. */
export function selectShard<T>(items: readonly T[], shard: Shard | null): T[] {
  if (shard === null) return [...items];
  return items.filter((_, position) => position % shard.count === shard.index - 1);
}
