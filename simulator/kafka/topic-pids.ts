/**
 * Where a topic's partition lives in the world's flat partition table.
 *
 * A topic's first partitions are one block from `firstPid`. Partitions added to a live topic
 * (the create-partitions command) go at the end of the table, after every other topic's, so that
 * no existing partition moves: their ids are in `morePids`, in partition order. Everything that
 * turns (topic, partition number) into a partition id goes through `pidOf`.
 */
import type { TopicState } from './state.ts';

/** The partition id of partition `p` of topic `t` (p must be below t.partitions). */
export function pidOf(t: TopicState, p: number): number {
  const more = t.morePids;
  if (more === undefined) return t.firstPid + p;
  const base = t.partitions - more.length;
  return p < base ? t.firstPid + p : more[p - base]!;
}
