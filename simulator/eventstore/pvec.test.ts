/** Tests for the persistent vector: it behaves as an array, and old versions never change. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pvecEmpty, pvecForEach, pvecGet, pvecPush, pvecSlice, type PVec } from './pvec.ts';

describe('pvec', () => {
  it('matches a plain array at sizes around every trie boundary', () => {
    let v: PVec<number> = pvecEmpty();
    const sizes = new Set([0, 1, 31, 32, 33, 63, 64, 65, 1023, 1024, 1025, 1056, 1057, 32 * 32 * 32 + 33]);
    for (let i = 0; i <= 32 * 32 * 32 + 33; i++) {
      if (sizes.has(i)) {
        expect(v.size).toBe(i);
        expect(pvecSlice(v)).toEqual(Array.from({ length: i }, (_, k) => k));
      }
      v = pvecPush(v, i);
    }
    expect(pvecGet(v, -1)).toBeUndefined();
    expect(pvecGet(v, v.size)).toBeUndefined();
  });

  it('keeps every earlier version intact (checked against snapshots)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 6 }), (steps) => {
        let v: PVec<number> = pvecEmpty();
        const versions: Array<{ v: PVec<number>; json: string; items: number[] }> = [];
        let n = 0;
        for (const k of steps) {
          for (let i = 0; i < k; i++) v = pvecPush(v, n++);
          versions.push({ v, json: JSON.stringify(v), items: pvecSlice(v) });
        }
        // Branch from every saved version, then check none of them moved.
        for (const saved of versions) pvecPush(saved.v, -1);
        for (const saved of versions) {
          expect(JSON.stringify(saved.v)).toBe(saved.json);
          expect(pvecSlice(saved.v)).toEqual(saved.items);
        }
      }),
    );
  });

  it('iterates ranges forwards and backwards and stops when asked', () => {
    let v: PVec<number> = pvecEmpty();
    for (let i = 0; i < 100; i++) v = pvecPush(v, i);
    const fwd: number[] = [];
    pvecForEach(v, 30, 70, (x) => {
      fwd.push(x);
    });
    expect(fwd).toEqual(Array.from({ length: 40 }, (_, k) => 30 + k));
    const back: number[] = [];
    pvecForEach(v, 0, 100, (x) => (back.push(x), back.length < 40), true);
    expect(back).toEqual(Array.from({ length: 40 }, (_, k) => 99 - k));
  });

  it('survives structuredClone and deep freezing', () => {
    let v: PVec<number> = pvecEmpty();
    for (let i = 0; i < 2000; i++) v = pvecPush(v, i);
    const c = structuredClone(v);
    expect(pvecSlice(pvecPush(c, 2000))).toEqual(Array.from({ length: 2001 }, (_, k) => k));
    const deepFreeze = (x: unknown): void => {
      if (x && typeof x === 'object' && !Object.isFrozen(x)) {
        Object.freeze(x);
        for (const y of Object.values(x)) deepFreeze(y);
      }
    };
    deepFreeze(v);
    let w = v;
    for (let i = 0; i < 100; i++) w = pvecPush(w, 2000 + i);
    expect(w.size).toBe(2100);
    expect(pvecGet(w, 2099)).toBe(2099);
  });
});
