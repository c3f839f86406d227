import { describe, expect, it } from 'vitest';
import { partitionForKey } from './partitioner/index.ts';
import { KafkaEngineCommandSchema } from './scenario/schema.ts';
import type { KafkaEngineCommand } from './scenario/types.ts';
import { baseScenario, world } from './test-kit.ts';

const oneBroker = () => baseScenario({ brokers: [{ id: 1 }], topics: [{ name: 'orders', partitions: 4, replicationFactor: 1 }] });

describe("changing a live producer's settings", () => {
  it('new keys apply to records sent from then on; records already written stay where they are', () => {
    const w = world(oneBroker());
    w.run({ type: 'add-producer', producer: { id: 'shop', topic: 'orders', ratePerSec: 100, keys: { type: 'none' } } });
    w.advance(1000);
    const before = w.entries('record-appended').map((e) => [e.recordId, e.partition]);
    w.run({ type: 'alter-producer', producer: 'shop', config: { keys: { type: 'fixed', key: 'cart-7' } } });
    w.advance(2000);
    const appended = w.entries('record-appended');
    expect(appended.slice(0, before.length).map((e) => [e.recordId, e.partition])).toEqual(before);
    const after = appended.filter((e) => e.atMs > 1100);
    expect(after.length).toBeGreaterThan(50);
    expect(new Set(after.map((e) => e.partition))).toEqual(new Set([partitionForKey('cart-7', 4)]));
    expect(after.every((e) => e.key === 'cart-7')).toBe(true);
    const change = w.entries('cluster-changed').at(-1)!;
    expect([change.change, change.producer]).toEqual(['producer-changed', 'shop']);
    expect(change.text).toBe('Producer shop now sends with always key cart-7; records already sent keep their settings.');
  });

  it('refuses acks other than all on an idempotent producer, in Kafka’s words; a plain one switches to acks=0', () => {
    const w = world(oneBroker());
    w.run({ type: 'add-producer', producer: { id: 'shop', topic: 'orders', ratePerSec: 50, keys: { type: 'none' } } });
    expect(w.reject({ type: 'alter-producer', producer: 'shop', config: { acks: 1 } })).toBe(
      'Must set acks to all in order to use the idempotent producer (this producer is idempotent).',
    );
    expect(w.reject({ type: 'alter-producer', producer: 'nobody', config: { acks: 1 } })).toBe('There is no producer "nobody".');
    expect(w.reject({ type: 'alter-producer', producer: 'shop', config: {} })).toBe(
      'Nothing to change: give acks, keys or stickyBatchSize.',
    );
    w.run({
      type: 'add-producer',
      producer: { id: 'logs', topic: 'orders', ratePerSec: 50, idempotent: false, keys: { type: 'none' } },
    });
    w.advance(1000);
    const ackedBefore = w.entries('produce-acked').filter((e) => e.producer === 'logs').length;
    expect(ackedBefore).toBeGreaterThan(0);
    w.run({ type: 'alter-producer', producer: 'logs', config: { acks: 0 } });
    w.advance(1100);
    const settled = w.entries('produce-acked').filter((e) => e.producer === 'logs').length;
    w.advance(3000);
    // With acks=0 the producer waits for no answer: nothing more is acknowledged, records still land.
    expect(w.entries('produce-acked').filter((e) => e.producer === 'logs').length).toBe(settled);
    expect(w.entries('record-appended').filter((e) => e.producer === 'logs' && e.atMs > 1200).length).toBeGreaterThan(50);
  });
});

describe("changing a live group's assignor and commit policy", () => {
  const grouped = () => {
    const w = world(oneBroker());
    w.run({
      type: 'add-group',
      group: { id: 'billing', topics: ['orders'], consumers: 3, autoOffsetReset: 'earliest', processingMs: 5 },
    });
    w.advance(6000);
    return w;
  };

  it('a new assignor starts a rebalance and the next assignment uses it', () => {
    const w = grouped();
    const rebalances = w.entries('rebalance-started').length;
    w.run({ type: 'alter-group', group: 'billing', config: { assignor: 'roundrobin' } });
    expect(w.entries('rebalance-started').length).toBe(rebalances + 1);
    expect(w.entries('rebalance-started').at(-1)!.reason).toBe('group billing changed its assignor to roundrobin');
    // Mid-rebalance the change waits, as a rolling restart would.
    expect(w.reject({ type: 'alter-group', group: 'billing', config: { assignor: 'range' } })).toMatch(
      /^Group billing is rebalancing \(REBALANCE_IN_PROGRESS\)/,
    );
    w.advance(12_000);
    // Round robin over 4 partitions and 3 members: each member gets every third partition.
    const last = w.entries('rebalance-completed').at(-1)!;
    const sizes = Object.values(last.assignment)
      .map((ps) => ps.length)
      .sort();
    expect(sizes).toEqual([1, 1, 2]);
    expect(w.s.k.groups[0]!.assignor).toBe('roundrobin');
  });

  it('a new commit policy applies from the next poll: after-record commits every record', () => {
    const w = grouped();
    w.run({ type: 'alter-group', group: 'billing', config: { commit: { type: 'after-record' } } });
    expect(w.entries('cluster-changed').at(-1)!.text).toBe(
      "Group billing now uses commit after each record from each consumer's next poll.",
    );
    const commitsBefore = w.entries('offset-committed').length;
    for (let i = 0; i < 6; i++) w.run({ type: 'produce', topic: 'orders', key: `k${i}` });
    w.advance(9000);
    const commits = w.entries('offset-committed').slice(commitsBefore);
    expect(commits.length).toBe(6);
    expect(w.reject({ type: 'alter-group', group: 'billing', config: { commit: { type: 'transaction' } } })).toMatch(
      /^Group billing has no transactional producers/,
    );
    expect(w.reject({ type: 'alter-group', group: 'nope', config: { assignor: 'range' } })).toBe(
      'There is no consumer group "nope".',
    );
  });

  it('the commands are checked by the same schema as links and files, and replay to the same world', () => {
    const bad = KafkaEngineCommandSchema.safeParse({ type: 'alter-group', group: 'billing', config: { assignor: 'fastest' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['config', 'assignor']);
    const cmds: KafkaEngineCommand[] = [
      { type: 'add-producer', producer: { id: 'shop', topic: 'orders', ratePerSec: 40, keys: { type: 'uniform', keys: 9 } } },
      { type: 'add-group', group: { id: 'billing', topics: ['orders'], consumers: 2, autoOffsetReset: 'earliest' } },
      { type: 'advance', untilMs: 6000 },
      { type: 'alter-producer', producer: 'shop', config: { keys: { type: 'hot', hotKey: 'h', hotPerMille: 800, keys: 3 } } },
      { type: 'alter-group', group: 'billing', config: { assignor: 'cooperative-sticky', commit: { type: 'after-process' } } },
      { type: 'advance', untilMs: 14_000 },
    ];
    for (const c of cmds) expect(KafkaEngineCommandSchema.safeParse(c).success).toBe(true);
    const runs = [world(oneBroker()), world(oneBroker())].map((w) => {
      for (const c of cmds) w.run(c);
      return JSON.stringify(w.s.trace.entries);
    });
    expect(runs[0]).toBe(runs[1]);
    expect(runs[0]).toContain('producer-changed');
  });
});
