/**
 * The Kafka model's trace entries: one typed, plain-data entry per observable entry.
 *
 * The UI, the sequence diagrams, the invariant checks and the lessons all read these, so every
 * entry names its nodes by their node ids (see README: `broker-1`, `producer-p1`, consumer ids)
 * and partitions as `topic-partition` strings. Per-record entries (produced, appended,
 * processed) are one entry per record; batch entries (replicated, fetched, acknowledged) are one
 * entry per batch with an offset range, which is what Kafka moves on the wire too.
 */
import type { TraceBase } from '../core/trace.ts';
import type { SchemaKafkaTraceEntry } from './schema-types.ts';

interface E<T extends string> extends TraceBase {
  type: T;
}

interface RecordRef {
  topic: string;
  partition: number;
  /** `rec-<n>`: the record's id (also its causationId). */
  recordId: string;
  key: string | null;
}

export type KafkaTraceEntry =
  | (E<'record-produced'> & RecordRef & { producer: string })
  | (E<'record-appended'> & RecordRef & { broker: string; offset: number; producer: string })
  | (E<'produce-deduplicated'> & { producer: string; broker: string; topic: string; partition: number; count: number })
  | (E<'records-replicated'> & {
      broker: string;
      leader: string;
      topic: string;
      partition: number;
      fromOffset: number;
      toOffset: number;
    })
  | (E<'hw-advanced'> & { broker: string; topic: string; partition: number; highWatermark: number })
  | (E<'produce-acked'> & { producer: string; topic: string; partition: number; baseOffset: number; count: number; acks: string })
  | (E<'produce-failed'> & {
      producer: string;
      topic: string;
      partition: number;
      count: number;
      error: string;
      willRetry: boolean;
      attempt: number;
    })
  | (E<'records-fetched'> & {
      consumer: string;
      group: string;
      topic: string;
      partition: number;
      fromOffset: number;
      toOffset: number;
    })
  | (E<'record-processed'> & RecordRef & { consumer: string; group: string; offset: number; duplicate: boolean; replay: boolean })
  | (E<'offset-committed'> & { consumer: string; group: string; topic: string; partition: number; offset: number })
  | (E<'commit-failed'> & { consumer: string; group: string; reason: string })
  | (E<'member-joined'> & { consumer: string; group: string; memberId: string })
  | (E<'rebalance-started'> & { group: string; generation: number; reason: string })
  | (E<'partitions-revoked'> & { consumer: string; group: string; partitions: string[] })
  | (E<'partitions-assigned'> & { consumer: string; group: string; generation: number; partitions: string[] })
  | (E<'rebalance-completed'> & {
      group: string;
      generation: number;
      /** member id -> partitions, as the assignor computed them (member id = consumer id, `c1#2` after a restart). */
      assignment: Record<string, string[]>;
      /** Cooperative: some partitions still have to be revoked; a follow-up rebalance will assign them. */
      followUp: boolean;
    })
  | (E<'static-member-rejoined'> & {
      consumer: string;
      group: string;
      /** The group was rebalancing: the member's join counts in that round instead of ending it early. */
      rebalancing: boolean;
    })
  | (E<'static-member-replaced'> & {
      consumer: string;
      group: string;
      instanceId: string;
      /** The consumer whose member held the group.instance.id until now; its member id is fenced. */
      replaced: string;
      /** The group was rebalancing: the new consumer takes the old member's place in that round. */
      rebalancing: boolean;
    })
  | (E<'consumer-fenced'> & {
      consumer: string;
      group: string;
      instanceId: string;
      /** The request the coordinator answered with FENCED_INSTANCE_ID. */
      request: 'heartbeat' | 'commit' | 'join';
      /** The consumer that holds the group.instance.id now. */
      holder: string;
    })
  | (E<'broker-crashed'> & { broker: string })
  | (E<'broker-restarted'> & { broker: string })
  | (E<'leader-elected'> & { topic: string; partition: number; broker: string; epoch: number; unclean: boolean })
  | (E<'partition-offline'> & { topic: string; partition: number })
  | (E<'isr-shrunk'> & { topic: string; partition: number; broker: string; isr: string[] })
  | (E<'isr-expanded'> & { topic: string; partition: number; broker: string; isr: string[] })
  | (E<'log-truncated'> & { broker: string; topic: string; partition: number; toOffset: number; removed: number })
  | (E<'record-lost'> & RecordRef & { offset: number; producer: string })
  | (E<'consumer-started'> & { consumer: string; group: string })
  | (E<'consumer-crashed'> & { consumer: string; group: string; sessionTimeoutMs: number })
  | (E<'consumer-restarted'> & { consumer: string; group: string })
  | (E<'consumer-left'> & { consumer: string; group: string })
  | (E<'consumer-left-session-timeout'> & { consumer: string; group: string })
  | (E<'consumer-left-rebalance-timeout'> & {
      consumer: string;
      group: string;
      /** How long the coordinator waited for the member to rejoin (the members' max.poll.interval.ms). */
      rebalanceTimeoutMs: number;
    })
  | (E<'consumer-unknown-member'> & {
      consumer: string;
      group: string;
      /** The member id the coordinator no longer knows. */
      memberId: string;
      /** It rejoins at its next poll; false when an error has already stopped its poll loop. */
      rejoins: boolean;
    })
  | (E<'consumer-left-poll-timeout'> & {
      consumer: string;
      group: string;
      maxPollIntervalMs: number;
      /** Why poll() was not called: null for a batch still being processed, else the error that stopped the poll loop. */
      afterError: string | null;
    })
  | (E<'consumer-slowed'> & { consumer: string; processingMs: number })
  | (E<'consumer-join-failed'> & { consumer: string; group: string; error: string })
  | (E<'consumer-error'> & { consumer: string; group: string; topic: string; partition: number; error: string })
  | (E<'offset-reset'> & { consumer: string; group: string; topic: string; partition: number; offset: number; reason: string })
  | (E<'offsets-reset'> & { group: string; topic: string; to: string; offsets: number[] })
  | (E<'records-skipped'> & { group: string; topic: string; partition: number; fromOffset: number; toOffset: number })
  | (E<'retention-deleted'> & { broker: string; topic: string; partition: number; logStartOffset: number; count: number })
  | (E<'compacted'> & { broker: string; topic: string; partition: number; removed: number; tombstonesRemoved: number })
  | (E<'link-changed'> & { from: string; to: string; state: 'delayed' | 'cut' | 'healed'; latencyMs: number })
  | (E<'command-rejected'> & { command: string; error: string })
  /** A handler's external call (`send-sms`); `origin` is the record first consumed (topic-partition@offset). */
  | (E<'side-effect-called'> & RecordRef & { consumer: string; group: string; offset: number; name: string; origin: string })
  | (E<'record-handler-failed'> &
      RecordRef & {
        consumer: string;
        group: string;
        offset: number;
        origin: string;
        attempt: number;
        error: string;
        /** What the error policy did: retry in place after a backoff, to a retry topic, to the dead-letter topic, or give up. */
        action: 'retry-in-place' | 'retry-topic' | 'dead-letter' | 'skip';
        retryAtMs: number | null;
        toTopic: string | null;
      })
  | (E<'partition-paused'> & {
      consumer: string;
      group: string;
      topic: string;
      partition: number;
      offset: number;
      untilMs: number;
      reason: string;
    })
  | (E<'handler-fixed'> & { group: string; stepsRemoved: number })
  | (E<'transactions-initialized'> & { producer: string; transactionalId: string; epoch: number; abortedOpen: boolean })
  | (E<'transaction-ended'> & {
      producer: string;
      transactionalId: string;
      epoch: number;
      result: 'committed' | 'aborted';
      reason: string;
      /** Partitions that got a marker. */
      partitions: string[];
      /** Group offsets committed with it, as `group topic-partition@offset`. */
      offsets: string[];
    })
  | (E<'producer-fenced'> & { producer: string; transactionalId: string; epoch: number; currentEpoch: number })
  | (E<'dead-letters-replayed'> & { group: string; topic: string; count: number })
  | SchemaKafkaTraceEntry
  /** The cluster was built on or changed while running (build-commands.ts); `text` says how. */
  | (E<'cluster-changed'> & {
      change:
        | 'broker-added'
        | 'topic-created'
        | 'partitions-added'
        | 'topic-config-changed'
        | 'producer-added'
        | 'producer-stopped'
        | 'producer-changed'
        | 'group-changed'
        | 'topic-deleted'
        | 'group-deleted';
      text: string;
      broker?: string;
      topic?: string;
      producer?: string;
      group?: string;
    });

export type KafkaTraceType = KafkaTraceEntry['type'];

/** The entry of one type, e.g. `EntryOf<'record-lost'>`. */
export type EntryOf<T extends KafkaTraceType> = Extract<KafkaTraceEntry, { type: T }>;
