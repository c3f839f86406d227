import { describe, expect, it } from 'vitest';
import { assignPartitions, type AssignorMember } from './index.ts';
import { names } from './test-helpers.ts';

const range = (partitionsPerTopic: Record<string, number>, members: AssignorMember[]) =>
  assignPartitions('range', { partitionsPerTopic, members });
const m = (memberId: string, topics: string[], groupInstanceId?: string): AssignorMember =>
  groupInstanceId === undefined ? { memberId, topics } : { memberId, topics, groupInstanceId };
const asNames = (a: Record<string, { topic: string; partition: number }[]>) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, names(v)]));

// Ported from apache/kafka clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java.
// Kafka runs most of these once per RackConfig; without racks all variants expect the same result,
// so each is ported once. Kafka compares as sets; our lists come sorted by topic, then partition.
describe('RangeAssignor (ported from RangeAssignorTest)', () => {
  it('testOneConsumerNoTopic', () => {
    expect(range({}, [m('consumer1', [])])).toEqual({ consumer1: [] });
  });

  it('testOneConsumerNonexistentTopic', () => {
    expect(range({}, [m('consumer1', ['topic1'])])).toEqual({ consumer1: [] });
  });

  it('testOneConsumerOneTopic', () => {
    expect(asNames(range({ topic1: 3 }, [m('consumer1', ['topic1'])]))).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic1-2'],
    });
  });

  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(asNames(range({ topic1: 3, other: 3 }, [m('consumer1', ['topic1'])]))).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic1-2'],
    });
  });

  it('testOneConsumerMultipleTopics', () => {
    expect(asNames(range({ topic1: 1, topic2: 2 }, [m('consumer1', ['topic1', 'topic2'])]))).toEqual({
      consumer1: ['topic1-0', 'topic2-0', 'topic2-1'],
    });
  });

  it('testTwoConsumersOneTopicOnePartition', () => {
    const a = range({ topic1: 1 }, [m('consumer1', ['topic1']), m('consumer2', ['topic1'])]);
    expect(asNames(a)).toEqual({ consumer1: ['topic1-0'], consumer2: [] });
  });

  it('testTwoConsumersOneTopicTwoPartitions', () => {
    const a = range({ topic1: 2 }, [m('consumer1', ['topic1']), m('consumer2', ['topic1'])]);
    expect(asNames(a)).toEqual({ consumer1: ['topic1-0'], consumer2: ['topic1-1'] });
  });

  it('testMultipleConsumersMixedTopics', () => {
    const a = range({ topic1: 3, topic2: 2 }, [
      m('consumer1', ['topic1']),
      m('consumer2', ['topic1', 'topic2']),
      m('consumer3', ['topic1']),
    ]);
    expect(asNames(a)).toEqual({
      consumer1: ['topic1-0'],
      consumer2: ['topic1-1', 'topic2-0', 'topic2-1'],
      consumer3: ['topic1-2'],
    });
  });

  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const both = ['topic1', 'topic2'];
    const a = range({ topic1: 3, topic2: 3 }, [m('consumer1', both), m('consumer2', both)]);
    expect(asNames(a)).toEqual({
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      consumer2: ['topic1-2', 'topic2-2'],
    });
  });

  it('testTwoStaticConsumersTwoTopicsSixPartitions: static members are ordered by instance id', () => {
    const both = ['topic1', 'topic2'];
    const a = range({ topic1: 3, topic2: 3 }, [m('consumer-b', both, 'instance1'), m('consumer-a', both, 'instance2')]);
    expect(asNames(a)).toEqual({
      'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      'consumer-a': ['topic1-2', 'topic2-2'],
    });
  });

  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions: static before dynamic', () => {
    const both = ['topic1', 'topic2'];
    const a = range({ topic1: 3, topic2: 3 }, [m('consumer-b', both, 'instance1'), m('consumer-a', both)]);
    expect(asNames(a)).toEqual({
      'consumer-b': ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      'consumer-a': ['topic1-2', 'topic2-2'],
    });
  });

  it('testStaticMemberRangeAssignmentPersistent', () => {
    const both = ['topic1', 'topic2'];
    const statics = [m('consumer1', both, 'instance1'), m('consumer2', both, 'instance2'), m('consumer3', both, 'instance3')];
    const expected = {
      consumer1: ['topic1-0', 'topic1-1', 'topic2-0'],
      consumer2: ['topic1-2', 'topic2-1'],
      consumer3: ['topic1-3', 'topic2-2'],
    };
    const first = range({ topic1: 5, topic2: 4 }, [...statics, m('consumer4', both)]);
    expect(asNames(first)).toEqual({ ...expected, consumer4: ['topic1-4', 'topic2-3'] });
    // Replace dynamic member 4 with a new dynamic member 5.
    const second = range({ topic1: 5, topic2: 4 }, [...statics, m('consumer5', both)]);
    expect(asNames(second)).toEqual({ ...expected, consumer5: ['topic1-4', 'topic2-3'] });
  });

  it('testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges', () => {
    const both = ['topic1', 'topic2'];
    const byInstance = (members: AssignorMember[]) => {
      const a = range({ topic1: 5, topic2: 5 }, members);
      return Object.fromEntries(members.map((x) => [x.groupInstanceId!, names(a[x.memberId])]));
    };
    const expected = {
      instance1: ['topic1-0', 'topic1-1', 'topic2-0', 'topic2-1'],
      instance2: ['topic1-2', 'topic1-3', 'topic2-2', 'topic2-3'],
      instance3: ['topic1-4', 'topic2-4'],
    };
    expect(
      byInstance([m('consumer1', both, 'instance1'), m('consumer2', both, 'instance2'), m('consumer3', both, 'instance3')]),
    ).toEqual(expected);
    // Now switch the member.id fields for each member info: the assignment stays the same.
    expect(
      byInstance([m('consumer1', both, 'instance1'), m('consumer5', both, 'instance2'), m('consumer4', both, 'instance3')]),
    ).toEqual(expected);
  });
});

// Ported from the same file: the expectations each testRackAware* case states for the runs where
// rack-aware logic does not apply (verifyNonRackAwareAssignment, and the runs it marks with -1).
// Kafka's helper names the members consumer0, consumer1, ... in list order.
describe('RangeAssignor non-rack-aware expectations (ported from RangeAssignorTest)', () => {
  const check = (topics: Record<string, number>, consumerTopics: string[][], expected: string[]) => {
    const members = consumerTopics.map((t, i) => m(`consumer${i}`, t));
    const a = range(topics, members);
    expect(members.map((x) => names(a[x.memberId]).join(', '))).toEqual(expected);
  };
  const all3 = ['t1', 't2', 't3'];

  it('testRackAwareAssignmentWithUniformSubscription', () => {
    check(
      { t1: 6, t2: 7, t3: 2 },
      [all3, all3, all3],
      ['t1-0, t1-1, t2-0, t2-1, t2-2, t3-0', 't1-2, t1-3, t2-3, t2-4, t3-1', 't1-4, t1-5, t2-5, t2-6'],
    );
  });

  it('testRackAwareAssignmentWithNonEqualSubscription', () => {
    check(
      { t1: 6, t2: 7, t3: 2 },
      [all3, all3, ['t1', 't3']],
      ['t1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0', 't1-2, t1-3, t2-4, t2-5, t2-6, t3-1', 't1-4, t1-5'],
    );
  });

  it('testRackAwareAssignmentWithUniformPartitions', () => {
    check(
      { t1: 5, t2: 5, t3: 5 },
      [all3, all3, all3],
      ['t1-0, t1-1, t2-0, t2-1, t3-0, t3-1', 't1-2, t1-3, t2-2, t2-3, t3-2, t3-3', 't1-4, t2-4, t3-4'],
    );
  });

  it('testRackAwareAssignmentWithUniformPartitionsNonEqualSubscription', () => {
    check(
      { t1: 5, t2: 5, t3: 5 },
      [all3, all3, ['t1', 't3']],
      ['t1-0, t1-1, t2-0, t2-1, t2-2, t3-0, t3-1', 't1-2, t1-3, t2-3, t2-4, t3-2, t3-3', 't1-4, t3-4'],
    );
  });

  it('testRackAwareAssignmentWithCoPartitioning', () => {
    const topics = { t1: 6, t2: 6, t3: 2, t4: 2 };
    const t12 = ['t1', 't2'];
    const t34 = ['t3', 't4'];
    check(
      topics,
      [t12, t12, t34, t34],
      ['t1-0, t1-1, t1-2, t2-0, t2-1, t2-2', 't1-3, t1-4, t1-5, t2-3, t2-4, t2-5', 't3-0, t4-0', 't3-1, t4-1'],
    );
    const all4 = ['t1', 't2', 't3', 't4'];
    check(
      topics,
      [all4, all4, all4, all4],
      ['t1-0, t1-1, t2-0, t2-1, t3-0, t4-0', 't1-2, t1-3, t2-2, t2-3, t3-1, t4-1', 't1-4, t2-4', 't1-5, t2-5'],
    );
  });

  it('testCoPartitionedAssignmentWithSameSubscription (topics t7..t9 do not exist)', () => {
    const list = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];
    check(
      { t1: 6, t2: 6, t3: 2, t4: 2, t5: 4, t6: 4 },
      [list, list, list],
      [
        't1-0, t1-1, t2-0, t2-1, t3-0, t4-0, t5-0, t5-1, t6-0, t6-1',
        't1-2, t1-3, t2-2, t2-3, t3-1, t4-1, t5-2, t6-2',
        't1-4, t1-5, t2-4, t2-5, t5-3, t6-3',
      ],
    );
  });
});

describe('RangeAssignor member order', () => {
  it('orders dynamic members by member.id as Java strings compare: "c10" before "c2"', () => {
    const a = range({ t: 3 }, [m('c2', ['t']), m('c10', ['t']), m('c1', ['t'])]);
    expect(asNames(a)).toEqual({ c1: ['t-0'], c10: ['t-1'], c2: ['t-2'] });
  });
});
