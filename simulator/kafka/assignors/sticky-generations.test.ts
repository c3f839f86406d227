import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GENERATION } from './group.ts';
import { GroupHarness, isFullyBalanced, names, sortNames, tp } from './test-helpers.ts';
import type { TopicPartition } from './types.ts';

// Conflicting and stale ownership claims across generations.
const STICKY = ['sticky', 'cooperative-sticky'] as const;
const gen = 1;
const expectSet = (actual: readonly TopicPartition[] | undefined, expected: string[]) =>
  expect(names(actual)).toEqual(sortNames(expected));
const contains = (outer: readonly TopicPartition[], inner: readonly TopicPartition[] | undefined) =>
  expect(names(outer)).toEqual(expect.arrayContaining(names(inner)));

// Ported from apache/kafka
// clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java.
describe.each(STICKY)('%s generations (ported from AbstractStickyAssignorTest)', (strategy) => {
  let h: GroupHarness;
  beforeEach(() => {
    h = new GroupHarness(strategy);
  });

  it('testSubscriptionNotEqualAndAssignSamePartitionWith3Generation', () => {
    h.partitionsPerTopic = { topic: 6, topic1: 1 };
    const sequences = [
      [1, 2, 3],
      [1, 3, 2],
      [2, 1, 3],
      [2, 3, 1],
      [3, 1, 2],
      [3, 2, 1],
    ] as const;
    for (const [g1, g2, g3] of sequences) {
      h.subscribe('consumer1', ['topic'], [tp('topic', 0), tp('topic', 2)], g1);
      h.subscribe('consumer2', ['topic'], [tp('topic', 1), tp('topic', 2), tp('topic', 3)], g2);
      h.subscribe('consumer3', ['topic'], [tp('topic', 2), tp('topic', 4), tp('topic', 5)], g3);
      h.subscribe('consumer4', ['topic1'], [tp('topic1', 0)], 2);
      const a = h.assign();
      const all = Object.values(a).flatMap(names);
      expect(new Set(all).size).toBe(all.length);
      for (const list of Object.values(a)) {
        expect(list.length).toBeGreaterThanOrEqual(1);
        expect(list.length).toBeLessThanOrEqual(2);
      }
    }
  });

  it('testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration', () => {
    h.partitionsPerTopic = { topic: 3, topic2: 3 };
    const owned = [tp('topic', 0), tp('topic', 2), tp('topic2', 1)];
    h.subscribe('consumer1', ['topic', 'topic2'], owned, 10);
    h.subscribe('consumer2', ['topic', 'topic2'], owned, 9);
    const a = h.assign();
    expectSet(a.consumer1, ['topic-0', 'topic-2', 'topic2-1']);
    expectSet(a.consumer2, ['topic-1', 'topic2-0', 'topic2-2']);
    expect(h.transferring()).toEqual({});
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });

  it('testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration', () => {
    h.partitionsPerTopic = { topic: 3, topic2: 3 };
    const owned = [tp('topic', 0), tp('topic', 2), tp('topic2', 1)];
    h.subscribe('consumer1', ['topic', 'topic2'], owned, 10);
    h.subscribe('consumer2', ['topic', 'topic2'], owned, DEFAULT_GENERATION);
    const a = h.assign();
    expectSet(a.consumer1, ['topic-0', 'topic-2', 'topic2-1']);
    expectSet(a.consumer2, ['topic-1', 'topic2-0', 'topic2-2']);
    expect(h.transferring()).toEqual({});
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });

  it('testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration', () => {
    h.partitionsPerTopic = { topic: 3 };
    h.subscribe('consumer1', ['topic'], [tp('topic', 0), tp('topic', 1)], gen);
    h.subscribe('consumer2', ['topic'], [tp('topic', 0), tp('topic', 2)], gen);
    h.subscribe('consumer3', ['topic'], [], gen);
    const first = h.assign();
    expect(h.transferring()).toEqual({ 'topic-0': 'consumer3' });
    const a = h.verifyValidityAndBalance(first);
    expectSet(a.consumer1, ['topic-1']);
    expectSet(a.consumer2, ['topic-2']);
    expectSet(a.consumer3, ['topic-0']);
    expect(isFullyBalanced(a)).toBe(true);
  });

  it('testEnsurePartitionsAssignedToHighestGeneration', () => {
    h.partitionsPerTopic = { topic: 3, topic2: 3, topic3: 3 };
    const all = ['topic', 'topic2', 'topic3'];
    h.subscribe('consumer1', all, [tp('topic', 0), tp('topic2', 0), tp('topic3', 0)], 10);
    h.subscribe('consumer2', all, [tp('topic', 1), tp('topic2', 1), tp('topic3', 1)], 9);
    h.subscribe('consumer3', all, [tp('topic2', 1), tp('topic3', 0), tp('topic3', 2)], 8);
    const a = h.assign();
    expectSet(a.consumer1, ['topic-0', 'topic2-0', 'topic3-0']);
    expectSet(a.consumer2, ['topic-1', 'topic2-1', 'topic3-1']);
    expectSet(a.consumer3, ['topic-2', 'topic2-2', 'topic3-2']);
    expect(h.transferring()).toEqual({});
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });

  it('testNoReassignmentOnCurrentMembers', () => {
    h.partitionsPerTopic = { topic: 3, topic1: 3, topic2: 3, topic3: 3 };
    const all = ['topic', 'topic2', 'topic3', 'topic1'];
    h.subscribe('consumer1', all, [], DEFAULT_GENERATION);
    h.subscribe('consumer2', all, [tp('topic', 0), tp('topic2', 0), tp('topic1', 0)], 9);
    h.subscribe('consumer3', all, [tp('topic3', 2), tp('topic2', 2), tp('topic1', 1)], 8);
    h.subscribe('consumer4', all, [tp('topic3', 1), tp('topic', 1), tp('topic', 2)], 7);
    const a = h.assign();
    expectSet(a.consumer1, ['topic1-2', 'topic2-1', 'topic3-0']);
    expect(h.transferring()).toEqual({});
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });

  it('testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration', () => {
    h.partitionsPerTopic = { topic: 3, topic2: 3 };
    h.subscribe('consumer1', ['topic', 'topic2'], [tp('topic', 0), tp('topic2', 1), tp('topic', 1)], 10);
    h.subscribe('consumer2', ['topic', 'topic2'], [tp('topic', 0), tp('topic2', 1), tp('topic2', 2)], 8);
    const a = h.assign();
    expectSet(a.consumer1, ['topic-0', 'topic2-1', 'topic-1']);
    expectSet(a.consumer2, ['topic-2', 'topic2-2', 'topic2-0']);
    expect(h.transferring()).toEqual({});
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });
});

// Ported from apache/kafka clients/src/test/java/org/apache/kafka/clients/consumer/StickyAssignorTest.java.
describe('sticky generations (ported from StickyAssignorTest)', () => {
  let h: GroupHarness;
  beforeEach(() => {
    h = new GroupHarness('sticky');
  });

  it('testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer', () => {
    h.partitionsPerTopic = { topic: 3 };
    h.subscribe('consumer1', ['topic'], [tp('topic', 0), tp('topic', 1)], gen);
    h.subscribe('consumer2', ['topic'], [tp('topic', 0), tp('topic', 2)], gen);
    h.subscribe('consumer3', ['topic'], [], gen);
    const a = h.assign();
    expectSet(a.consumer1, ['topic-1']);
    expectSet(a.consumer2, ['topic-2']);
    expectSet(a.consumer3, ['topic-0']);
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
    expectSet(a.consumer3, ['topic-0']);
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });

  it.each([true, false])('testAssignmentWithMultipleGenerations1 (isAllSubscriptionsEqual = %s)', (equal) => {
    const all = ['topic', 'topic2'];
    const c2Topics = equal ? all : ['topic'];
    h.partitionsPerTopic = { topic: 6, topic2: 6 };
    h.subscribe('consumer1', all);
    h.subscribe('consumer2', c2Topics);
    h.subscribe('consumer3', all);
    const r1 = h.verifyValidityAndBalance(h.assign());
    expect([r1.consumer1!.length, r1.consumer2!.length, r1.consumer3!.length]).toEqual([4, 4, 4]);
    expect(isFullyBalanced(r1)).toBe(true);

    h.subscribe('consumer1', all, r1.consumer1, gen);
    h.subscribe('consumer2', c2Topics, r1.consumer2, gen);
    h.subscriptions.delete('consumer3');
    const r2 = h.assign();
    expect([r2.consumer1!.length, r2.consumer2!.length]).toEqual([6, 6]);
    if (equal) contains(r2.consumer1!, r1.consumer1); // only true when all subscriptions are equal
    contains(r2.consumer2!, r1.consumer2);
    h.verifyValidityAndBalance(r2);
    expect(isFullyBalanced(r2)).toBe(true);
    expect(names(r2.consumer2).some((p) => names(r1.consumer3).includes(p))).toBe(true);

    h.subscriptions.delete('consumer1');
    h.subscribe('consumer2', c2Topics, r2.consumer2, 2);
    h.subscribe('consumer3', all, r1.consumer3, 1);
    const r3 = h.assign();
    expect([r3.consumer2!.length, r3.consumer3!.length]).toEqual([6, 6]);
    expect(names(r3.consumer2).some((p) => names(r3.consumer3).includes(p))).toBe(false);
    h.verifyValidityAndBalance(r3);
    expect(isFullyBalanced(r3)).toBe(true);
  });

  it.each([true, false])('testAssignmentWithMultipleGenerations2 (isAllSubscriptionsEqual = %s)', (equal) => {
    const all = ['topic', 'topic2', 'topic3'];
    const c1Topics = equal ? all : ['topic'];
    const c3Topics = equal ? all : ['topic', 'topic2'];
    h.partitionsPerTopic = { topic: 4, topic2: 4, topic3: 4 };
    h.subscribe('consumer1', c1Topics);
    h.subscribe('consumer2', all);
    h.subscribe('consumer3', c3Topics);
    const r1 = h.verifyValidityAndBalance(h.assign());
    expect([r1.consumer1!.length, r1.consumer2!.length, r1.consumer3!.length]).toEqual([4, 4, 4]);
    expect(isFullyBalanced(r1)).toBe(true);

    h.subscriptions.delete('consumer1');
    h.subscriptions.delete('consumer3');
    h.subscribe('consumer2', all, r1.consumer2, 1);
    const r2 = h.assign();
    expect(r2.consumer2).toHaveLength(12);
    contains(r2.consumer2!, r1.consumer2);
    h.verifyValidityAndBalance(r2);

    h.subscribe('consumer1', c1Topics, r1.consumer1, 1);
    h.subscribe('consumer2', all, r2.consumer2, 2);
    h.subscribe('consumer3', c3Topics, r1.consumer3, 1);
    const r3 = h.assign();
    expect([r3.consumer1!.length, r3.consumer2!.length, r3.consumer3!.length]).toEqual([4, 4, 4]);
    h.verifyValidityAndBalance(r3);
    expect(isFullyBalanced(r3)).toBe(true);
  });

  it.each([true, false])('testAssignmentWithConflictingPreviousGenerations (isAllSubscriptionsEqual = %s)', (equal) => {
    const all = ['topic', 'topic2', 'topic3'];
    const c1Topics = equal ? all : ['topic'];
    const c2Topics = equal ? all : ['topic', 'topic2'];
    h.partitionsPerTopic = { topic: 4, topic2: 4, topic3: 4 };
    const [t0, t1, t2, t3] = [0, 1, 2, 3].map((p) => tp('topic', p)) as [
      TopicPartition,
      TopicPartition,
      TopicPartition,
      TopicPartition,
    ];
    const c1Owned = equal ? [t0, t1, t2, tp('topic2', 2), tp('topic2', 3), tp('topic3', 0)] : [t0, t1, t2, t3];
    const c2Owned = [t0, t1, tp('topic2', 0), tp('topic2', 1), tp('topic2', 2), tp('topic2', 3)];
    const c3Owned = [t2, t3, tp('topic3', 0), tp('topic3', 1), tp('topic3', 2), tp('topic3', 3)];
    h.subscribe('consumer1', c1Topics, c1Owned, 1);
    h.subscribe('consumer2', c2Topics, c2Owned, 2);
    h.subscribe('consumer3', all, c3Owned, 2);
    const a = h.assign();
    expect([a.consumer1!.length, a.consumer2!.length, a.consumer3!.length]).toEqual([4, 4, 4]);
    contains(c2Owned, a.consumer2);
    contains(c3Owned, a.consumer3);
    h.verifyValidityAndBalance(a);
    expect(isFullyBalanced(a)).toBe(true);
  });

  it('testSchemaBackwardCompatibility: a member that sends no generation keeps its partitions', () => {
    h.partitionsPerTopic = { topic: 3 };
    h.subscribe('consumer1', ['topic'], [tp('topic', 0), tp('topic', 2)], 1);
    h.subscribe('consumer2', ['topic'], [tp('topic', 1)]); // old schema: no generation
    h.subscribe('consumer3', ['topic']);
    const a = h.assign();
    expect([a.consumer1!.length, a.consumer2!.length, a.consumer3!.length]).toEqual([1, 1, 1]);
    contains([tp('topic', 0), tp('topic', 2)], a.consumer1);
    contains([tp('topic', 1)], a.consumer2);
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
