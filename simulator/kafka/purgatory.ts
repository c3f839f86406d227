/**
 * The broker's purgatory, as Kafka's DelayedProduce and DelayedFetch: produce requests with
 * acks=all parked at the leader until the high watermark passes them, and consumer fetches parked
 * until there is something below the HW to return (long polling). Replication calls in here when
 * the HW moves; this module depends on nothing above it (no producer or consumer code), so the
 * broker side and the client side stay apart and import in one direction.
 */
import { lastStableOffset } from './txn-log.ts';
import { traceWants } from '../core/trace.ts';
import { leaderLog, markAcked } from './partition.ts';
import { indexAtOrAfter, offsetAtIndex } from './log.ts';
import { brokerNode, scheduleTask, send } from './network.ts';
import type { KafkaState, ReplicaLog } from './state.ts';

/** Answers acks=all requests the HW has now passed. */
export function completeWaiters(s: KafkaState, pid: number): void {
  const part = s.k.parts[pid]!;
  const log = leaderLog(part)!;
  const minIsr = s.k.topics[part.topic]!.minInsyncReplicas;
  let kept = 0;
  for (const w of part.waiters) {
    if (w.endOffset > log.hw) {
      part.waiters[kept++] = w;
      continue;
    }
    if (part.isr.length < minIsr) {
      respondProduce(s, w.prod, pid, w.reqId, part.leader, 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', -1);
    } else {
      markAcked(s, log, w.baseOffset, w.endOffset, w.prod);
      respondProduce(s, w.prod, pid, w.reqId, part.leader, null, w.baseOffset);
    }
  }
  part.waiters.length = kept;
}

/** Fails every waiting acks=all request of a partition (its leader crashed or moved). */
export function failWaiters(s: KafkaState, pid: number, error: string): void {
  const part = s.k.parts[pid]!;
  for (const w of part.waiters) respondProduce(s, w.prod, pid, w.reqId, part.leader, error, -1);
  part.waiters.length = 0;
}

/**
 * Sends a produce response. A dead broker sends nothing, but the client notices the closed
 * connection after one latency (error DISCONNECTED); over a cut link the request times out.
 */
export function respondProduce(
  s: KafkaState,
  prod: number,
  pid: number,
  reqId: number,
  broker: number,
  error: string | null,
  baseOffset: number,
): void {
  const p = s.k.producers[prod]!;
  const task = { type: 'produce-response' as const, prod, pid, reqId, error, baseOffset };
  if (send(s, brokerNode(broker), p.node, task)) return;
  scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'produce-timeout', prod, pid, reqId }, true);
}

/** A fetch arrives at a broker: answer below the HW, or park until the HW moves. */
export function onFetch(s: KafkaState, c: number, inc: number, pid: number, offset: number, broker: number): void {
  const part = s.k.parts[pid]!;
  const b = s.k.brokers.find((x) => x.id === broker)!;
  if (!b.alive) return respondFetch(s, c, inc, pid, broker, offset, offset, 'DISCONNECTED');
  if (part.leader !== broker) return respondFetch(s, c, inc, pid, broker, offset, offset, 'NOT_LEADER_OR_FOLLOWER');
  if (s.k.topics[part.topic]!.deleted) return respondFetch(s, c, inc, pid, broker, offset, offset, 'UNKNOWN_TOPIC_OR_PARTITION');
  const log = leaderLog(part)!;
  if (offset < log.start || offset > log.leo) return respondFetch(s, c, inc, pid, broker, offset, offset, 'OFFSET_OUT_OF_RANGE');
  const g = s.k.groups[s.k.consumers[c]!.group]!;
  // read_committed reads only below the last stable offset (the HW when no transaction is open).
  const end = g.readCommitted ? lastStableOffset(s, pid) : log.hw;
  if (offset < end) return respondFetch(s, c, inc, pid, broker, offset, Math.min(end, offset + g.maxPollRecords), null);
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
  // A handler reads each record; markers and aborted records must be told apart.
  const ids = s.k.groups[con.group]!.app !== null || s.k.txns.length > 0;
  const recs = error === null && to > from ? fetchedRecords(s, leaderLog(part)!, from, to, ids) : null;
  const task = { type: 'fetch-response' as const, c, inc, pid, from, to, error, epoch: part.epoch, recs };
  if (!send(s, brokerNode(broker), con.id, task)) {
    scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'fetch-retry', c, inc, pid }, false);
  }
}

/**
 * The records a fetch response carries: flat [offset, rn] pairs of what the log holds in
 * [from, to), or null when that is every offset and neither a trace entry nor a handler will name a record (the hot
 * path of a summary-trace run allocates nothing per fetch).
 */
function fetchedRecords(s: KafkaState, log: ReplicaLog, from: number, to: number, ids: boolean): number[] | null {
  // A group with a reader schema needs each record's id to look its schema id up.
  if (log.offs === null && !ids && !traceWants(s.trace) && s.k.schema === undefined) return null;
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
    const g = s.k.groups[s.k.consumers[f.consumer]!.group]!;
    const end = g.readCommitted ? lastStableOffset(s, pid) : log.hw;
    if (f.offset < end) {
      respondFetch(s, f.consumer, f.inc, pid, part.leader, f.offset, Math.min(end, f.offset + g.maxPollRecords), null);
    } else part.parked[kept++] = f;
  }
  part.parked.length = kept;
}

/**
 * Every parked fetch fails: with DISCONNECTED when the leader is gone (the consumers notice the
 * closed connection), with UNKNOWN_TOPIC_OR_PARTITION when the topic was deleted.
 */
export function failParkedFetches(s: KafkaState, pid: number, broker: number, error = 'DISCONNECTED'): void {
  const part = s.k.parts[pid]!;
  for (const f of part.parked) respondFetch(s, f.consumer, f.inc, pid, broker, f.offset, f.offset, error);
  part.parked.length = 0;
}
