/**
 * Side-by-side measurement on a machine whose speed moves by 10-20 % within seconds (a shared
 * 2-core VM: the bare interpreter's own jobs-2/jobs-1 ratio moved between 1.50× and 1.86× from
 * one full pass of the bench's 40 cases to the next). Whole passes of one variant after another
 * compare different moments of the machine; here every variant runs on one small block of the
 * cases, then the next block, so that the variants of a block meet the same seconds, and their
 * order is rotated from block to block (and reversed every other block) so that none is always
 * first. A round sums each variant's measure over every block; a figure is the median over the
 * rounds of a ratio of those sums.
 */

/** Blocks of about `size` consecutive indices covering `0..count`. */
export function blocksOf(count: number, size: number): (readonly [number, number])[] {
  return Array.from({ length: Math.ceil(count / size) }, (_, k) => [k * size, Math.min(count, (k + 1) * size)] as const);
}

/** The order of the variants for the `turn`-th block: rotated by turn/2, reversed on odd turns. */
export function variantOrder<T>(variants: readonly T[], turn: number): T[] {
  const rot = Math.floor(turn / 2) % variants.length;
  const order = [...variants.slice(rot), ...variants.slice(0, rot)];
  return turn % 2 === 0 ? order : order.reverse();
}

/**
 * `rounds` rounds; in each, every block runs every variant once (in variantOrder). `run`
 * returns the measures of one variant on one block (wall ms, CPU s, ...), which are summed per
 * round. Returns, per round, each variant's sums.
 */
export async function interleaved<V extends string, M extends string>(
  variants: readonly V[],
  blocks: readonly (readonly [number, number])[],
  rounds: number,
  run: (variant: V, from: number, to: number) => Promise<Readonly<Record<M, number>>>,
): Promise<Map<V, Map<M, number>>[]> {
  const out: Map<V, Map<M, number>>[] = [];
  let turn = 0;
  for (let r = 0; r < rounds; r++) {
    const sums = new Map<V, Map<M, number>>(variants.map((v) => [v, new Map<M, number>()]));
    for (const [from, to] of blocks) {
      for (const v of variantOrder(variants, turn)) {
        const m = await run(v, from, to);
        const acc = sums.get(v)!;
        for (const k of Object.keys(m) as M[]) acc.set(k, (acc.get(k) ?? 0) + m[k]);
      }
      turn++;
    }
    out.push(sums);
  }
  return out;
}
