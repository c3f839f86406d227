import { describe, expect, it } from 'vitest';
import { createKafkaSim, createKafkaTimeline } from './kafka-sim.ts';
import { KafkaEngineCommandSchema } from './scenario/schema.ts';
import type { KafkaEngineCommand, KafkaScenario } from './scenario/types.ts';
import { SCENARIO_LIMITS as L } from './scenario/limits.ts';
import { baseScenario, world } from './test-kit.ts';

const cluster = (): KafkaScenario =>
  baseScenario({
    brokers: [{ id: 1 }, { id: 2 }],
    topics: [
      { name: 'orders', partitions: 3, replicationFactor: 2 },
      { name: 'audit', partitions: 1, replicationFactor: 1 },
    ],
  });

/** A producer writing to orders, a group of two reading orders and audit, a second of one reading orders. */
function running() {
  const w = world(cluster());
  w.run({ type: 'add-producer', producer: { id: 'shop', topic: 'orders', ratePerSec: 50, keys: { type: 'uniform', keys: 9 } } });
  w.run({ type: 'produce', topic: 'audit', value: 'a' });
  w.run({
    type: 'add-group',
    group: {
      id: 'billing',
      topics: ['orders', 'audit'],
      consumers: 2,
      autoOffsetReset: 'earliest',
      commit: { type: 'after-process' },
    },
  });
  w.run({ type: 'add-group', group: { id: 'stats', topics: ['orders'], consumers: 1, autoOffsetReset: 'earliest' } });
  w.advance(6000);
  return w;
}

const ordersParts = (w: ReturnType<typeof world>) => w.summary().partitions.filter((p) => p.topic === 'orders');

describe('deleting a topic on a live cluster', () => {
  it('stops the producer and the readers as Kafka does, and frees the name', () => {
    const w = running();
    expect(ordersParts(w)).toHaveLength(3);
    expect(
      w
        .summary()
        .groups.find((g) => g.group === 'billing')!
        .partitions.some((p) => p.topic === 'orders'),
    ).toBe(true);
    const produced = w.summary().records.produced;
    w.run({ type: 'delete-topic', topic: 'orders' });
    const change = w.entries('cluster-changed').at(-1)!;
    expect([change.change, change.topic]).toEqual(['topic-deleted', 'orders']);
    expect(change.text).toContain('Topic orders was deleted with its 3 partitions and their records.');
    expect(change.text).toContain('shop: send() now fails after max.block.ms (Topic orders not present in metadata)');
    expect(change.text).toContain('Group(s) billing, stats lost their offsets for it and rebalance without it.');
    w.advance(20_000);

    // The topic is gone from the cluster, from every group's offsets and from every assignment.
    expect(ordersParts(w)).toEqual([]);
    for (const g of w.summary().groups) {
      expect(g.partitions.map((p) => p.topic)).not.toContain('orders');
      expect(g.members.flatMap((m) => m.partitions).filter((p) => p.startsWith('orders-'))).toEqual([]);
      expect(g.state).toBe('stable');
    }
    // billing still reads audit; stats owns nothing now.
    expect(
      w
        .summary()
        .groups.find((g) => g.group === 'billing')!
        .members.flatMap((m) => m.partitions),
    ).toEqual(['audit-0']);
    // The producer's application creates no more records; nothing more reaches a log.
    expect(w.summary().records.produced - produced).toBeLessThan(5);
    const lastAppend = w
      .entries('record-appended')
      .filter((e) => e.topic === 'orders')
      .at(-1)!;
    expect(lastAppend.atMs).toBeLessThanOrEqual(6000);
    expect(w.entries('records-fetched').filter((e) => e.topic === 'orders' && e.atMs > 6100)).toEqual([]);

    // Commands naming it find nothing, as Kafka answers for an unknown topic.
    expect(w.reject({ type: 'produce', topic: 'orders', value: 'x' })).toBe('There is no topic "orders".');
    expect(w.reject({ type: 'delete-topic', topic: 'orders' })).toBe(
      "Topic 'orders' does not exist (UNKNOWN_TOPIC_OR_PARTITION).",
    );
  });

  it('a buffered batch to a deleted partition is retried with UNKNOWN_TOPIC_OR_PARTITION and then fails', () => {
    const w = world(cluster(), 1, { deliveryTimeoutMs: 3000 });
    w.advance(100);
    w.run({ type: 'produce', topic: 'orders', key: 'k', value: 'late' });
    // Still lingering in the producer when the topic goes.
    w.run({ type: 'delete-topic', topic: 'orders' });
    w.advance(10_000);
    const failed = w.entries('produce-failed');
    expect(failed.length).toBeGreaterThan(1);
    expect(new Set(failed.map((e) => e.error))).toEqual(new Set(['UNKNOWN_TOPIC_OR_PARTITION']));
    expect(failed.at(-1)!.willRetry).toBe(false);
    expect(w.summary().records.failed).toBe(1);
    expect(w.entries('record-appended').filter((e) => e.topic === 'orders')).toEqual([]);
  });

  it('a topic created again with the name is new and empty; the producer and the subscribed groups use it', () => {
    const w = running();
    w.run({ type: 'delete-topic', topic: 'orders' });
    w.advance(10_000);
    w.run({ type: 'create-topic', topic: { name: 'orders', partitions: 2, replicationFactor: 1 } });
    const parts = ordersParts(w);
    expect(parts.map((p) => [p.partition, p.logEndOffset])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    w.advance(20_000);
    expect(ordersParts(w).reduce((n, p) => n + p.logEndOffset, 0)).toBeGreaterThan(100);
    const stats = w.summary().groups.find((g) => g.group === 'stats')!;
    expect(stats.members.flatMap((m) => m.partitions).sort()).toEqual(['orders-0', 'orders-1']);
    expect(stats.partitions.every((p) => p.topic === 'orders' && p.committed !== null)).toBe(true);
  });
  it('a deleted topic keeps its slot, so the topic limit counts it, and the refusal says so', () => {
    const w = world(cluster());
    for (let i = 0; w.s.k.topics.length < L.topicsMax; i++) {
      const name = `t-${i}`;
      w.run({ type: 'create-topic', topic: { name, partitions: 1, replicationFactor: 1 } });
      if (i % 2 === 0) w.run({ type: 'delete-topic', topic: name });
    }
    const live = w.summary().partitions.filter((p) => p.partition === 0).length;
    expect(live).toBeLessThan(L.topicsMax);
    const deleted = L.topicsMax - live;
    expect(w.reject({ type: 'create-topic', topic: { name: 'one-more', partitions: 1, replicationFactor: 1 } })).toBe(
      `The cluster has created ${L.topicsMax} topics (${deleted} of them deleted: a deleted topic keeps its slot), the simulator's limit (topicsMax).`,
    );
  });
});

describe('deleting a consumer group', () => {
  it('is refused while the group has members, in Kafka’s words; allowed once it is empty', () => {
    const w = running();
    expect(w.reject({ type: 'delete-group', group: 'billing' })).toBe(
      "Group 'billing' could not be deleted: The group is not empty (GroupNotEmptyException): consumer(s) billing-c1, billing-c2 still run in it. Remove its consumers first.",
    );
    expect(w.reject({ type: 'delete-group', group: 'nobody' })).toBe(
      "Group 'nobody' could not be deleted: The group id does not exist.",
    );
    w.run({ type: 'remove-consumer', consumer: 'billing-c1' });
    w.run({ type: 'remove-consumer', consumer: 'billing-c2' });
    // Closed consumers are members until the coordinator has their LeaveGroup.
    expect(w.reject({ type: 'delete-group', group: 'billing' })).toContain('The group is not empty');
    w.advance(7000);
    w.run({ type: 'delete-group', group: 'billing' });
    expect(w.entries('cluster-changed').at(-1)!.change).toBe('group-deleted');
    expect(w.summary().groups.map((g) => g.group)).toEqual(['stats']);
    expect(w.summary().consumers.map((c) => c.consumer)).toEqual(['stats-c1']);
    expect(w.reject({ type: 'add-consumer', group: 'billing' })).toBe('There is no group "billing".');
  });

  it('a group created again with the id has no offsets: it starts from auto.offset.reset', () => {
    const w = running();
    w.run({ type: 'remove-consumer', consumer: 'billing-c1' });
    w.run({ type: 'remove-consumer', consumer: 'billing-c2' });
    w.advance(7000);
    w.run({ type: 'delete-group', group: 'billing' });
    w.run({ type: 'add-group', group: { id: 'billing', topics: ['audit'], consumers: 1, autoOffsetReset: 'earliest' } });
    w.advance(12_000);
    const billing = w.summary().groups.find((g) => g.group === 'billing')!;
    expect(billing.members.map((m) => m.consumer)).toEqual(['billing-c1']);
    // audit's one record is read again from the start by the new group.
    const fetched = w.entries('records-fetched').filter((e) => e.group === 'billing' && e.topic === 'audit');
    expect(fetched.at(-1)!.fromOffset).toBe(0);
    expect(fetched.filter((e) => e.atMs > 7000)).not.toEqual([]);
  });
});

describe('deletes are commands like any other', () => {
  const script: KafkaEngineCommand[] = [
    { type: 'add-producer', producer: { id: 'shop', topic: 'orders', ratePerSec: 40, keys: { type: 'uniform', keys: 5 } } },
    { type: 'add-group', group: { id: 'billing', topics: ['orders'], consumers: 2, autoOffsetReset: 'earliest' } },
    { type: 'advance', untilMs: 5000 },
    { type: 'delete-topic', topic: 'orders' },
    { type: 'advance', untilMs: 8000 },
    { type: 'remove-consumer', consumer: 'billing-c1' },
    { type: 'remove-consumer', consumer: 'billing-c2' },
    { type: 'advance', untilMs: 12_000 },
    { type: 'delete-group', group: 'billing' },
    { type: 'create-topic', topic: { name: 'orders', partitions: 2, replicationFactor: 2 } },
    { type: 'add-group', group: { id: 'billing', topics: ['orders'], consumers: 1 } },
    { type: 'advance', untilMs: 16_000 },
  ];

  it('the schema carries them (links and files), and rejects a malformed one naming the field', () => {
    for (const c of script) expect(KafkaEngineCommandSchema.safeParse(c).success).toBe(true);
    const bad = KafkaEngineCommandSchema.safeParse({ type: 'delete-topic', name: 'orders' });
    expect(bad.success).toBe(false);
  });

  it('seek equals replay from the start, at every position and checkpoint interval, with deletes in the middle', () => {
    const opts = { seed: 7, scenario: cluster() };
    const straight = createKafkaSim(opts);
    const states: string[] = [];
    const s = straight.init();
    states.push(JSON.stringify(s));
    for (const c of script) {
      const r = straight.apply(s, c);
      expect(r.ok, JSON.stringify(c)).toBe(true);
      states.push(JSON.stringify(s));
    }
    for (const every of [1, 2, 5]) {
      const t = createKafkaTimeline(opts, every);
      for (const c of script) t.push(c);
      for (const k of [script.length, 0, 4, 9, 3, 10, 6, 12]) {
        expect(JSON.stringify(t.seek(k)), `seek ${k}, checkpoint every ${every}`).toBe(states[k]);
      }
    }
  });
});
