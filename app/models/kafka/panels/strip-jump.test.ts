/**
 * Replay on the strip: after an offset reset moved a group's committed offset back, the strip
 * marks the old spot ("jumped back from 30 to 0") on a lane of its own, with the jump drawn from
 * there to the new spot, and says it in words; the view sets the old spot from the simulator's
 * trace only while the group is still behind it.
 */
import { describe, expect, it } from 'vitest';
import { kafkaModel, type KafkaCommand, type KafkaScenario } from '../../../../simulator/index.ts';
import type { PartitionView } from '../kafka-view-types.ts';
import { kafkaPanels, kafkaView } from '../kafka-view.ts';
import { pointerNotes, stripLayout, stripSummary } from './strip-geometry.ts';

const partition = (pointers: PartitionView['pointers']): PartitionView => ({
  id: 'orders-0',
  topic: 'orders',
  partition: 0,
  logStartOffset: 0,
  logEndOffset: 30,
  highWatermark: 30,
  leader: 'b1',
  isr: ['b1'],
  cells: Array.from({ length: 30 }, (_, i) => ({ offset: i, key: `order-${i}` })),
  pointers,
  segmentCount: 1,
  activeSegmentBase: 0,
  segmentStarts: [],
});

describe('a pointer that jumped back', () => {
  it('marks its old spot with the jump to the new one, on a lane clear of the pointer and its lag', () => {
    const layout = stripLayout(partition([{ label: 'analytics', offset: 0, lag: 30, jumpedFrom: 30 }]));
    const [ptr, jump] = layout.pointers;
    expect(ptr).toMatchObject({ kinds: ['committed'], offset: 0, at: 0, spanTo: 30 });
    expect(jump).toMatchObject({ kinds: ['jumped-from'], offset: 30, at: 30, jumpTo: 0 });
    expect(jump!.text).toBe('analytics jumped back from 30 to 0');
    expect(jump!.lane).not.toBe(ptr!.lane);
    expect(layout.pointerLanes).toBe(2);
  });

  it('is said in words too, and nothing is marked without a jump', () => {
    const p = partition([{ label: 'analytics', offset: 4, lag: 26, jumpedFrom: 30 }]);
    expect(pointerNotes(p)[0]!.text).toBe('analytics at 4 (jumped back from 30) · lag 26');
    expect(stripSummary(p)).toContain('analytics committed 4 (jumped back from 30), lag 26');
    const plain = stripLayout(partition([{ label: 'analytics', offset: 30, lag: 0 }]));
    expect(plain.pointers.map((m) => m.kinds[0])).toEqual(['committed']);
  });
});

describe('the view', () => {
  const scenario: KafkaScenario = {
    version: 1,
    name: 'replay',
    brokers: [{ id: 1 }],
    topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
    producers: [{ id: 'shop', topic: 'orders', ratePerSec: 10, count: 20, keys: { type: 'uniform', keys: 5, prefix: 'order-' } }],
    groups: [
      {
        id: 'analytics',
        topics: ['orders'],
        consumers: 1,
        processingMs: 10,
        commit: { type: 'after-process' },
        autoOffsetReset: 'earliest',
      },
      {
        id: 'audit',
        topics: ['orders'],
        consumers: 1,
        processingMs: 10,
        commit: { type: 'after-process' },
        autoOffsetReset: 'earliest',
      },
    ],
    trace: { mode: 'full' },
  };
  const pointer = (s: Parameters<typeof kafkaView>[0], group: string) =>
    kafkaPanels(kafkaView(s)).partitions[0]!.pointers.find((p) => p.label === group)!;

  it('sets the old spot while the group re-consumes up to it, and clears it once past', () => {
    const run = kafkaModel.run(scenario);
    const s = run.init(1);
    const apply = (c: KafkaCommand) => expect(run.apply(s, c).ok).toBe(true);
    apply({ type: 'advance', untilMs: 8_000 });
    expect(pointer(s, 'analytics')).toEqual({ label: 'analytics', offset: 20, lag: 0 });
    apply({ type: 'remove-consumer', consumer: 'analytics-c1' });
    apply({ type: 'advance', untilMs: 8_100 });
    apply({ type: 'reset-offsets', group: 'analytics', topic: 'orders', to: 'earliest' });
    expect(pointer(s, 'analytics')).toEqual({ label: 'analytics', offset: 0, lag: 20, jumpedFrom: 20 });
    // The other group did not move.
    expect(pointer(s, 'audit').jumpedFrom).toBeUndefined();
    apply({ type: 'add-consumer', group: 'analytics' });
    apply({ type: 'advance', untilMs: 20_000 });
    expect(pointer(s, 'analytics')).toEqual({ label: 'analytics', offset: 20, lag: 0 });
  });

  it('labels each fetch with the records it carries, the same for every group that fetched them', () => {
    const run = kafkaModel.run(scenario);
    const s = run.init(1);
    run.apply(s, { type: 'advance', untilMs: 8_000 });
    const fetches = kafkaView(s).entries.filter((e) => e.type === 'records-fetched');
    expect(fetches.length).toBeGreaterThan(0);
    for (const f of fetches) {
      const m = /offsets (\d+)–(\d+)/.exec(f.text)!;
      expect(f.carries?.count, f.text).toBe(Number(m[2]) - Number(m[1]) + 1);
    }
    const byRange = new Map<string, Set<string>>();
    for (const f of fetches) {
      const range = /offsets \d+–\d+/.exec(f.text)![0];
      byRange.set(range, (byRange.get(range) ?? new Set()).add(JSON.stringify(f.carries)));
    }
    for (const labels of byRange.values()) expect(labels.size).toBe(1);
  });
});
