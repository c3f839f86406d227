/**
 * The cooperative sticky assignor ('cooperative-sticky'), incremental rebalance protocol.
 *
 * Port of CooperativeStickyAssignor from apache/kafka
 * (clients/src/main/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignor.java).
 * Under the cooperative protocol members keep consuming their partitions during a rebalance, so
 * a partition must never be handed to a new member while its old owner may still be reading it.
 * The assignor computes the same sticky assignment as 'sticky', then (adjustAssignment) takes out
 * every partition that is changing hands. The old owner sees the partition missing from its
 * assignment, revokes it, and rejoins; the follow-up rebalance finds it unowned and assigns it.
 *
 * Which partitions are "changing hands" (partitionsTransferringOwnership):
 *  - identical subscriptions: those the constrained algorithm gave to a member other than the one
 *    that gave them up, plus any partition two members claimed in the same generation;
 *  - otherwise (computePartitionsTransferringOwnership): partitions newly assigned to a member that
 *    some member listed as owned and is not getting back.
 */

import type { Group } from './group.ts';
import { computeSticky } from './sticky.ts';
import type { TopicPartition } from './types.ts';

/** Cooperative sticky assignment: the sticky result minus partitions still owned by others. */
export function assignCooperativeSticky(group: Group): Map<string, TopicPartition[]> {
  const { assignment, transferring } = computeSticky(group);
  const toWithhold = transferring ?? partitionsTransferringOwnership(group, assignment);
  for (const [tp, newOwner] of toWithhold) {
    const list = assignment.get(newOwner)!;
    const i = list.indexOf(tp);
    if (i >= 0) list.splice(i, 1);
  }
  return assignment;
}

function partitionsTransferringOwnership(
  group: Group,
  assignment: ReadonlyMap<string, readonly TopicPartition[]>,
): Map<TopicPartition, string> {
  const added = new Map<TopicPartition, string>();
  const revoked = new Set<TopicPartition>();
  for (const member of group.members) {
    const assigned = assignment.get(member.memberId)!;
    const owned = new Set(member.owned);
    for (const tp of assigned) if (!owned.has(tp)) added.set(tp, member.memberId);
    const assignedSet = new Set(assigned);
    for (const tp of member.owned) if (!assignedSet.has(tp)) revoked.add(tp);
  }
  for (const tp of added.keys()) if (!revoked.has(tp)) added.delete(tp);
  return added;
}
