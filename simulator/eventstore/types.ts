/**
 * The event store's vocabulary: what an event looks like before and after it is stored, what an
 * append may expect, and what it answers.
 *
 * The names follow EventStoreDB (KurrentDB) where it has one: a stream *revision* is the 0-based
 * number of an event inside its stream, a *position* is its place in the global log `$all`, and an
 * append carries an *expected revision* that is `any`, `no_stream`, `stream_exists` or an exact
 * revision. Everything here is plain data.
 */
import type { PVec } from './pvec.ts';

/** What an append may expect of the stream before it writes. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** A stream's actual state in a WrongExpectedVersion answer: no stream yet, or its last revision. */
export type ActualRevision = 'no_stream' | number;

/** Metadata every stored event carries. Times are virtual milliseconds. */
export interface EventMetadata {
  /** The business flow this event belongs to (e.g. an order id), when there is one. */
  correlationId?: string;
  /** The id of the command or event that directly caused this one. */
  causationId?: string;
  /** When the store accepted the event, in virtual ms. */
  timestampMs: number;
}

/** An event as a writer proposes it. Only eventId, type and data are required. */
export interface EventData {
  /** Unique per event; re-sending the same id is how idempotent retries are recognised. */
  eventId: string;
  type: string;
  data: unknown;
  /** The version of this event type's data shape (1 when omitted), for upcasters. */
  schemaVersion?: number;
  correlationId?: string;
  causationId?: string;
}

/** An event as the store holds it. */
export interface RecordedEvent {
  eventId: string;
  type: string;
  data: unknown;
  stream: string;
  /** 0-based number of this event within its stream. */
  revision: number;
  /** 0-based place of this event in the global log `$all`. */
  position: number;
  schemaVersion: number;
  metadata: EventMetadata;
}

/**
 * The event store: the global log of every event ever appended, as a persistent vector. Stream
 * lookups (which revision a stream is at, where its events are) are derived from the log by an
 * index the store keeps beside the value (see store-index.ts), so the value itself stays small to
 * copy and is never changed once handed out.
 */
export interface EventStoreState {
  readonly kind: 'event-store';
  /** Every event in append order; `log.size` is the next global position. */
  readonly log: PVec<RecordedEvent>;
  /**
   * Identity token for the derived index: values appended from one another in a straight line
   * share it. An empty plain object, so the state stays plain data; a clone gets a fresh token and
   * simply rebuilds its index on first use.
   */
  readonly indexKey: object;
}

/** The append answer, exactly as the stable surface promises it. */
export type AppendResult =
  | { ok: true; nextExpectedRevision: number }
  | { ok: false; code: 'WrongExpectedVersion'; expected: ExpectedRevision; actual: ActualRevision };

/** Options for the richer append: the virtual time and tracing ids stamped on new events. */
export interface AppendOptions {
  nowMs?: number;
  correlationId?: string;
  causationId?: string;
}

/**
 * How the append was decided, for trace entries and lessons: `written` (new events stored),
 * `idempotent` (all events were already there; nothing written), or `rejected`.
 */
export type AppendOutcome = 'written' | 'idempotent' | 'rejected';

/** The richer append answer: the surface result plus what happened and what was written. */
export interface AppendReport {
  store: EventStoreState;
  result: AppendResult;
  outcome: AppendOutcome;
  /** The events written by this append (empty unless outcome is `written`). */
  written: RecordedEvent[];
}
