/**
 * Which of a partition's cells the strip draws when they do not all fit its width, so that what a
 * lesson about lag points at is on screen together without scrolling: each group's committed
 * offset with a record or two around it, the high watermark, and the newest records up to the log
 * end, with each run of records left out between them drawn as one gap cell that counts them
 * ("… 180 records …").
 *
 * The view already leaves out the middle of a long log (strip-cells.ts keeps about fifty records);
 * this decides, for the width the panel has, which of those cells to draw. When the span from the
 * oldest committed offset to the log end fits, nothing is left out: the strip draws every cell and
 * scrolls as it always did.
 *
 * Pure: cells and offsets in, cells out; the panel measures its width and calls it.
 */
import type { PartitionView, StripCell } from '../kafka-view-types.ts';
import { boundaryIndex, removedRecordCount } from './strip-geometry.ts';

/** Cells the strip can draw in `widthPx`: one cell's width stays free for the log end's label (see .wbp-strip). */
export function cellsThatFit(widthPx: number, cellPx: number): number {
  if (!(widthPx > 0) || !(cellPx > 0)) return 0;
  return Math.max(1, Math.floor(widthPx / cellPx) - 1);
}

/** Records kept around a committed offset, in the order they are given room: after it, before, after, before. */
const pointerContext = [0, -1, 1, -2] as const;
/** Around the high watermark: the first record at or above it, then the last below it. */
const watermarkContext = [0, -1] as const;

/** Offsets the strip must show a boundary for: committed offsets, and where a reset moved one back from. */
function pointerOffsets(p: PartitionView): number[] {
  const out: number[] = [];
  for (const ptr of p.pointers) {
    if (ptr.offset === null) continue;
    out.push(ptr.offset);
    if (ptr.jumpedFrom !== undefined) out.push(ptr.jumpedFrom);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** A gap cell standing for `cells` (consecutive, none kept): counts the records each stands for. */
const gapOf = (cells: readonly StripCell[]): StripCell => ({
  offset: cells[0]!.offset,
  key: null,
  gap: cells.reduce((n, c) => n + (c.gap ?? 1), 0),
});

/**
 * The cells to draw in a strip `fit` cells wide, or null when nothing needs leaving out (draw
 * `p.cells` as they are). A committed offset older than every cell the view holds gets a gap cell
 * of its own at the left, counting the records from it to the first held one, when offsets still
 * count records (no compaction removed any); otherwise it stays pinned to the left edge as before.
 */
export function fitStrip(p: PartitionView, fit: number): StripCell[] | null {
  const cells = p.cells;
  const n = cells.length;
  if (n === 0 || fit <= 0) return null;
  const pointers = pointerOffsets(p);
  if (pointers.length === 0) return null;
  const first = cells[0]!.offset;
  const leadFrom = Math.max(pointers[0]!, p.logStartOffset);
  const lead = removedRecordCount(p) === 0 && leadFrom < first ? first - leadFrom : 0;

  const atPointer = pointers.map((o) => Math.min(boundaryIndex(cells, o), n - 1));
  const hw = Math.min(boundaryIndex(cells, p.highWatermark), n - 1);
  // Everything from a couple of records before the oldest pointer to the log end fits: no gap needed.
  const start = Math.max(0, Math.min(atPointer[0]! + Math.min(...pointerContext), hw - 1));
  if (lead === 0 && n - start <= fit) return null;

  const keep = new Set<number>();
  // What it costs to draw `keep`: its cells, one gap cell per run left out between them, the lead gap.
  const cost = (extra: number): number => {
    const all = [...keep, extra].filter((i) => i >= 0).sort((a, b) => a - b);
    let runs = 0;
    for (let j = 1; j < all.length; j++) if (all[j]! - all[j - 1]! > 1) runs++;
    return new Set(all).size + runs + (lead > 0 ? 1 : 0);
  };
  const inRange = (i: number) => i >= 0 && i < n;
  // The record right after each pointer, the high watermark's and the newest are drawn whatever the width.
  for (const i of [...atPointer, hw, n - 1]) keep.add(i);
  const candidates: number[] = [];
  for (let rank = 0; rank < pointerContext.length; rank++) {
    for (const at of atPointer) candidates.push(at + pointerContext[rank]!);
    if (rank < watermarkContext.length) candidates.push(hw + watermarkContext[rank]!);
    candidates.push(n - 1 - rank);
  }
  for (let i = n - 1; i >= 0; i--) candidates.push(i);
  for (const i of candidates) if (inRange(i) && !keep.has(i) && cost(i) <= fit) keep.add(i);

  const out: StripCell[] = [];
  let leftOut: StripCell[] = [];
  let seenKept = false;
  for (let i = 0; i < n; i++) {
    const cell = cells[i]!;
    if (!keep.has(i)) {
      leftOut.push(cell);
      continue;
    }
    if (!seenKept) {
      // Left out before the first drawn cell: counted by the lead gap, or by the strip's "earlier records".
      if (lead > 0) out.push({ offset: leadFrom, key: null, gap: lead + leftOut.reduce((m, c) => m + (c.gap ?? 1), 0) });
    } else if (leftOut.length === 1) {
      // One record left out would take a gap cell's room and say less: draw it.
      out.push(leftOut[0]!);
    } else if (leftOut.length > 1) {
      out.push(gapOf(leftOut));
    }
    leftOut = [];
    seenKept = true;
    out.push(cell);
  }
  return out;
}
