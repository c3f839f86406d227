/**
 * Which partition a keyed record goes to: Kafka's default rule for records that carry a key.
 *
 * Port of `BuiltInPartitioner.partitionForKey` from apache/kafka
 * (clients/src/main/java/org/apache/kafka/clients/producer/internals/BuiltInPartitioner.java),
 * which `DefaultPartitioner` and the producer's built-in path both call:
 * `toPositive(murmur2(keyBytes)) % numPartitions`. Records without a key are not partitioned here:
 * Kafka spreads those with the (adaptive) sticky partitioner, which the engine models separately.
 *
 * The consequence a lesson shows: the partition of a key depends on the partition count, so adding
 * partitions to a topic moves existing keys and breaks per-key ordering across the change.
 */

import { murmur2, toPositive } from './murmur2.ts';

/**
 * The partition Kafka's producer picks for a record with this key.
 *
 * @param key the serialized key bytes, or a string (hashed as UTF-8, as StringSerializer sends it)
 * @param numPartitions partitions in the topic; a positive integer below 2^31
 * @throws RangeError when numPartitions is not a positive 32-bit integer. Callers validate topic
 *   definitions long before records are produced, so reaching this is a programming error.
 */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions <= 0 || numPartitions > 0x7fffffff) {
    throw new RangeError(`partitionForKey: numPartitions must be a positive integer below 2^31, got ${String(numPartitions)}`);
  }
  return toPositive(murmur2(key)) % numPartitions;
}
