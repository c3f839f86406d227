/**
 * Public entry point of the consumer-group partition assignors: Kafka's four built-in strategies
 * behind one pure function. The engine and outside checks import from here only.
 *
 * `assignPartitions` is deterministic and pure: the same input gives the same output whatever the
 * order of members or topics in it, and the input is never modified. See NOTES.md for what was
 * ported from which Kafka source and what was deliberately not imitated.
 */

import { assignCooperativeSticky } from './cooperative-sticky.ts';
import { buildGroup, toResult } from './group.ts';
import { assignRange } from './range.ts';
import { assignRoundRobin } from './round-robin.ts';
import { assignSticky } from './sticky.ts';
import { type Assignment, type AssignmentInput, AssignorStrategy } from './types.ts';

export type { Assignment, AssignmentInput, AssignorMember, TopicPartition } from './types.ts';
export { AssignorStrategy } from './types.ts';
export { compareMembers } from './member-order.ts';

const STRATEGIES: ReadonlySet<string> = new Set(Object.values(AssignorStrategy));

/**
 * Assigns the partitions of the subscribed topics to the members of a consumer group, as the
 * group leader's assignor in Kafka's Java client would.
 *
 * @param strategy the `partition.assignment.strategy` to apply
 * @param input partition counts per topic and the members' subscriptions (and, for the sticky
 *   strategies, what each member owned and in which generation)
 * @returns memberId → assigned partitions, sorted by topic then partition; every member is a key
 * @throws RangeError for an unknown strategy, a partition count that is not a non-negative
 *   integer, or a duplicated memberId (programming errors: callers validate scenarios earlier)
 */
export function assignPartitions(strategy: AssignorStrategy, input: AssignmentInput): Assignment {
  if (!STRATEGIES.has(strategy)) {
    throw new RangeError(`assignPartitions: unknown strategy ${JSON.stringify(strategy)}`);
  }
  const group = buildGroup(input);
  if (group.members.length === 0) return {};
  switch (strategy) {
    case 'range':
      return toResult(group, assignRange(group));
    case 'roundrobin':
      return toResult(group, assignRoundRobin(group));
    case 'sticky':
      return toResult(group, assignSticky(group));
    case 'cooperative-sticky':
      return toResult(group, assignCooperativeSticky(group));
  }
}
