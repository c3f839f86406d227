/**
 * The Kafka lessons' driver: `createKafkaSim` (simulator/kafka/kafka-sim.ts) as the lesson runner
 * and the workbench drive it, plus the node ids the workbench topology gives Kafka nodes (so a
 * lesson can highlight them) and reading helpers over the model's own summary — lag is Kafka's
 * definition as the model computes it (high watermark minus committed offset), never recomputed
 * here.
 */
import type { Result } from '../../../simulator/core/errors.ts';
import { cloneState } from '../../../simulator/kafka/clone.ts';
import { applyCommand, createKafkaSim } from '../../../simulator/kafka/kafka-sim.ts';
import { summary, type GroupSummary } from '../../../simulator/kafka/lag.ts';
import { partitionForKey } from '../../../simulator/kafka/partitioner/index.ts';
import type { KafkaState } from '../../../simulator/kafka/state.ts';
import type { ScenarioSpec, SimCommand } from '../../../simulator/scenario/types.ts';

/** Node ids as app/workbench/topology.ts builds them from a scenario. */
export const kafkaNodeIds = {
  producer: (id: string) => `producer:${id}`,
  topic: (name: string) => `topic:${name}`,
  group: (id: string) => `group:${id}`,
  consumer: (id: string) => `consumer:${id}`,
  broker: (id: number) => `broker:${id}`,
} as const;

export function createKafka(scenario: ScenarioSpec, seed: number): KafkaState {
  return createKafkaSim({ seed, scenario }).init();
}

export function applyKafka(s: KafkaState, c: SimCommand): Result<unknown> {
  return applyCommand(s, c);
}

export function cloneKafka(s: KafkaState): KafkaState {
  return cloneState(s);
}

function group(s: KafkaState, id: string): GroupSummary {
  const g = summary(s).groups.find((x) => x.group === id);
  if (g === undefined) throw new Error(`no group ${id}`);
  return g;
}

/** Reading helpers for claims (each reads the model's summary). */
export const kafkaRead = {
  /** A group's total lag (null, shown as -1, when nothing is committed yet). */
  groupLag: (s: KafkaState, id: string): number => group(s, id).lag ?? -1,
  /** Lag of one partition of a group's topic (-1 when unknown). */
  partitionLag: (s: KafkaState, id: string, partition: number): number =>
    group(s, id).partitions.find((p) => p.partition === partition)?.lag ?? -1,
  /** The partitions a group has lag on above `threshold`, as a list ("3"). */
  laggingPartitions: (s: KafkaState, id: string, threshold: number): string =>
    group(s, id)
      .partitions.filter((p) => (p.lag ?? 0) > threshold)
      .map((p) => p.partition)
      .join(', '),
  members: (s: KafkaState, id: string): number => group(s, id).members.length,
  /** Members that own no partition. */
  idleMembers: (s: KafkaState, id: string): number => group(s, id).members.filter((m) => m.partitions.length === 0).length,
  /** The partitions one consumer owns, as `orders-0, orders-1`. */
  owned: (s: KafkaState, id: string, consumer: string): string =>
    group(s, id)
      .members.find((m) => m.consumer === consumer)
      ?.partitions.join(', ') ?? '',
  /** Log end offset of a partition (records written to it). */
  logEnd: (s: KafkaState, topic: string, partition: number): number =>
    summary(s).partitions.find((p) => p.topic === topic && p.partition === partition)?.logEndOffset ?? -1,
  partitionCount: (s: KafkaState, topic: string): number => summary(s).partitions.filter((p) => p.topic === topic).length,
  nowSeconds: (s: KafkaState): number => s.nowMs / 1000,
  /** A consumer's processing time per record, in ms. */
  processingMs: (s: KafkaState, consumer: string): number => s.k.consumers.find((c) => c.id === consumer)?.processingMs ?? -1,
  /** The partition Kafka's default partitioner (murmur2) sends a key to. */
  partitionOfKey: (key: string, partitions: number): number => partitionForKey(key, partitions),
};
