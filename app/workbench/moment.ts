/**
 * A key moment, drawn in the picture under the topology: what the prose of a lesson points at when
 * it happens — a saga undoing its done steps in reverse, a rebuild from a snapshot beside a rebuild
 * from the start, a group's committed offset jumping back, one record copied to every group, the
 * records retention deleted beside what a group could still read.
 *
 * A model computes it from its state at the cursor, in its own view (data flows one way), so it
 * moves on as the step plays: each compensation lights up in turn, the pointer walks forward again
 * as records are re-consumed. The band (MomentBand.tsx) draws any of these shapes without knowing
 * which model made it.
 */

/** One step of a sequence done left to right and undone right to left. */
export interface UndoItem {
  label: string;
  /** The step's own word: pending, running, done, failed, compensating, compensated… */
  word: string;
  tone: 'idle' | 'busy' | 'ok' | 'error' | 'undoing' | 'undone';
  /** 1 for the first undo that ran (or runs now), 2 for the next…; absent when not undone. */
  undoOrder?: number;
}

/** Steps as a row, the undo walking back along them, numbered in the order it ran. */
export interface UndoMoment {
  kind: 'undo';
  title: string;
  items: UndoItem[];
}

/** One way to do the same read: the range of a numbered log it reads, and how many that is. */
export interface ReadRange {
  label: string;
  /** First and last position read (inclusive); `count` 0 draws the empty range at `from`. */
  from: number;
  to: number;
  count: number;
  /** Where it started, e.g. "snapshot at revision 9,999"; or why it does not apply. */
  note: string;
  /** False: the way is not available (no snapshot yet): drawn greyed, with its note. */
  available: boolean;
  /** The count's verb, "reads" unless said ("deleted", "holds"). */
  verb?: string;
  /** A range that is gone (deleted by retention): drawn hatched, not filled. */
  gone?: boolean;
  /** Positions not in one run (what compaction kept): drawn one mark each instead of one span. */
  cells?: number[];
}

/** Two reads of the same log side by side on one scale (0 … size-1). */
export interface RangesMoment {
  kind: 'ranges';
  title: string;
  /** The log's length on the drawn scale (the rebuild's target revision + 1). */
  size: number;
  /** What is counted, plural ("events"). */
  unit: string;
  ranges: ReadRange[];
}

/** A pointer on a numbered log that jumped from one position to another, then moved on. */
export interface PointerRow {
  label: string;
  /** The log's first and end offsets (end: one past the last record). */
  start: number;
  end: number;
  /** Where the pointer was before the jump, where the jump put it, and where it is now. */
  from: number;
  to: number;
  now: number;
}

export interface PointerMoment {
  kind: 'pointer';
  title: string;
  /** What the pointer is, e.g. "committed offset". */
  pointer: string;
  rows: PointerRow[];
}

/** One copy of an item, at one receiver. */
export interface Copy {
  to: string;
  /** What happened to this copy so far: waiting, fetched, processed… */
  word: string;
  tone: 'idle' | 'busy' | 'ok';
}

/** One item copied to every receiver, each copy carrying the same label. */
export interface CopiesMoment {
  kind: 'copies';
  title: string;
  /** The item's label, e.g. "order-1"; every copy is drawn with it. */
  item: string;
  /** Where the one stored item lives, e.g. "orders-1 @0". */
  where: string;
  copies: Copy[];
}

export type MomentView = (UndoMoment | RangesMoment | PointerMoment | CopiesMoment) & {
  /** Stable while it is the same moment (the same saga, the same load), new when another begins. */
  id: string;
  /** True while the moment is the latest thing that happened (drawn highlighted). */
  live: boolean;
};

/** "1st", "2nd", "3rd", "4th"… */
export function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
