/**
 * What the event store's own panel draws: each stream as a strip of events (revision, type and
 * amount), with markers for the newest snapshot, the last load and each projection's checkpoint.
 * Only app/models/eventstore reads these.
 */
import type { NodeId, StreamCell } from '../../../simulator/index.ts';

export interface StreamMarker {
  label: string;
  /** The last revision (or `$all` position) this marker has folded in; -1 for none. */
  after: number;
  /** Events stored after it: what a load from it replays, or a projection's lag. */
  behind: number;
}

export interface StreamView {
  /** The stream's name, or `$all`. */
  id: string;
  node: NodeId;
  /** Events stored in the stream. */
  count: number;
  /** The newest events, oldest first (`count - cells.length` more came before). */
  cells: StreamCell[];
  markers: StreamMarker[];
}

export interface BankPanelsView {
  streams: StreamView[];
  /** `$all`, drawn once there are projections reading it. */
  all: StreamView | null;
}
