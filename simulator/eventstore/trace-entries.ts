/**
 * The event store's trace entries: every observable entry, typed, carrying the core fields
 * (`atMs`, `correlationId`, `causationId`). The UI, sequence diagrams and lesson claims read these.
 */
import { traceEmit, type TraceBase, type TraceLog } from '../core/trace.ts';
import type { ActualRevision, ExpectedRevision } from './types.ts';

/** An event was stored. */
export interface EventAppendedEntry extends TraceBase {
  type: 'event-appended';
  stream: string;
  eventId: string;
  eventType: string;
  revision: number;
  position: number;
}

/** An append failed its expected-revision check; nothing was written. */
export interface AppendRejectedEntry extends TraceBase {
  type: 'append-rejected';
  stream: string;
  expected: ExpectedRevision;
  actual: ActualRevision;
}

/** An append was recognised as a retry of events already stored; nothing was written. */
export interface AppendIdempotentEntry extends TraceBase {
  type: 'append-idempotent';
  stream: string;
  nextExpectedRevision: number;
}

/** An aggregate's state was saved as a snapshot. */
export interface SnapshotSavedEntry extends TraceBase {
  type: 'snapshot-saved';
  stream: string;
  revision: number;
}

/** An aggregate was rebuilt from its stream. */
export interface AggregateLoadedEntry extends TraceBase {
  type: 'aggregate-loaded';
  stream: string;
  revision: number;
  eventsReplayed: number;
  /** The snapshot the load started from, or -1. */
  snapshotRevision: number;
}

/** A subscriber was handed one event (plain subscriptions; projections emit projection-updated). */
export interface SubscriptionDeliveredEntry extends TraceBase {
  type: 'subscription-delivered';
  subscriberId: string;
  stream: string;
  eventId: string;
  position: number;
}

/** A subscriber read everything there was: from now on it receives events live. */
export interface SubscriptionCaughtUpEntry extends TraceBase {
  type: 'subscription-caught-up';
  subscriberId: string;
  /** Events of its source it had read when it caught up. */
  checkpoint: number;
}

/** A projection applied one event to its read model. */
export interface ProjectionUpdatedEntry extends TraceBase {
  type: 'projection-updated';
  projectionId: string;
  stream: string;
  eventId: string;
  position: number;
  lagEvents: number;
}

/** A projection was reset to position 0 and begins replaying. */
export interface ProjectionResetEntry extends TraceBase {
  type: 'projection-reset';
  projectionId: string;
  projector: string;
}

/** A projection finished replaying after a reset. */
export interface ProjectionRebuiltEntry extends TraceBase {
  type: 'projection-rebuilt';
  projectionId: string;
  eventsReplayed: number;
  /** Virtual time the replay took. */
  durationMs: number;
}

export type EsTraceEntry =
  | EventAppendedEntry
  | AppendRejectedEntry
  | AppendIdempotentEntry
  | SnapshotSavedEntry
  | AggregateLoadedEntry
  | SubscriptionDeliveredEntry
  | SubscriptionCaughtUpEntry
  | ProjectionUpdatedEntry
  | ProjectionResetEntry
  | ProjectionRebuiltEntry;

/** Adds correlation fields to an entry only when they are set (trace entries stay minimal). */
export function withIds<T extends object>(entry: T, correlationId: string | undefined, causationId: string | undefined): T {
  const out = entry as T & { correlationId?: string; causationId?: string };
  if (correlationId !== undefined) out.correlationId = correlationId;
  if (causationId !== undefined) out.causationId = causationId;
  return out;
}

/** An entry as a producer writes it: everything but the id the log assigns (per variant). */
export type EsTraceInput = EsTraceEntry extends infer E ? (E extends EsTraceEntry ? Omit<E, 'id'> : never) : never;

/** Emits an event-store trace entry, type-checked against its own variant. */
export function emitEs(log: TraceLog<EsTraceEntry>, entry: EsTraceInput): number {
  return traceEmit(log, entry as Omit<EsTraceEntry, 'id'>);
}
