import { describe, expect, it } from 'vitest';
import type { PartitionView, StripCell, StripPointer } from '../kafka-view-types.ts';
import { logCells, partitionView } from '../partition-view-fixture.ts';
import { stripCells } from '../strip-cells.ts';
import { cellsThatFit, fitStrip } from './strip-fit.ts';
import { earlierRecordCount, pointerNotes, stripLayout } from './strip-geometry.ts';

const log = logCells;
const partition = (cells: StripCell[], pointers: StripPointer[], extra: Partial<PartitionView> = {}): PartitionView =>
  partitionView(cells, { pointers, ...extra });

const billing = (offset: number, hw = 200): StripPointer => ({ label: 'billing', offset, lag: hw - offset });
/** Cells as the test reads them: an offset, or "…N" for a gap standing for N records. */
const shape = (cells: readonly StripCell[]) => cells.map((c) => (c.gap !== undefined ? `…${c.gap}` : c.offset));
const covered = (cells: readonly StripCell[]) => cells.reduce((n, c) => n + (c.gap ?? 1), 0);

describe('fitting a strip to its width', () => {
  it('counts the cells a width holds, keeping one free for the log end label', () => {
    expect(cellsThatFit(680, 68)).toBe(9);
    expect(cellsThatFit(345, 68)).toBe(4);
    expect(cellsThatFit(0, 68)).toBe(0);
    expect(cellsThatFit(680, 0)).toBe(0);
  });

  it('leaves nothing out when the committed offset and the log end fit together (the strip scrolls as before)', () => {
    const p = partition(log(152, 200), [billing(195)]);
    expect(fitStrip(p, 9)).toBeNull();
    // No pointer, or no width measured yet: nothing to keep in view, nothing left out.
    expect(fitStrip(partition(log(152, 200), []), 9)).toBeNull();
    expect(fitStrip(partition(log(152, 200), [{ label: 'billing', offset: null, lag: null }]), 9)).toBeNull();
    expect(fitStrip(p, 0)).toBeNull();
    // Wide enough for everything from two records before the pointer to the log end.
    expect(fitStrip(partition(log(152, 200), [billing(160)]), 48 - 6)).toBeNull();
  });

  it('compresses the middle when the committed offset is far behind: its records, a gap that counts exactly, the newest', () => {
    const p = partition(log(152, 200), [billing(160)]);
    const cells = fitStrip(p, 9)!;
    expect(shape(cells)).toEqual([158, 159, 160, 161, '…34', 196, 197, 198, 199]);
    expect(cells).toHaveLength(9);
    // The gap stands for exactly the records between: 162 to 195.
    expect(cells[4]).toEqual({ offset: 162, key: null, gap: 195 - 162 + 1 });
    expect(covered(cells)).toBe(200 - 158);
    // Drawn: the pointer between 159 and 160, not pinned to an edge, its lag bar across the gap to HW = LEO.
    const layout = stripLayout({ ...p, cells });
    const [ptr] = layout.pointers;
    expect(ptr).toMatchObject({ offset: 160, at: 2, clipped: false, spanTo: 9 });
    expect(layout.log.map((m) => [m.text, m.at])).toEqual([['HW = LEO 200', 9]]);
    expect(layout.earlier).toBe(158);
  });

  it('merges the view\u2019s own gap into the one it draws, still counting every record', () => {
    // The view kept the records around offset 20 and the newest six (strip-cells.ts).
    const view = stripCells(log(0, 200), [20], 48);
    const p = partition(view, [billing(20)], { records: 200 });
    const cells = fitStrip(p, 7)!;
    expect(shape(cells)).toEqual([19, 20, 21, '…175', 197, 198, 199]);
    expect(covered(cells)).toBe(200 - 19);
    expect(earlierRecordCount({ ...p, cells })).toBe(19);
  });

  it('keeps every group in view, each with its records, when their committed offsets differ', () => {
    const p = partition(log(152, 200), [billing(160), { label: 'audit', offset: 180, lag: 20 }, billing(161)]);
    const cells = fitStrip(p, 14)!;
    expect(cells.length).toBeLessThanOrEqual(14);
    const shown = cells.filter((c) => c.gap === undefined).map((c) => c.offset);
    // Each pointer has the record before it and the record it points at; the log end's records are there.
    expect(shown).toEqual(expect.arrayContaining([159, 160, 161, 179, 180, 199]));
    expect(cells.filter((c) => c.gap !== undefined)).toHaveLength(2);
    expect(covered(cells)).toBe(200 - cells[0]!.offset);
    const layout = stripLayout({ ...p, cells });
    for (const ptr of layout.pointers) {
      expect(ptr.clipped).toBe(false);
      expect(cells[ptr.at]!.offset).toBe(ptr.offset);
    }
  });

  it('says how many records lie before a committed offset older than every record the view holds', () => {
    // A group 9,997 records behind: the view holds only the newest twelve.
    const p = partition(log(9988, 10000), [billing(3, 9995)], { logEndOffset: 10000, highWatermark: 9995 });
    const cells = fitStrip(p, 9)!;
    expect(cells[0]).toEqual({ offset: 3, key: null, gap: 9985 });
    expect(cells).toHaveLength(9);
    expect(cells.at(-1)!.offset).toBe(9999);
    const layout = stripLayout({ ...p, cells });
    // The pointer sits at the strip's left edge, before the gap that counts what follows it: not clipped.
    expect(layout.pointers[0]).toMatchObject({ at: 0, clipped: false });
    expect(layout.earlier).toBe(3);
    expect(pointerNotes({ ...p, cells })[0]!.offStrip).toBe(false);
  });

  it('counts only records still stored when retention deleted the ones the group had not read', () => {
    const p = partition(log(9988, 10000), [billing(3, 10000)], { logStartOffset: 5000, logEndOffset: 10000 });
    const cells = fitStrip(p, 9)!;
    expect(cells[0]).toEqual({ offset: 5000, key: null, gap: 4988 });
    // Its committed offset is older than the log start: drawn at the edge, pinned, as before.
    expect(stripLayout({ ...p, cells }).pointers[0]).toMatchObject({ at: 0, clipped: true });
  });

  it('after compaction, does not count offsets as records: the old pointer stays pinned to the left edge', () => {
    const p = partition(log(9988, 10000), [billing(3, 10000)], { logEndOffset: 10000, records: 40 });
    expect(fitStrip(p, 20)).toBeNull();
    const cells = fitStrip(p, 9)!;
    expect(cells.some((c) => c.gap !== undefined && c.offset < 9988)).toBe(false);
    expect(stripLayout({ ...p, cells }).pointers[0]).toMatchObject({ at: 0, clipped: true });
  });

  it('keeps the high watermark and the log end both in view when they differ', () => {
    const p = partition(log(152, 200), [billing(160, 190)], { highWatermark: 190 });
    const cells = fitStrip(p, 9)!;
    expect(shape(cells)).toEqual([159, 160, 161, '…27', 189, 190, '…7', 198, 199]);
    const layout = stripLayout({ ...p, cells });
    const at = Object.fromEntries(layout.log.map((m) => [m.text, m.at]));
    // HW between 189 (below it) and 190 (the first record not yet replicated); LEO after 199.
    expect(at).toEqual({ 'HW 190': 5, 'LEO 200': 9 });
    expect(layout.pointers[0]).toMatchObject({ at: 1, spanTo: 5 });
  });

  it('never spends a gap cell on one record: it draws the record instead', () => {
    // Two records before the pointer and the log end need 8 cells; 7 hold the pointer and the newest without a gap.
    const cells = fitStrip(partition(log(152, 200), [billing(194)]), 7)!;
    expect(shape(cells)).toEqual([193, 194, 195, 196, 197, 198, 199]);
    // Narrower than what must be seen: a lone record between two kept ones is drawn, not counted.
    const tight = fitStrip(partition(log(152, 200), [billing(160), { label: 'audit', offset: 162, lag: 38 }]), 3)!;
    expect(shape(tight)).toEqual([160, 161, 162, '…36', 199]);
  });

  it('keeps what must be seen even when the strip is narrower than that (it then scrolls)', () => {
    const p = partition(log(152, 200), [billing(160), { label: 'audit', offset: 180, lag: 20 }]);
    const cells = fitStrip(p, 2)!;
    expect(shape(cells)).toEqual([160, '…19', 180, '…18', 199]);
  });
});
