/**
 * Who still owns what at the start of a sticky rebalance, and which sticky algorithm applies.
 *
 * Port of AbstractStickyAssignor.allSubscriptionsEqual from apache/kafka
 * (clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java).
 * Members report the partitions they owned and the generation they owned them in. Claims can
 * conflict after a member was kicked out and came back, or a zombie lingered:
 *  - two claims from different generations: the higher generation keeps the partition;
 *  - two claims from the same generation: nobody keeps it, and it is remembered as "claimed by
 *    multiple previous owners" (the cooperative assignor then treats it as still being revoked).
 * The same pass tells whether every member subscribes to exactly the same topics, which picks the
 * fast "constrained" algorithm over the "general" one.
 *
 * Kafka walks the members in HashMap order, and with three or more claimants of one partition the
 * result can depend on that order (a newer claim can arrive after an equal-generation tie already
 * voided the partition). We walk members from the highest generation down (ties by memberId):
 * then the highest generation always wins, a tie at the top always voids the partition, and the
 * answer no longer depends on any order. For two claimants it is the same answer Kafka gives.
 */

import { DEFAULT_GENERATION, type Group, type GroupMember, compareStrings } from './group.ts';
import type { TopicPartition } from './types.ts';

/** The outcome of the ownership pass. */
export interface Ownership {
  /** True when all members name exactly the same set of topics. */
  readonly allSubscriptionsEqual: boolean;
  /** The highest generation any member reported (DEFAULT_GENERATION if none did). */
  readonly maxGeneration: number;
  /** memberId → the claims that survived conflict resolution, in the member's own order. */
  readonly owned: ReadonlyMap<string, readonly TopicPartition[]>;
  /** Partitions claimed by two members of the same (highest) generation. */
  readonly claimedByMultiple: ReadonlySet<TopicPartition>;
}

/** Resolves previous ownership for the sticky assignors. */
export function resolveOwnership(group: Group): Ownership {
  const first = group.members[0]?.subscribed ?? new Set<string>();
  // Kafka compares sizes and containment; unlike Kafka we do not let an empty first subscription
  // be replaced by the next member's (a member with no topics never joins a real group, but a
  // scenario can have one, and treating it as "equal" would hand it partitions it never asked for).
  const allSubscriptionsEqual = group.members.every(
    (m) => m.subscribed.size === first.size && [...m.subscribed].every((t) => first.has(t)),
  );

  const maxGeneration = Math.max(DEFAULT_GENERATION, ...group.members.map((m) => m.generation));
  const owned = new Map<string, TopicPartition[]>(group.members.map((m) => [m.memberId, []]));
  const claimedByMultiple = new Set<TopicPartition>();
  const ownerOf = new Map<TopicPartition, GroupMember>();

  const byGenerationDesc = [...group.members].sort(
    (a, b) => b.generation - a.generation || compareStrings(a.memberId, b.memberId),
  );
  for (const member of byGenerationDesc) {
    const mine = owned.get(member.memberId)!;
    for (const tp of member.owned) {
      const other = ownerOf.get(tp);
      if (other === undefined) {
        mine.push(tp);
        ownerOf.set(tp, member);
      } else if (member.generation === other.generation) {
        // Same generation, two owners: one of them is a zombie and we cannot tell which.
        claimedByMultiple.add(tp);
        removeFrom(owned.get(other.memberId)!, tp);
        ownerOf.set(tp, member);
      } else if (member.generation > other.generation) {
        // Unreachable with the descending walk; kept so the rule reads as Kafka states it.
        mine.push(tp);
        removeFrom(owned.get(other.memberId)!, tp);
        ownerOf.set(tp, member);
      }
      // else: the other claim is newer and stands.
    }
  }
  return { allSubscriptionsEqual, maxGeneration, owned, claimedByMultiple };
}

function removeFrom(list: TopicPartition[], tp: TopicPartition): void {
  const i = list.indexOf(tp);
  if (i >= 0) list.splice(i, 1);
}
