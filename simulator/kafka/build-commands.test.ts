import { describe, expect, it } from 'vitest';
import { partitionForKey } from './partitioner/index.ts';
import { kafkaRead } from './reads.ts';
import { SCENARIO_LIMITS as L } from './scenario/limits.ts';
import type { KafkaEngineCommand } from './scenario/types.ts';
import { baseScenario, world } from './test-kit.ts';
import { cloneState } from './clone.ts';

const blank = () => baseScenario({ brokers: [{ id: 1 }], topics: [] });

/** The partition each record of a topic was appended to, by record number (produce order). */
function placed(w: ReturnType<typeof world>, topic: string): Map<number, { partition: number; key: string | null }> {
  const out = new Map<number, { partition: number; key: string | null }>();
  for (const e of w.entries('record-appended')) {
    if (e.topic === topic) out.set(Number(e.recordId.slice('rec-'.length)), { partition: e.partition, key: e.key });
  }
  return out;
}

describe('building a Kafka cluster with commands', () => {
  it('adds brokers and creates a topic on them, refusing what Kafka refuses', () => {
    const w = world(blank());
    expect(w.reject({ type: 'create-topic', topic: { name: 'orders', partitions: 3, replicationFactor: 2 } })).toBe(
      'Replication factor: 2 larger than available brokers: 1.',
    );
    w.run({ type: 'add-broker', broker: 2 });
    expect(w.reject({ type: 'add-broker', broker: 2 })).toBe('Broker 2 is already registered in the cluster.');
    w.run({ type: 'create-topic', topic: { name: 'orders', partitions: 3, replicationFactor: 2 } });
    expect(w.reject({ type: 'create-topic', topic: { name: 'orders', partitions: 1, replicationFactor: 1 } })).toBe(
      "Topic 'orders' already exists.",
    );
    expect(
      w.reject({ type: 'create-topic', topic: { name: 'pay', partitions: 1, replicationFactor: 2, minInsyncReplicas: 3 } }),
    ).toMatch(/^min\.insync\.replicas \(3\) cannot exceed the replication factor \(2\)/);
    expect(w.s.k.topics.map((t) => t.name)).toEqual(['orders']);
    // Each change is a trace entry naming the node it touched, so the page narrates the build.
    expect(w.entries('cluster-changed').map((e) => [e.change, e.broker ?? e.topic])).toEqual([
      ['broker-added', 'broker-2'],
      ['topic-created', 'orders'],
    ]);
    expect(w.entries('cluster-changed')[1]!.text).toBe('Topic orders was created with 3 partitions, replication factor 2.');
    expect(w.s.k.parts.map((p) => p.replicas.length)).toEqual([2, 2, 2]);
  });

  it('runs a producer and a group added from commands, then a consumer added mid-run triggers a rebalance', () => {
    const w = world(blank());
    w.run({ type: 'create-topic', topic: { name: 'orders', partitions: 2, replicationFactor: 1 } });
    w.run({
      type: 'add-producer',
      producer: { id: 'shop', topic: 'orders', ratePerSec: 10, count: 20, keys: { type: 'uniform', keys: 5 } },
    });
    w.run({ type: 'add-group', group: { id: 'billing', topics: ['orders'], consumers: 1, autoOffsetReset: 'earliest' } });
    w.advance(6000);
    const before = w.entries('rebalance-started').length;
    w.run({ type: 'add-consumer', group: 'billing' });
    w.idle();
    expect(w.entries('rebalance-started').length).toBeGreaterThan(before);
    expect(w.summary().records.produced).toBe(20);
    expect(w.summary().records.delivered).toBe(20);
  });

  it('adds partitions to a live topic: old records stay, keys map with murmur2 % the new count, groups rebalance', () => {
    const w = world(blank());
    w.run({ type: 'create-topic', topic: { name: 'orders', partitions: 2, replicationFactor: 1 } });
    w.run({ type: 'create-topic', topic: { name: 'audit', partitions: 1, replicationFactor: 1 } });
    w.run({ type: 'add-group', group: { id: 'billing', topics: ['orders'], consumers: 1, autoOffsetReset: 'earliest' } });
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (const key of keys) w.run({ type: 'produce', topic: 'orders', key });
    w.advance(5000);
    const storedBefore = [0, 1].map((p) => kafkaRead.logEnd(w.s, 'orders', p));
    expect(w.reject({ type: 'create-partitions', topic: 'orders', partitions: 1 })).toBe(
      'Topic currently has 2 partitions, which is higher than the requested 1. The number of partitions for a topic can only be increased.',
    );
    const rebalances = w.entries('rebalance-started').length;
    w.run({ type: 'create-partitions', topic: 'orders', partitions: 5 });
    expect(w.entries('rebalance-started').length).toBe(rebalances + 1);
    // The records already written have not moved.
    expect([0, 1].map((p) => kafkaRead.logEnd(w.s, 'orders', p))).toEqual(storedBefore);
    for (const key of keys) w.run({ type: 'produce', topic: 'orders', key });
    w.idle();
    const byRecord = placed(w, 'orders');
    const rns = [...byRecord.keys()].sort((a, b) => a - b).slice(keys.length);
    const after = rns.map((rn) => byRecord.get(rn)!);
    expect(after.map((r) => r.key)).toEqual(keys);
    expect(after.map((r) => r.partition)).toEqual(keys.map((k) => partitionForKey(k, 5)));
    expect(after.some((r, i) => r.partition !== partitionForKey(keys[i]!, 2))).toBe(true);
    // The new partitions are read: every record reaches the group.
    expect(w.summary().records.delivered).toBe(16);
    expect(w.summary().partitions.filter((p) => p.topic === 'orders').length).toBe(5);
  });

  it('a clone taken before create-partitions is not changed by it (the timeline can step back)', () => {
    const w = world(blank());
    w.run({ type: 'create-topic', topic: { name: 'orders', partitions: 1, replicationFactor: 1 } });
    w.run({ type: 'create-partitions', topic: 'orders', partitions: 2 });
    const copy = cloneState(w.s);
    w.run({ type: 'create-partitions', topic: 'orders', partitions: 4 });
    expect(copy.k.topics[0]!.partitions).toBe(2);
    expect(copy.k.topics[0]!.morePids).toEqual([1]);
    expect(w.s.k.topics[0]!.morePids).toEqual([1, 2, 3]);
  });

  it('refuses an idempotent producer without acks=all, in Kafka’s words, and stops a producer', () => {
    const w = world(baseScenario());
    expect(
      w.reject({
        type: 'add-producer',
        producer: { id: 'p', topic: 'orders', ratePerSec: 1, acks: 1, idempotent: true, keys: { type: 'none' } },
      }),
    ).toMatch(/Must set acks to all in order to use the idempotent producer/);
    expect(w.reject({ type: 'add-producer', producer: { id: 'p', topic: 'nope', ratePerSec: 1, keys: { type: 'none' } } })).toBe(
      "Topic 'nope' does not exist.",
    );
    w.run({ type: 'add-producer', producer: { id: 'p', topic: 'orders', ratePerSec: 100, keys: { type: 'none' } } });
    w.advance(1000);
    w.run({ type: 'stop-producer', producer: 'p' });
    w.idle();
    const produced = w.summary().records.produced;
    expect(produced).toBeGreaterThan(50);
    expect(produced).toBeLessThanOrEqual(101);
  });

  it('alters a live topic’s config: retention starts deleting old segments', () => {
    const w = world(blank(), 1, { cleanerIntervalMs: 100 });
    w.run({ type: 'create-topic', topic: { name: 'logs', partitions: 1, replicationFactor: 1, segmentRecords: 2 } });
    for (let i = 0; i < 6; i++) w.run({ type: 'produce', topic: 'logs' });
    w.advance(1000);
    expect(w.entries('retention-deleted')).toHaveLength(0);
    expect(w.reject({ type: 'alter-topic-config', topic: 'logs', config: { minInsyncReplicas: 2 } })).toMatch(
      /cannot exceed the replication factor \(1\)/,
    );
    w.run({ type: 'alter-topic-config', topic: 'logs', config: { retentionMs: 500 } });
    w.advance(3000);
    expect(w.entries('retention-deleted').length).toBeGreaterThan(0);
  });

  it('bounds groups and consumers added by commands, so a link of many adds cannot exhaust the page', () => {
    const w = world(blank());
    w.run({ type: 'create-topic', topic: { name: 'orders', partitions: 1, replicationFactor: 1 } });
    const group = (id: string, consumers: number): KafkaEngineCommand => ({
      type: 'add-group',
      group: { id, topics: ['orders'], consumers, autoOffsetReset: 'earliest' },
    });
    // Groups: the hundredth is the last; a deleted group's slot still counts.
    for (let g = 0; g < L.groupsMax; g++) w.run(group(`g${g}`, g === 0 ? 0 : 1));
    w.run({ type: 'delete-group', group: 'g0' });
    expect(w.reject(group('one-more', 1))).toBe(
      `The cluster has created ${L.groupsMax} consumer groups (a deleted group keeps its slot), the simulator's limit (groupsMax).`,
    );
    // Consumers: one group may have had at most consumersMax, counting those that left.
    const big = world(blank());
    big.run({ type: 'create-topic', topic: { name: 'orders', partitions: 1, replicationFactor: 1 } });
    big.run(group('crowd', L.consumersMax - 1));
    big.run({ type: 'add-consumer', group: 'crowd' });
    big.run({ type: 'remove-consumer', consumer: 'crowd-c1' });
    expect(big.reject({ type: 'add-consumer', group: 'crowd' })).toBe(
      `A group may have had at most ${L.consumersMax} consumers (consumersMax).`,
    );
    expect(big.s.k.consumers).toHaveLength(L.consumersMax);
  });
});
