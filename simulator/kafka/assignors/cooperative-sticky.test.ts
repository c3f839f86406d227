import { beforeEach, describe, expect, it } from 'vitest';
import { assignPartitions } from './index.ts';
import { GroupHarness, isFullyBalanced, names, parse, sortNames, tp } from './test-helpers.ts';
import type { AssignorMember, TopicPartition } from './types.ts';

const gen = 1;
const expectSet = (actual: readonly TopicPartition[] | undefined, expected: string[]) =>
  expect(names(actual)).toEqual(sortNames(expected));

// Ported from apache/kafka clients/src/test/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignorTest.java.
// Its serialization cases (testEncodeAndDecodeGeneration, testDecodeGeneration, testMemberData*)
// test the user-data byte format, which the simulator does not have; the rack-aware
// testUniformSubscriptionTransferOwnershipListIsRight needs racks. Neither is ported.
describe('cooperative-sticky (ported from CooperativeStickyAssignorTest)', () => {
  let h: GroupHarness;
  beforeEach(() => {
    h = new GroupHarness('cooperative-sticky');
  });

  it('testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer', () => {
    h.partitionsPerTopic = { topic: 3 };
    h.subscribe('consumer1', ['topic'], [tp('topic', 0), tp('topic', 1)], gen);
    h.subscribe('consumer2', ['topic'], [tp('topic', 0), tp('topic', 2)], gen);
    h.subscribe('consumer3', ['topic'], [], gen);
    const a = h.assign();
    expectSet(a.consumer1, ['topic-1']);
    expectSet(a.consumer2, ['topic-2']);
    // topic-0 counts as owned, so it cannot be assigned until both claimants have revoked it.
    expect(a.consumer3).toEqual([]);
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });

  it('testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer', () => {
    h.partitionsPerTopic = { topic: 4 };
    h.subscribe('consumer1', ['topic'], [tp('topic', 0), tp('topic', 1)], gen);
    h.subscribe('consumer2', ['topic'], [tp('topic', 0), tp('topic', 2)], gen);
    h.subscribe('consumer3', ['topic'], [], gen);
    const a = h.assign();
    expectSet(a.consumer1, ['topic-1', 'topic-3']);
    expectSet(a.consumer2, ['topic-2']);
    expect(a.consumer3).toEqual([]);
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });

  it('testAssignorWithOldVersionSubscriptions', () => {
    h.partitionsPerTopic = { topic1: 3 };
    h.subscribe('consumer1', ['topic1'], [tp('topic1', 0)], gen);
    h.subscribe('consumer2', ['topic1'], [tp('topic1', 1)], gen);
    h.subscribe('consumer3', ['topic1'], [], gen);
    const a = h.assign();
    expectSet(a.consumer1, ['topic1-0']);
    expectSet(a.consumer2, ['topic1-1']);
    expectSet(a.consumer3, ['topic1-2']);
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });
});

// Ported from apache/kafka
// clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java:
// testRackAwareAssignmentWithUniformSubscription and testRackAwareAssignmentWithNonEqualSubscription,
// only the runs where rack-aware logic does not apply (brokers or consumers without racks, or every
// partition on every rack). Kafka's verifyRackAssignment names members consumer0.. in list order,
// gives owned partitions (if any) with no generation, and compares sorted "t-p" lists.
describe.each(['sticky', 'cooperative-sticky'] as const)('%s non-rack expectations', (strategy) => {
  const run = (topics: Record<string, number>, consumerTopics: string[][], owned: string[] | null): string[] => {
    const members: AssignorMember[] = consumerTopics.map((t, i) => ({
      memberId: `consumer${i}`,
      topics: t,
      ...(owned === null ? {} : { ownedPartitions: parse(owned[i] ?? '') }),
    }));
    const a = assignPartitions(strategy, { partitionsPerTopic: topics, members });
    return members.map((m) => names(a[m.memberId]).join(', '));
  };
  const topics = { t1: 6, t2: 7, t3: 2 };
  const all = ['t1', 't2', 't3'];

  it('testRackAwareAssignmentWithUniformSubscription (verifyUniformSubscription, no racks)', () => {
    const expected = ['t1-0, t1-3, t2-0, t2-3, t2-6', 't1-1, t1-4, t2-1, t2-4, t3-0', 't1-2, t1-5, t2-2, t2-5, t3-1'];
    expect(run(topics, [all, all, all], null)).toEqual(expected);
    expect(run(topics, [all, all, all], expected)).toEqual(expected);
  });

  it('testRackAwareAssignmentWithNonEqualSubscription (verifyNonEqualSubscription, no racks)', () => {
    const expected = ['t1-5, t2-0, t2-2, t2-4, t2-6', 't1-3, t2-1, t2-3, t2-5, t3-0', 't1-0, t1-1, t1-2, t1-4, t3-1'];
    expect(run(topics, [all, all, ['t1', 't3']], null)).toEqual(expected);
    expect(run(topics, [all, all, ['t1', 't3']], expected)).toEqual(expected);
  });

  // StickyAssignor reads owned partitions from its own user data, which Kafka's helper leaves
  // empty, so Kafka's sticky expectation for this step is simply the fresh assignment; only the
  // cooperative assignor (which reads the ownedPartitions field, as our 'sticky' also does) has a
  // meaningful expectation with these owned partitions.
  if (strategy === 'cooperative-sticky') {
    it('testRackAwareAssignmentWithNonEqualSubscription: misaligned owned partitions, all racks match', () => {
      const owned = ['t1-0, t1-1, t1-2, t1-3, t1-4', 't1-5, t2-0, t2-1, t2-2, t2-3', 't2-4, t2-5, t2-6, t3-0, t3-1'];
      const intermediate = ['t1-2, t1-3, t1-4', 't2-0, t2-1, t2-2, t2-3', 't3-0, t3-1'];
      const final = ['t1-2, t1-3, t1-4, t2-4, t2-5', 't2-0, t2-1, t2-2, t2-3, t2-6', 't1-0, t1-1, t1-5, t3-0, t3-1'];
      expect(run(topics, [all, all, ['t1', 't3']], owned)).toEqual(intermediate);
      expect(run(topics, [all, all, ['t1', 't3']], intermediate)).toEqual(final);
    });
  }
});

describe('cooperative-sticky withholds partitions that change owner', () => {
  it('never hands a partition to a new member in the rebalance where its owner still holds it', () => {
    const h = new GroupHarness('cooperative-sticky');
    h.partitionsPerTopic = { orders: 6 };
    h.subscribe('a', ['orders'], parse('orders-0, orders-1, orders-2, orders-3, orders-4, orders-5'), 3);
    h.subscribe('b', ['orders'], [], 3);
    const first = h.assign();
    // 'a' keeps three; the other three are revoked from 'a' but not yet given to 'b'.
    expect(first.a).toHaveLength(3);
    expect(first.b).toEqual([]);
    const all = ['orders-0', 'orders-1', 'orders-2', 'orders-3', 'orders-4', 'orders-5'];
    const revoked = all.filter((n) => !names(first.a).includes(n));
    expect(h.transferring()).toEqual(Object.fromEntries(revoked.map((n) => [n, 'b'])));
    // The follow-up rebalance, with 'a' now owning only what it kept, completes the move.
    h.subscribe('a', ['orders'], first.a, 4);
    h.subscribe('b', ['orders'], [], 4);
    const second = h.assign();
    expect(second.a).toEqual(first.a);
    expect(second.b).toHaveLength(3);
  });
});
