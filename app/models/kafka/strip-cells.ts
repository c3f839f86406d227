/**
 * Which records a partition strip shows, so that what a lesson points at is on screen together:
 * the records just before and after each group's committed offset, the newest records up to the
 * high watermark and the log end, and between them one gap cell that says how many records it
 * stands for ("… 180 records …"). With every committed offset among the newest records, the
 * strip is simply the newest records, as before.
 *
 * Pure: it picks from the records the simulator read (oldest first) and the offsets it reported.
 */
import type { StripCell } from './kafka-view-types.ts';

/** Newest records shown beside a compressed middle (room for them and a pointer's context). */
export const newestBesideGap = 6;
/** Records shown around a committed offset far behind: two before it, two from it on. */
export const aroundPointer = { before: 2, after: 2 } as const;

/**
 * The cells to draw. `records` are stored records oldest first (at least the newest `windowMax`);
 * `committed` the groups' committed offsets (null: none yet). A committed offset among the newest
 * `windowMax` records needs no compression; one older gets its context and a gap before the newest.
 */
export function stripCells(
  records: readonly StripCell[],
  committed: ReadonlyArray<number | null>,
  windowMax: number,
): StripCell[] {
  const newest = records.slice(-windowMax);
  const firstNewest = newest[0]?.offset ?? Infinity;
  const far = [...new Set(committed.filter((c): c is number => c !== null && c < firstNewest))].sort((a, b) => a - b);
  if (far.length === 0 || records.length === 0) return newest;
  // Indices of the records to keep: around each far pointer, and the newest few.
  const keep = new Set<number>();
  const firstIndexAtOrAfter = (offset: number): number => {
    let lo = 0;
    let hi = records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (records[mid]!.offset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const c of far) {
    const at = firstIndexAtOrAfter(c);
    for (let i = Math.max(0, at - aroundPointer.before); i < Math.min(records.length, at + aroundPointer.after); i++) keep.add(i);
  }
  for (let i = Math.max(0, records.length - newestBesideGap); i < records.length; i++) keep.add(i);
  const indices = [...keep].sort((a, b) => a - b);
  const out: StripCell[] = [];
  let previous = -1;
  for (const i of indices) {
    const skipped = i - previous - 1;
    // A run of left-out records becomes one gap cell, at the offset of the first it stands for; a
    // single record is simply shown (a gap cell would take its room and say less).
    if (previous >= 0 && skipped === 1) out.push(records[previous + 1]!);
    else if (previous >= 0 && skipped > 1) out.push({ offset: records[previous + 1]!.offset, key: null, gap: skipped });
    out.push(records[i]!);
    previous = i;
  }
  return out;
}
