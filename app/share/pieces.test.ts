/**
 * A state posted in pieces (app/share/pieces.ts) comes back equal to the state, whatever its
 * shape: long arrays at any depth, in arrays and objects, keys such as `__proto__`, and each
 * piece no longer than the limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachPieces, detachLongArrays } from './pieces.ts';

describe('posting a state in pieces', () => {
  it('puts back exactly what it took apart, with every piece within the limit', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', 'toString'));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer(),
        fc.string({ maxLength: 3 }),
        fc.array(tie('tree'), { maxLength: 30 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 5 }), fc.integer({ min: 1, max: 8 }), (state, max) => {
        const expected = structuredClone(state);
        const pieces = detachLongArrays(state, max);
        for (const p of pieces) expect(p.items.length).toBeLessThanOrEqual(max);
        const received = structuredClone({ state, pieces });
        attachPieces(received.state, received.pieces);
        expect(received.state).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('sends a trace of 10,000 entries as slices of the limit', () => {
    const state = { nowMs: 5, trace: { entries: Array.from({ length: 10_000 }, (_, id) => ({ id })) } };
    const pieces = detachLongArrays(state, 4000);
    expect(pieces.map((p) => p.items.length)).toEqual([4000, 4000, 2000]);
    expect(state.trace.entries).toEqual([]);
    attachPieces(state, pieces);
    expect(state.trace.entries.at(-1)).toEqual({ id: 9999 });
  });
});
