/**
 * The consumer's fetch path: keeping one fetch in flight per owned partition, the leader's side
 * (answer at once, park until the high watermark moves, or fail when the leader is gone) and the
 * response that fills the consumer's buffer. Split from consumer.ts, which keeps membership,
 * polling, processing and commits.
 */
import { brokerNode, emit, partRef, scheduleTask, send } from './net.ts';
import { leaderLog } from './replication.ts';
import { traceWants } from '../core/trace.ts';
import { indexAtOrAfter, offsetAtIndex } from './log.ts';
import type { KafkaState, ReplicaLog } from './state.ts';
import { poll, resetPosition, sendJoin } from './consumer.ts';
import { validatePosition } from './consumer-validate.ts';

/** Sends a fetch for every assigned partition that has nothing buffered and none in flight. */
export function ensureFetches(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  // Stopped by an error, or out of the group with partitions it will give up at its next poll.
  if (con.phase === 'error' || con.generation < 0) return;
  for (let a = 0; a < con.assigned.length; a++) {
    if (con.fetching[a] || con.pos[a]! < 0) continue;
    const pid = con.assigned[a]!;
    let buffered = false;
    for (let i = 0; i < con.buf.length; i += 3) if (con.buf[i] === pid) buffered = true;
    if (!buffered) sendFetch(s, c, a);
  }
}

function sendFetch(s: KafkaState, c: number, a: number): void {
  const con = s.k.consumers[c]!;
  const pid = con.assigned[a]!;
  const leader = s.k.parts[pid]!.leader;
  if (leader >= 0 && !validatePosition(s, c, a)) return;
  con.fetching[a] = 1;
  if (leader < 0) {
    scheduleTask(s, s.nowMs + s.k.tuning.retryBackoffMs, { type: 'fetch-retry', c, inc: con.inc, pid }, false);
    return;
  }
  const task = { type: 'fetch' as const, c, inc: con.inc, pid, offset: con.pos[a]!, broker: leader, sentAtMs: s.nowMs };
  if (!send(s, con.id, brokerNode(leader), task)) {
    scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'fetch-retry', c, inc: con.inc, pid }, false);
  }
}

/** A retry timer: fetch again (or, with pid -1, try to join again). */
export function onFetchRetry(s: KafkaState, c: number, inc: number, pid: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive) return;
  if (pid < 0) {
    if (con.rejoinNeeded) sendJoin(s, c);
    return;
  }
  const a = con.assigned.indexOf(pid);
  if (a < 0) return;
  con.fetching[a] = 0;
  ensureFetches(s, c);
}

/** A fetch arrives at a broker: answer below the HW, or park until the HW moves. */
export function onFetch(s: KafkaState, c: number, inc: number, pid: number, offset: number, broker: number): void {
  const part = s.k.parts[pid]!;
  const b = s.k.brokers.find((x) => x.id === broker)!;
  if (!b.alive) return respondFetch(s, c, inc, pid, broker, offset, offset, 'DISCONNECTED');
  if (part.leader !== broker) return respondFetch(s, c, inc, pid, broker, offset, offset, 'NOT_LEADER_OR_FOLLOWER');
  const log = leaderLog(part)!;
  if (offset < log.start || offset > log.leo) return respondFetch(s, c, inc, pid, broker, offset, offset, 'OFFSET_OUT_OF_RANGE');
  if (offset < log.hw) {
    const g = s.k.groups[s.k.consumers[c]!.group]!;
    return respondFetch(s, c, inc, pid, broker, offset, Math.min(log.hw, offset + g.maxPollRecords), null);
  }
  part.parked.push({ consumer: c, inc, offset });
}

function respondFetch(
  s: KafkaState,
  c: number,
  inc: number,
  pid: number,
  broker: number,
  from: number,
  to: number,
  error: string | null,
): void {
  const con = s.k.consumers[c]!;
  const part = s.k.parts[pid]!;
  const recs = error === null && to > from ? fetchedRecords(s, leaderLog(part)!, from, to) : null;
  const task = { type: 'fetch-response' as const, c, inc, pid, from, to, error, epoch: part.epoch, recs };
  if (!send(s, brokerNode(broker), con.id, task)) {
    scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'fetch-retry', c, inc, pid }, false);
  }
}

/**
 * The records a fetch response carries: flat [offset, rn] pairs of what the log holds in
 * [from, to), or null when that is every offset and no trace entry will name a record (the hot
 * path of a summary-trace run allocates nothing per fetch).
 */
function fetchedRecords(s: KafkaState, log: ReplicaLog, from: number, to: number): number[] | null {
  if (log.offs === null && !traceWants(s.trace)) return null;
  const out: number[] = [];
  const end = indexAtOrAfter(log, to);
  for (let i = indexAtOrAfter(log, from); i < end; i++) out.push(offsetAtIndex(log, i), log.rns[i]!);
  return out;
}

/** The HW moved: answer the parked fetches it satisfies. */
export function answerParkedFetches(s: KafkaState, pid: number): void {
  const part = s.k.parts[pid]!;
  const log = leaderLog(part)!;
  let kept = 0;
  for (const f of part.parked) {
    if (f.offset < log.hw) {
      const g = s.k.groups[s.k.consumers[f.consumer]!.group]!;
      respondFetch(s, f.consumer, f.inc, pid, part.leader, f.offset, Math.min(log.hw, f.offset + g.maxPollRecords), null);
    } else part.parked[kept++] = f;
  }
  part.parked.length = kept;
}

/** The leader is gone: every parked fetch fails (the consumers notice the closed connection). */
export function failParkedFetches(s: KafkaState, pid: number, broker: number): void {
  const part = s.k.parts[pid]!;
  for (const f of part.parked) respondFetch(s, f.consumer, f.inc, pid, broker, f.offset, f.offset, 'DISCONNECTED');
  part.parked.length = 0;
}

/** A fetch response reaches the consumer. */
export function onFetchResponse(
  s: KafkaState,
  c: number,
  inc: number,
  pid: number,
  from: number,
  to: number,
  error: string | null,
  epoch: number,
  recs: number[] | null,
): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive) return;
  const a = con.assigned.indexOf(pid);
  if (a < 0) return;
  con.fetching[a] = 0;
  if (con.pos[a] !== from) return ensureFetches(s, c);
  if (error === 'OFFSET_OUT_OF_RANGE') {
    resetPosition(s, c, pid, `offset ${from} is out of range`, from);
    return ensureFetches(s, c);
  }
  if (error !== null) {
    con.fetching[a] = 1;
    scheduleTask(s, s.nowMs + s.k.tuning.retryBackoffMs, { type: 'fetch-retry', c, inc, pid }, true);
    return;
  }
  if (to <= from) return ensureFetches(s, c);
  con.buf.push(pid, from, to);
  con.bufRecs.push(recs);
  con.posEpoch[a] = epoch;
  const g = s.k.groups[con.group]!;
  emit(
    s,
    () => ({
      type: 'records-fetched',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      ...partRef(s, pid),
      fromOffset: from,
      toOffset: to,
    }),
    'records-fetched',
  );
  if (!con.processing) poll(s, c);
}
