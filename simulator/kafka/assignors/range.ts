/**
 * The range assignor ('range', Kafka's long-time default).
 *
 * Port of RangeAssignor from apache/kafka
 * (clients/src/main/java/org/apache/kafka/clients/consumer/RangeAssignor.java). It works one topic
 * at a time: the topic's subscribers are lined up in MemberInfo order, the partitions in number
 * order, and each subscriber takes a contiguous run. With P partitions and C subscribers everyone
 * gets floor(P / C) and the first P % C subscribers one more. Because every topic starts again
 * from the first subscriber, the first members collect the extra partition of every topic, which
 * is the imbalance a lesson can show (and what co-partitioned joins rely on: partition i of two
 * topics with equal counts lands on the same member).
 *
 * Simplification: Kafka 3.5+ first tries to match consumer racks to replica racks (KIP-881) when
 * both are configured. The simulator has no racks, so that pass is left out; without racks Kafka
 * runs exactly the plain range logic ported here.
 */

import { type Group, emptyAssignment } from './group.ts';
import { compareMembers } from './member-order.ts';
import type { TopicPartition } from './types.ts';

/** Range assignment of every taking-part topic. */
export function assignRange(group: Group): Map<string, TopicPartition[]> {
  const assignment = emptyAssignment(group);
  for (const topic of group.topics) {
    const partitions = group.partitions.get(topic)!;
    const consumers = group.members.filter((m) => m.topicSet.has(topic)).sort(compareMembers);
    const perConsumer = Math.floor(partitions.length / consumers.length);
    const withExtra = partitions.length % consumers.length;
    let next = 0;
    consumers.forEach((consumer, i) => {
      const take = perConsumer + (i < withExtra ? 1 : 0);
      assignment.get(consumer.memberId)!.push(...partitions.slice(next, next + take));
      next += take;
    });
  }
  return assignment;
}
