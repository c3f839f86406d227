/**
 * The plain-data shapes of the dual-write / transactional-outbox model: an order service with its
 * database (tables plus a write-ahead log), a relay, a broker log and a downstream consumer.
 *
 * One model with three modes, so a lesson can run the same orders and the same crash under each
 * and compare: `dual-write` (write the database, then publish — two writes, a window between them),
 * `outbox-polling` (one local transaction writes the order and an outbox row; a relay polls the
 * table) and `outbox-cdc` (the relay tails the write-ahead log, as Debezium does).
 */
import type { TraceBase } from '../core/trace.ts';
import type { WorldBase } from '../core/world.ts';
import type { ClockCommand } from '../saga/world-kit.ts';
import type { DedupStore } from './dedup-store.ts';

export type OutboxMode = 'dual-write' | 'outbox-polling' | 'outbox-cdc';
export type OutboxNode = 'service' | 'relay' | 'consumer';

/**
 * Planted crashes, each at the one moment that matters:
 * `service-crash-between-writes` — after the first write of a dual write (or after the outbox
 * transaction, where there is no gap to fall into); `relay-crash-after-publish` — after publishing
 * a batch but before marking it sent / committing the CDC offset; `consumer-crash-before-commit` —
 * after applying a message but before committing the consumer's offset.
 */
export interface OutboxFault {
  kind: 'service-crash-between-writes' | 'relay-crash-after-publish' | 'consumer-crash-before-commit';
  times?: number;
  restartAfterMs?: number;
}

export interface OutboxConfig {
  mode: OutboxMode;
  /** In dual-write mode: which write goes first. `publish-first` risks phantom events instead of lost ones. */
  dualWriteOrder: 'db-first' | 'publish-first';
  /** Service time to handle a request, in virtual ms. */
  processingMs: number;
  /** In dual-write mode: the gap between the two writes, the window a crash can fall into. */
  dualWriteGapMs: number;
  pollIntervalMs: number;
  /** How far behind the write-ahead log the CDC relay reads. */
  cdcLagMs: number;
  /** Rows or log entries the relay handles per run. */
  relayBatchMax: number;
  consumerProcessingMs: number;
  /** Whether the consumer keeps a dedup store (an idempotent consumer). */
  consumerDedup: boolean;
  retentionMs: number;
  restartAfterMs: number;
  tasksMaxPerCommand: number;
}

export interface OutboxOptions extends Partial<OutboxConfig> {
  seed: number;
  faults?: OutboxFault[];
}

export interface NodeRuntime {
  up: boolean;
  incarnation: number;
}

export interface OrderDb {
  orders: Record<string, { amountCents: number; eventId: string; createdAtMs: number }>;
  outbox: Array<{ eventId: string; orderId: string; createdAtMs: number; sentAtMs?: number }>;
  /** Every committed change in commit order; the log a CDC connector reads. lsn = index. */
  wal: Array<{ lsn: number; table: 'orders' | 'outbox'; key: string }>;
}

export interface BrokerRecord {
  offset: number;
  eventId: string;
  orderId: string;
  publishedAtMs: number;
  publisher: 'service' | 'relay';
}

export interface OutboxWorld extends WorldBase<OutboxTask, OutboxEntry> {
  config: OutboxConfig;
  db: OrderDb;
  service: NodeRuntime;
  relay: NodeRuntime & { wakeScheduled: boolean; cdcOffset: number };
  broker: BrokerRecord[];
  consumer: NodeRuntime & {
    busy: boolean;
    committedOffset: number;
    store: DedupStore;
    appliedTimes: Record<string, number>;
    ordersCounted: number;
  };
  faults: Array<OutboxFault & { remaining: number }>;
  /** Order ids a client has sent, so the same order cannot be placed twice. */
  requests: Record<string, true>;
}

export type OutboxTask =
  | { type: 'service-handle'; orderId: string; amountCents: number; incarnation: number }
  | { type: 'dual-write-second'; orderId: string; eventId: string; amountCents: number; incarnation: number }
  | { type: 'relay-run'; incarnation: number }
  | { type: 'consumer-apply'; offset: number; incarnation: number }
  | { type: 'restart'; node: OutboxNode; incarnation: number };

interface E<T extends string> extends TraceBase {
  type: T;
}

/** Everything the model reports. correlationId is the order id; causationId the event id. */
export type OutboxEntry =
  | (E<'order-received'> & { orderId: string })
  | (E<'request-lost'> & { orderId: string })
  | (E<'db-committed'> & { orderId: string; eventId: string; outboxRow: boolean })
  | (E<'event-published'> & { eventId: string; publisher: 'service' | 'relay'; offset: number; copy: number })
  | (E<'event-lost'> & { eventId: string })
  | (E<'phantom-event'> & { eventId: string })
  | (E<'outbox-rows-marked-sent'> & { eventIds: string[] })
  | (E<'cdc-offset-committed'> & { lsn: number })
  | (E<'node-crashed'> & { node: OutboxNode; restartAtMs: number })
  | (E<'node-restarted'> & { node: OutboxNode })
  | (E<'event-applied'> & { eventId: string; offset: number; appliedTimes: number })
  | (E<'duplicate-skipped'> & { eventId: string; offset: number })
  | (E<'consumer-offset-committed'> & { offset: number })
  | (E<'fault-planted'> & { fault: OutboxFault });

export type OutboxCommand =
  | ClockCommand
  | { type: 'place-order'; orderId: string; amountCents?: number }
  | { type: 'plant-fault'; fault: OutboxFault }
  | { type: 'crash'; node: OutboxNode; restartAfterMs?: number };
