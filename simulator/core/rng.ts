/**
 * Seeded pseudo-random numbers with an integer API.
 *
 * The simulator must give the same run for the same seed in every runtime, so nothing in it may
 * touch Math.random. The generator is sfc32 (small, fast, passes PractRand to 2^40+) and its whole
 * state is four 32-bit integers held in a plain array, so it can be checkpointed with the rest of
 * the world by structuredClone. Probabilities are integers (per-mille or a numerator/denominator
 * pair) so that no floating-point rounding can differ between engines.
 */

/** The generator's complete state: four unsigned 32-bit integers. Plain data. */
export type RngState = [number, number, number, number];

/** Derives a generator state from a 32-bit seed (splitmix32 spreads nearby seeds apart). */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: RngState = [next(), next(), next(), next()];
  // sfc32 wants a short warm-up so the first outputs do not echo the seed.
  for (let i = 0; i < 12; i++) nextU32(state);
  return state;
}

/** Advances the state in place and returns the next unsigned 32-bit integer. */
export function nextU32(r: RngState): number {
  const a = r[0],
    b = r[1],
    c = r[2],
    d = r[3];
  const t = (((a + b) >>> 0) + d) >>> 0;
  r[3] = (d + 1) >>> 0;
  r[0] = (b ^ (b >>> 9)) >>> 0;
  r[1] = (c + (c << 3)) >>> 0;
  const rot = ((c << 21) | (c >>> 11)) >>> 0;
  r[2] = (rot + t) >>> 0;
  return t;
}

/**
 * An integer in [0, bound) without modulo bias (Lemire's rejection method on 32 bits).
 * `bound` must be an integer in 1..2^32.
 */
export function nextInt(r: RngState, bound: number): number {
  if (!(bound >= 1) || bound > 0x100000000 || Math.floor(bound) !== bound) {
    throw new RangeError(`nextInt bound must be an integer in 1..2^32, got ${bound}`);
  }
  if (bound === 1) return 0;
  // Reject the top sliver of the 32-bit range that would make the modulo uneven.
  const limit = 0x100000000 - (0x100000000 % bound);
  for (let i = 0; i < 64; i++) {
    const x = nextU32(r);
    if (x < limit) return x % bound;
  }
  // 64 rejections in a row has probability < 2^-64; fall back rather than loop forever.
  return nextU32(r) % bound;
}

/** An integer in [min, max] inclusive. */
export function nextIntBetween(r: RngState, min: number, max: number): number {
  return min + nextInt(r, max - min + 1);
}

/** True with probability numerator/denominator (both integers, 0 <= numerator <= denominator). */
export function chance(r: RngState, numerator: number, denominator: number): boolean {
  if (numerator <= 0) return false;
  if (numerator >= denominator) return true;
  return nextInt(r, denominator) < numerator;
}

const TWO_32 = 0x100000000;
const TWO_53 = 2 ** 53;

/**
 * An integer in [0, bound) for any safe integer bound (1..2^53), without modulo bias. Bounds up
 * to 2^32 draw exactly what `nextInt` draws (one 32-bit word), so runs that already fit keep
 * their traces; larger ones (a weighted distribution of 10,000 keys of weight 1,000,000 sums to
 * 10^10) combine two words into 53 bits and reject the uneven top sliver.
 */
export function nextIntLarge(r: RngState, bound: number): number {
  if (bound <= TWO_32) return nextInt(r, bound);
  if (!(bound <= TWO_53) || Math.floor(bound) !== bound) {
    throw new RangeError(`nextIntLarge bound must be an integer in 1..2^53, got ${bound}`);
  }
  const limit = TWO_53 - (TWO_53 % bound);
  const draw = (): number => (nextU32(r) >>> 11) * TWO_32 + nextU32(r);
  // Each try is accepted with probability > 1/2; 64 rejections in a row is below 2^-64.
  for (let i = 0; i < 64; i++) {
    const x = draw();
    if (x < limit) return x % bound;
  }
  return draw() % bound;
}

/**
 * Picks an index by integer weights (e.g. a key distribution). Weights must sum to > 0 and to at
 * most 2^53 (the scenario limits allow 10,000 × 1,000,000).
 */
export function pickWeighted(r: RngState, weights: readonly number[], total: number): number {
  let x = nextIntLarge(r, total);
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}
