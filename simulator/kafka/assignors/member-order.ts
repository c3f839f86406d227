/**
 * The order in which the range and round-robin assignors line members up.
 *
 * Port of AbstractPartitionAssignor.MemberInfo.compareTo from apache/kafka
 * (clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractPartitionAssignor.java):
 * static members (those with a group.instance.id) come first, ordered by group.instance.id; then
 * dynamic members, ordered by member.id. Both compare as Java strings do, code unit by code unit,
 * so "c10" comes before "c2". Ordering static members by their instance id is what makes range and
 * round-robin give a restarted static member its old partitions even though its member.id changed.
 */

import { compareStrings } from './group.ts';

/** What the comparison looks at. */
export interface MemberIdentity {
  readonly memberId: string;
  readonly groupInstanceId?: string | undefined;
}

/**
 * Kafka's member order. Kafka sorts with a stable sort and never sees two static members with the
 * same group.instance.id (the coordinator fences duplicates); should that happen here anyway, we
 * fall back to member.id so the order stays total and the result deterministic.
 */
export function compareMembers(a: MemberIdentity, b: MemberIdentity): number {
  const aStatic = a.groupInstanceId !== undefined;
  const bStatic = b.groupInstanceId !== undefined;
  if (aStatic && bStatic) {
    return compareStrings(a.groupInstanceId!, b.groupInstanceId!) || compareStrings(a.memberId, b.memberId);
  }
  if (aStatic) return -1;
  if (bStatic) return 1;
  return compareStrings(a.memberId, b.memberId);
}
