/**
 * Bookkeeping of partition moves during one run of the general sticky algorithm.
 *
 * Port of AbstractStickyAssignor.PartitionMovements from apache/kafka
 * (clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java).
 * Each moved partition is recorded as one net move, original owner → current holder (a move back
 * to the original owner erases the record). Before a move, the balancer asks which partition to
 * actually move: if some partition of the same topic earlier moved the opposite way between the
 * same two members, that one goes back instead, so a rebalance does not swap two partitions of a
 * topic between two members for nothing.
 *
 * Kafka picks "some partition" from a HashSet, so its choice follows hash codes; we pick the
 * lowest partition number, a fixed rule with the same effect on balance and stickiness. Kafka's
 * cycle detection (isSticky) only logs and feeds a test hook, so it is not ported here; the tests
 * check stickiness from the assignments directly.
 */

import type { TopicPartition } from './types.ts';

interface Move {
  readonly src: string;
  readonly dst: string;
}

/** Net partition moves of one balancing run. */
export class PartitionMovements {
  /** topic → src → dst → partitions of that topic that moved src → dst. */
  private readonly byTopic = new Map<string, Map<string, Map<string, Set<TopicPartition>>>>();
  private readonly byPartition = new Map<TopicPartition, Move>();

  /**
   * The partition that should move instead of `partition` when moving it from `oldConsumer` to
   * `newConsumer` (often `partition` itself).
   */
  partitionToMove(partition: TopicPartition, oldConsumer: string, newConsumer: string): TopicPartition {
    const topicMoves = this.byTopic.get(partition.topic);
    if (topicMoves === undefined) return partition;
    const earlier = this.byPartition.get(partition);
    const origin = earlier === undefined ? oldConsumer : earlier.src;
    const reverse = topicMoves.get(newConsumer)?.get(origin);
    if (reverse === undefined || reverse.size === 0) return partition;
    let lowest: TopicPartition | undefined;
    for (const tp of reverse) if (lowest === undefined || tp.partition < lowest.partition) lowest = tp;
    return lowest!;
  }

  /** Records that `partition` moved from `oldConsumer` to `newConsumer`. */
  record(partition: TopicPartition, oldConsumer: string, newConsumer: string): void {
    const earlier = this.byPartition.get(partition);
    if (earlier === undefined) {
      this.add(partition, { src: oldConsumer, dst: newConsumer });
      return;
    }
    this.remove(partition, earlier);
    // Moving back to where it started leaves no net move to record.
    if (earlier.src !== newConsumer) this.add(partition, { src: earlier.src, dst: newConsumer });
  }

  private add(partition: TopicPartition, move: Move): void {
    this.byPartition.set(partition, move);
    let topicMoves = this.byTopic.get(partition.topic);
    if (topicMoves === undefined) this.byTopic.set(partition.topic, (topicMoves = new Map()));
    let fromSrc = topicMoves.get(move.src);
    if (fromSrc === undefined) topicMoves.set(move.src, (fromSrc = new Map()));
    let set = fromSrc.get(move.dst);
    if (set === undefined) fromSrc.set(move.dst, (set = new Set()));
    set.add(partition);
  }

  private remove(partition: TopicPartition, move: Move): void {
    this.byPartition.delete(partition);
    const topicMoves = this.byTopic.get(partition.topic)!;
    const fromSrc = topicMoves.get(move.src)!;
    const set = fromSrc.get(move.dst)!;
    set.delete(partition);
    // Drop empty levels, as Kafka does, so "no moves for this topic" is cheap to see.
    if (set.size === 0) fromSrc.delete(move.dst);
    if (fromSrc.size === 0) topicMoves.delete(move.src);
    if (topicMoves.size === 0) this.byTopic.delete(partition.topic);
  }
}
