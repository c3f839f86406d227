/**
 * The expected-revision check: given a stream's current state and an append, decide whether to
 * write, to answer "already written" (idempotent), or to reject with WrongExpectedVersion.
 *
 * This follows EventStoreDB's server (IndexWriter.CheckCommit in EventStore/EventStore,
 * src/EventStore.Core/Services/Storage/ReaderIndex/IndexWriter.cs), restated in our own terms:
 *
 * - `stream_exists` on a stream with no events is rejected unless the stream has metadata.
 * - `any` and `stream_exists` are idempotent by event id: if the first event's id was first
 *   written to this stream, every id must be (else WrongExpectedVersion: "corrupted
 *   idempotency"), and the answer is the revision where the *last* id was first written. If the
 *   first id is unknown (or was first written to another stream), the events are written.
 * - An exact revision (`no_stream` is revision -1) below the current one is idempotent only if
 *   the events sit exactly at the following revisions with the same ids, in order; any mismatch,
 *   or an empty append, is WrongExpectedVersion.
 * - An exact revision above the current one is WrongExpectedVersion; equal to it, the write goes.
 * - Appending zero events that pass the check writes nothing and answers the current revision
 *   (-1 for a stream that does not exist, which it still does not afterwards).
 *
 * The server's id cache is bounded by memory, so very old ids can fall out of it; ours is not.
 */
import type { ActualRevision, ExpectedRevision } from './types.ts';

/** What the check needs to know about the store, as seen by one store value. */
export interface CommitView {
  /** The stream's last revision, or -1. */
  current: number;
  /** Whether the stream's metadata stream (`$$stream`) has any event. */
  hasMetadata: () => boolean;
  /** Where an event id was first written: its stream and revision, or undefined if never. */
  firstWrite: (eventId: string) => { stream: string; revision: number } | undefined;
  /** The id of the event at this revision of the stream, or undefined. */
  eventIdAt: (revision: number) => string | undefined;
}

export type CommitDecision =
  | { kind: 'write'; current: number }
  | { kind: 'idempotent'; nextExpectedRevision: number }
  | { kind: 'wrong-expected-version'; actual: ActualRevision };

function wrong(current: number): CommitDecision {
  return { kind: 'wrong-expected-version', actual: current < 0 ? 'no_stream' : current };
}

/** Throws for an expected revision no client could send (a programming error, not a user one). */
export function assertExpectedRevision(expected: ExpectedRevision): void {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(
      `expected revision must be 'any', 'no_stream', 'stream_exists' or an integer >= 0, got ${String(expected)}`,
    );
  }
}

/** Decides an append of events with these ids to the stream described by `view`. */
export function checkCommit(
  view: CommitView,
  stream: string,
  expected: ExpectedRevision,
  eventIds: readonly string[],
): CommitDecision {
  const current = view.current;

  if (expected === 'stream_exists' && current < 0 && !view.hasMetadata()) return wrong(current);

  if (expected === 'any' || expected === 'stream_exists') {
    if (eventIds.length === 0) return { kind: 'write', current };
    let end = -1;
    for (let i = 0; i < eventIds.length; i++) {
      const seen = view.firstWrite(eventIds[i]!);
      if (seen === undefined || seen.stream !== stream) {
        // Unknown first id: a fresh write. Unknown later id after known ones: a partial retry.
        return i === 0 ? { kind: 'write', current } : wrong(current);
      }
      end = seen.revision;
    }
    return { kind: 'idempotent', nextExpectedRevision: end };
  }

  const exp = expected === 'no_stream' ? -1 : expected;
  if (exp < current) {
    if (eventIds.length === 0) return wrong(current);
    for (let i = 0; i < eventIds.length; i++) {
      if (view.eventIdAt(exp + 1 + i) !== eventIds[i]) return wrong(current);
    }
    return { kind: 'idempotent', nextExpectedRevision: exp + eventIds.length };
  }
  if (exp > current) return wrong(current);
  return { kind: 'write', current };
}
