/**
 * Public entry point of the producer-side partitioner: Kafka's murmur2 hash and the keyed-record
 * partition rule. The engine and outside checks import from here, never from the files behind it.
 */

export { murmur2, toPositive, utf8Length } from './murmur2.ts';
export { partitionForKey } from './partition-for-key.ts';
