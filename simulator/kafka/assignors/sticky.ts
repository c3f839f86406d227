/**
 * The sticky assignor ('sticky', Kafka's StickyAssignor), eager protocol.
 *
 * Two goals, in this order: a balanced assignment (partition counts within one of each other
 * when everyone subscribes to the same topics, otherwise as balanced as subscriptions allow), and
 * as few moves as possible from what members owned before. Ports of apache/kafka
 * clients/src/main/java/org/apache/kafka/clients/consumer/StickyAssignor.java and
 * internals/AbstractStickyAssignor.java: ownership resolution in sticky-ownership.ts, then the
 * constrained algorithm (identical subscriptions, sticky-constrained.ts) or the general one
 * (sticky-general.ts).
 *
 * StickyAssignor reads a member's previous partitions and generation from the user data it
 * serialized itself; here they arrive as the member's ownedPartitions and generation fields,
 * which carry the same facts without the byte encoding.
 */

import type { Group } from './group.ts';
import { assignConstrained, type StickyOutcome } from './sticky-constrained.ts';
import { assignGeneral } from './sticky-general.ts';
import { resolveOwnership } from './sticky-ownership.ts';
import type { TopicPartition } from './types.ts';

/**
 * The sticky assignment plus, on the constrained path, the partitions changing hands (the
 * general path leaves that null, as Kafka does, and the cooperative assignor derives it).
 */
export function computeSticky(group: Group): StickyOutcome {
  const ownership = resolveOwnership(group);
  if (ownership.allSubscriptionsEqual) return assignConstrained(group, ownership);
  return { assignment: assignGeneral(group, ownership), transferring: null };
}

/** Sticky assignment for the eager protocol: members have revoked everything before it applies. */
export function assignSticky(group: Group): Map<string, TopicPartition[]> {
  return computeSticky(group).assignment;
}
