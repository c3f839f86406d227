/**
 * The bounded link reader (issue #12): it reads exactly what lz-string writes, refuses an input
 * that would expand past its bound without building it, and never throws on damaged text.
 */
import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { expandLink } from './bounded-lz.ts';

describe('expandLink', () => {
  it('reads back anything lz-string writes, unicode and long repeats included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.json({ maxDepth: 4 }),
          fc.tuple(fc.string({ minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 3000 })).map(([s, n]) => s.repeat(n)),
        ),
        (text) => {
          const r = expandLink(compressToEncodedURIComponent(text), 1_000_000);
          expect(r).toEqual({ ok: true, text });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees with lz-string on damaged text wherever lz-string gives a string, and never throws', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 300 }), (junk) => {
        const r = expandLink(junk, 1_000_000);
        let theirs: string | null | undefined;
        try {
          theirs = decompressFromEncodedURIComponent(junk);
        } catch {
          theirs = undefined; // lz-string itself throws on some damage; the reader never does
        }
        if (r.ok && typeof theirs === 'string' && theirs !== '') expect(r.text).toBe(theirs);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a link that would expand past the bound, before expanding it', () => {
    // 1,000,000 repeated characters compress to about 2,300: a small link, a big expansion.
    const bomb = compressToEncodedURIComponent(JSON.stringify({ s: 'x'.repeat(1_000_000) }));
    expect(bomb.length).toBeLessThan(3000);
    expect(expandLink(bomb, 100_000)).toEqual({ ok: false, why: 'too-big' });
    expect(expandLink(bomb, 2_000_000).ok).toBe(true);
  });

  it('reads a link truncated anywhere as damaged or as some shorter text, never more', () => {
    const link = compressToEncodedURIComponent(JSON.stringify({ m: 'kafka', s: 'busy-cluster', c: [{ type: 'next-entry' }] }));
    for (let cut = 0; cut < link.length; cut++) {
      const r = expandLink(link.slice(0, cut), 1_000_000);
      if (r.ok) expect(r.text.length).toBeLessThanOrEqual(1_000);
    }
  });
});
