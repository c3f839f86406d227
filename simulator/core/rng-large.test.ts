/**
 * Draws with bounds above 2^32: weighted key distributions within the scenario limits sum to up
 * to 10^10, which `nextInt` (32 bits) refused with "bound must be an integer in 1..2^32".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextInt, nextIntLarge, pickWeighted, seedRng } from './rng.ts';

describe('nextIntLarge', () => {
  it('draws exactly what nextInt draws for bounds up to 2^32, so existing runs keep their traces', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 2 ** 32 }), (seed, bound) => {
        const a = seedRng(seed);
        const b = seedRng(seed);
        for (let i = 0; i < 20; i++) expect(nextIntLarge(a, bound)).toBe(nextInt(b, bound));
      }),
    );
  });

  it('stays within bounds up to 2^53 and reaches the upper half of a large bound', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2 ** 32 + 1, max: Number.MAX_SAFE_INTEGER }), (seed, bound) => {
        const r = seedRng(seed);
        let high = false;
        for (let i = 0; i < 200; i++) {
          const x = nextIntLarge(r, bound);
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(bound);
          if (x >= bound / 2) high = true;
        }
        expect(high).toBe(true);
      }),
    );
  });

  it('refuses a bound that is not a safe integer', () => {
    expect(() => nextIntLarge(seedRng(1), 2 ** 53 + 2)).toThrow(RangeError);
    expect(() => nextIntLarge(seedRng(1), 2 ** 33 + 0.5)).toThrow(RangeError);
  });
});

describe('pickWeighted with a weight sum above 2^32', () => {
  it('picks 4,295 keys of weight 1,000,000 (sum 4.295e9) evenly', () => {
    const weights = Array.from({ length: 4295 }, () => 1_000_000);
    const total = weights.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2 ** 32);
    const r = seedRng(5);
    const counts = new Array<number>(weights.length).fill(0);
    for (let i = 0; i < 42_950; i++) counts[pickWeighted(r, weights, total)]!++;
    // About 10 each; every key in the last tenth (the part above 2^32) must be reachable.
    expect(counts.slice(-430).reduce((a, b) => a + b, 0)).toBeGreaterThan(3000);
    expect(Math.max(...counts)).toBeLessThan(40);
  });

  it('never picks a key of weight 0 among heavy ones', () => {
    const weights = Array.from({ length: 10_000 }, (_, i): number => (i % 7 === 3 ? 0 : 1_000_000));
    const total = weights.reduce((a, b) => a + b, 0);
    const r = seedRng(9);
    for (let i = 0; i < 5000; i++) expect(weights[pickWeighted(r, weights, total)]).toBe(1_000_000);
  });
});
