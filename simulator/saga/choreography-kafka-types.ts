/**
 * The plain-data shapes of the choreographed order saga running over the Kafka model.
 *
 * The flow is the same `REACTIONS` table as the bus-based choreography; only the transport
 * changes. Every event (and the customer's PlaceOrder) is a record on one topic keyed by order id,
 * so one order's events stay in one partition and in order. Each service is one consumer group
 * with one consumer, so every service reads every record and reacts only to the names its
 * reactions list. The world is one object: the Kafka state, the services' databases and the
 * customers' placed orders. There is deliberately no saga table: nobody holds the saga's state.
 */
import type { TraceBase, TraceLog } from '../core/trace.ts';
import type { KafkaState, KafkaTuning } from '../kafka/state.ts';
import type { KafkaTask } from '../kafka/tasks.ts';
import type { ChoreographyView } from './choreography-types.ts';
import type { BusMessageName } from './event-bus.ts';
import type { ActionName, OrderData, ServiceFault, ServiceName, ServicesOptions, ServicesState } from './services.ts';
import type { ClockCommand } from './world-kit.ts';

/** The one topic every event of the flow goes to. */
export const ORDER_EVENTS_TOPIC = 'order-events';

/**
 * Where a service parks a record it cannot read (a malformed payload), so its consumer can move
 * on. Created when the first record is dead-lettered, so a run without one has no such topic.
 */
export const DEAD_LETTER_TOPIC = 'order-events-dlt';

/** The consumer group that stands for a service (`payment-service`). */
export function groupOf(service: ServiceName): string {
  return `${service}-service`;
}

/** The service's single consumer in its group (`payment-c1`). */
export function consumerOf(service: ServiceName): string {
  return `${service}-c1`;
}

export interface KafkaChoreographyConfig {
  brokers: number;
  partitions: number;
  replicationFactor: number;
  /** Default downtime of a crashed service, in virtual ms. */
  restartAfterMs: number;
  /** The bound on tasks run by one clock command (Kafka heartbeats included). */
  tasksMaxPerCommand: number;
}

export interface KafkaChoreographyOptions extends Partial<KafkaChoreographyConfig>, ServicesOptions {
  seed: number;
  /** Kafka settings (linger, latency, initial rebalance delay…); Kafka's defaults otherwise. */
  kafkaTuning?: Partial<KafkaTuning>;
}

/**
 * The value of every record on the topic: an event (or the PlaceOrder command) with the whole
 * order, so a handler needs no lookups (event-carried state transfer).
 */
export interface SagaEventValue {
  /** Stable per order and name (`PaymentCharged:order-1`), so a re-publication has the same id. */
  eventId: string;
  name: BusMessageName;
  /** Also what the Kafka trace picks as the record's correlationId. */
  orderId: string;
  order: OrderData;
  publisher: ServiceName | 'client';
  /** The event whose handling produced this one. */
  causationId?: string;
  /** For failure events: why. */
  reason?: string;
}

/** The bridge's own task, queued on the Kafka world's scheduler so there is one clock. */
export interface RestartServiceTask {
  type: 'restart-service';
  service: ServiceName;
  incarnation: number;
  fg?: 1;
}

export type KafkaChoreographyTask = KafkaTask | RestartServiceTask;

interface E<T extends string> extends TraceBase {
  type: T;
}

/**
 * What the services report. correlationId is the order id; causationId the record (`rec-<n>`)
 * being handled. Kafka's own entries (appended, processed, committed…) are in `kafka.trace`.
 */
export type KafkaChoreographyEntry =
  | (E<'event-produced'> & {
      eventId: string;
      name: BusMessageName;
      publisher: ServiceName | 'client';
      recordId: string;
      afterRedelivery: boolean;
    })
  | (E<'local-transaction-committed'> & { service: ServiceName; action: ActionName; eventId: string })
  | (E<'local-transaction-failed'> & { service: ServiceName; action: ActionName; eventId: string; reason: string })
  | (E<'record-deduplicated'> & { service: ServiceName; action: ActionName; eventId: string })
  /** A record the service could not read, produced to the dead-letter topic as `deadLetterRecordId`. */
  | (E<'record-dead-lettered'> & {
      service: ServiceName;
      action: ActionName;
      eventId: string;
      reason: string;
      deadLetterRecordId: string;
    })
  | (E<'service-crashed'> & { service: ServiceName; consumer: string; restartAtMs: number; afterCommit: boolean })
  | (E<'service-restarted'> & { service: ServiceName; consumer: string })
  | (E<'fault-injected'> & { fault: ServiceFault });

/** The whole world: plain data, JSON-serialisable. Virtual time is `kafka.nowMs`. */
export interface KafkaChoreographyWorld {
  seed: number;
  config: KafkaChoreographyConfig;
  kafka: KafkaState;
  services: ServicesState;
  /**
   * Outcome events already produced, keyed `orderId/action`, written with the outcome in the
   * service's local transaction, so a crash between commit and produce is repaired when the
   * record is delivered again from the committed offset.
   */
  published: Record<string, true>;
  /** What customers asked for (the client's knowledge, not a saga log). */
  placed: Record<string, { order: OrderData; placedAtMs: number; recordId: string }>;
  trace: TraceLog<KafkaChoreographyEntry>;
}

export type KafkaChoreographyCommand =
  | ClockCommand
  | { type: 'place-order'; orderId: string; sku?: string; qty?: number; amountCents?: number }
  /**
   * A client with a bug places an order whose amount is text ("25,00"), not whole cents: the order
   * service cannot read it and dead-letters the record.
   */
  | { type: 'place-malformed-order'; orderId: string }
  /** Business refusals and crashes; transient faults are refused (see README). */
  | { type: 'inject-fault'; fault: ServiceFault }
  | { type: 'crash-service'; service: ServiceName; restartAfterMs?: number }
  | { type: 'restart-service'; service: ServiceName };

/** One order as an operator can piece it together: services' tables, the topic, the offsets. */
export interface KafkaChoreographyView extends ChoreographyView {
  /** The partition the order's key maps to, once one of its records is on the topic. */
  partition: number | null;
  /** Offsets of the order's records below the high watermark, in order. */
  offsets: number[];
  /** Per service: the order's records at or after the group's committed offset (not yet done). */
  unreadBy: Record<ServiceName, number>;
}
