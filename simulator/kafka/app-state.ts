/**
 * The application behind a consumer group, as plain data: the handler it runs on each record
 * (scenario/types.ts `HandlerSpec`), and what that handler has done so far — the service's own
 * store, the external calls it made, how often each record's effect happened, retries and dead
 * letters. It lives in the group (one service = one group), survives consumer crashes as a
 * database would, and is cloned with the rest of the world.
 *
 * Records are named by their origin, `topic-partition@offset` of the record first consumed: a copy
 * on a retry topic carries its origin in headers, so its effect counts for the original record.
 */
import type { NameIndex } from './names.ts';
import type { ErrorPolicy, HandlerStep } from './scenario/types.ts';

/** done: the record counts as processed; paused: tried again later; stopped: the consumer died. */
export type HandleOutcome = 'done' | 'paused' | 'stopped';

/** Headers of a record, by name (only records written by retries and dead-lettering have any). */
export type RecordHeaders = Record<string, string>;

/** The header names a retry or dead-letter record carries (as Spring Kafka's `kafka_dlt-*`). */
export const Header = {
  originalTopic: 'original-topic',
  originalPartition: 'original-partition',
  originalOffset: 'original-offset',
  exception: 'exception-message',
  attempts: 'attempts',
  /** When a retry-topic record may be handled again (virtual ms). */
  dueAtMs: 'backoff-due-ms',
} as const;

export interface AppState {
  steps: HandlerStep[];
  onError: ErrorPolicy;
  /** Index of the group's application producer (`<group>-app`), which handler steps, retries and dead letters use. */
  prod: number;
  /** Per topic index: for a source topic, its retry topics' indexes in delay order; else undefined. */
  retryTopics: Array<number[] | null>;
  /** Per topic index: its dead-letter topic, or -1. */
  dlt: number[];
  /** Per topic index: which retry (0-based) a retry topic is, -1 for any other topic. */
  retryIndex: number[];
  /** The service's own store (a database), key -> value. */
  store: NameIndex<unknown>;
  /** External calls by name (`send-sms`) -> how many were made. */
  calls: NameIndex<number>;
  /** Record origin -> how many times the handler ran to its end for it (its effect happened). */
  effects: NameIndex<number>;
  /** Record origin -> handler attempts so far, failed ones included. */
  attempts: NameIndex<number>;
  /** Record key -> [origin partition, offset] of the newest record whose effect happened last. */
  lastDone: NameIndex<[string, number]>;
  /** Event id -> when the dedup step forgets it (virtual ms). */
  dedup: NameIndex<number>;
  /** Records the dedup step skipped as already applied. */
  deduped: number;
  /** Record origin -> how many times the dedup step skipped it. */
  skipped: NameIndex<number>;
  /** Origins whose effect happened after that of a later record with the same key and partition. */
  overtaken: string[];
  failures: number;
  retriedInPlace: number;
  sentToRetryTopic: number;
  deadLettered: number;
  /** Failed records given up without a dead-letter topic (their effect never happens). */
  dropped: number;
}
