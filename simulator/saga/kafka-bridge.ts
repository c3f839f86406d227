/**
 * The read-only seam between the saga's services and the Kafka model: the scenario the saga runs
 * on, which service a consumer stands for, and the saga's records on the topic.
 *
 * A service must handle a record *while* its consumer processes it, before the consumer commits
 * its offset: that ordering is what makes a crash redeliver (at-least-once) instead of losing the
 * event. The Kafka model gives it that place directly: the world passes its services as the
 * consumers' handler (`RecordHost`, simulator/kafka/handler.ts) and the model runs it inside the
 * process task, before the record counts and before the after-process commit.
 *
 * Nothing here changes the Kafka state; it only reads it.
 */
import type { KafkaScenario } from '../kafka/scenario/types.ts';
import { offsetAtIndex } from '../kafka/log.ts';
import { valueOf } from '../kafka/net.ts';
import { readLog } from '../kafka/replication.ts';
import type { KafkaState } from '../kafka/state.ts';
import {
  ORDER_EVENTS_TOPIC,
  consumerOf,
  groupOf,
  type KafkaChoreographyConfig,
  type SagaEventValue,
} from './choreography-kafka-types.ts';
import { SERVICE_NAMES, type ServiceName, type ServicesState } from './services.ts';
import { pidOf } from '../kafka/topic-pids.ts';

/** The cluster, topic, one producer per service (plus the client) and one group per service. */
export function sagaScenario(config: KafkaChoreographyConfig, services: ServicesState): KafkaScenario {
  return {
    version: 1,
    name: 'choreographed order saga',
    brokers: Array.from({ length: config.brokers }, (_, i) => ({ id: i + 1 })),
    topics: [{ name: ORDER_EVENTS_TOPIC, partitions: config.partitions, replicationFactor: config.replicationFactor }],
    producers: (['client', ...SERVICE_NAMES] as const).map((id) => ({
      id,
      topic: ORDER_EVENTS_TOPIC,
      ratePerSec: 0,
      keys: { type: 'none' as const },
      acks: 'all' as const,
    })),
    groups: SERVICE_NAMES.map((s) => ({
      id: groupOf(s),
      topics: [ORDER_EVENTS_TOPIC],
      consumers: 1,
      consumerIds: [consumerOf(s)],
      // Static membership: a service back within its session resumes its partitions, no rebalance.
      groupInstanceIds: [`${s}-1`],
      commit: { type: 'after-process' as const },
      processingMs: services.runtime[s].processingMs,
      autoOffsetReset: 'earliest' as const,
    })),
    trace: { mode: 'full' },
  };
}

/** The service a consumer index stands for, if any. */
export function serviceOfConsumer(s: KafkaState, c: number): ServiceName | undefined {
  const id = s.k.consumers[c]?.id;
  return SERVICE_NAMES.find((name) => consumerOf(name) === id);
}

/** A record's value when it is one of the saga's events (anything else on the topic is ignored). */
export function sagaEventOf(s: KafkaState, rn: number): SagaEventValue | undefined {
  const v = valueOf(s, rn) as Partial<SagaEventValue> | null;
  if (v === null || typeof v !== 'object' || typeof v.name !== 'string' || typeof v.orderId !== 'string') return undefined;
  return v as SagaEventValue;
}

/** An order's records on the topic below the high watermark, in offset order (one partition). */
export function orderRecords(
  s: KafkaState,
  orderId: string,
): Array<{ pid: number; partition: number; offset: number; value: SagaEventValue }> {
  const out: Array<{ pid: number; partition: number; offset: number; value: SagaEventValue }> = [];
  const topic = s.k.topics[s.k.topicIndex[ORDER_EVENTS_TOPIC]!]!;
  for (let p = 0; p < topic.partitions; p++) {
    const pid = pidOf(topic, p);
    const log = readLog(s.k.parts[pid]!);
    for (let i = log.head; i < log.rns.length; i++) {
      const offset = offsetAtIndex(log, i);
      if (offset >= log.hw) break;
      const value = sagaEventOf(s, log.rns[i]!);
      if (value?.orderId === orderId) out.push({ pid, partition: p, offset, value });
    }
  }
  return out;
}
