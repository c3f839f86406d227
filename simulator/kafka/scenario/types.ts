/**
 * The scenario contract: what a scenario file describes and which commands can drive a run.
 *
 * These types are the agreement between the scenario loader (which validates untrusted JSON into
 * them, see schema.ts) and the Kafka model (which builds a world from them). Durations are in
 * virtual milliseconds and say so in their names; probabilities are integers per mille.
 */

import type { GroupSchemaFields, KafkaSchemaCommand, ProducerSchemaFields, ScenarioSchemaFields } from '../schema-types.ts';

export type Acks = 0 | 1 | 'all';
export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
export type OffsetReset = 'earliest' | 'latest' | 'none';

export interface BrokerSpec {
  id: number;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Writes with acks=all fail with NOT_ENOUGH_REPLICAS when the ISR is smaller than this. */
  minInsyncReplicas?: number;
  /** Delete records older than this (by record timestamp, virtual ms). */
  retentionMs?: number;
  /** Keep at most this many records per partition (a simplification of retention.bytes). */
  retentionRecords?: number;
  /** Kafka's cleanup.policy: retention deletes only with delete; compact keeps the newest record per key. */
  cleanupPolicy?: 'delete' | 'compact' | 'compact,delete' | 'delete,compact';
  /** segment.bytes, counted in records (default about a million, Kafka's 1 GiB at 1 KiB a record). */
  segmentRecords?: number;
  /** segment.ms: roll the active segment once its first record is this old (default 7 days). */
  segmentMs?: number;
  /** min.cleanable.dirty.ratio: compact once this share of the cleanable records is dirty (default 0.5). */
  minCleanableDirtyRatio?: number;
  /** Allow an out-of-sync replica to become leader (loses data). Off by default, as in Kafka. */
  uncleanLeaderElection?: boolean;
}

/** How a producer picks keys. Weights are relative integers. */
export type KeyDistribution =
  | { type: 'none' }
  | { type: 'fixed'; key: string }
  | { type: 'uniform'; keys: number; prefix?: string }
  | { type: 'weighted'; keys: Array<{ key: string; weight: number }> }
  /** One hot key gets `hotPerMille` of the records; the rest spread uniformly over `keys`. */
  | { type: 'hot'; hotKey: string; hotPerMille: number; keys: number; prefix?: string };

export interface ProducerSpec extends ProducerSchemaFields {
  id: string;
  topic: string;
  /** Records per virtual second while running. 0 = only scripted `produce` commands. */
  ratePerSec: number;
  /** Stop after this many records (optional). */
  count?: number;
  startAtMs?: number;
  stopAtMs?: number;
  keys: KeyDistribution;
  /** Event type written into each record's value, e.g. OrderPlaced. */
  eventType?: string;
  /** Extra payload fields copied into each record's value. */
  payload?: Record<string, string | number | boolean>;
  acks?: Acks;
  retries?: number;
  idempotent?: boolean;
  /** Keyless records stick to one partition for this many records (a stand-in for batch size). */
  stickyBatchSize?: number;
  /** transactional.id: the producer writes in transactions (idempotent, acks=all). */
  transactionalId?: string;
  /** A rate-driven transactional producer commits a transaction every this many records. */
  transactionRecords?: number;
}

/**
 * When a consumer's offsets move relative to what its handler does. `after-process` commits after
 * each batch, `after-record` after each record, `before-process` as soon as poll returns.
 */
export type CommitPolicy =
  | { type: 'auto'; intervalMs: number }
  | { type: 'after-process' }
  | { type: 'before-process' }
  | { type: 'after-record' }
  /** Read-process-write: each batch's output and offsets go in one transaction of the consumer's own producer. */
  | { type: 'transaction' };

export interface GroupSpec extends GroupSchemaFields {
  id: string;
  topics: string[];
  consumers: number;
  /** Explicit consumer ids; otherwise `${groupId}-c1`.. are used. */
  consumerIds?: string[];
  /** Static membership: group.instance.id per consumer, parallel to consumerIds. */
  groupInstanceIds?: string[];
  assignor?: AssignorName;
  commit?: CommitPolicy;
  processingMs?: number;
  autoOffsetReset?: OffsetReset;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Records returned by one poll at most (max.poll.records). */
  maxPollRecords?: number;
  /** Join the group at this time (default 0). */
  startAtMs?: number;
  /** isolation.level: read_committed reads up to the last stable offset and never sees aborted records. */
  isolationLevel?: 'read_uncommitted' | 'read_committed';
  /** What the application does with each record (handler.ts); absent: it only counts it. */
  handler?: HandlerSpec;
}

/** Which attempts of a record a `fail` step fails. */
export type FailWhen =
  | { type: 'always' }
  /** Records with this key. */
  | { type: 'key'; key: string }
  /** The record at this offset of this partition of the group's first topic (or `topic`). */
  | { type: 'record'; partition: number; offset: number; topic?: string }
  /** Every record's first `attempts` attempts (a flaky dependency). */
  | { type: 'first-attempts'; attempts: number };

/** One thing a handler does with a record, in order; a `fail` step stops the rest. */
export type HandlerStep =
  /**
   * Write the service's own store under `key` (default: the record's key), an upsert: `set` the
   * record's value (or its `field`, as a balance carried in the event), or `increment` by `by` (1).
   */
  | { type: 'store'; op: 'set' | 'increment'; key?: string; by?: number; field?: string }
  /**
   * Skip the rest of the handler when this event id was applied less than `retentionMs` ago (a
   * processed-events table with a TTL). The id is the value's `eventId`, else the record's origin.
   */
  | { type: 'dedup'; retentionMs: number }
  /** Produce the record's key and value to `topic` with the group's application producer. */
  | { type: 'produce'; topic: string }
  /** Call an external system once (`send-sms`): counted per record. */
  | { type: 'side-effect'; name: string }
  /** Throw `error` on the attempts `when` matches. */
  | { type: 'fail'; when: FailWhen; error?: string };

/**
 * What happens when a handler throws: blocking retries in place (the partition pauses for the
 * backoff and the record is fetched again), or non-blocking retry topics with a delay each; after
 * the last attempt the record goes to `<topic>-dlt` when `deadLetter` is set, else it is skipped.
 */
export type ErrorPolicy =
  | {
      type: 'blocking';
      /** Attempts in all, the first included. */
      maxAttempts: number;
      backoffMs: number;
      /** Each wait is the previous one times this (1 = fixed backoff). */
      multiplier?: number;
      maxBackoffMs?: number;
      deadLetter?: boolean;
    }
  | {
      type: 'retry-topics';
      /** One retry topic per delay, `<topic>-retry-<delay>` (1s, 10s, 500ms). */
      delaysMs: number[];
      deadLetter?: boolean;
    }
  /** Log and move on (the record's effect never happens). */
  | { type: 'skip'; deadLetter?: boolean };

export interface HandlerSpec {
  steps: HandlerStep[];
  /** Default: skip without a dead-letter topic. */
  onError?: ErrorPolicy;
}

export type FaultSpec =
  | { type: 'crash-broker'; broker: number }
  | { type: 'restart-broker'; broker: number }
  | { type: 'crash-consumer'; consumer: string }
  | { type: 'restart-consumer'; consumer: string }
  /** Slow a consumer: processing time per record becomes processingMs (pause = very large). */
  | { type: 'slow-consumer'; consumer: string; processingMs: number }
  | { type: 'delay-link'; from: string; to: string; latencyMs: number }
  | { type: 'cut-link'; from: string; to: string }
  | { type: 'heal-link'; from: string; to: string };

/** A learner's or a script's intent. Applying one is deterministic. */
export type KafkaEngineCommand =
  | FaultSpec
  | { type: 'produce'; producer?: string; topic: string; key?: string | null; partition?: number; value?: unknown; acks?: Acks }
  | { type: 'add-consumer'; group: string; consumer?: string; groupInstanceId?: string }
  | { type: 'remove-consumer'; consumer: string }
  | { type: 'add-group'; group: GroupSpec }
  | {
      type: 'reset-offsets';
      group: string;
      topic: string;
      to: 'earliest' | 'latest' | { offset: number } | { timestampMs: number };
    }
  | { type: 'commit'; consumer: string }
  /** Transactions of a producer with a transactional.id (KafkaProducer's methods). */
  | { type: 'init-transactions'; producer: string }
  | { type: 'begin-transaction'; producer: string }
  | { type: 'commit-transaction'; producer: string }
  | { type: 'abort-transaction'; producer: string }
  /** The group's consumers' current positions become part of the producer's transaction. */
  | { type: 'send-offsets-to-transaction'; producer: string; group: string }
  /** Deploy the fix: the group's handler loses its `fail` steps. */
  | { type: 'fix-handler'; group: string }
  /** Produce every record of `<topic>-dlt` back to `topic`, as an operator replays dead letters. */
  | { type: 'replay-dead-letters'; group: string; topic: string }
  | KafkaBuildCommand
  /** Run the scheduler for one task (one entry). */
  | { type: 'step' }
  /** Run the scheduler until virtual time `untilMs` (bounded by the world's task limit). */
  | { type: 'advance'; untilMs: number }
  /** Run until nothing is scheduled or the task limit is hit. */
  | { type: 'run-until-idle' }
  /** Schema registry commands (schema-types.ts). */
  | KafkaSchemaCommand;

/** Topic settings kafka-configs can change on a live topic (incrementalAlterConfigs). */
export interface TopicConfigChange {
  minInsyncReplicas?: number;
  retentionMs?: number;
  retentionRecords?: number;
  cleanupPolicy?: 'delete' | 'compact' | 'compact,delete' | 'delete,compact';
  segmentRecords?: number;
  segmentMs?: number;
}

/**
 * Building a cluster while it runs (the playground's Build tab, simulator/kafka/build-commands.ts):
 * a broker joins, a topic is created, a topic gets more partitions (kafka-topics --alter
 * --partitions: the new total), a topic's config changes, a producer starts or stops.
 */
export type KafkaBuildCommand =
  | { type: 'add-broker'; broker: number }
  | { type: 'create-topic'; topic: TopicSpec }
  | { type: 'create-partitions'; topic: string; partitions: number }
  | { type: 'alter-topic-config'; topic: string; config: TopicConfigChange }
  | { type: 'add-producer'; producer: ProducerSpec }
  | { type: 'stop-producer'; producer: string }
  /** A producer's or a group's client settings change (client-build-commands.ts). */
  | { type: 'alter-producer'; producer: string; config: ProducerChange }
  | { type: 'alter-group'; group: string; config: GroupChange }
  /** kafka-topics --delete and kafka-consumer-groups --delete (delete-commands.ts). */
  | { type: 'delete-topic'; topic: string }
  | { type: 'delete-group'; group: string };

/** A producer's settings that can change (ProducerSpec's names). */
export interface ProducerChange {
  acks?: Acks;
  keys?: KeyDistribution;
  stickyBatchSize?: number;
}

/** A consumer group's settings that can change (GroupSpec's names). */
export interface GroupChange {
  assignor?: AssignorName;
  commit?: CommitPolicy;
}

export interface ScheduledCommand {
  atMs: number;
  command: KafkaEngineCommand;
}

export interface KafkaScenario extends ScenarioSchemaFields {
  /** Format version of this file; currently 1. */
  version: 1;
  name: string;
  description?: string;
  seed?: number;
  /** One-way network latency between any two nodes unless a link says otherwise. */
  networkLatencyMs?: number;
  brokers: BrokerSpec[];
  topics: TopicSpec[];
  producers?: ProducerSpec[];
  groups?: GroupSpec[];
  /** Commands (faults included) applied at given virtual times. */
  schedule?: ScheduledCommand[];
  /** Stop the run here (the runner's default end). */
  durationMs?: number;
  /** Hard bound on tasks for any run of this scenario. */
  tasksMax?: number;
  trace?: { mode: 'full' | 'summary'; keepLast?: number };
}
