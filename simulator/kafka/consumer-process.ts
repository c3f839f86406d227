/**
 * The consumer's processing: taking a batch of up to max.poll.records from the fetched buffer,
 * working through it one record at a time (processing time per record, duplicates, replays and
 * at-most-once skips counted), and what happens when the batch is done. Split from consumer.ts,
 * which keeps membership, assignment, polling and commits.
 */
import { countInRange, indexAtOrAfter, offsetAtIndex } from './log.ts';
import { countEntries, emit, recordRef, scheduleTask } from './net.ts';
import { readLog } from './replication.ts';
import { traceWants } from '../core/trace.ts';
import type { ConsumerState, GroupState, KafkaState } from './state.ts';
import { commitPositions, poll } from './consumer.ts';

/** Moves up to max.poll.records buffered records into the batch and advances positions. */
export function takeBatch(s: KafkaState, c: number): boolean {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  let room = g.maxPollRecords;
  const batch: number[] = [];
  const buf = con.buf;
  let i = 0;
  for (; i < buf.length && room > 0; i += 3) {
    const pid = buf[i]!;
    const from = buf[i + 1]!;
    const to = buf[i + 2]!;
    const a = con.assigned.indexOf(pid);
    if (a < 0 || con.pos[a] !== from) continue;
    const end = Math.min(to, from + room);
    batch.push(pid, from, end);
    room -= end - from;
    con.pos[a] = end;
    if (end < to) {
      buf[i + 1] = end;
      break;
    }
  }
  con.buf = i >= buf.length ? [] : buf.slice(i);
  con.batch = batch;
  con.batchIdx = 0;
  con.batchOff = batch.length > 0 ? batch[1]! : 0;
  return batch.length > 0;
}

export function processWholeBatch(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const b = con.batch;
  for (let i = 0; i < b.length; i += 3) processRange(s, c, b[i]!, b[i + 1]!, b[i + 2]!);
  con.batch = [];
}

/** Processes the records stored in [from, to) of a partition (bulk path, processingMs = 0). */
function processRange(s: KafkaState, c: number, pid: number, from: number, to: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  const log = readLog(s.k.parts[pid]!);
  if (traceWants(s.trace) || log.offs !== null) {
    const end = indexAtOrAfter(log, to);
    for (let i = indexAtOrAfter(log, from); i < end; i++) processOne(s, con, g, pid, offsetAtIndex(log, i), log.rns[i]!);
    return;
  }
  const lo = Math.max(from, log.start);
  const hi = Math.min(to, log.leo);
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

function processOne(s: KafkaState, con: ConsumerState, g: GroupState, pid: number, offset: number, rn: number): void {
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
}

/** One record's processing time is over (processingMs > 0). */
export function onProcess(s: KafkaState, c: number, inc: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive || !con.processing) return;
  const g = s.k.groups[con.group]!;
  const b = con.batch;
  // Find the next stored record of the batch at or after batchOff.
  while (con.batchIdx < b.length) {
    const pid = b[con.batchIdx]!;
    const to = b[con.batchIdx + 2]!;
    const log = readLog(s.k.parts[pid]!);
    const i = indexAtOrAfter(log, con.batchOff);
    const off = i < log.rns.length ? offsetAtIndex(log, i) : to;
    if (off < to) {
      processOne(s, con, g, pid, off, log.rns[i]!);
      con.batchOff = off + 1;
      break;
    }
    con.batchIdx += 3;
    if (con.batchIdx < b.length) con.batchOff = b[con.batchIdx + 1]!;
  }
  if (con.batchIdx < b.length && hasMore(s, con)) {
    scheduleTask(s, s.nowMs + con.processingMs, { type: 'process', c, inc }, true);
    return;
  }
  con.processing = false;
  con.batch = [];
  if (g.commit.type === 'after-process') commitPositions(s, c);
  poll(s, c);
}

export function hasMore(s: KafkaState, con: ConsumerState): boolean {
  const b = con.batch;
  for (let j = con.batchIdx; j < b.length; j += 3) {
    const from = j === con.batchIdx ? con.batchOff : b[j + 1]!;
    if (countInRange(readLog(s.k.parts[b[j]!]!), from, b[j + 2]!) > 0) return true;
  }
  return false;
}
