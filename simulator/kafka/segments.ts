/**
 * Log segments: when a replica rolls a new segment, which whole segments retention may delete,
 * how much of a log the cleaner may compact, and the segment list a view draws.
 *
 * Kafka stores a partition as segment files. Appends go to the last (active) segment, which rolls
 * when a batch would overflow segment.bytes or its first record is older than segment.ms
 * (LogSegment.shouldRoll, checked once per batch, so a batch never spans two segments). Retention
 * deletes whole segments from the oldest on (UnifiedLog.deletableSegments): by age when a
 * segment's newest timestamp is older than retention.ms, by size while the log stays at or above
 * retention.bytes without it, never past the high watermark; the active segment too when it
 * qualifies, after rolling a new empty one. The cleaner compacts only up to the active segment
 * (LogCleanerManager: firstUncleanableOffset) and only when enough of that is dirty
 * (min.cleanable.dirty.ratio). Sizes are counted in records here, not bytes.
 */
import { countInRange, indexAtOrAfter, rnAt } from './log.ts';
import type { RecordTable, ReplicaLog, TopicState } from './state.ts';

/** The active segment's base offset. */
export function activeBase(log: ReplicaLog): number {
  return log.segs[log.segs.length - 1]!;
}

/** Where segment `i` ends: the next segment's base, or the LEO for the active one. */
export function segmentEnd(log: ReplicaLog, i: number): number {
  return i + 1 < log.segs.length ? log.segs[i + 1]! : log.leo;
}

/** Before appending a batch of `n` records: roll a new active segment if Kafka would. */
export function maybeRoll(log: ReplicaLog, n: number, topic: TopicState, nowMs: number, tsOf: readonly number[]): void {
  const base = activeBase(log);
  const count = log.leo - base;
  if (count <= 0) return;
  const first = rnAt(log, base);
  const age = first < 0 ? 0 : nowMs - tsOf[first]!;
  if (count + n > topic.segmentRecords || age > topic.segmentMs) log.segs.push(log.leo);
}

/** Whether every record in [from, to) is older than `cutoffMs` (scanned newest first: usually one look). */
function allOlderThan(log: ReplicaLog, from: number, to: number, cutoffMs: number, tsOf: readonly number[]): boolean {
  const first = indexAtOrAfter(log, from);
  for (let i = indexAtOrAfter(log, to) - 1; i >= first; i--) if (tsOf[log.rns[i]!]! >= cutoffMs) return false;
  return true;
}

/** The newest record timestamp in [from, to), or -Infinity when the range holds none. */
function largestTimestamp(log: ReplicaLog, from: number, to: number, tsOf: readonly number[]): number {
  let t = -Infinity;
  const end = indexAtOrAfter(log, to);
  for (let i = indexAtOrAfter(log, from); i < end; i++) if (tsOf[log.rns[i]!]! > t) t = tsOf[log.rns[i]!]!;
  return t;
}

/**
 * Where retention would move the log start: past every segment it may delete, oldest first,
 * stopping at the first it may not. Returns the current start when nothing goes.
 */
export function retentionCutoff(log: ReplicaLog, topic: TopicState, nowMs: number, tsOf: readonly number[]): number {
  let stored = log.rns.length - log.head;
  let to = log.start;
  for (let i = 0; i < log.segs.length; i++) {
    const from = Math.max(log.segs[i]!, log.start);
    const end = segmentEnd(log, i);
    const count = countInRange(log, from, end);
    // Never past the HW; an empty active segment stays (isLastSegmentAndEmpty).
    if (end > log.hw || (i === log.segs.length - 1 && count === 0)) break;
    // deleteRetentionMsBreachedSegments: now - largestTimestamp > retention.ms.
    const byAge = topic.retentionMs !== null && allOlderThan(log, from, end, nowMs - topic.retentionMs, tsOf);
    const bySize = topic.retentionRecords !== null && stored - count >= topic.retentionRecords;
    if (!byAge && !bySize) break;
    stored -= count;
    to = end;
  }
  return to;
}

/**
 * Deletes up to `to` (a segment boundary or the LEO). When that is every segment, a new empty
 * active segment is rolled first, as UnifiedLog.deleteSegments does, so one always remains.
 */
export function rollIfDeletingAll(log: ReplicaLog, to: number): void {
  if (to >= log.leo && activeBase(log) < log.leo) log.segs.push(log.leo);
}

/**
 * How far the cleaner may compact and whether it should now: up to the active segment's base and
 * the HW, once the dirty share (records at or above the checkpoint) reaches the topic's ratio, or
 * when a tombstone in the cleaned part has outlived delete.retention.ms (KIP-534: the cleaner also
 * picks a log whose delete horizon has passed). Returns the first uncleanable offset, or -1.
 */
export function cleanableUpTo(
  log: ReplicaLog,
  topic: TopicState,
  rec: RecordTable,
  values: readonly unknown[],
  tombstoneBeforeMs: number,
): number {
  const upTo = Math.min(activeBase(log), log.hw);
  if (upTo <= log.start) return -1;
  const total = countInRange(log, log.start, upTo);
  const dirty = countInRange(log, Math.max(log.cleanedTo, log.start), upTo);
  if (total === 0) return -1;
  if (dirty > 0 && dirty / total >= topic.minCleanableDirtyRatio) return upTo;
  const end = indexAtOrAfter(log, Math.min(upTo, log.cleanedTo));
  for (let i = log.head; i < end; i++) {
    const rn = log.rns[i]!;
    const v = rec.val[rn]!;
    if (rec.key[rn]! >= 0 && v >= 0 && values[v] === null && rec.ts[rn]! < tombstoneBeforeMs) return upTo;
  }
  return -1;
}

/** A replica's segments as a view draws them: base offset, records stored, newest timestamp. */
export function segmentList(
  log: ReplicaLog,
  tsOf: readonly number[],
): Array<{ baseOffset: number; records: number; largestTimestampMs: number | null }> {
  return log.segs.map((base, i) => {
    const from = Math.max(base, log.start);
    const end = segmentEnd(log, i);
    const t = largestTimestamp(log, from, end, tsOf);
    return { baseOffset: base, records: countInRange(log, from, end), largestTimestampMs: t === -Infinity ? null : t };
  });
}
