import { describe, expect, it } from 'vitest';
import { earlierRecordCount, removedRecordCount, stripLayout } from './panels/strip-geometry.ts';
import { logCells, partitionView } from './partition-view-fixture.ts';
import { newestBesideGap, stripCells } from './strip-cells.ts';

const log = logCells;
const partition = partitionView;

describe('a partition strip that keeps what the lesson points at in view', () => {
  it('shows only the newest records when every committed offset is among them', () => {
    const cells = stripCells(log(0, 200), [190, null], 48);
    expect(cells).toHaveLength(48);
    expect(cells[0]!.offset).toBe(152);
    expect(cells.some((c) => c.gap !== undefined)).toBe(false);
  });

  it('compresses the middle when a committed offset is far behind: its records, a gap that counts, the newest', () => {
    const cells = stripCells(log(0, 200), [20], 48);
    expect(cells.map((c) => (c.gap !== undefined ? `…${c.gap}` : c.offset))).toEqual([
      18,
      19,
      20,
      21,
      '…172',
      194,
      195,
      196,
      197,
      198,
      199,
    ]);
    // Every record is accounted for: shown ones plus what the gap stands for.
    expect(cells.reduce((n, c) => n + (c.gap ?? 1), 0)).toBe(4 + 172 + newestBesideGap);
  });

  it('draws the committed offset, the high watermark and the log end together on the compressed strip', () => {
    const cells = stripCells(log(0, 200), [20], 48);
    const layout = stripLayout(
      partition(cells, { highWatermark: 198, pointers: [{ label: 'billing', offset: 20, lag: 178 }], records: 200 }),
    );
    const [ptr] = layout.pointers;
    expect(ptr).toMatchObject({ offset: 20, clipped: false, at: 2 });
    expect(ptr!.text).toContain('billing at 20');
    expect(ptr!.text).toContain('178');
    // The lag bar runs from the pointer to the HW, across the gap.
    expect(ptr!.spanTo).toBe(cells.findIndex((c) => c.offset === 198));
    const log_ = layout.log.map((m) => m.text);
    expect(log_).toContain('HW 198');
    expect(log_).toContain('LEO 200');
    expect(layout.earlier).toBe(18);
  });

  it('keeps several far pointers, each with its records', () => {
    const cells = stripCells(log(0, 500), [10, 300, 10], 48);
    const shown = cells.filter((c) => c.gap === undefined).map((c) => c.offset);
    expect(shown).toEqual(expect.arrayContaining([9, 10, 299, 300, 499]));
    expect(cells.filter((c) => c.gap !== undefined)).toHaveLength(2);
  });
});

describe('what the strip says about records it does not draw', () => {
  it('after compaction, counts the records still stored, and says how many were removed', () => {
    // Offsets 0–9 written; compaction kept only 3, 7, 8 and 9: the strip draws them all.
    const kept = [3, 7, 8, 9].map((offset) => ({ offset, key: `k${offset % 3}` }));
    const p = partition(kept, { logEndOffset: 10, highWatermark: 10, records: 4 });
    expect(earlierRecordCount(p)).toBe(0);
    expect(removedRecordCount(p)).toBe(6);
  });

  it('without the stored count (an old view), falls back to offsets', () => {
    const p = partition(log(150, 200), {});
    expect(earlierRecordCount(p)).toBe(150);
    expect(removedRecordCount(p)).toBe(0);
  });
});
