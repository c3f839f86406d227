/**
 * The leader's side of producing: a produce request arriving (leader and min.insync.replicas
 * checks, LogValidator's key check for compacted topics, idempotent deduplication), appending to
 * the log (which moves the high watermark at once with an ISR of one, as
 * Partition.appendRecordsToLeader does), and acks=0/1/all: acks=1 is answered at once, acks=all
 * waits in the purgatory until the HW passes the batch. Split from the producer's client side
 * (producer*.ts), which it never imports.
 */
import type { Acks } from './scenario/types.ts';
import { traceWants } from '../core/trace.ts';
import { countEntries, emit, partRef, recordRef } from './emit.ts';
import { appendRecord, lastRnOf, rnAt } from './log.ts';
import { brokerNode } from './network.ts';
import { leaderLog, markAcked } from './partition.ts';
import { completeWaiters, respondProduce } from './purgatory.ts';
import { maybeRoll } from './segments.ts';
import { maybeAdvanceHw, onLeaderAppend, wakeFollowers } from './replication.ts';
import type { KafkaState, ReplicaLog } from './state.ts';
import { onTxnAppend, staleEpoch } from './txn-log.ts';

/** A produce request arrives at a broker. */
export function onProduceArrive(
  s: KafkaState,
  prod: number,
  pid: number,
  reqId: number,
  broker: number,
  rns: number[],
  acks: Acks,
  txe?: number,
): void {
  const k = s.k;
  const part = k.parts[pid]!;
  const b = k.brokers.find((x) => x.id === broker)!;
  if (!b.alive) return respondProduce(s, prod, pid, reqId, broker, 'DISCONNECTED', -1);
  if (part.leader !== broker) return respondProduce(s, prod, pid, reqId, broker, 'NOT_LEADER_OR_FOLLOWER', -1);
  if (k.topics[part.topic]!.deleted) return respondProduce(s, prod, pid, reqId, broker, 'UNKNOWN_TOPIC_OR_PARTITION', -1);
  if (staleEpoch(s, prod, txe)) return respondProduce(s, prod, pid, reqId, broker, 'PRODUCER_FENCED', -1);
  const topic = k.topics[part.topic]!;
  if (acks === 'all' && part.isr.length < topic.minInsyncReplicas)
    return respondProduce(s, prod, pid, reqId, broker, 'NOT_ENOUGH_REPLICAS', -1);
  // LogValidator.validateKey: a compacted topic refuses the whole batch if a record has no key.
  if (topic.compact && rns.some((rn) => k.rec.key[rn]! < 0))
    return respondProduce(s, prod, pid, reqId, broker, 'INVALID_RECORD', -1);
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
    if (base < 0 && held === n) return respondProduce(s, prod, pid, reqId, broker, null, -1);
  }
  // The rest is new. In Kafka a follower copies whole batches, so a new leader holds all of a
  // retried batch or none of it; here a follower fetch can end inside a batch, and appending only
  // the missing tail gives the same log Kafka would have (no duplicates, no gaps).
  const from = log.leo;
  if (held < n) {
    // LogSegment.shouldRoll, once per batch: the batch goes whole into one segment.
    maybeRoll(log, n - held, topic, s.nowMs, k.rec.ts);
    appendRecords(s, log, pid, prod, broker, rns, held);
  }
  if (base < 0) base = from;
  const end = held < n ? log.leo : base + n;
  if (acks === 0) return;
  if (acks === 1) {
    markAcked(s, log, base, end, prod);
    return respondProduce(s, prod, pid, reqId, broker, null, base);
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
  if (s.k.txns.length > 0) onTxnAppend(s, pid, log, rns, first);
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
