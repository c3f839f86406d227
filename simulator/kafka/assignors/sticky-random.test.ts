import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GroupHarness } from './test-helpers.ts';

// Ported from apache/kafka
// clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java:
// the randomised and large-group cases. Kafka draws with java.util.Random; here fast-check draws,
// so a failure prints a seed that replays it. Kafka's large cases only assert that assignment
// finishes within a timeout; they are ported at the sizes noted below.
const STICKY = ['sticky', 'cooperative-sticky'] as const;
const gen = 1;
const canonical = (prefix: string, i: number, max: number) => prefix + String(i).padStart(String(max).length, '0');

/** Kafka's getRandomSublist: the list with a random number (< its length) of elements removed. */
const sublist = (list: string[]) => fc.subarray(list, { minLength: 1, maxLength: list.length }).map((s) => [...s].sort());

describe.each(STICKY)('%s randomised (ported from AbstractStickyAssignorTest)', (strategy) => {
  it('testReassignmentWithRandomSubscriptionsAndChanges', () => {
    const scenario = fc
      .record({ numTopics: fc.integer({ min: 10, max: 19 }), numConsumers: fc.integer({ min: 20, max: 39 }) })
      .chain(({ numTopics, numConsumers }) => {
        const topics = Array.from({ length: numTopics }, (_, i) => canonical('t', i, 20));
        const subs = fc.array(sublist(topics), { minLength: numConsumers, maxLength: numConsumers });
        return fc.record({ numTopics: fc.constant(numTopics), first: subs, second: subs });
      });
    fc.assert(
      fc.property(scenario, ({ numTopics, first, second }) => {
        const h = new GroupHarness(strategy);
        for (let i = 0; i < numTopics; i++) h.partitionsPerTopic[canonical('t', i, 20)] = i + 1;
        first.forEach((topics, i) => h.subscribe(canonical('c', i, 40), topics));
        const a = h.verifyValidityAndBalance(h.assign());
        h.subscriptions.clear();
        second.forEach((topics, i) => h.subscribe(canonical('c', i, 40), topics, a[canonical('c', i, 40)], gen));
        h.verifyValidityAndBalance(h.assign());
        expect(h.isSticky()).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('testLargeAssignmentWithMultipleConsumersLeavingAndRandomSubscription', () => {
    const topicCount = 40;
    const consumerCount = 200;
    const topics = Array.from({ length: topicCount }, (_, i) => canonical('t', i, topicCount));
    const scenario = fc.record({
      partitions: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: topicCount, maxLength: topicCount }),
      // Kafka draws up to 19 topics with repetition, possibly none.
      subscriptions: fc.array(fc.array(fc.constantFrom(...topics), { maxLength: 19 }), {
        minLength: consumerCount,
        maxLength: consumerCount,
      }),
      leaving: fc.array(fc.integer({ min: 0, max: consumerCount - 1 }), { minLength: 50, maxLength: 50 }),
    });
    fc.assert(
      fc.property(scenario, ({ partitions, subscriptions, leaving }) => {
        const h = new GroupHarness(strategy);
        partitions.forEach((n, i) => (h.partitionsPerTopic[topics[i]!] = n));
        subscriptions.forEach((t, i) => h.subscribe(canonical('c', i, consumerCount), t));
        const a = h.verifyValidityAndBalance(h.assign());
        for (let i = 1; i < consumerCount; i++) {
          const c = canonical('c', i, consumerCount);
          h.subscribe(c, [...h.subscriptions.get(c)!.topics], a[c], gen);
        }
        for (const i of leaving) h.subscriptions.delete(canonical('c', i, consumerCount));
        h.verifyValidityAndBalance(h.assign());
        expect(h.isSticky()).toBe(true);
      }),
      { numRuns: 3 },
    );
  });
});

// Kafka: 500 topics x 2000 partitions x 2000 consumers (1M partitions) within 30-90 s. Ported at
// 50 topics x 200 partitions x 500 consumers (10k partitions): the shape of the test (a full
// group, then every member but the first rejoining with what it owns) without a minute of CI.
describe.each(STICKY)('%s large groups (ported from AbstractStickyAssignorTest, scaled down)', (strategy) => {
  const topicCount = 50;
  const partitionCount = 200;
  const consumerCount = 500;
  const topics = Array.from({ length: topicCount }, (_, i) => canonical('t', i, topicCount));

  const run = (topicsOf: (i: number) => string[]) => {
    const h = new GroupHarness(strategy);
    for (const t of topics) h.partitionsPerTopic[t] = partitionCount;
    for (let i = 0; i < consumerCount; i++) h.subscribe(canonical('c', i, consumerCount), topicsOf(i));
    const a = h.assign();
    for (let i = 1; i < consumerCount; i++) {
      const c = canonical('c', i, consumerCount);
      h.subscribe(c, topicsOf(i), a[c], gen);
    }
    return h.assign();
  };

  it('testLargeAssignmentAndGroupWithUniformSubscription', () => {
    const a = run(() => topics);
    expect(Object.keys(a)).toHaveLength(consumerCount);
  });

  it('testLargeAssignmentAndGroupWithNonEqualSubscription', () => {
    const a = run((i) => (i === consumerCount - 1 ? topics.slice(0, 1) : topics));
    expect(Object.keys(a)).toHaveLength(consumerCount);
  });

  it('testAssignmentAndGroupWithNonEqualSubscriptionNotTimeout', () => {
    const half = topicCount / 2;
    const a = run((i) => (i % 4 === 0 ? topics.slice(0, half) : topics.slice(half)));
    expect(Object.keys(a)).toHaveLength(consumerCount);
  });
});
