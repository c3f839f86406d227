import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur2, toPositive, utf8Length } from './murmur2.ts';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

describe('murmur2', () => {
  // Ported from apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java
  // (testMurmur2). The Java test hashes "...".getBytes(); all inputs are ASCII.
  const kafkaVectors: Array<[string, number]> = [
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ];

  it.each(kafkaVectors)('hashes bytes of %j to %d as Utils.murmur2 does', (input, expected) => {
    expect(murmur2(ascii(input))).toBe(expected);
  });

  it.each(kafkaVectors)('hashes the string %j to %d', (input, expected) => {
    expect(murmur2(input)).toBe(expected);
  });

  it('returns a signed 32-bit integer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const h = murmur2(bytes);
        return Number.isInteger(h) && h >= -0x80000000 && h <= 0x7fffffff;
      }),
    );
  });

  it('hashes a well-formed string exactly like its UTF-8 bytes', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const bytes = encoder.encode(s);
        expect(utf8Length(s)).toBe(bytes.length);
        expect(murmur2(s)).toBe(murmur2(bytes));
      }),
    );
  });

  it('encodes an unpaired surrogate as "?" like Java String.getBytes(UTF_8), not as U+FFFD', () => {
    expect(utf8Length('a\ud800b')).toBe(3);
    expect(murmur2('a\ud800b')).toBe(murmur2(ascii('a?b')));
    expect(murmur2('\udc00')).toBe(murmur2(ascii('?')));
    // A correctly paired surrogate is one 4-byte code point.
    expect(murmur2('\ud83d\ude00')).toBe(murmur2(Uint8Array.of(0xf0, 0x9f, 0x98, 0x80)));
  });

  it('does not modify the key bytes', () => {
    const bytes = ascii('foobar');
    murmur2(bytes);
    expect(Array.from(bytes)).toEqual(Array.from(ascii('foobar')));
  });
});

describe('toPositive', () => {
  it('masks the sign bit instead of taking the absolute value', () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-0x80000000)).toBe(0);
    expect(toPositive(-973932308)).toBe(-973932308 & 0x7fffffff);
    expect(toPositive(5)).toBe(5);
  });

  it('is always within [0, 2^31)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), (n) => {
        const p = toPositive(n);
        return p >= 0 && p <= 0x7fffffff && (p === n || n < 0);
      }),
    );
  });
});
