/**
 * The read-only seam between the saga's services and the Kafka model.
 *
 * A service must handle a record *while* its consumer processes it, before the consumer commits
 * its offset: that ordering is what makes a crash redeliver (at-least-once) instead of losing the
 * event. The Kafka model processes a record and sends the after-process commit in the same task,
 * so watching `record-processed` afterwards would be too late to stop that commit. Instead the
 * bridge looks at the next task before it runs: a `process` task of a live consumer will process
 * the next stored record of its batch, found here exactly as `onProcess` finds it. The bridge
 * then checks the `record-processed` entry the task emits against this prediction, so a change
 * in the Kafka model that breaks the prediction fails loudly instead of silently.
 *
 * Nothing here changes the Kafka state; it only reads it.
 */
import type { KafkaScenario } from '../kafka/scenario/types.ts';
import { indexAtOrAfter, offsetAtIndex } from '../kafka/log.ts';
import { valueOf } from '../kafka/net.ts';
import { readLog } from '../kafka/replication.ts';
import type { KafkaState } from '../kafka/state.ts';
import type { KafkaTask } from '../kafka/tasks.ts';
import {
  ORDER_EVENTS_TOPIC,
  consumerOf,
  groupOf,
  type KafkaChoreographyConfig,
  type SagaEventValue,
} from './choreography-kafka-types.ts';
import { SERVICE_NAMES, type ServiceName, type ServicesState } from './services.ts';

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
    // The bridge checks every processed record against its prediction, so it needs every entry.
    trace: { mode: 'full' },
  };
}

/** The service a consumer index stands for, if any. */
export function serviceOfConsumer(s: KafkaState, c: number): ServiceName | undefined {
  const id = s.k.consumers[c]?.id;
  return SERVICE_NAMES.find((name) => consumerOf(name) === id);
}

/** The record a task will process, predicted before it runs (see the header). */
export function recordAboutToBeProcessed(
  s: KafkaState,
  t: KafkaTask,
): { c: number; pid: number; offset: number; rn: number } | undefined {
  if (t.type !== 'process') return undefined;
  const con = s.k.consumers[t.c];
  if (con === undefined || con.inc !== t.inc || !con.alive || !con.processing) return undefined;
  const b = con.batch;
  let idx = con.batchIdx;
  let from = con.batchOff;
  while (idx < b.length) {
    const pid = b[idx]!;
    const to = b[idx + 2]!;
    const log = readLog(s.k.parts[pid]!);
    const i = indexAtOrAfter(log, from);
    const offset = i < log.rns.length ? offsetAtIndex(log, i) : to;
    if (offset < to) return { c: t.c, pid, offset, rn: log.rns[i]! };
    idx += 3;
    if (idx < b.length) from = b[idx + 1]!;
  }
  return undefined;
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
    const pid = topic.firstPid + p;
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
