/**
 * Kafka's murmur2 hash, bit for bit as the Java client computes it.
 *
 * The producer picks the partition of a keyed record from this hash, so a lesson can only claim
 * "key `order-42` always lands on partition 3" if we hash exactly as Kafka does. This is a port of
 * `Utils.murmur2` and `Utils.toPositive` from apache/kafka
 * (clients/src/main/java/org/apache/kafka/common/utils/Utils.java): MurmurHash2, 32-bit, seed
 * 0x9747b28c, little-endian 4-byte blocks, result read as a signed 32-bit int.
 *
 * Strings are hashed as the bytes Kafka's StringSerializer would send: UTF-8, with an unpaired
 * surrogate written as '?' (0x3F) the way Java's `String.getBytes(UTF_8)` replaces it (TextEncoder
 * would write U+FFFD instead, three bytes, and the hash would differ). The string path never
 * allocates: one pass measures the UTF-8 length (the hash is seeded with it), a second pass feeds
 * the bytes straight into the mixer. This runs once per produced record, so it matters.
 */

const SEED = 0x9747b28c | 0;
const M = 0x5bd1e995;
const R = 24;

/**
 * Hashes a key the way Kafka's `Utils.murmur2` does.
 *
 * @param key raw key bytes, or a string that is hashed as its UTF-8 bytes
 * @returns the hash as a signed 32-bit integer, exactly what Java returns
 */
export function murmur2(key: string | Uint8Array): number {
  return typeof key === 'string' ? murmur2String(key) : murmur2Bytes(key);
}

/**
 * Kafka's `Utils.toPositive`: clears the sign bit. Not `Math.abs`: `abs(-2^31)` is still negative
 * in Java, and `toPositive(-1)` is 2^31 - 1, not 1, so the two give different partitions.
 */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, M);
  k ^= k >>> R;
  k = Math.imul(k, M);
  return Math.imul(h, M) ^ k;
}

function finish(h: number, tail: number, tailLength: number): number {
  if (tailLength > 0) h = Math.imul(h ^ tail, M);
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

function murmur2Bytes(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const blocksEnd = length & ~3;
  for (let i = 0; i < blocksEnd; i += 4) {
    const k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    h = mixBlock(h, k);
  }
  let tail = 0;
  for (let i = blocksEnd; i < length; i++) tail |= data[i]! << ((i - blocksEnd) * 8);
  return finish(h, tail, length - blocksEnd);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The number of bytes Java's UTF-8 encoder writes for `s` (unpaired surrogates become 1 byte). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (isHighSurrogate(c) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff)
      n += 1; // unpaired surrogate → '?'
    else n += 3;
  }
  return n;
}

function murmur2String(s: string): number {
  let h = SEED ^ utf8Length(s);
  // `k` collects bytes little-endian; `filled` counts how many it holds (0..3). Every fourth byte
  // completes a block that is mixed into `h`, exactly as the Java loop reads data[i4..i4+3].
  let k = 0;
  let filled = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      // ASCII, the common case for keys: one byte, no packing.
      k |= c << (filled * 8);
      if (++filled === 4) {
        h = mixBlock(h, k);
        k = 0;
        filled = 0;
      }
      continue;
    }
    // The UTF-8 bytes of this code point, first byte lowest, and how many there are.
    let packed: number;
    let count: number;
    if (c < 0x800) {
      packed = 0xc0 | (c >> 6) | ((0x80 | (c & 0x3f)) << 8);
      count = 2;
    } else if (isHighSurrogate(c) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00);
      i++;
      packed =
        0xf0 |
        (cp >> 18) |
        ((0x80 | ((cp >> 12) & 0x3f)) << 8) |
        ((0x80 | ((cp >> 6) & 0x3f)) << 16) |
        ((0x80 | (cp & 0x3f)) << 24);
      count = 4;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      packed = 0x3f; // unpaired surrogate: Java writes '?'
      count = 1;
    } else {
      packed = 0xe0 | (c >> 12) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | ((0x80 | (c & 0x3f)) << 16);
      count = 3;
    }
    for (let j = 0; j < count; j++) {
      k |= ((packed >>> (j * 8)) & 0xff) << (filled * 8);
      if (++filled === 4) {
        h = mixBlock(h, k);
        k = 0;
        filled = 0;
      }
    }
  }
  return finish(h, k, filled);
}
