/**
 * The shapes that go in and out of the consumer-group partition assignors.
 *
 * They mirror what Kafka's group leader sees in a JoinGroup round: each member's subscription
 * (topics, optional static `group.instance.id`, the partitions it owned and the generation it
 * owned them in) and the partition count of every topic. All plain data, so the engine can keep
 * them in state and checkpoint them.
 */

/** One partition of one topic. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** A group member's subscription as the group leader receives it. */
export interface AssignorMember {
  /** The coordinator-issued member.id; unique in the group. */
  readonly memberId: string;
  /** `group.instance.id` of a static member; absent for a dynamic member. */
  readonly groupInstanceId?: string;
  /** Topics the member subscribes to. */
  readonly topics: readonly string[];
  /**
   * Partitions the member owned before this rebalance. Read only by the sticky assignors (for
   * 'sticky' this stands in for the user data StickyAssignor serializes; for
   * 'cooperative-sticky' it is the subscription's ownedPartitions field).
   */
  readonly ownedPartitions?: readonly TopicPartition[];
  /** The generation in which `ownedPartitions` were owned; absent means Kafka's -1 (unknown). */
  readonly generation?: number;
}

/** Everything an assignor needs for one rebalance. */
export interface AssignmentInput {
  /** Partition count of each topic known to the cluster. */
  readonly partitionsPerTopic: Readonly<Record<string, number>>;
  readonly members: readonly AssignorMember[];
}

/** memberId → the partitions assigned to that member; every member is a key, possibly with []. */
export type Assignment = Record<string, TopicPartition[]>;

/** The four built-in assignor names, spelled as `partition.assignment.strategy` names them. */
export const AssignorStrategy = {
  Range: 'range',
  RoundRobin: 'roundrobin',
  Sticky: 'sticky',
  CooperativeSticky: 'cooperative-sticky',
} as const;

export type AssignorStrategy = (typeof AssignorStrategy)[keyof typeof AssignorStrategy];
