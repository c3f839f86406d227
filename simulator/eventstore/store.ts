/**
 * The event store as a value: create it, append to a stream with an expected revision, read a
 * stream or `$all`.
 *
 * Every function takes a store value and, when it changes anything, returns a new one; the value
 * passed in is never modified (appends share structure with it instead of copying it). This is
 * the layer the stable surface (`createEventStoreState`, `appendToStream`, `readStream`) sits on;
 * the world (world.ts) wraps it with virtual time, trace entries and subscriptions.
 */
import { assertExpectedRevision, checkCommit, type CommitView } from './commit-check.ts';
import { pvecEmpty, pvecForEach, pvecGet, pvecLeafFor, pvecPush } from './pvec.ts';
import {
  firstPositionOf,
  indexAppended,
  indexFor,
  isHead,
  lastRevision,
  newIndexKey,
  streamView,
  type StoreIndex,
} from './store-index.ts';
import type {
  AppendOptions,
  AppendReport,
  EventData,
  EventMetadata,
  EventStoreState,
  ExpectedRevision,
  RecordedEvent,
} from './types.ts';

/** A new, empty event store. */
export function createEventStore(): EventStoreState {
  return { kind: 'event-store', log: pvecEmpty<RecordedEvent>(), indexKey: newIndexKey() };
}

/** The name of a stream's metadata stream, as EventStoreDB names it. */
export function metadataStreamOf(stream: string): string {
  return `$$${stream}`;
}

function commitView(ix: StoreIndex, store: EventStoreState, stream: string, current: number): CommitView {
  return {
    current,
    hasMetadata: () => lastRevision(ix, store, metadataStreamOf(stream)) >= 0,
    firstWrite: (eventId) => {
      const p = firstPositionOf(ix, store, eventId);
      if (p < 0) return undefined;
      const e = pvecGet(store.log, p)!;
      return { stream: e.stream, revision: e.revision };
    },
    eventIdAt: (revision) => {
      const { positions, count } = streamView(ix, store, stream);
      if (revision < 0 || revision >= count) return undefined;
      return pvecGet(store.log, positions[revision]!)!.eventId;
    },
  };
}

let lastMetadata: EventMetadata = { timestampMs: 0 };

/**
 * The metadata object for a new event, shared with the previous event when it would be equal.
 * Stored events are never changed, so sharing is safe, and in a long run of appends at one
 * virtual instant it halves the objects the garbage collector has to keep alive per event.
 */
function metadataFor(timestampMs: number, correlationId: string | undefined, causationId: string | undefined): EventMetadata {
  const m = lastMetadata;
  if (m.timestampMs === timestampMs && m.correlationId === correlationId && m.causationId === causationId) return m;
  const next: EventMetadata = { timestampMs };
  if (correlationId !== undefined) next.correlationId = correlationId;
  if (causationId !== undefined) next.causationId = causationId;
  lastMetadata = next;
  return next;
}

/**
 * Appends events to a stream if the expected revision holds, following EventStoreDB's rules
 * (see commit-check.ts). Returns the new store (the same value when nothing was written), the
 * surface result, how it was decided, and the events written.
 */
export function appendEvents(
  store: EventStoreState,
  stream: string,
  expected: ExpectedRevision,
  events: readonly EventData[],
  options: AppendOptions = {},
): AppendReport {
  assertExpectedRevision(expected);
  const ix = indexFor(store);
  const current = lastRevision(ix, store, stream);

  // Fast path for the usual optimistic-concurrency write (the expected revision is the current
  // one): no decision object, no id list — this is the loop a million appends a second runs.
  if (!(expected === current || (expected === 'no_stream' && current === -1))) {
    const ids = events.map((e) => e.eventId);
    const decision = checkCommit(commitView(ix, store, stream, current), stream, expected, ids);
    if (decision.kind === 'wrong-expected-version') {
      return {
        store,
        result: { ok: false, code: 'WrongExpectedVersion', expected, actual: decision.actual },
        outcome: 'rejected',
        written: [],
      };
    }
    if (decision.kind === 'idempotent') {
      return {
        store,
        result: { ok: true, nextExpectedRevision: decision.nextExpectedRevision },
        outcome: 'idempotent',
        written: [],
      };
    }
  }
  if (events.length === 0) {
    return { store, result: { ok: true, nextExpectedRevision: current }, outcome: 'written', written: [] };
  }

  const timestampMs = options.nowMs ?? 0;
  const written: RecordedEvent[] = new Array(events.length);
  let log = store.log;
  const firstPosition = log.size;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const metadata = metadataFor(timestampMs, e.correlationId ?? options.correlationId, e.causationId ?? options.causationId);
    const recorded: RecordedEvent = {
      eventId: e.eventId,
      type: e.type,
      data: e.data,
      stream,
      revision: current + 1 + i,
      position: firstPosition + i,
      schemaVersion: e.schemaVersion ?? 1,
      metadata,
    };
    written[i] = recorded;
    log = pvecPush(log, recorded);
  }

  let indexKey = store.indexKey;
  if (isHead(ix, store)) {
    // The newest value on its line: extend the shared index in place and keep the line's token.
    indexAppended(ix, stream, firstPosition, events.length);
  } else {
    // Appending to an older value branches the history: the new value starts its own line.
    indexKey = newIndexKey();
  }
  const next: EventStoreState = { kind: 'event-store', log, indexKey };
  return {
    store: next,
    result: { ok: true, nextExpectedRevision: current + events.length },
    outcome: 'written',
    written,
  };
}

/** The stream's last revision, or -1 when it has no events. */
export function streamRevision(store: EventStoreState, stream: string): number {
  return lastRevision(indexFor(store), store, stream);
}

/** The number of events in `$all`, which is also the position the next event will get. */
export function allSize(store: EventStoreState): number {
  return store.log.size;
}

/** The event at a global position, or undefined. */
export function eventAt(store: EventStoreState, position: number): RecordedEvent | undefined {
  return pvecGet(store.log, position);
}

/** The event at a stream revision, or undefined. */
export function eventAtRevision(store: EventStoreState, stream: string, revision: number): RecordedEvent | undefined {
  const { positions, count } = streamView(indexFor(store), store, stream);
  if (!(revision >= 0 && revision < count)) return undefined;
  return pvecGet(store.log, positions[revision]!);
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** First revision to read (inclusive). Defaults to the start, or the end when backwards. */
  fromRevision?: number;
  maxCount?: number;
}

/**
 * Reads a stream's events forwards or backwards from a revision. A stream with no events reads
 * as empty (EventStoreDB answers StreamNotFound; `streamRevision` tells the two apart).
 */
export function readStreamEvents(store: EventStoreState, stream: string, options: ReadStreamOptions = {}): RecordedEvent[] {
  const { positions, count } = streamView(indexFor(store), store, stream);
  const maxCount = options.maxCount ?? Infinity;
  const out: RecordedEvent[] = [];
  if (options.direction === 'backwards') {
    const from = Math.min(options.fromRevision ?? count - 1, count - 1);
    for (let r = from; r >= 0 && out.length < maxCount; r--) out.push(pvecGet(store.log, positions[r]!)!);
  } else {
    const from = Math.max(0, options.fromRevision ?? 0);
    for (let r = from; r < count && out.length < maxCount; r++) out.push(pvecGet(store.log, positions[r]!)!);
  }
  return out;
}

/**
 * Calls fn for each event of a stream from `fromRevision` up to and including `toRevision`
 * (defaults: whole stream), without building an array. Used by aggregate loads.
 */
export function forEachStreamEvent(
  store: EventStoreState,
  stream: string,
  fromRevision: number,
  toRevision: number,
  fn: (e: RecordedEvent) => boolean | void,
): void {
  const { positions, count } = streamView(indexFor(store), store, stream);
  const last = Math.min(toRevision, count - 1);
  // A stream's events often sit close together in the log: reuse the current 32-event leaf.
  let leaf: readonly RecordedEvent[] = [];
  let leafBase = -1;
  for (let r = Math.max(0, fromRevision); r <= last; r++) {
    const p = positions[r]!;
    if ((p & ~31) !== leafBase) {
      leafBase = p & ~31;
      leaf = pvecLeafFor(store.log, p);
    }
    if (fn(leaf[p & 31]!) === false) return;
  }
}

export interface ReadAllOptions {
  direction?: 'forwards' | 'backwards';
  /** First position to read (inclusive). Defaults to the start, or the end when backwards. */
  fromPosition?: number;
  maxCount?: number;
  /** Leave out events of system streams (names starting with `$`). Default false, as the server. */
  excludeSystemEvents?: boolean;
}

/** Reads `$all`, the global log, by position. */
export function readAllEvents(store: EventStoreState, options: ReadAllOptions = {}): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  const maxCount = options.maxCount ?? Infinity;
  const keep = (e: RecordedEvent): boolean | void => {
    if (!(options.excludeSystemEvents && e.stream.startsWith('$'))) out.push(e);
    return out.length < maxCount;
  };
  if (maxCount <= 0) return out;
  if (options.direction === 'backwards') {
    const from = Math.min(options.fromPosition ?? store.log.size - 1, store.log.size - 1);
    pvecForEach(store.log, 0, from + 1, keep, true);
  } else {
    pvecForEach(store.log, options.fromPosition ?? 0, store.log.size, keep);
  }
  return out;
}

/**
 * Writes stream metadata as EventStoreDB does: an event of type `$metadata` in the stream
 * `$$<stream>`. Our model reads it back for `stream_exists` checks only (no ACLs, max-age, …).
 */
export function setStreamMetadata(
  store: EventStoreState,
  stream: string,
  metadata: Record<string, unknown>,
  eventId: string,
  options: AppendOptions = {},
): AppendReport {
  return appendEvents(store, metadataStreamOf(stream), 'any', [{ eventId, type: '$metadata', data: metadata }], options);
}

/** The stream's latest metadata, or undefined when none was set. */
export function getStreamMetadata(store: EventStoreState, stream: string): Record<string, unknown> | undefined {
  const meta = metadataStreamOf(stream);
  const rev = streamRevision(store, meta);
  return rev < 0 ? undefined : (eventAtRevision(store, meta, rev)!.data as Record<string, unknown>);
}
