/**
 * The sticky assignors' fast path, used when every member subscribes to the same topics.
 *
 * Port of AbstractStickyAssignor.ConstrainedAssignmentBuilder from apache/kafka
 * (clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java),
 * without its rack-aware pass (the simulator has no racks; without racks Kafka skips it too).
 *
 * With T partitions and N members everyone must end with minQuota = floor(T/N) or
 * maxQuota = ceil(T/N) partitions, and exactly T % N members get maxQuota. So:
 *  1. each member keeps what it owned, up to its quota: all of it if that is under minQuota,
 *     maxQuota while maxQuota slots are left, minQuota otherwise; the excess is revoked;
 *  2. the partitions nobody kept are dealt round-robin (sorted by topic, then partition) to the
 *     members still under minQuota, then one each to members at minQuota until the maxQuota
 *     slots are used up.
 * A partition handed to a member other than the one that gave it up (or one that several members
 * claimed) is recorded as "transferring ownership": the cooperative assignor must hold it back
 * until its old owner has revoked it.
 *
 * Kafka visits members in HashMap order when deciding who may keep maxQuota; we visit them by
 * memberId, so when more members own maxQuota than there are maxQuota slots, the ones with the
 * smallest memberIds keep theirs.
 */

import { type Group, compareStrings } from './group.ts';
import type { Ownership } from './sticky-ownership.ts';
import type { TopicPartition } from './types.ts';

/** A sticky assignment plus the partitions that change hands (null: compute from ownership). */
export interface StickyOutcome {
  readonly assignment: Map<string, TopicPartition[]>;
  readonly transferring: ReadonlyMap<TopicPartition, string> | null;
}

/** Kafka keeps owned partitions in (partition, topic) order, so low partition numbers stay put. */
function byPartitionThenTopic(a: TopicPartition, b: TopicPartition): number {
  return a.partition - b.partition || compareStrings(a.topic, b.topic);
}

/** Runs the constrained algorithm; requires ownership.allSubscriptionsEqual and ≥ 1 member. */
export function assignConstrained(group: Group, ownership: Ownership): StickyOutcome {
  const total = group.topics.reduce((n, t) => n + group.partitions.get(t)!.length, 0);
  const members = group.members.length;
  const minQuota = Math.floor(total / members);
  const maxQuota = Math.ceil(total / members);
  const expectedOverMin = total % members;
  let currentOverMin = 0;

  const assignment = new Map<string, TopicPartition[]>();
  const kept = new Set<TopicPartition>();
  const maybeRevoked = new Map<TopicPartition, string>();
  const transferring = new Map<TopicPartition, string>();
  const underMin: string[] = [];
  let atMin: string[] = [];

  // Step 1: keep owned partitions up to the quota.
  for (const member of group.members) {
    const owned = ownership.owned
      .get(member.memberId)!
      .filter((tp) => !ownership.claimedByMultiple.has(tp))
      .sort(byPartitionThenTopic);
    const keep = (n: number): TopicPartition[] => {
      for (const tp of owned.slice(n)) maybeRevoked.set(tp, member.memberId);
      return owned.slice(0, n);
    };
    let mine: TopicPartition[];
    if (owned.length < minQuota) {
      mine = owned;
      underMin.push(member.memberId);
    } else if (owned.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      // Every maxQuota slot is taken: members at minQuota can no longer grow.
      if (currentOverMin === expectedOverMin) atMin = [];
      mine = keep(maxQuota);
    } else {
      mine = keep(minQuota);
      if (currentOverMin < expectedOverMin) atMin.push(member.memberId);
    }
    for (const tp of mine) kept.add(tp);
    assignment.set(member.memberId, mine);
  }

  // Step 2: deal out the rest round-robin.
  const unassigned = group.topics.flatMap((t) => group.partitions.get(t)!.filter((tp) => !kept.has(tp)));
  underMin.sort(compareStrings);
  atMin.sort(compareStrings);
  // A cursor over underMin that survives removals, like the Java Iterator Kafka uses.
  let cursor = 0;
  for (const tp of unassigned) {
    let consumer: string;
    let fromUnderMin = true;
    if (cursor < underMin.length) {
      consumer = underMin[cursor++]!;
    } else if (underMin.length === 0 && atMin.length === 0) {
      throw new Error('sticky assignor: no more unfilled consumers to be assigned (algorithm bug)');
    } else if (underMin.length === 0) {
      consumer = atMin.shift()!;
      fromUnderMin = false;
    } else {
      cursor = 0;
      consumer = underMin[cursor++]!;
    }

    const mine = assignment.get(consumer)!;
    mine.push(tp);
    const previous = maybeRevoked.get(tp);
    if ((previous !== undefined && previous !== consumer) || ownership.claimedByMultiple.has(tp)) {
      transferring.set(tp, consumer);
    }

    if (mine.length === minQuota && fromUnderMin) {
      underMin.splice(--cursor, 1);
      atMin.push(consumer);
    } else if (mine.length === maxQuota) {
      currentOverMin++;
    }
  }

  // Kafka's verifyUnfilledMembers: anything left under minQuota means the counting went wrong.
  if (underMin.length > 0) {
    const short = underMin.filter((id) => assignment.get(id)!.length !== minQuota);
    if (currentOverMin !== expectedOverMin || short.length > 0) {
      throw new Error(`sticky assignor: members ${short.join(', ')} did not reach minQuota (algorithm bug)`);
    }
  }
  return { assignment, transferring };
}
