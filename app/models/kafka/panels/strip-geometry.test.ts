import { shareUnchanged } from '../../../workbench/share-unchanged.ts';
import { describe, expect, it } from 'vitest';
import type { PartitionView } from '../kafka-view-types.ts';
import {
  assignLanes,
  boundaryIndex,
  earlierRecordCount,
  isAboveHighWatermark,
  partitionsByTopic,
  pointerNotes,
  stripLayout,
  stripSummary,
  type StripMarker,
} from './strip-geometry.ts';

/** A partition whose window shows offsets [from, to). */
function partition(over: Partial<PartitionView> & { from?: number; to?: number } = {}): PartitionView {
  const { from = 0, to = 14, ...rest } = over;
  return {
    id: 'orders-0',
    topic: 'orders',
    partition: 0,
    logStartOffset: 0,
    logEndOffset: to,
    highWatermark: 12,
    leader: 'b1',
    isr: ['b1', 'b2'],
    cells: Array.from({ length: to - from }, (_, i) => ({ offset: from + i, key: `k${from + i}` })),
    pointers: [{ label: 'billing', offset: 7, lag: 5 }],
    segmentCount: 1,
    activeSegmentBase: 0,
    segmentStarts: [],
    ...rest,
  };
}

const texts = (ms: StripMarker[]) => ms.map((m) => [m.text, m.at]);

describe('strip markers', () => {
  it('labels start, HW and LEO in text at their boundaries, and the group pointer with its lag', () => {
    const layout = stripLayout(partition());
    expect(texts(layout.log)).toEqual([
      ['start 0', 0],
      ['HW 12', 12],
      ['LEO 14', 14],
    ]);
    expect(layout.pointers).toHaveLength(1);
    const ptr = layout.pointers[0]!;
    expect(ptr.text).toBe('billing at 7 · lag 5');
    expect(ptr.at).toBe(7);
    // The lag gap runs from the committed pointer to the HW.
    expect(ptr.spanTo).toBe(12);
    expect(layout.earlier).toBe(0);
  });

  it('merges log markers at the same offset into one label', () => {
    const layout = stripLayout(partition({ highWatermark: 14 }));
    expect(texts(layout.log)).toEqual([
      ['start 0', 0],
      ['HW = LEO 14', 14],
    ]);
    const empty = stripLayout(partition({ to: 0, highWatermark: 0, pointers: [] }));
    expect(texts(empty.log)).toEqual([['start = HW = LEO 0', 0]]);
  });

  it('says lag unknown, and lists a pointer with no committed offset instead of drawing it', () => {
    const layout = stripLayout(
      partition({
        pointers: [
          { label: 'billing', offset: 12, lag: null },
          { label: 'audit', offset: null, lag: null },
        ],
      }),
    );
    expect(layout.pointers.map((p) => p.text)).toEqual(['billing at 12 · lag unknown']);
    expect(layout.pointers[0]!.spanTo).toBeUndefined();
    expect(layout.unplaced.map((p) => p.label)).toEqual(['audit']);
  });

  it('windows thousands of records: counts the earlier ones and pins older markers to the left edge', () => {
    const p = partition({ from: 9988, to: 10000, highWatermark: 9995, pointers: [{ label: 'billing', offset: 3, lag: 9992 }] });
    const layout = stripLayout(p);
    expect(layout.earlier).toBe(9988);
    expect(earlierRecordCount(p)).toBe(9988);
    // The log start lies before the window, so it is not drawn (the "earlier records" note says it).
    expect(layout.log.map((m) => m.kinds[0])).toEqual(['high-watermark', 'log-end']);
    const ptr = layout.pointers[0]!;
    expect(ptr.clipped).toBe(true);
    expect(ptr.at).toBe(0);
    expect(ptr.text).toBe('◂ billing at 3 · lag 9,992');
    expect(ptr.spanTo).toBe(7);
  });

  it('counts earlier records from the log start (retention), not from zero', () => {
    expect(earlierRecordCount(partition({ logStartOffset: 4, from: 10, to: 14 }))).toBe(6);
    expect(earlierRecordCount(partition({ logStartOffset: 14, from: 14, to: 14, highWatermark: 14 }))).toBe(0);
  });

  it('places markers by offset even when the window has gaps (compaction)', () => {
    const cells = [0, 2, 5, 9].map((offset) => ({ offset, key: null }));
    expect(boundaryIndex(cells, 0)).toBe(0);
    expect(boundaryIndex(cells, 3)).toBe(2);
    expect(boundaryIndex(cells, 5)).toBe(2);
    expect(boundaryIndex(cells, 10)).toBe(4);
  });

  it('marks records at or above the HW', () => {
    const p = partition();
    expect(isAboveHighWatermark(p, 11)).toBe(false);
    expect(isAboveHighWatermark(p, 12)).toBe(true);
    expect(isAboveHighWatermark(p, 13)).toBe(true);
  });

  it('puts colliding labels on separate lanes and keeps far-apart ones on one', () => {
    const layout = stripLayout(
      partition({
        pointers: [
          { label: 'billing', offset: 7, lag: 5 },
          { label: 'shipping', offset: 7, lag: 5 },
          { label: 'audit', offset: 0, lag: 12 },
        ],
      }),
    );
    const lanes = Object.fromEntries(layout.pointers.map((p) => [p.text.split(' ')[0], p.lane]));
    expect(new Set([lanes.billing, lanes.shipping, lanes.audit]).size).toBe(3);
    expect(layout.pointerLanes).toBe(3);
    // HW 12 and LEO 14 are two cells apart: their labels would touch, so they take two lanes.
    expect(layout.log.find((m) => m.text === 'LEO 14')!.lane).not.toBe(layout.log.find((m) => m.text === 'HW 12')!.lane);
    const spaced: StripMarker[] = [0, 10, 20].map((at) => ({
      kinds: ['log-end'],
      text: 'HW 1',
      offset: at,
      at,
      clipped: false,
      align: 'start',
      lane: 9,
    }));
    expect(assignLanes(spaced, 30)).toBe(1);
    expect(spaced.map((m) => m.lane)).toEqual([0, 0, 0]);
  });

  it('puts a label at the right edge to the left of its line', () => {
    const layout = stripLayout(partition());
    expect(layout.log.find((m) => m.text === 'LEO 14')!.align).toBe('end');
    expect(layout.log.find((m) => m.text === 'start 0')!.align).toBe('start');
  });
});

describe('pointer notes', () => {
  it('words every pointer and flags the ones the strip cannot draw', () => {
    const p = partition({
      from: 10,
      pointers: [
        { label: 'billing', offset: 12, lag: 0 },
        { label: 'shipping', offset: 3, lag: 9 },
        { label: 'audit', offset: null, lag: null },
      ],
    });
    expect(pointerNotes(p)).toEqual([
      { text: 'billing at 12 · lag 0', offStrip: false },
      { text: 'shipping at 3 (before the shown records) · lag 9', offStrip: true },
      { text: 'audit: no committed offset yet · lag unknown', offStrip: true },
    ]);
  });
});

describe('strip summary', () => {
  it('describes the partition in one sentence, leader and ISR in words', () => {
    expect(stripSummary(partition())).toBe(
      'orders-0: 14 records; log start 0, high watermark 12, log end 14; 2 records not yet on every in-sync replica; ' +
        'leader b1; in sync: b1, b2; billing committed 7, lag 5.',
    );
    expect(
      stripSummary(partition({ leader: null, isr: [], highWatermark: 14, pointers: [{ label: 'a', offset: null, lag: null }] })),
    ).toBe(
      'orders-0: 14 records; log start 0, high watermark 14, log end 14; every record is on every in-sync replica; ' +
        'leader none; in sync: none; a has no committed offset, lag unknown.',
    );
  });
});

describe('grouping and equality', () => {
  it('groups by topic in order of first appearance, partitions by number', () => {
    const ps = [
      partition({ id: 'orders-1', partition: 1 }),
      partition({ id: 'pay-0', topic: 'payments', partition: 0 }),
      partition({ id: 'orders-0', partition: 0 }),
    ];
    expect(partitionsByTopic(ps).map((g) => [g.topic, g.partitions.map((p) => p.id)])).toEqual([
      ['orders', ['orders-0', 'orders-1']],
      ['payments', ['pay-0']],
    ]);
    expect(partitionsByTopic([])).toEqual([]);
  });

  it('keeps a rebuilt but identical partition as the same object, and any drawn change as a new one', () => {
    const a = partition();
    expect(shareUnchanged(a, partition())).toBe(a);
    expect(shareUnchanged(a, partition({ highWatermark: 13 }))).not.toBe(a);
    expect(shareUnchanged(a, partition({ isr: ['b1'] }))).not.toBe(a);
    expect(shareUnchanged(a, partition({ pointers: [{ label: 'billing', offset: 7, lag: 4 }] }))).not.toBe(a);
    const renamed = partition();
    renamed.cells[3] = { offset: 3, key: 'other' };
    expect(shareUnchanged(a, renamed)).not.toBe(a);
  });
});
