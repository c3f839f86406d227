/**
 * One replica's partition log: append-only slots of record numbers, with contiguous offsets.
 *
 * The log stores only `rn`s (record numbers into the global record table), so appending and
 * copying are pushes of small integers. Offsets are implicit (`start + index - head`) until
 * compaction leaves gaps; from then on an `offs` column runs parallel to `rns`. Retention moves the
 * log start forward by advancing `head`; the dead front is sliced off only when it is at least half
 * the array, so deletion is amortised O(1) per record.
 *
 * Kafka keeps a log as segment files and deletes or cleans whole segments; `segs` holds this
 * replica's segment base offsets (segments.ts rolls them and lists them), and truncation,
 * retention and follower copies keep them in step with the records.
 */
import type { RecordTable, ReplicaLog } from './state.ts';

/** An empty log for a replica on `broker`. */
export function createReplicaLog(broker: number): ReplicaLog {
  return { broker, start: 0, leo: 0, hw: 0, rns: [], head: 0, offs: null, lastRn: [], segs: [0], cleanedTo: 0 };
}

/** Records stored (after compaction this can be less than leo - start). */
export function storedCount(log: ReplicaLog): number {
  return log.rns.length - log.head;
}

function setLastRn(log: ReplicaLog, prod: number, rn: number): void {
  const l = log.lastRn;
  while (l.length <= prod) l.push(-1);
  if (rn > l[prod]!) l[prod] = rn;
}

/** The newest record number this replica holds from producer `prod`, or -1. */
export function lastRnOf(log: ReplicaLog, prod: number): number {
  return prod < log.lastRn.length ? log.lastRn[prod]! : -1;
}

/** Appends one record at the log end; returns its offset. */
export function appendRecord(log: ReplicaLog, rn: number, prod: number): number {
  const off = log.leo;
  log.rns.push(rn);
  if (log.offs !== null) log.offs.push(off);
  log.leo = off + 1;
  setLastRn(log, prod, rn);
  return off;
}

/** Array index of the first stored record with offset >= `offset` (rns.length if none). */
export function indexAtOrAfter(log: ReplicaLog, offset: number): number {
  if (log.offs === null) {
    if (offset <= log.start) return log.head;
    if (offset >= log.leo) return log.rns.length;
    return log.head + (offset - log.start);
  }
  let lo = log.head;
  let hi = log.rns.length;
  const offs = log.offs;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offs[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Offset of the record stored at array index `i`. */
export function offsetAtIndex(log: ReplicaLog, i: number): number {
  return log.offs === null ? log.start + (i - log.head) : log.offs[i]!;
}

/** The record number stored at `offset`, or -1 when there is none (deleted, compacted, beyond end). */
export function rnAt(log: ReplicaLog, offset: number): number {
  if (offset < log.start || offset >= log.leo) return -1;
  const i = indexAtOrAfter(log, offset);
  if (i >= log.rns.length || offsetAtIndex(log, i) !== offset) return -1;
  return log.rns[i]!;
}

/** Stored records with offsets in [from, to). */
export function countInRange(log: ReplicaLog, from: number, to: number): number {
  if (to <= from) return 0;
  return indexAtOrAfter(log, to) - indexAtOrAfter(log, from);
}

/**
 * Copies the records `src` holds in [from, to) onto the end of `dst`, whose LEO must be `from`
 * (a follower fetch). Gaps left by the leader's compaction are copied as gaps, and the leader's
 * segment boundaries in the range too: a follower appends the leader's batches as they are, so it
 * rolls where the leader rolled.
 */
export function copyRange(dst: ReplicaLog, src: ReplicaLog, from: number, to: number, prodOf: readonly number[]): void {
  if (dst.leo !== from || to <= from) return;
  let i = indexAtOrAfter(src, from);
  const end = indexAtOrAfter(src, to);
  const gapped = src.offs !== null;
  if (gapped && dst.offs === null) dst.offs = materialiseOffsets(dst);
  for (; i < end; i++) {
    const rn = src.rns[i]!;
    dst.rns.push(rn);
    if (dst.offs !== null) dst.offs.push(gapped ? src.offs![i]! : src.start + (i - src.head));
    const p = prodOf[rn]!;
    if (p >= dst.lastRn.length || rn > dst.lastRn[p]!) setLastRn(dst, p, rn);
  }
  for (const base of src.segs) if (base >= from && base < to && base > dst.segs[dst.segs.length - 1]!) dst.segs.push(base);
  dst.leo = to;
}

function materialiseOffsets(log: ReplicaLog): number[] {
  const offs = new Array<number>(log.rns.length);
  for (let i = 0; i < log.head; i++) offs[i] = -1;
  for (let i = log.head; i < log.rns.length; i++) offs[i] = log.start + (i - log.head);
  return offs;
}

/**
 * Cuts the log back so that its LEO is `offset` (never below the log start). Calls `onRemoved`
 * for each removed record first (newest last) so the caller can account for lost records.
 * Returns how many stored records were removed.
 */
export function truncateTo(
  log: ReplicaLog,
  offset: number,
  prodOf: readonly number[],
  onRemoved?: (rn: number, off: number) => void,
): number {
  const to = Math.max(offset, log.start);
  if (to >= log.leo) return 0;
  const i = indexAtOrAfter(log, to);
  const removed = log.rns.length - i;
  if (onRemoved) for (let j = i; j < log.rns.length; j++) onRemoved(log.rns[j]!, offsetAtIndex(log, j));
  log.rns.length = i;
  if (log.offs !== null) log.offs.length = i;
  log.leo = to;
  if (log.hw > to) log.hw = to;
  // Kafka's truncateTo deletes the segments whose base offset is above the target.
  while (log.segs.length > 1 && log.segs[log.segs.length - 1]! > to) log.segs.pop();
  if (log.cleanedTo > to) log.cleanedTo = to;
  rebuildLastRn(log, prodOf);
  return removed;
}

/** Recomputes the per-producer newest record after a truncation (rare, so a scan is fine). */
export function rebuildLastRn(log: ReplicaLog, prodOf: readonly number[]): void {
  log.lastRn = [];
  for (let j = log.head; j < log.rns.length; j++) {
    const rn = log.rns[j]!;
    setLastRn(log, prodOf[rn]!, rn);
  }
}

/** Retention: deletes every record below `offset` (clamped to [start, hw]); returns the count. */
export function deleteBefore(log: ReplicaLog, offset: number): number {
  const to = Math.min(offset, log.hw);
  if (to <= log.start) return 0;
  const i = indexAtOrAfter(log, to);
  const removed = i - log.head;
  log.head = i;
  log.start = to;
  // Segments wholly below the new log start are gone.
  let drop = 0;
  while (drop + 1 < log.segs.length && log.segs[drop + 1]! <= to) drop++;
  if (drop > 0) log.segs.splice(0, drop);
  if (log.cleanedTo < to) log.cleanedTo = to;
  // Drop the dead front once it outweighs the live part: amortised O(1) per deleted record.
  if (log.head > 64 && log.head * 2 > log.rns.length) {
    log.rns = log.rns.slice(log.head);
    if (log.offs !== null) log.offs = log.offs.slice(log.head);
    log.head = 0;
  }
  return removed;
}

/** Where this log and `other` first differ: both agree on every stored record below it. */
export function divergenceOffset(log: ReplicaLog, other: ReplicaLog): number {
  let o = Math.min(log.leo, other.leo);
  const floor = Math.max(log.start, other.start);
  while (o > floor && rnAt(log, o - 1) !== rnAt(other, o - 1)) o--;
  return o;
}

/**
 * Compaction: below `upTo` keep only the newest record of each key; tombstones (null values)
 * older than `tombstoneBeforeMs` go too. Keyless records cannot be compacted away and stay.
 * Returns [removed, tombstonesRemoved].
 */
export function compactLog(
  log: ReplicaLog,
  upTo: number,
  rec: RecordTable,
  values: readonly unknown[],
  tombstoneBeforeMs: number,
): [number, number] {
  const end = indexAtOrAfter(log, upTo);
  const newest = new Map<number, number>();
  for (let i = log.head; i < end; i++) {
    const k = rec.key[log.rns[i]!]!;
    if (k >= 0) newest.set(k, i);
  }
  const offs = log.offs ?? materialiseOffsets(log);
  const rns: number[] = [];
  const keptOffs: number[] = [];
  let removed = 0;
  let tombs = 0;
  for (let i = log.head; i < log.rns.length; i++) {
    const rn = log.rns[i]!;
    if (i < end) {
      const k = rec.key[rn]!;
      if (k >= 0 && newest.get(k) !== i) {
        removed++;
        continue;
      }
      const v = rec.val[rn]!;
      if (k >= 0 && v >= 0 && values[v] === null && rec.ts[rn]! < tombstoneBeforeMs) {
        removed++;
        tombs++;
        continue;
      }
    }
    rns.push(rn);
    keptOffs.push(offs[i]!);
  }
  if (removed === 0) return [0, 0];
  log.rns = rns;
  log.offs = keptOffs;
  log.head = 0;
  return [removed, tombs];
}

/** The first offset whose record timestamp is >= `timestampMs` (Kafka's offsetsForTimes), or the LEO. */
export function offsetForTimestamp(log: ReplicaLog, timestampMs: number, tsOf: readonly number[]): number {
  for (let i = log.head; i < log.rns.length; i++) {
    if (tsOf[log.rns[i]!]! >= timestampMs) return offsetAtIndex(log, i);
  }
  return log.leo;
}
