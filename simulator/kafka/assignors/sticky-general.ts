/**
 * The sticky assignors' general algorithm, used when members subscribe to different topics.
 *
 * Port of AbstractStickyAssignor.GeneralAssignmentBuilder from apache/kafka
 * (clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java),
 * without its rack-aware passes (the simulator has no racks). Steps:
 *  1. keep every surviving claim of a member still subscribed to the partition's topic;
 *  2. give each unassigned partition to the least-loaded member subscribed to its topic, topics
 *     with the fewest possible consumers first;
 *  3. leave out topics only one member can take and members that cannot change, then move
 *     partitions from members holding 2+ more than another eligible member, preferring to send a
 *     partition back to its owner from an older generation, until no such move is left;
 *  4. if that did not lower the balance score (sum of pairwise count differences) and this was not
 *     a fresh group, undo step 3: stickiness wins over a sideways shuffle.
 *
 * Two guards Kafka lacks, both for inputs Kafka's tests never build: a partition is only sent
 * back to an older-generation owner that still subscribes to its topic and takes part in
 * balancing (Kafka would assign it to a member that did not ask for it, or fail on a null).
 */

import { type Group, type GroupMember, compareStrings } from './group.ts';
import { LoadOrder } from './load-order.ts';
import { PartitionMovements } from './partition-movements.ts';
import type { Ownership } from './sticky-ownership.ts';
import type { TopicPartition } from './types.ts';

interface PreviousOwner {
  readonly memberId: string;
  readonly generation: number;
}

/** Runs the general algorithm; requires ≥ 1 member. Returns memberId → partitions. */
export function assignGeneral(group: Group, ownership: Ownership): Map<string, TopicPartition[]> {
  const member = (id: string): GroupMember => group.byId.get(id)!;
  const consumersOf = new Map<string, string[]>(group.topics.map((t) => [t, []]));
  for (const m of group.members) for (const t of m.topics) consumersOf.get(t)!.push(m.memberId);
  // The most partitions each member could hold: all partitions of all its topics.
  const maxSizes = new Map(
    group.members.map((m) => [m.memberId, m.topics.reduce((n, t) => n + group.partitions.get(t)!.length, 0)]),
  );
  const maxSizeOf = (id: string): number => maxSizes.get(id)!;

  let current = new Map<string, TopicPartition[]>();
  const holder = new Map<TopicPartition, string>();
  const load = new LoadOrder((id) => current.get(id)!.length);
  const movements = new PartitionMovements();
  const previous = previousOwners(group, ownership.maxGeneration);

  // Topics with the fewest potential consumers come first: they have the least room to manoeuvre.
  const sortedTopics = [...group.topics].sort(
    (a, b) => consumersOf.get(a)!.length - consumersOf.get(b)!.length || compareStrings(a, b),
  );
  let sortedAll = sortedTopics.flatMap((t) => group.partitions.get(t)!);

  // Step 1: keep surviving claims on topics the member still subscribes to.
  let revocationRequired = false;
  const kept = new Set<TopicPartition>();
  for (const m of group.members) {
    const mine: TopicPartition[] = [];
    for (const tp of ownership.owned.get(m.memberId)!) {
      if (m.topicSet.has(tp.topic)) {
        mine.push(tp);
        kept.add(tp);
        holder.set(tp, m.memberId);
      } else {
        revocationRequired = true;
      }
    }
    current.set(m.memberId, mine);
  }
  let unassigned = sortedAll.filter((tp) => !kept.has(tp));
  for (const m of group.members) load.add(m.memberId);

  const give = (tp: TopicPartition, to: string): void => {
    load.remove(to);
    current.get(to)!.push(tp);
    holder.set(tp, to);
    load.add(to);
  };

  // Step 2: every unassigned partition to the least-loaded subscriber.
  const initializing = current.get(load.last()!)!.length === 0;
  for (const tp of unassigned) {
    const to = load.values().find((id) => member(id).topicSet.has(tp.topic));
    if (to !== undefined) give(tp, to);
  }

  // Step 3: narrow the balancing to what can actually move.
  const movable = (tp: TopicPartition): boolean => consumersOf.get(tp.topic)!.length >= 2;
  sortedAll = sortedAll.filter(movable);
  unassigned = unassigned.filter(movable);
  const fixed = new Map<string, TopicPartition[]>();
  for (const m of group.members) {
    const mine = current.get(m.memberId)!;
    if (mine.length < maxSizeOf(m.memberId) || mine.some(movable)) continue;
    load.remove(m.memberId);
    fixed.set(m.memberId, mine);
    current.delete(m.memberId);
  }

  const size = (id: string): number => current.get(id)!.length;

  const isBalanced = (): boolean => {
    const ids = load.values();
    if (ids.length === 0 || size(ids[0]!) >= size(ids[ids.length - 1]!) - 1) return true;
    // Could any member that lacks some of its partitions take one from a member with 2+ more?
    // Kafka checks every partition of every member's topics; the same answer comes from the
    // heaviest holder per topic, since a member's own partitions never pass the test. Partitions
    // held by fixed members are skipped: Kafka never meets them (no shared topic with a mover).
    const heaviest = new Map<string, number>();
    for (const topic of group.topics) {
      let max = 0;
      for (const tp of group.partitions.get(topic)!) {
        const other = holder.get(tp);
        if (other !== undefined && current.has(other)) max = Math.max(max, size(other));
      }
      heaviest.set(topic, max);
    }
    for (const id of ids) {
      const count = size(id);
      if (count === maxSizeOf(id)) continue;
      if (member(id).topics.some((topic) => heaviest.get(topic)! > count + 1)) return false;
    }
    return true;
  };

  const moveTo = (tp: TopicPartition, to: string): void => {
    const actual = movements.partitionToMove(tp, holder.get(tp)!, to);
    const from = holder.get(actual)!;
    load.remove(from);
    load.remove(to);
    movements.record(actual, from, to);
    const fromList = current.get(from)!;
    fromList.splice(fromList.indexOf(actual), 1);
    current.get(to)!.push(actual);
    holder.set(actual, to);
    load.add(to);
    load.add(from);
  };

  // Kafka loops until a pass changes nothing. Over thousands of random groups that took at most
  // 2 passes; the bound is far above that and only keeps a bug from hanging the page (the
  // assignment stays valid, just less balanced).
  const passesMax = 10 * (sortedAll.length + 1) * group.members.length;
  const performReassignments = (partitions: readonly TopicPartition[]): boolean => {
    let performed = false;
    let modified: boolean;
    let passes = 0;
    do {
      if (++passes > passesMax) break;
      modified = false;
      for (const tp of partitions) {
        if (isBalanced()) break;
        const from = holder.get(tp)!;
        const prev = previous.get(tp);
        if (
          prev !== undefined &&
          current.has(prev.memberId) &&
          member(prev.memberId).topicSet.has(tp.topic) &&
          size(from) > size(prev.memberId) + 1
        ) {
          moveTo(tp, prev.memberId);
          performed = modified = true;
          continue;
        }
        const someoneLighter = consumersOf.get(tp.topic)!.some((other) => current.has(other) && size(from) > size(other) + 1);
        if (someoneLighter) {
          const to = load.values().find((id) => member(id).topicSet.has(tp.topic))!;
          moveTo(tp, to);
          performed = modified = true;
        }
      }
    } while (modified);
    return performed;
  };

  const before = copyAssignment(current);
  // First try to balance by moving only partitions that had no owner, unless some owner already
  // has to give a partition up (then moving owned partitions costs nothing extra).
  if (!revocationRequired) performReassignments(unassigned);
  const performed = performReassignments(sortedAll);

  // Step 4: keep the shuffle only if it made the balance strictly better.
  if (!initializing && performed && balanceScore(current) >= balanceScore(before)) {
    current = copyAssignment(before);
  }
  for (const [id, list] of fixed) current.set(id, list);
  return current;
}

/**
 * Claims from members whose generation is older than the newest one: for each partition, the
 * newest such claim (ties: the first member by memberId; Kafka keeps whichever its HashMap
 * yields first). The balancer prefers to send a partition back to this previous owner.
 */
function previousOwners(group: Group, maxGeneration: number): Map<TopicPartition, PreviousOwner> {
  const previous = new Map<TopicPartition, PreviousOwner>();
  for (const m of group.members) {
    if (m.generation >= maxGeneration) continue;
    for (const tp of m.owned) {
      const known = previous.get(tp);
      if (known === undefined || m.generation > known.generation) {
        previous.set(tp, { memberId: m.memberId, generation: m.generation });
      }
    }
  }
  return previous;
}

function copyAssignment(a: ReadonlyMap<string, TopicPartition[]>): Map<string, TopicPartition[]> {
  return new Map([...a].map(([id, list]) => [id, [...list]]));
}

/** Kafka's getBalanceScore: the sum over member pairs of the difference in partition counts. */
function balanceScore(a: ReadonlyMap<string, readonly TopicPartition[]>): number {
  const sizes = [...a.values()].map((l) => l.length).sort((x, y) => x - y);
  // For sorted sizes, sum_{i<j} (s_j - s_i) = sum_j s_j * (2j - n + 1).
  return sizes.reduce((score, s, j) => score + s * (2 * j - sizes.length + 1), 0);
}
