/**
 * The consumer's processing: taking a batch of up to max.poll.records from the fetched buffer,
 * working through it one record at a time (processing time per record, duplicates, replays and
 * at-most-once skips counted), the application's handler run first on each record. It never calls poll(): the
 * handler that ends a batch is in consumer-events.ts.
 */
import { skipsRecord } from './txn-log.ts';
import type { HandleOutcome } from './app-state.ts';
import { commitRecord } from './consumer-assignment.ts';
import { countEntries, emit, recordRef } from './emit.ts';
import { handleRecord, type RecordHost } from './handler.ts';
import { admitRecord } from './schema-consume.ts';
import type { ConsumerState, GroupState, KafkaState } from './state.ts';

/** The pairs of `recs` with offsets in [from, to) (recs is sorted by offset). */
function sliceRecs(recs: number[], from: number, to: number): number[] {
  let i = 0;
  while (i < recs.length && recs[i]! < from) i += 2;
  let j = i;
  while (j < recs.length && recs[j]! < to) j += 2;
  return recs.slice(i, j);
}

/** Moves up to max.poll.records buffered records into the batch and advances positions. */
export function takeBatch(s: KafkaState, c: number): boolean {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  let room = g.maxPollRecords;
  const batch: number[] = [];
  const batchRecs: Array<number[] | null> = [];
  const buf = con.buf;
  const bufRecs = con.bufRecs;
  let i = 0;
  for (; i < buf.length && room > 0; i += 3) {
    const pid = buf[i]!;
    const from = buf[i + 1]!;
    const to = buf[i + 2]!;
    const recs = bufRecs[i / 3] ?? null;
    const a = con.assigned.indexOf(pid);
    if (a < 0 || con.pos[a] !== from) continue;
    const end = Math.min(to, from + room);
    batch.push(pid, from, end);
    batchRecs.push(recs === null || end === to ? recs : sliceRecs(recs, from, end));
    room -= end - from;
    con.pos[a] = end;
    if (end < to) {
      buf[i + 1] = end;
      if (recs !== null) bufRecs[i / 3] = sliceRecs(recs, end, to);
      break;
    }
  }
  con.buf = i >= buf.length ? [] : buf.slice(i);
  con.bufRecs = i >= buf.length ? [] : bufRecs.slice(i / 3);
  con.batch = batch;
  con.batchRecs = batchRecs;
  con.batchIdx = 0;
  con.batchOff = batch.length > 0 ? batch[1]! : 0;
  return batch.length > 0;
}

export function processWholeBatch(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const b = con.batch;
  for (let i = 0; i < b.length && con.batch === b; i += 3)
    processRange(s, c, b[i]!, b[i + 1]!, b[i + 2]!, con.batchRecs[i / 3] ?? null);
  con.batch = [];
  con.batchRecs = [];
}

/**
 * Processes the records fetched in [from, to) of a partition (bulk path, processingMs = 0): the
 * records the fetch carried, or, when it carried none (null), every offset of the range, counted
 * without touching the log, which compaction or retention may have changed since.
 */
function processRange(s: KafkaState, c: number, pid: number, from: number, to: number, recs: number[] | null): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  if (recs !== null) {
    // A paused partition (a retry's backoff) gives up the rest of its records in this batch.
    for (let i = 0; i < recs.length; i += 2) if (processOne(s, c, con, g, pid, recs[i]!, recs[i + 1]!) !== 'done') return;
    return;
  }
  const lo = from;
  const hi = to;
  if (hi <= lo) return;
  const n = hi - lo;
  const replayEnd = Math.min(hi, g.replayUntil[pid]!);
  const replays = Math.max(0, replayEnd - lo);
  const dups = Math.max(0, Math.min(hi, g.processedTo[pid]!) - Math.max(lo, replayEnd));
  g.delivered += n;
  g.replayed += replays;
  g.duplicated += dups;
  s.k.counters.delivered += n;
  s.k.counters.duplicated += dups;
  if (hi > g.processedTo[pid]!) g.processedTo[pid] = hi;
  countEntries(s, 'record-processed', n);
}

/**
 * One record: the application's handler first (handler.ts: a group's handler, or the embedding
 * world's `host`), then the record counts as processed, then an after-record commit. Whatever the
 * handler did stays done if the consumer dies before its offset is committed.
 */
function processOne(
  s: KafkaState,
  c: number,
  con: ConsumerState,
  g: GroupState,
  pid: number,
  offset: number,
  rn: number,
  host?: RecordHost,
): HandleOutcome {
  // Transaction markers are never handed to the application; aborted records only to read_uncommitted.
  if (s.k.txns.length > 0 && rn >= 0 && skipsRecord(s, g.readCommitted, rn)) return 'done';
  // A record the group's reader schema cannot read stops the partition there (schema-consume.ts).
  if (s.k.schema !== undefined && !admitRecord(s, con, pid, offset, rn)) return 'paused';
  if (g.app !== null || host !== undefined) {
    const out = handleRecord(s, c, pid, offset, rn, host);
    if (out !== 'done') return out;
  }
  const replay = offset < g.replayUntil[pid]!;
  const duplicate = !replay && offset < g.processedTo[pid]!;
  g.delivered++;
  s.k.counters.delivered++;
  if (replay) g.replayed++;
  if (duplicate) {
    g.duplicated++;
    s.k.counters.duplicated++;
  }
  if (offset + 1 > g.processedTo[pid]!) g.processedTo[pid] = offset + 1;
  emit(
    s,
    () => {
      const r = recordRef(s, pid, rn);
      return {
        type: 'record-processed',
        atMs: s.nowMs,
        topic: r.topic,
        partition: r.partition,
        recordId: r.recordId,
        key: r.key,
        causationId: r.causationId,
        correlationId: r.correlationId,
        consumer: con.id,
        group: g.id,
        offset,
        duplicate,
        replay,
      };
    },
    'record-processed',
  );
  if (g.commit.type === 'after-record') commitRecord(s, c, pid, offset + 1);
  return 'done';
}

/**
 * The next fetched record of the batch at or after `from` in batch triple `j`: [offset, rn], or
 * null when the triple has none left. rn is -1 when the fetch carried no record ids (summary trace).
 */
function nextInTriple(con: ConsumerState, j: number, from: number): [number, number] | null {
  const to = con.batch[j + 2]!;
  const recs = con.batchRecs[j / 3] ?? null;
  if (recs === null) return from < to ? [from, -1] : null;
  for (let i = 0; i < recs.length; i += 2) if (recs[i]! >= from) return [recs[i]!, recs[i + 1]!];
  return null;
}

export function hasMore(con: ConsumerState): boolean {
  const b = con.batch;
  for (let j = con.batchIdx; j < b.length; j += 3) {
    if (nextInTriple(con, j, j === con.batchIdx ? con.batchOff : b[j + 1]!) !== null) return true;
  }
  return false;
}

/**
 * Processes the batch's next fetched record (processingMs > 0) and returns whether another one is
 * left; the caller schedules it, or ends the batch.
 */
export function processNext(s: KafkaState, c: number, host?: RecordHost): boolean {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  const b = con.batch;
  // The next fetched record of the batch at or after batchOff.
  while (con.batchIdx < b.length) {
    const next = nextInTriple(con, con.batchIdx, con.batchOff);
    if (next !== null) {
      const out = processOne(s, c, con, g, b[con.batchIdx]!, next[0], next[1], host);
      if (out === 'stopped') return false;
      // Paused: the rest of this partition's records in the batch are given up (fetched again later).
      con.batchOff = out === 'paused' ? b[con.batchIdx + 2]! : next[0] + 1;
      break;
    }
    con.batchIdx += 3;
    if (con.batchIdx < b.length) con.batchOff = b[con.batchIdx + 1]!;
  }
  return con.batchIdx < b.length && hasMore(con);
}
