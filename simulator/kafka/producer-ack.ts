/**
 * The broker side of producing and the acknowledgement: a produce request arriving at the leader
 * (idempotent deduplication, appending), acks=0/1/all handling with acks=all requests waiting for
 * the high watermark, the response back to the producer, and counting records that were
 * acknowledged and later lost. Split from producer.ts, which keeps the producer's state, keys,
 * partition choice and record creation; sending and retrying is in producer-send.ts.
 */
import type { Acks } from '../scenario/types.ts';
import { appendRecord, lastRnOf, rnAt } from './log.ts';
import { brokerNode, countEntries, emit, partRef, recordRef, scheduleTask, send } from './net.ts';
import { countLostIfAcked, leaderLog, maybeAdvanceHw, onLeaderAppend, wakeFollowers } from './replication.ts';
import { RecordFlag, type KafkaState, type ReplicaLog, type SendQueue } from './state.ts';
import { traceWants } from '../core/trace.ts';
import { advanceQueue, onProduceFailure, sendBatch } from './producer-send.ts';

/** A produce request arrives at a broker. */
export function onProduceArrive(
  s: KafkaState,
  prod: number,
  pid: number,
  reqId: number,
  broker: number,
  rns: number[],
  acks: Acks,
): void {
  const k = s.k;
  const part = k.parts[pid]!;
  const b = k.brokers.find((x) => x.id === broker)!;
  if (!b.alive) return respond(s, prod, pid, reqId, broker, 'DISCONNECTED', -1);
  if (part.leader !== broker) return respond(s, prod, pid, reqId, broker, 'NOT_LEADER_OR_FOLLOWER', -1);
  const topic = k.topics[part.topic]!;
  if (acks === 'all' && part.isr.length < topic.minInsyncReplicas)
    return respond(s, prod, pid, reqId, broker, 'NOT_ENOUGH_REPLICAS', -1);
  // LogValidator.validateKey: a compacted topic refuses the whole batch if a record has no key.
  if (topic.compact && rns.some((rn) => k.rec.key[rn]! < 0)) return respond(s, prod, pid, reqId, broker, 'INVALID_RECORD', -1);
  const log = leaderLog(part)!;
  const p = k.producers[prod]!;
  const n = rns.length;
  // How many records at the front of the batch this leader already holds (an idempotent retry).
  // Record numbers of one producer's partition queue rise, and a log holds a prefix of them.
  let held = 0;
  if (p.idempotent) {
    const last = lastRnOf(log, prod);
    while (held < n && rns[held]! <= last) held++;
  }
  let base = -1;
  if (held > 0) {
    // A retry of a batch this leader already has: answer with the original offsets.
    base = findOffset(log, rns[0]!);
    emit(
      s,
      () => ({
        type: 'produce-deduplicated',
        atMs: s.nowMs,
        producer: p.id,
        broker: brokerNode(broker),
        ...partRef(s, pid),
        count: held,
      }),
      'produce-deduplicated',
    );
    if (base < 0 && held === n) return respond(s, prod, pid, reqId, broker, null, -1);
  }
  // The rest is new. In Kafka a follower copies whole batches, so a new leader holds all of a
  // retried batch or none of it; here a follower fetch can end inside a batch, and appending only
  // the missing tail gives the same log Kafka would have (no duplicates, no gaps).
  const from = log.leo;
  if (held < n) appendRecords(s, log, pid, prod, broker, rns, held);
  if (base < 0) base = from;
  const end = held < n ? log.leo : base + n;
  if (acks === 0) return;
  if (acks === 1) {
    markAcked(s, log, base, end, prod);
    return respond(s, prod, pid, reqId, broker, null, base);
  }
  part.waiters.push({ prod, reqId, baseOffset: base, endOffset: end, count: n });
  maybeAdvanceHw(s, pid);
  // A deduplicated batch may already be below the HW, which then does not rise to wake it.
  if (part.waiters.length > 0 && end <= log.hw) completeWaiters(s, pid);
}

/** Appends `rns` from index `first` on at the leader's log end, with a trace entry per record. */
function appendRecords(
  s: KafkaState,
  log: ReplicaLog,
  pid: number,
  prod: number,
  broker: number,
  rns: number[],
  first: number,
): void {
  const n = rns.length;
  if (traceWants(s.trace)) {
    const producer = s.k.producers[prod]!.id;
    for (let i = first; i < n; i++) {
      const rn = rns[i]!;
      const offset = appendRecord(log, rn, prod);
      emit(
        s,
        () => {
          const r = recordRef(s, pid, rn);
          return {
            type: 'record-appended',
            atMs: s.nowMs,
            topic: r.topic,
            partition: r.partition,
            recordId: r.recordId,
            key: r.key,
            causationId: r.causationId,
            correlationId: r.correlationId,
            broker: brokerNode(broker),
            offset,
            producer,
          };
        },
        'record-appended',
      );
    }
  } else {
    for (let i = first; i < n; i++) appendRecord(log, rns[i]!, prod);
    countEntries(s, 'record-appended', n - first);
  }
  wakeFollowers(s, pid);
  onLeaderAppend(s, pid);
  // Kafka moves the HW on every leader append (Partition.appendRecordsToLeader calls
  // maybeIncrementLeaderHW): with an ISR of one the append alone commits the records.
  maybeAdvanceHw(s, pid);
}

function findOffset(log: ReplicaLog, rn: number): number {
  for (let o = log.leo - 1; o >= log.start; o--) if (rnAt(log, o) === rn) return o;
  return -1;
}

/**
 * Records which copy of each record the leader is acknowledging. A record whose earlier copy was
 * truncated away (a retry after a failover wrote it again) is acknowledged for its new copy, so the
 * old copy's truncation must not count it as lost.
 */
function markAcked(s: KafkaState, log: ReplicaLog, from: number, to: number, prod: number): void {
  const { ackOff, st } = s.k.rec;
  for (let o = from; o < to; o++) {
    const rn = rnAt(log, o);
    // A batch whose tail was appended after a failover can have other producers' records inside.
    if (rn < 0 || s.k.rec.prod[rn] !== prod) continue;
    ackOff[rn] = o;
    st[rn] = st[rn]! & ~RecordFlag.AckedCopyTruncated;
  }
}

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
      respond(s, w.prod, pid, w.reqId, part.leader, 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', -1);
    } else {
      markAcked(s, log, w.baseOffset, w.endOffset, w.prod);
      respond(s, w.prod, pid, w.reqId, part.leader, null, w.baseOffset);
    }
  }
  part.waiters.length = kept;
}

/** Fails every waiting acks=all request of a partition (its leader crashed or moved). */
export function failWaiters(s: KafkaState, pid: number, error: string): void {
  const part = s.k.parts[pid]!;
  for (const w of part.waiters) respond(s, w.prod, pid, w.reqId, part.leader, error, -1);
  part.waiters.length = 0;
}

/**
 * Sends a produce response. A dead broker sends nothing, but the client notices the closed
 * connection after one latency (error DISCONNECTED); over a cut link the request times out.
 */
function respond(
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

/** A produce response reaches the producer. */
export function onProduceResponse(
  s: KafkaState,
  prod: number,
  pid: number,
  reqId: number,
  error: string | null,
  baseOffset: number,
): void {
  const p = s.k.producers[prod]!;
  const q = p.queues[pid];
  if (q == null || q.reqId !== reqId || q.inflight === 0) return;
  if (error !== null) return onProduceFailure(s, prod, pid, error);
  const rec = s.k.rec;
  const n = q.inflight;
  for (let i = q.head; i < q.head + n; i++) {
    const rn = q.rns[i]!;
    const st = rec.st[rn]!;
    if (st & RecordFlag.Acked) continue;
    rec.st[rn] = st | RecordFlag.Acked;
    s.k.counters.acknowledged++;
    if (st & RecordFlag.AckedCopyTruncated) countLostIfAcked(s, pid, rn, rec.ackOff[rn]!);
  }
  emit(
    s,
    () => ({
      type: 'produce-acked',
      atMs: s.nowMs,
      producer: p.id,
      ...partRef(s, pid),
      baseOffset,
      count: n,
      acks: String(q.acks),
      correlationId: corrOfBatch(s, q),
    }),
    'produce-acked',
  );
  advanceQueue(q, n);
  if (q.rns.length > q.head) sendBatch(s, prod, pid);
}

function corrOfBatch(s: KafkaState, q: SendQueue): string | undefined {
  const k = s.k.rec.key[q.rns[q.head]!]!;
  return k < 0 ? undefined : s.k.keys[k];
}
