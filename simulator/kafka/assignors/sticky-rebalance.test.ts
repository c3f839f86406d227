import { beforeEach, describe, expect, it } from 'vitest';
import { GroupHarness, isFullyBalanced, names, sortNames } from './test-helpers.ts';
import type { TopicPartition } from './types.ts';

// Multi-step rebalances: members and topics come and go, previous results become owned partitions.
// Ported from apache/kafka
// clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java,
// run for both sticky assignors as Kafka does.
const STICKY = ['sticky', 'cooperative-sticky'] as const;
const gen = 1;
/** Kafka's getTopicName / getConsumerName: prefix + i zero-padded to the digits of max. */
const canonical = (prefix: string, i: number, max: number) => prefix + String(i).padStart(String(max).length, '0');
const expectSet = (actual: readonly TopicPartition[] | undefined, expected: string[]) =>
  expect(names(actual)).toEqual(sortNames(expected));
const countOf = (list: readonly TopicPartition[], topic: string) => list.filter((p) => p.topic === topic).length;

describe.each(STICKY)('%s rebalances (ported from AbstractStickyAssignorTest)', (strategy) => {
  let h: GroupHarness;
  beforeEach(() => {
    h = new GroupHarness(strategy);
  });

  it('testAddRemoveConsumerOneTopic', () => {
    h.partitionsPerTopic = { topic: 3 };
    h.subscribe('consumer1', ['topic']);
    let a = h.assign();
    expectSet(a.consumer1, ['topic-0', 'topic-1', 'topic-2']);
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);

    h.subscribe('consumer1', ['topic'], a.consumer1, gen);
    h.subscribe('consumer2', ['topic'], [], gen);
    a = h.assign();
    expect(h.transferring()).toEqual({ 'topic-2': 'consumer2' });
    a = h.verifyValidityAndBalance(a);
    expectSet(a.consumer1, ['topic-0', 'topic-1']);
    expectSet(a.consumer2, ['topic-2']);
    expect(isFullyBalanced(a)).toBe(true);

    h.subscriptions.delete('consumer1');
    h.subscribe('consumer2', ['topic'], a.consumer2, gen);
    a = h.assign();
    expectSet(a.consumer2, ['topic-2', 'topic-1', 'topic-0']);
    expect(h.transferring()).toEqual({});
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });

  it('testTopicBalanceAfterReassignment', () => {
    const all = ['topic1', 'topic2'];
    h.partitionsPerTopic = { topic1: 12, topic2: 12 };
    const perTopic = (a: Record<string, TopicPartition[]>, n: number) => {
      for (const list of Object.values(a)) expect([countOf(list, 'topic1'), countOf(list, 'topic2')]).toEqual([n, n]);
      expect(isFullyBalanced(a)).toBe(true);
    };
    h.subscribe('consumer1', all);
    let a = h.verifyValidityAndBalance(h.assign());
    perTopic(a, 12);

    h.subscribe('consumer1', all, a.consumer1, gen);
    h.subscribe('consumer2', all, [], gen);
    a = h.verifyValidityAndBalance(h.assign());
    perTopic(a, 6);

    h.subscribe('consumer1', all, a.consumer1, gen);
    h.subscribe('consumer2', all, a.consumer2, gen);
    h.subscribe('consumer3', all, [], gen);
    h.subscribe('consumer4', all, [], gen);
    a = h.verifyValidityAndBalance(h.assign());
    perTopic(a, 3);

    h.subscriptions.delete('consumer1');
    h.subscriptions.delete('consumer2');
    h.subscribe('consumer3', all, a.consumer3, gen);
    h.subscribe('consumer4', all, a.consumer4, gen);
    a = h.assign();
    expect(h.transferring()).toEqual({});
    a = h.verifyValidityAndBalance(a);
    perTopic(a, 6);
  });

  it('testAddRemoveTwoConsumersTwoTopics', () => {
    const all = ['topic1', 'topic2'];
    h.partitionsPerTopic = { topic1: 3, topic2: 4 };
    h.subscribe('consumer1', all);
    h.subscribe('consumer2', all);
    let a = h.assign();
    expectSet(a.consumer1, ['topic1-0', 'topic1-2', 'topic2-1', 'topic2-3']);
    expectSet(a.consumer2, ['topic1-1', 'topic2-0', 'topic2-2']);
    expect(h.transferring()).toEqual({});
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);

    h.subscribe('consumer1', all, a.consumer1, gen);
    h.subscribe('consumer2', all, a.consumer2, gen);
    h.subscribe('consumer3', all, [], gen);
    h.subscribe('consumer4', all, [], gen);
    a = h.assign();
    expect(h.transferring()).toEqual({ 'topic1-2': 'consumer3', 'topic2-3': 'consumer3', 'topic2-2': 'consumer4' });
    a = h.verifyValidityAndBalance(a);
    expectSet(a.consumer1, ['topic1-0', 'topic2-1']);
    expectSet(a.consumer2, ['topic2-0', 'topic1-1']);
    expectSet(a.consumer3, ['topic1-2', 'topic2-3']);
    expectSet(a.consumer4, ['topic2-2']);
    expect(isFullyBalanced(a)).toBe(true);

    h.subscriptions.delete('consumer1');
    h.subscriptions.delete('consumer2');
    h.subscribe('consumer3', all, a.consumer3, gen);
    h.subscribe('consumer4', all, a.consumer4, gen);
    a = h.assign();
    expectSet(a.consumer3, ['topic1-2', 'topic2-3', 'topic1-0', 'topic2-1']);
    expectSet(a.consumer4, ['topic2-2', 'topic1-1', 'topic2-0']);
    expect(h.transferring()).toEqual({});
    expect(isFullyBalanced(h.verifyValidityAndBalance(a))).toBe(true);
  });

  it('testAddRemoveTopicTwoConsumers', () => {
    h.partitionsPerTopic = { topic: 3 };
    h.subscribe('consumer1', ['topic']);
    h.subscribe('consumer2', ['topic']);
    let a = h.assign();
    expect(h.transferring()).toEqual({});
    expect(isFullyBalanced(a)).toBe(true);
    a = h.verifyValidityAndBalance(a);
    const r1 = { c1: a.consumer1!, c2: a.consumer2! };
    expect([r1.c1.length, r1.c2.length].sort()).toEqual([1, 2]);

    h.partitionsPerTopic = { topic: 3, topic2: 3 };
    h.subscribe('consumer1', ['topic', 'topic2'], r1.c1, gen);
    h.subscribe('consumer2', ['topic', 'topic2'], r1.c2, gen);
    a = h.assign();
    expect(h.transferring()).toEqual({});
    a = h.verifyValidityAndBalance(a);
    expect(isFullyBalanced(a)).toBe(true);
    const r2 = { c1: a.consumer1!, c2: a.consumer2! };
    expect([r2.c1.length, r2.c2.length]).toEqual([3, 3]);
    expect(names(r2.c1)).toEqual(expect.arrayContaining(names(r1.c1)));
    expect(names(r2.c2)).toEqual(expect.arrayContaining(names(r1.c2)));

    h.partitionsPerTopic = { topic2: 3 };
    h.subscribe('consumer1', ['topic2'], r2.c1, gen);
    h.subscribe('consumer2', ['topic2'], r2.c2, gen);
    a = h.assign();
    expect(h.transferring()).toEqual({});
    a = h.verifyValidityAndBalance(a);
    expect(isFullyBalanced(a)).toBe(true);
    expect([a.consumer1!.length, a.consumer2!.length].sort()).toEqual([1, 2]);
    expect(names(r2.c1)).toEqual(expect.arrayContaining(names(a.consumer1)));
    expect(names(r2.c2)).toEqual(expect.arrayContaining(names(a.consumer2)));
  });

  it('testReassignmentAfterOneConsumerLeaves', () => {
    for (let i = 1; i < 20; i++) h.partitionsPerTopic[canonical('t', i, 20)] = i;
    for (let i = 1; i < 20; i++) {
      h.subscribe(
        canonical('c', i, 20),
        Array.from({ length: i }, (_, j) => canonical('t', j + 1, 20)),
      );
    }
    const a = h.verifyValidityAndBalance(h.assign());
    for (let i = 1; i < 20; i++) {
      const c = canonical('c', i, 20);
      h.subscribe(c, [...h.subscriptions.get(c)!.topics], a[c], gen);
    }
    h.subscriptions.delete('c10');
    h.verifyValidityAndBalance(h.assign());
    expect(h.isSticky()).toBe(true);
  });

  it('testReassignmentAfterOneConsumerAdded', () => {
    h.partitionsPerTopic = { topic: 20 };
    for (let i = 1; i < 10; i++) h.subscribe(canonical('c', i, 10), ['topic']);
    let a = h.assign();
    expect(h.transferring()).toEqual({});
    h.verifyValidityAndBalance(a);
    h.subscribe(canonical('c', 10, 10), ['topic']);
    a = h.assign();
    expect(h.transferring()).toEqual({});
    h.verifyValidityAndBalance(a);
  });

  it('testSameSubscriptions', () => {
    for (let i = 1; i < 15; i++) h.partitionsPerTopic[canonical('t', i, 15)] = i;
    const topics = Array.from({ length: 14 }, (_, j) => canonical('t', j + 1, 15));
    for (let i = 1; i < 9; i++) h.subscribe(canonical('c', i, 9), topics);
    let a = h.assign();
    expect(h.transferring()).toEqual({});
    a = h.verifyValidityAndBalance(a);
    for (let i = 1; i < 9; i++) h.subscribe(canonical('c', i, 9), topics, a[canonical('c', i, 9)], gen);
    h.subscriptions.delete(canonical('c', 5, 9));
    a = h.assign();
    expect(h.transferring()).toEqual({});
    h.verifyValidityAndBalance(a);
  });

  it('testNewSubscription', () => {
    for (let i = 1; i < 5; i++) h.partitionsPerTopic[canonical('t', i, 5)] = 1;
    for (let i = 0; i < 3; i++) {
      const topics: string[] = [];
      for (let j = i; j <= 3 * i - 2; j++) topics.push(canonical('t', j, 5));
      h.subscribe(canonical('c', i, 3), topics);
    }
    h.verifyValidityAndBalance(h.assign());
    h.subscribe('c0', [canonical('t', 1, 5)]);
    h.verifyValidityAndBalance(h.assign());
    expect(h.isSticky()).toBe(true);
  });

  it('testStickiness', () => {
    h.partitionsPerTopic = { topic1: 3 };
    for (const c of ['consumer1', 'consumer2', 'consumer3', 'consumer4']) h.subscribe(c, ['topic1']);
    let a = h.assign();
    expect(h.transferring()).toEqual({});
    a = h.verifyValidityAndBalance(a);
    const before = new Map<string, string>();
    for (const [c, list] of Object.entries(a)) {
      expect(list.length).toBeLessThanOrEqual(1);
      if (list.length === 1) before.set(c, names(list)[0]!);
    }
    // Removing the potential group leader.
    h.subscriptions.delete('consumer1');
    for (const c of ['consumer2', 'consumer3', 'consumer4']) h.subscribe(c, ['topic1'], a[c], gen);
    a = h.assign();
    expect(h.transferring()).toEqual({});
    a = h.verifyValidityAndBalance(a);
    for (const [c, list] of Object.entries(a)) {
      expect(list).toHaveLength(1);
      if (before.has(c)) expect(names(list)).toContain(before.get(c));
    }
  });
});
