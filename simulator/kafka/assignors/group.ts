/**
 * Turns an AssignmentInput into the tidy, read-only view every assignor works from.
 *
 * Kafka's group leader hands its assignors Java HashMaps, whose iteration order depends on string
 * hash codes. We need the same input to give the same output whatever order the caller listed
 * members or topics in, so this module fixes every order up front: members by memberId, topics by
 * name, partitions by number, all compared as UTF-16 code units like Java's String.compareTo. It
 * also does the filtering Kafka's AbstractPartitionAssignor.assign(Cluster, ...) does before any
 * assignor runs: only topics that some member subscribes to and that have partitions take part.
 *
 * One TopicPartition object is made per partition and reused, so the assignors can key Maps and
 * Sets by object identity. The caller's input is never modified or retained.
 */

import type { AssignmentInput, AssignorMember, TopicPartition } from './types.ts';

/** Kafka's AbstractStickyAssignor.DEFAULT_GENERATION: "no generation known". */
export const DEFAULT_GENERATION = -1;

/** One member, normalised. */
export interface GroupMember {
  readonly memberId: string;
  readonly groupInstanceId: string | undefined;
  /** Subscribed topics that exist and have partitions, deduplicated, sorted by name. */
  readonly topics: readonly string[];
  readonly topicSet: ReadonlySet<string>;
  /** Every topic the member named, existing or not; the sticky assignors compare these. */
  readonly subscribed: ReadonlySet<string>;
  /** Owned partitions that still exist, deduplicated, in the order the member listed them. */
  readonly owned: readonly TopicPartition[];
  /** The generation of `owned`; DEFAULT_GENERATION when the member did not say. */
  readonly generation: number;
}

/** The normalised input of one rebalance. */
export interface Group {
  /** Members sorted by memberId. */
  readonly members: readonly GroupMember[];
  readonly byId: ReadonlyMap<string, GroupMember>;
  /** Topics taking part (subscribed by someone, at least one partition), sorted by name. */
  readonly topics: readonly string[];
  /** The canonical partition objects of each taking-part topic, index = partition number. */
  readonly partitions: ReadonlyMap<string, readonly TopicPartition[]>;
}

/** Java's String.compareTo: UTF-16 code unit order, so "c10" sorts before "c2". */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Kafka's TopicPartitionComparator: by topic name, then partition number. */
export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  return compareStrings(a.topic, b.topic) || a.partition - b.partition;
}

/**
 * Builds the normalised group.
 *
 * @throws RangeError on a programming error in the input: a partition count that is not a
 *   non-negative integer, or two members with the same memberId.
 */
export function buildGroup(input: AssignmentInput): Group {
  for (const [topic, count] of Object.entries(input.partitionsPerTopic)) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(
        `assignPartitions: partition count of topic "${topic}" must be a non-negative integer, got ${String(count)}`,
      );
    }
  }
  const countOf = (topic: string): number =>
    Object.prototype.hasOwnProperty.call(input.partitionsPerTopic, topic) ? input.partitionsPerTopic[topic]! : 0;

  const partitions = new Map<string, TopicPartition[]>();
  for (const member of input.members) {
    for (const topic of member.topics) {
      const count = countOf(topic);
      if (count > 0 && !partitions.has(topic)) {
        partitions.set(
          topic,
          Array.from({ length: count }, (_, partition) => ({ topic, partition })),
        );
      }
    }
  }
  const topics = [...partitions.keys()].sort(compareStrings);

  const byId = new Map<string, GroupMember>();
  for (const member of input.members) {
    if (byId.has(member.memberId)) {
      throw new RangeError(`assignPartitions: memberId "${member.memberId}" appears twice`);
    }
    byId.set(member.memberId, normaliseMember(member, partitions));
  }
  const members = [...byId.values()].sort((a, b) => compareStrings(a.memberId, b.memberId));
  return { members, byId, topics, partitions };
}

function normaliseMember(member: AssignorMember, partitions: ReadonlyMap<string, readonly TopicPartition[]>): GroupMember {
  const topicSet = new Set(member.topics.filter((topic) => partitions.has(topic)));
  const owned: TopicPartition[] = [];
  const seen = new Set<TopicPartition>();
  // A claim on a topic or partition that no longer takes part can never be kept, and Kafka drops
  // it too (AbstractStickyAssignor keeps only claims on topics in partitionsPerTopic). Claims on a
  // partition number beyond the topic's count are dropped here as well: Kafka assumes counts never
  // shrink, the simulator lets a scenario recreate a topic smaller.
  for (const tp of member.ownedPartitions ?? []) {
    const canonical = partitions.get(tp.topic)?.[tp.partition];
    if (canonical !== undefined && !seen.has(canonical)) {
      seen.add(canonical);
      owned.push(canonical);
    }
  }
  return {
    memberId: member.memberId,
    groupInstanceId: member.groupInstanceId,
    topics: [...topicSet].sort(compareStrings),
    topicSet,
    subscribed: new Set(member.topics),
    owned,
    generation: member.generation ?? DEFAULT_GENERATION,
  };
}

/** A fresh empty assignment with every member as a key, keys inserted in memberId order. */
export function emptyAssignment(group: Group): Map<string, TopicPartition[]> {
  return new Map(group.members.map((m) => [m.memberId, []]));
}

/**
 * The public result: a plain object keyed by memberId (inserted in memberId order, though JS lists
 * integer-like keys first whatever the insertion order), each list a fresh
 * array of fresh objects sorted by topic then partition, so callers may keep or change it freely.
 */
export function toResult(
  group: Group,
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
): Record<string, TopicPartition[]> {
  const result: Record<string, TopicPartition[]> = {};
  for (const member of group.members) {
    const list = assignment.get(member.memberId) ?? [];
    // defineProperty, not assignment, so a memberId such as "__proto__" stays an ordinary key.
    Object.defineProperty(result, member.memberId, {
      value: [...list].sort(compareTopicPartitions).map((tp) => ({ topic: tp.topic, partition: tp.partition })),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}
