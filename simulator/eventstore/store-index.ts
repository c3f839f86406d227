/**
 * The derived index beside the log: where each stream's events are, and where each event id was
 * first written.
 *
 * EventStoreDB keeps one transaction log and builds its stream index from it; we do the same. The
 * store value holds only the log (immutable, shared between versions), and this module memoises
 * the index per *line* of store values — values appended one from another without branching share
 * an `indexKey` token, and one mutable index serves all of them. The newest value on a line (the
 * head) extends the index in place on append, which is what makes a million appends a second
 * possible without ever changing a value somebody holds. Older values on the same line read the
 * same index and simply ignore positions at or beyond their own log size.
 *
 * The index is pure memoisation: it is a function of the log, never part of the state, and is
 * rebuilt from the log whenever it is missing (after structuredClone, a JSON round trip, or a
 * branch from an older value). Results never depend on whether it was cached.
 */
import { pvecForEach } from './pvec.ts';
import type { EventStoreState } from './types.ts';

export interface StoreIndex {
  /** Log size of the newest store value on this line; the stream index covers [0, headSize). */
  headSize: number;
  /** Global positions of each stream's events, in revision order. */
  streams: Map<string, number[]>;
  /** Position of the first write of each event id (first write wins, as in EventStoreDB's cache). */
  firstById: Map<string, number>;
  /** The id map covers positions [0, idsSize); it is filled lazily, only when an append needs it. */
  idsSize: number;
}

const indexes = new WeakMap<object, StoreIndex>();

function build(store: EventStoreState): StoreIndex {
  const ix: StoreIndex = { headSize: store.log.size, streams: new Map(), firstById: new Map(), idsSize: 0 };
  pvecForEach(store.log, 0, store.log.size, (e) => {
    const list = ix.streams.get(e.stream);
    if (list === undefined) ix.streams.set(e.stream, [e.position]);
    else list.push(e.position);
  });
  indexes.set(store.indexKey, ix);
  return ix;
}

/** The index serving this store value, built from its log when there is none yet. */
export function indexFor(store: EventStoreState): StoreIndex {
  const ix = indexes.get(store.indexKey);
  // A line's head is always its largest value, so a larger value means the token was reused in a
  // way this module did not produce (a hand-built state): rebuild rather than trust it.
  if (ix === undefined || ix.headSize < store.log.size) return build(store);
  return ix;
}

/** Whether this value is the newest on its line, so appending may extend the index in place. */
export function isHead(ix: StoreIndex, store: EventStoreState): boolean {
  return ix.headSize === store.log.size;
}

/** Registers a fresh line for a value branched off an older one; its index is built on first use. */
export function newIndexKey(): object {
  return {};
}

/** How many of the stream's positions lie below `size` (binary search; positions are sorted). */
function visibleCount(positions: readonly number[], size: number): number {
  let lo = 0;
  let hi = positions.length;
  if (hi === 0 || positions[hi - 1]! < size) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < size) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The stream's positions as seen by this value: the shared array and how many of it are visible. */
export function streamView(
  ix: StoreIndex,
  store: EventStoreState,
  stream: string,
): { positions: readonly number[]; count: number } {
  const positions = ix.streams.get(stream);
  if (positions === undefined) return { positions: EMPTY, count: 0 };
  return { positions, count: visibleCount(positions, store.log.size) };
}

const EMPTY: readonly number[] = [];

/** The stream's last revision as seen by this value, or -1 when it has no events. */
export function lastRevision(ix: StoreIndex, store: EventStoreState, stream: string): number {
  const positions = ix.streams.get(stream);
  if (positions === undefined) return -1;
  return visibleCount(positions, store.log.size) - 1;
}

/** Where this event id was first written, as seen by this value, or -1 if never. */
export function firstPositionOf(ix: StoreIndex, store: EventStoreState, eventId: string): number {
  const size = store.log.size;
  if (ix.idsSize < size) {
    // Catch the id map up with this value's log. Valid for any value on the line: they share
    // the prefix the map already covers.
    pvecForEach(store.log, ix.idsSize, size, (e) => {
      if (!ix.firstById.has(e.eventId)) ix.firstById.set(e.eventId, e.position);
    });
    ix.idsSize = size;
  }
  const p = ix.firstById.get(eventId);
  return p !== undefined && p < size ? p : -1;
}

/** Records events just appended by the head of the line (positions must continue the log). */
export function indexAppended(ix: StoreIndex, stream: string, firstPosition: number, count: number): void {
  let list = ix.streams.get(stream);
  if (list === undefined) {
    list = [];
    ix.streams.set(stream, list);
  }
  for (let i = 0; i < count; i++) list.push(firstPosition + i);
  ix.headSize = firstPosition + count;
}
