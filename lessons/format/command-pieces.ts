/**
 * Instant commands that do a lot at once, as the smaller commands of the same kind they are made
 * of — so the player can show the thing grow instead of jumping to it. Only commands the model
 * can resume are split here; play-script.ts keeps a split only when the pieces end in exactly
 * the state the command alone ends in (byte-identical), so a wrong split falls back to the whole.
 */

/**
 * Where a run of `from`..`to` items is cut so a learner sees it grow: the first ten one by one
 * (what "Step" walks through), then tens up to a hundred, then hundreds — about a hundred pieces
 * for ten thousand, each a moment the counter passes through.
 */
export function growthCuts(from: number, to: number): number[] {
  const cuts: number[] = [];
  for (let n = from + 1; n <= to;) {
    cuts.push(n);
    const done = n - from;
    n += done < 10 ? 1 : done < 100 ? 10 : 100;
    if (n > to && cuts.at(-1)! < to) n = to;
  }
  return cuts;
}

/** The pieces of `c`, or undefined when it is not a command done in pieces. */
export function commandPieces(c: { type: string }): { type: string }[] | undefined {
  if (c.type !== 'seed-busy-account') return undefined;
  const seed = c as { type: string; stream: string; deposits: number; from?: number };
  const from = seed.from ?? 0;
  const cuts = growthCuts(from, seed.deposits);
  if (cuts.length < 2) return undefined;
  let at = from;
  return cuts.map((deposits) => {
    const piece = { type: seed.type, stream: seed.stream, deposits, ...(at > 0 ? { from: at } : {}) };
    at = deposits;
    return piece;
  });
}
