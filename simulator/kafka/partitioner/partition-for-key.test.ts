import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur2, partitionForKey, toPositive } from './index.ts';

describe('partitionForKey', () => {
  // Ported from apache/kafka
  // clients/src/test/java/org/apache/kafka/clients/producer/internals/DefaultPartitionerTest.java
  // (testKeyPartitionIsStable): key "key" on a 3-partition topic.
  it('testKeyPartitionIsStable: the same key yields the same partition', () => {
    const keyBytes = new TextEncoder().encode('key');
    const partition = partitionForKey(keyBytes, 3);
    expect(partitionForKey(keyBytes, 3)).toBe(partition);
    expect(partitionForKey('key', 3)).toBe(partition);
  });

  // Cross-client vectors from dpkp/kafka-python test/test_partitioner.py
  // (test_murmur2_java_compatibility), which its authors generated with Kafka's Java partitioner:
  // partition over 1000 partitions for each raw key.
  const javaPartitions: Array<[number[], number]> = [
    [[], 681],
    [[0x61], 524],
    [[0x61, 0x62], 434],
    [[0x61, 0x62, 0x63], 107],
    [Array.from('123456789', (c) => c.charCodeAt(0)), 566],
    [[0x00, 0x20], 742],
  ];

  it.each(javaPartitions)('puts key bytes %j on partition %d of 1000', (bytes, expected) => {
    expect(partitionForKey(Uint8Array.from(bytes), 1000)).toBe(expected);
  });

  it('is toPositive(murmur2(key)) % numPartitions', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 10_000 }), (key, n) => {
        const p = partitionForKey(key, n);
        expect(p).toBe(toPositive(murmur2(key)) % n);
        expect(p >= 0 && p < n).toBe(true);
      }),
    );
  });

  it('gives the same partition for a string and its UTF-8 bytes', () => {
    const encoder = new TextEncoder();
    expect(partitionForKey('order-42', 12)).toBe(partitionForKey(encoder.encode('order-42'), 12));
    expect(partitionForKey('café', 7)).toBe(partitionForKey(encoder.encode('café'), 7));
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31])('throws a RangeError for numPartitions = %s', (n) => {
    expect(() => partitionForKey('k', n)).toThrow(RangeError);
    expect(() => partitionForKey('k', n)).toThrow(/numPartitions must be a positive integer/);
  });
});
