/**
 * The event store's stable surface: the three functions outside checks call, with exactly the
 * names and shapes issue 4 fixes. Each is a thin entry point over store.ts, so the checks
 * exercise the same code the simulator runs.
 */
import { appendEvents, createEventStore, readStreamEvents } from './store.ts';
import type { AppendResult, EventData, EventStoreState, ExpectedRevision } from './types.ts';

export type { EventStoreState } from './types.ts';

/** A new, empty event store (plain data). */
export function createEventStoreState(): EventStoreState {
  return createEventStore();
}

/**
 * Appends events to a stream if `expected` holds, with EventStoreDB's expected-revision and
 * idempotency rules. Returns a new store and the result; the store passed in is not modified.
 * On success `nextExpectedRevision` is the stream's last revision (-1 if the stream still has no
 * events, e.g. after appending zero events to a stream that does not exist).
 */
export function appendToStream(
  store: EventStoreState,
  stream: string,
  expected: ExpectedRevision,
  events: EventData[],
): { store: EventStoreState; result: AppendResult } {
  const report = appendEvents(store, stream, expected, events);
  return { store: report.store, result: report.result };
}

/**
 * Every event of a stream, in revision order (empty when the stream has none), in exactly the
 * surface's shape: outside checks compare with deep equality, so the stored events' other fields
 * (metadata, position, schema version) are left out here; readStreamEvents has them.
 */
export function readStream(
  store: EventStoreState,
  stream: string,
): Array<{ eventId: string; type: string; data: unknown; revision: number }> {
  return readStreamEvents(store, stream).map((e) => ({ eventId: e.eventId, type: e.type, data: e.data, revision: e.revision }));
}
