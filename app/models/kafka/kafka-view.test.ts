/**
 * The Kafka view against the simulator's own reads: every strip's committed pointers, lag, high
 * watermark and cells, and every group's members, are what the model says — so a slip such as
 * drawing `committed + 1` or the log end instead of the high watermark fails here.
 */
import { describe, expect, it } from 'vitest';
import { kafkaModel, kafkaRead, kafkaSummary, type KafkaScenario } from '../../../simulator/index.ts';
import { kafkaPanels, kafkaView, partitionChips, stripCellsMax } from './kafka-view.ts';

const scenario: KafkaScenario = {
  version: 1,
  name: 'two groups at different paces',
  brokers: [{ id: 1 }, { id: 2 }],
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 2 }],
  producers: [
    { id: 'shop', topic: 'orders', ratePerSec: 200, count: 300, keys: { type: 'uniform', keys: 40, prefix: 'order-' } },
  ],
  groups: [
    {
      id: 'fast',
      topics: ['orders'],
      consumers: 2,
      processingMs: 1,
      commit: { type: 'after-process' },
      autoOffsetReset: 'earliest',
    },
    {
      id: 'slow',
      topics: ['orders'],
      consumers: 1,
      processingMs: 40,
      // Commits on a timer while it works through its batch, so its committed offset trails.
      commit: { type: 'auto', intervalMs: 500 },
      autoOffsetReset: 'earliest',
    },
  ],
};

describe('the Kafka view', () => {
  const run = kafkaModel.run(scenario);
  const s = run.init(5);
  run.apply(s, { type: 'advance', untilMs: 5000 });
  const sum = kafkaSummary(s);
  const { partitions, groups } = kafkaPanels(kafkaView(s));

  it('draws each group’s committed offset and lag exactly as the simulator reads them', () => {
    let pointers = 0;
    for (const p of partitions) {
      const hw = sum.partitions.find((x) => x.topic === p.topic && x.partition === p.partition)!.highWatermark;
      expect(p.highWatermark).toBe(hw);
      expect(p.logEndOffset).toBe(kafkaRead.logEnd(s, p.topic, p.partition));
      for (const ptr of p.pointers) {
        const committed = kafkaRead.committed(s, ptr.label, p.topic, p.partition);
        expect(ptr.offset ?? -1, `${ptr.label} on ${p.id}`).toBe(committed);
        // Lag is the high watermark minus the committed offset (Kafka's definition), never the log end.
        if (ptr.offset !== null) expect(ptr.lag).toBe(hw - ptr.offset);
        pointers++;
      }
    }
    expect(pointers).toBe(6);
    // The slow group is behind somewhere, so lag is not trivially zero.
    expect(partitions.some((p) => p.pointers.some((x) => x.label === 'slow' && (x.lag ?? 0) > 0))).toBe(true);
  });

  it('draws stored records with their offsets and keys: the newest, and those around a committed offset far behind', () => {
    for (const p of partitions) {
      const stored = kafkaRead.storedOffsets(s, p.topic, p.partition).split(', ').filter(Boolean).map(Number);
      const keys = kafkaRead.keysIn(s, p.topic, p.partition).split(', ');
      const records = p.cells.filter((c) => c.gap === undefined);
      // Each drawn record is a stored one, with its own key; the newest is last.
      for (const c of records) expect(c.key).toBe(keys[stored.indexOf(c.offset)]);
      expect(records.at(-1)?.offset).toBe(stored.at(-1));
      // Shown records plus what the gap cells stand for never exceed what is stored.
      expect(p.cells.reduce((n, c) => n + (c.gap ?? 1), 0)).toBeLessThanOrEqual(stored.length);
      // Every committed offset is drawn on the strip, not clipped off its left end.
      for (const ptr of p.pointers)
        if (ptr.offset !== null && ptr.offset < p.logEndOffset) expect(records.some((c) => c.offset === ptr.offset)).toBe(true);
      if (p.cells.every((c) => c.gap === undefined)) expect(records.map((c) => c.offset)).toEqual(stored.slice(-stripCellsMax));
    }
    // The slow group is far behind: at least one strip is compressed.
    expect(partitions.some((p) => p.cells.some((c) => c.gap !== undefined))).toBe(true);
  });

  it('lists each group’s members with what the simulator says they own', () => {
    expect(groups.map((g) => g.id)).toEqual(['fast', 'slow']);
    for (const g of groups) {
      expect(g.lag).toBe(kafkaRead.groupLag(s, g.id) === -1 ? null : kafkaRead.groupLag(s, g.id));
      for (const m of g.members) expect(m.partitions.join(', ')).toBe(kafkaRead.owned(s, g.id, m.consumer));
    }
  });
});

describe('partitions on a consumer card', () => {
  it('mark what the latest rebalance moved: handed over (+), taken away (−), and not what came back', () => {
    expect(
      partitionChips(['orders-0', 'orders-2'], { revoked: ['orders-1', 'orders-0'], assigned: ['orders-2', 'orders-0'] }),
    ).toEqual([
      { label: 'orders-0', state: 'kept' },
      { label: 'orders-2', state: 'assigned' },
      { label: 'orders-1', state: 'revoked' },
    ]);
    expect(partitionChips([], undefined)).toEqual([]);
  });

  it('come from the simulator: after a consumer joins, the partitions it was handed are marked on its card', () => {
    const spec: KafkaScenario = {
      version: 1,
      name: 'join',
      brokers: [{ id: 1 }],
      topics: [{ name: 'orders', partitions: 4, replicationFactor: 1 }],
      producers: [],
      groups: [{ id: 'billing', topics: ['orders'], consumers: 1 }],
    };
    const r = kafkaModel.run(spec);
    const s = r.init(1);
    r.apply(s, { type: 'advance', untilMs: 5000 });
    const before = kafkaView(s).nodes.find((n) => n.id === 'consumer:billing-c1');
    // Its first assignment: all four partitions, handed to it when it joined.
    expect(before?.chips?.map((c) => c.label)).toEqual(['orders-0', 'orders-1', 'orders-2', 'orders-3']);
    const joined = r.apply(s, { type: 'add-consumer', group: 'billing' });
    expect(joined.ok).toBe(true);
    r.apply(s, { type: 'advance', untilMs: 25_000 });
    const nodes = kafkaView(s).nodes;
    const newcomer = nodes.find((n) => n.id.startsWith('consumer:') && n.id !== 'consumer:billing-c1');
    expect(newcomer?.chips?.length).toBeGreaterThan(0);
    expect(newcomer?.chips?.every((c) => c.state === 'assigned')).toBe(true);
    const old = nodes.find((n) => n.id === 'consumer:billing-c1')!;
    expect(
      old.chips
        ?.filter((c) => c.state === 'revoked')
        .map((c) => c.label)
        .sort(),
    ).toEqual(newcomer!.chips!.map((c) => c.label).sort());
  });
});
