/**
 * Where things go on a partition strip, worked out as plain data so it can be tested without a
 * browser. A strip is a row of offset cells (the view's window of newest records); every marker —
 * log start, high watermark (HW), log-end offset (LEO), a group's committed offset — sits on a
 * boundary between cells, because each of them names "the next offset" rather than a record.
 * Markers whose labels would collide are put on separate lanes, so no label hides another.
 *
 * Nothing here decides domain behaviour: offsets, lag, leader and ISR come from the view as they
 * are; this module only places and words them.
 */
import type { PartitionView, StripCell, StripPointer } from '../kafka-view-types.ts';
import { formatCount, lagText, plural } from '../../../workbench/panels/labels.ts';

/** Roughly how many label characters fit in one cell's width (see --wbp-cell-w in panels.css). */
export const charsPerCell = 7;

export type MarkerKind = 'log-start' | 'high-watermark' | 'log-end' | 'committed' | 'jumped-from';
type LogKind = Exclude<MarkerKind, 'committed' | 'jumped-from'>;

export interface StripMarker {
  /** The kinds at this boundary (log markers at the same offset are merged into one label). */
  kinds: MarkerKind[];
  /** Text shown on the strip, e.g. "HW 12", "HW = LEO 14", "billing at 7 · lag 5". */
  text: string;
  offset: number;
  /** Boundary index in the window: 0 is before the first shown cell, cells.length after the last. */
  at: number;
  /** True when the offset is older than the shown window (drawn at the left edge with an arrow). */
  clipped: boolean;
  /** For a committed pointer: the boundary of the HW, so the gap between them can be drawn as lag. */
  spanTo?: number;
  /** For a pointer's old spot after a reset moved it back: the boundary it jumped to (the jump is drawn). */
  jumpTo?: number;
  /** 'end' puts the label to the left of its line, for markers at the right edge. */
  align: 'start' | 'end';
  lane: number;
}

export interface StripLayout {
  /** Log markers, drawn above the cells. */
  log: StripMarker[];
  /** Committed pointers, drawn below the cells with the lag gap. */
  pointers: StripMarker[];
  /** Pointers with no committed offset yet, listed in words instead of drawn. */
  unplaced: StripPointer[];
  /** Records older than the window ("… 9,988 earlier records"). */
  earlier: number;
  logLanes: number;
  pointerLanes: number;
}

/** Number of shown cells with an offset below `offset`: the boundary index where it belongs. */
export function boundaryIndex(cells: readonly StripCell[], offset: number): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Records the strip stands for: shown cells, plus what each gap cell stands for. */
const coveredRecords = (p: PartitionView): number => p.cells.reduce((n, c) => n + (c.gap ?? 1), 0);

/**
 * Records still in the log that are older than the shown window: counted from what is stored when
 * the view says (after compaction the offsets below the window are not all records any more).
 */
export function earlierRecordCount(p: PartitionView): number {
  const first = p.cells[0]?.offset ?? p.logEndOffset;
  if (p.records === undefined) return Math.max(0, first - p.logStartOffset);
  return Math.max(0, p.records - coveredRecords(p));
}

/** Records compaction (or anything else) removed from inside the log: offsets with no record. */
export function removedRecordCount(p: PartitionView): number {
  if (p.records === undefined) return 0;
  return Math.max(0, p.logEndOffset - p.logStartOffset - p.records);
}

/** A record at or above the HW is on the leader but not yet on every in-sync replica. */
export function isAboveHighWatermark(p: PartitionView, offset: number): boolean {
  return offset >= p.highWatermark;
}

const logNames: Record<LogKind, string> = {
  'log-start': 'start',
  'high-watermark': 'HW',
  'log-end': 'LEO',
};

const widthCells = (text: string): number => Math.max(1, Math.ceil((text.length + 2) / charsPerCell));

/** Puts each marker on the first lane where its label does not overlap another (greedy, by position). */
export function assignLanes(markers: StripMarker[], cellCount: number): number {
  const laneEnds: number[] = [];
  const sorted = [...markers].sort((a, b) => a.at - b.at || a.offset - b.offset);
  for (const m of sorted) {
    const w = widthCells(m.text);
    m.align = m.at + w > cellCount + 1 && m.at >= w ? 'end' : 'start';
    const to = Math.max(m.align === 'end' ? m.at : m.at + w, m.spanTo ?? 0);
    // A jump is drawn from where the pointer went to its old spot: its lane is kept clear along it.
    const from = Math.min(m.align === 'end' ? m.at - w : m.at, m.jumpTo ?? Infinity);
    let lane = laneEnds.findIndex((end) => end <= from);
    if (lane === -1) lane = laneEnds.push(to) - 1;
    else laneEnds[lane] = to;
    m.lane = lane;
  }
  return laneEnds.length;
}

/** Everything the strip draws besides the cells, with lanes assigned. */
export function stripLayout(p: PartitionView): StripLayout {
  const cells = p.cells;
  const first = cells[0]?.offset ?? p.logEndOffset;
  const place = (offset: number) => ({ at: boundaryIndex(cells, offset), clipped: offset < first });

  const byOffset = new Map<number, Array<LogKind>>();
  const add = (kind: LogKind, offset: number) => byOffset.set(offset, [...(byOffset.get(offset) ?? []), kind]);
  // The log start is only drawn when it falls inside the window; otherwise the "earlier" note says it.
  if (p.logStartOffset >= first) add('log-start', p.logStartOffset);
  add('high-watermark', p.highWatermark);
  add('log-end', p.logEndOffset);
  const log: StripMarker[] = [...byOffset].map(([offset, kinds]) => ({
    kinds,
    text: `${kinds.map((k) => logNames[k]).join(' = ')} ${formatCount(offset)}`,
    offset,
    ...place(offset),
    align: 'start',
    lane: 0,
  }));

  const hw = boundaryIndex(cells, p.highWatermark);
  const pointers: StripMarker[] = [];
  const unplaced: StripPointer[] = [];
  for (const ptr of p.pointers) {
    if (ptr.offset === null) {
      unplaced.push(ptr);
      continue;
    }
    const where = place(ptr.offset);
    pointers.push({
      kinds: ['committed'],
      text: `${where.clipped ? '◂ ' : ''}${ptr.label} at ${formatCount(ptr.offset)} · ${lagText(ptr.lag)}`,
      offset: ptr.offset,
      ...where,
      spanTo: hw > where.at ? hw : undefined,
      align: 'start',
      lane: 0,
    });
  }
  // Where a reset moved a pointer back from: marked on its own lane, with the jump drawn to it.
  for (const ptr of p.pointers) {
    if (ptr.offset === null || ptr.jumpedFrom === undefined) continue;
    const old = place(ptr.jumpedFrom);
    pointers.push({
      kinds: ['jumped-from'],
      text: `${old.clipped ? '◂ ' : ''}${ptr.label} jumped back from ${formatCount(ptr.jumpedFrom)} to ${formatCount(ptr.offset)}`,
      offset: ptr.jumpedFrom,
      ...old,
      jumpTo: boundaryIndex(cells, ptr.offset),
      align: 'start',
      lane: 0,
    });
  }
  const logLanes = assignLanes(log, cells.length);
  const pointerLanes = assignLanes(pointers, cells.length);
  return { log, pointers, unplaced, earlier: earlierRecordCount(p), logLanes, pointerLanes };
}

export interface PointerNote {
  text: string;
  /** True when the strip cannot show it (no committed offset, or older than the window): always listed. */
  offStrip: boolean;
}

/**
 * Every group pointer in words, for the line under a strip. Pointers the strip cannot draw are
 * always listed; the drawn ones are listed too so a phone, which sees only part of the strip, can
 * still read every lag.
 */
export function pointerNotes(p: PartitionView): PointerNote[] {
  const first = p.cells[0]?.offset ?? p.logEndOffset;
  return p.pointers.map((ptr) => {
    if (ptr.offset === null) return { text: `${ptr.label}: no committed offset yet · ${lagText(ptr.lag)}`, offStrip: true };
    const clipped = ptr.offset < first;
    const jump = ptr.jumpedFrom === undefined ? '' : ` (jumped back from ${formatCount(ptr.jumpedFrom)})`;
    return {
      text: `${ptr.label} at ${formatCount(ptr.offset)}${jump}${clipped ? ' (before the shown records)' : ''} · ${lagText(ptr.lag)}`,
      offStrip: clipped,
    };
  });
}

/** One sentence describing a partition for screen readers and the inspector. */
export function stripSummary(p: PartitionView): string {
  const records = Math.max(0, p.logEndOffset - p.logStartOffset);
  const above = Math.max(0, p.logEndOffset - p.highWatermark);
  const parts = [
    `${p.id}: ${plural(records, 'record')}`,
    `log start ${formatCount(p.logStartOffset)}, high watermark ${formatCount(p.highWatermark)}, log end ${formatCount(p.logEndOffset)}`,
    above > 0 ? `${plural(above, 'record')} not yet on every in-sync replica` : 'every record is on every in-sync replica',
    `leader ${p.leader ?? 'none'}`,
    `in sync: ${p.isr.length > 0 ? p.isr.join(', ') : 'none'}`,
    ...p.pointers.map((ptr) =>
      ptr.offset === null
        ? `${ptr.label} has no committed offset, lag unknown`
        : `${ptr.label} committed ${formatCount(ptr.offset)}${ptr.jumpedFrom === undefined ? '' : ` (jumped back from ${formatCount(ptr.jumpedFrom)})`}, ${lagText(ptr.lag)}`,
    ),
  ];
  return `${parts.join('; ')}.`;
}

/** Partitions grouped by topic, topics in order of first appearance, partitions by number. */
export function partitionsByTopic(partitions: readonly PartitionView[]): Array<{ topic: string; partitions: PartitionView[] }> {
  const groups = new Map<string, PartitionView[]>();
  for (const p of partitions) groups.set(p.topic, [...(groups.get(p.topic) ?? []), p]);
  return [...groups].map(([topic, ps]) => ({ topic, partitions: ps.sort((a, b) => a.partition - b.partition) }));
}
