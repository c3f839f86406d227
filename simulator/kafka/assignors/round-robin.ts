/**
 * The round-robin assignor ('roundrobin').
 *
 * Port of RoundRobinAssignor from apache/kafka
 * (clients/src/main/java/org/apache/kafka/clients/consumer/RoundRobinAssignor.java). All
 * partitions of all subscribed topics are laid out sorted by topic name, then partition number,
 * and dealt one at a time to the members in MemberInfo order, going round in a circle. A member
 * not subscribed to the topic of the partition at hand is skipped (the circle moves past it). With
 * identical subscriptions the counts differ by at most one; with different subscriptions the
 * skipping can leave the result lopsided, which Kafka's own javadoc example shows.
 */

import { type Group, emptyAssignment } from './group.ts';
import { compareMembers } from './member-order.ts';
import type { TopicPartition } from './types.ts';

/** Round-robin assignment over all taking-part topics. */
export function assignRoundRobin(group: Group): Map<string, TopicPartition[]> {
  const assignment = emptyAssignment(group);
  const circle = [...group.members].sort(compareMembers);
  // Kafka's CircularIterator: `next` is the position of the member the next partition goes to.
  let next = 0;
  for (const topic of group.topics) {
    for (const tp of group.partitions.get(topic)!) {
      // Terminates: a topic takes part only if some member subscribes to it.
      while (!circle[next]!.topicSet.has(topic)) next = (next + 1) % circle.length;
      assignment.get(circle[next]!.memberId)!.push(tp);
      next = (next + 1) % circle.length;
    }
  }
  return assignment;
}
