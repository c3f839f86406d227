import { describe, expect, it } from 'vitest';
import { assignPartitions, type AssignorMember } from './index.ts';
import { names } from './test-helpers.ts';

const roundRobin = (partitionsPerTopic: Record<string, number>, members: AssignorMember[]) =>
  assignPartitions('roundrobin', { partitionsPerTopic, members });
const m = (memberId: string, topics: string[], groupInstanceId?: string): AssignorMember =>
  groupInstanceId === undefined ? { memberId, topics } : { memberId, topics, groupInstanceId };
const asNames = (a: Record<string, { topic: string; partition: number }[]>) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, names(v)]));
const both = ['topic1', 'topic2'];

// Ported from apache/kafka clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java.
// Kafka compares these as ordered lists; round-robin deals partitions in topic, partition order,
// which is also the order assignPartitions returns them in.
describe('RoundRobinAssignor (ported from RoundRobinAssignorTest)', () => {
  it('testOneConsumerNoTopic', () => {
    expect(roundRobin({}, [m('consumer', [])])).toEqual({ consumer: [] });
  });

  it('testOneConsumerNonexistentTopic', () => {
    expect(roundRobin({}, [m('consumer', ['topic'])])).toEqual({ consumer: [] });
  });

  it('testOneConsumerOneTopic', () => {
    expect(asNames(roundRobin({ topic: 3 }, [m('consumer', ['topic'])]))).toEqual({
      consumer: ['topic-0', 'topic-1', 'topic-2'],
    });
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(asNames(roundRobin({ topic: 3, other: 3 }, [m('consumer', ['topic'])]))).toEqual({
      consumer: ['topic-0', 'topic-1', 'topic-2'],
    });
  });

  it('testOneConsumerMultipleTopics', () => {
    expect(asNames(roundRobin({ topic1: 1, topic2: 2 }, [m('consumer', both)]))).toEqual({
      consumer: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  it('testTwoConsumersOneTopicOnePartition', () => {
    const a = roundRobin({ topic: 1 }, [m('consumer1', ['topic']), m('consumer2', ['topic'])]);
    expect(asNames(a)).toEqual({ consumer1: ['topic-0'], consumer2: [] });
  });

  it('testTwoConsumersOneTopicTwoPartitions', () => {
    const a = roundRobin({ topic: 2 }, [m('consumer1', ['topic']), m('consumer2', ['topic'])]);
    expect(asNames(a)).toEqual({ consumer1: ['topic-0'], consumer2: ['topic-1'] });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const a = roundRobin({ topic1: 3, topic2: 2 }, [
      m('consumer1', ['topic1']),
      m('consumer2', both),
      m('consumer3', ['topic1']),
    ]);
    expect(asNames(a)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });

  it('testTwoDynamicConsumersTwoTopicsSixPartitions', () => {
    const a = roundRobin({ topic1: 3, topic2: 3 }, [m('consumer1', both), m('consumer2', both)]);
    expect(asNames(a)).toEqual({
      consumer1: ['topic1-0', 'topic1-2', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testTwoStaticConsumersTwoTopicsSixPartitions', () => {
    const a = roundRobin({ topic1: 3, topic2: 3 }, [m('consumer-b', both, 'instance1'), m('consumer-a', both, 'instance2')]);
    expect(asNames(a)).toEqual({
      'consumer-b': ['topic1-0', 'topic1-2', 'topic2-1'],
      'consumer-a': ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions', () => {
    const a = roundRobin({ topic1: 3, topic2: 3 }, [m('consumer-b', both, 'instance1'), m('consumer-a', both)]);
    expect(asNames(a)).toEqual({
      'consumer-b': ['topic1-0', 'topic1-2', 'topic2-1'],
      'consumer-a': ['topic1-1', 'topic2-0', 'topic2-2'],
    });
  });

  it('testStaticMemberRoundRobinAssignmentPersistent', () => {
    const statics = [m('consumer1', both, 'instance1'), m('consumer2', both, 'instance2'), m('consumer3', both, 'instance3')];
    const expected = {
      consumer1: ['topic1-0', 'topic2-1'],
      consumer2: ['topic1-1', 'topic2-2'],
      consumer3: ['topic1-2'],
    };
    expect(asNames(roundRobin({ topic1: 3, topic2: 3 }, [...statics, m('consumer4', both)]))).toEqual({
      ...expected,
      consumer4: ['topic2-0'],
    });
    // Replace dynamic member 4 with a new dynamic member 5.
    expect(asNames(roundRobin({ topic1: 3, topic2: 3 }, [...statics, m('consumer5', both)]))).toEqual({
      ...expected,
      consumer5: ['topic2-0'],
    });
  });

  it('testStaticMemberRoundRobinAssignmentPersistentAfterMemberIdChanges', () => {
    const byInstance = (members: AssignorMember[]) => {
      const a = roundRobin({ topic1: 5, topic2: 5 }, members);
      return Object.fromEntries(members.map((x) => [x.groupInstanceId!, names(a[x.memberId])]));
    };
    const expected = {
      instance1: ['topic1-0', 'topic1-3', 'topic2-1', 'topic2-4'],
      instance2: ['topic1-1', 'topic1-4', 'topic2-2'],
      instance3: ['topic1-2', 'topic2-0', 'topic2-3'],
    };
    expect(
      byInstance([m('consumer1', both, 'instance1'), m('consumer2', both, 'instance2'), m('consumer3', both, 'instance3')]),
    ).toEqual(expected);
    expect(
      byInstance([m('consumer1', both, 'instance1'), m('consumer5', both, 'instance2'), m('consumer4', both, 'instance3')]),
    ).toEqual(expected);
  });
});

// Kafka's RoundRobinAssignor javadoc example with unequal subscriptions
// (clients/src/main/java/org/apache/kafka/clients/consumer/RoundRobinAssignor.java).
describe('RoundRobinAssignor javadoc example', () => {
  it('skips members not subscribed to a topic, which can unbalance the result', () => {
    const a = roundRobin({ t0: 1, t1: 2, t2: 3 }, [m('C0', ['t0']), m('C1', ['t0', 't1']), m('C2', ['t0', 't1', 't2'])]);
    expect(asNames(a)).toEqual({ C0: ['t0-0'], C1: ['t1-0'], C2: ['t1-1', 't2-0', 't2-1', 't2-2'] });
  });
});
