/**
 * The producer's sending side: the linger timer that generates rate-driven records and sends a
 * batch per idle partition, one produce request in flight per partition, and what happens when a
 * request fails or times out (retry after the backoff, or give the batch up). Split from
 * producer.ts, which keeps the producer's state, keys, partition choice and record creation.
 */
import { beginTransaction, endTransaction, markFenced } from './txn-coordinator.ts';
import { nextInt } from '../core/rng.ts';
import { emit, partRef } from './emit.ts';
import { brokerNode, scheduleTask, send } from './network.ts';
import { RecordFlag, type KafkaState, type ProducerState, type SendQueue } from './state.ts';
import { drawKey, produceRecord } from './producer.ts';
import { producerMaySend } from './schema-world.ts';

/** Makes sure the producer's linger timer runs, so queued records get sent. */
export function ensureTick(s: KafkaState, prod: number, atMs: number): void {
  const p = s.k.producers[prod]!;
  if (p.ticking) return;
  p.ticking = true;
  scheduleTask(s, atMs, { type: 'producer-tick', prod }, true);
}

/** How many rate-driven records are due by time `t` (record i is due at start + i*1000/rate). */
function dueBy(p: ProducerState, t: number): number {
  if (p.ratePerSec <= 0 || t < p.startAtMs) return 0;
  const end = p.stopAtMs === null ? t : Math.min(t, p.stopAtMs - 1);
  if (end < p.startAtMs) return 0;
  const d = end - p.startAtMs;
  let n = Math.floor(d / 1000) * p.ratePerSec + Math.floor(((d % 1000) * p.ratePerSec) / 1000) + 1;
  if (p.count !== null && n > p.count) n = p.count;
  return n;
}

function dueAtMs(p: ProducerState, i: number): number {
  return p.startAtMs + Math.floor(i / p.ratePerSec) * 1000 + Math.ceil(((i % p.ratePerSec) * 1000) / p.ratePerSec);
}

/** The linger timer: generate what the rate says is due, send a batch per idle partition. */
export function onProducerTick(s: KafkaState, prod: number): void {
  const p = s.k.producers[prod]!;
  p.ticking = false;
  if (p.txnRecords > 0) transactionalTick(s, prod);
  // send() to a deleted topic blocks on its metadata and fails (delete-commands.ts): no records.
  else if (p.topic >= 0 && p.ratePerSec > 0 && s.k.topics[p.topic]!.deleted !== true) {
    const due = dueBy(p, s.nowMs);
    // A serializer the registry refused sends nothing (the records due are not created at all).
    const may = producerMaySend(s, prod);
    for (let i = p.rateGenerated; may && i < due; i++) {
      produceRecord(s, prod, p.topic, drawKey(s, p), -1, -(p.generated + 1), dueAtMs(p, i));
    }
    p.rateGenerated = Math.max(p.rateGenerated, due);
    const more =
      (p.count === null || p.rateGenerated < p.count) && (p.stopAtMs === null || dueAtMs(p, p.rateGenerated) < p.stopAtMs);
    if (more) ensureTick(s, prod, Math.max(s.nowMs + s.k.tuning.lingerMs, dueAtMs(p, p.rateGenerated)));
  }
  for (let pid = 0; pid < p.queues.length; pid++) {
    const q = p.queues[pid];
    if (q != null && q.inflight === 0 && q.rns.length > q.head) sendBatch(s, prod, pid);
  }
}

/**
 * A rate-driven transactional producer: records go in transactions of `txnRecords`; the producer
 * generates nothing while a commit is under way (commitTransaction blocks its thread) and goes on
 * once the coordinator has ended it (txn-coordinator.ts ticks it).
 */
function transactionalTick(s: KafkaState, prod: number): void {
  const p = s.k.producers[prod]!;
  if (p.topic < 0 || p.ratePerSec <= 0) return;
  if (p.txnState === 'ready' && (p.count === null || p.rateGenerated < p.count)) beginTransaction(s, prod);
  if (p.txnState !== 'in-transaction') return;
  const due = dueBy(p, s.nowMs);
  let i = p.rateGenerated;
  while (i < due && p.txnCount < p.txnRecords) {
    produceRecord(s, prod, p.topic, drawKey(s, p), -1, -(p.generated + 1), dueAtMs(p, i));
    i++;
  }
  p.rateGenerated = i;
  const last = p.count !== null && i >= p.count;
  if (p.txnCount >= p.txnRecords || (last && p.txnCount > 0)) endTransaction(s, prod, true);
  else if (!last) ensureTick(s, prod, Math.max(s.nowMs + s.k.tuning.lingerMs, dueAtMs(p, i)));
}

/** Sends the next batch of a partition's queue to the partition's leader. */
export function sendBatch(s: KafkaState, prod: number, pid: number, sameAs = 0): void {
  const p = s.k.producers[prod]!;
  const q = p.queues[pid]!;
  const part = s.k.parts[pid]!;
  do {
    // A retry resends exactly the batch that failed, so the leader can recognise it.
    const n = sameAs > 0 ? sameAs : Math.min(q.rns.length - q.head, s.k.tuning.maxBatchRecords);
    if (n <= 0) return;
    const rns = q.rns.slice(q.head, q.head + n);
    if (q.acks === 0) {
      // Fire and forget: nobody waits, nobody retries, a cut link loses the batch silently.
      if (part.leader >= 0)
        send(s, p.node, brokerNode(part.leader), {
          type: 'produce-arrive',
          prod,
          pid,
          reqId: 0,
          broker: part.leader,
          rns,
          acks: 0,
        });
      advanceQueue(q, n);
      continue;
    }
    q.inflight = n;
    q.reqId = ++p.nextReqId;
    if (q.attempts === 0) q.firstSentMs = s.nowMs;
    if (part.leader < 0) {
      onProduceFailure(s, prod, pid, 'LEADER_NOT_AVAILABLE');
      return;
    }
    const task = {
      type: 'produce-arrive' as const,
      prod,
      pid,
      reqId: q.reqId,
      broker: part.leader,
      rns,
      acks: q.acks,
      ...(p.transactionalId === null ? {} : { txe: p.epoch }),
    };
    if (!send(s, p.node, brokerNode(part.leader), task)) {
      scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'produce-timeout', prod, pid, reqId: q.reqId }, true);
    }
    return;
  } while (q.acks === 0);
}

/** Moves a queue past `n` records (acknowledged, given up or sent with acks=0); drops a long sent prefix. */
export function advanceQueue(q: SendQueue, n: number): void {
  q.head += n;
  q.inflight = 0;
  q.attempts = 0;
  if (q.head > 1024 && q.head * 2 > q.rns.length) {
    q.rns = q.rns.slice(q.head);
    q.head = 0;
  }
}

/**
 * The pause before retry number `attempt` (1 = the first): Kafka's ExponentialBackoff (KIP-580),
 * retry.backoff.ms doubling per attempt up to retry.backoff.max.ms, times a jitter factor drawn
 * in [0.8, 1.2] (from the seeded generator here, so a seed still gives one run), capped at the max.
 */
export function retryBackoffMs(s: KafkaState, attempt: number): number {
  const { retryBackoffMs: initial, retryBackoffMaxMs: max } = s.k.tuning;
  if (max <= initial) return initial;
  const term = Math.min(initial * 2 ** Math.min(attempt - 1, 30), max * 2);
  return Math.min(max, Math.floor((term * (800 + nextInt(s.rng, 401))) / 1000));
}

/** A request failed or timed out: retry after the backoff, or give the batch up. */
export function onProduceFailure(s: KafkaState, prod: number, pid: number, error: string): void {
  const p = s.k.producers[prod]!;
  const q = p.queues[pid]!;
  const n = q.inflight;
  q.attempts++;
  // Only retriable errors are retried (Sender.canRetry); INVALID_RECORD is InvalidRecordException.
  const backoffMs = retryBackoffMs(s, q.attempts);
  // A fenced epoch is fatal (ProducerFencedException): nothing is retried, the zombie learns it is one.
  if (error === 'PRODUCER_FENCED' && p.txn >= 0 && p.epoch < s.k.txns[p.txn]!.epoch) markFenced(s, prod);
  const willRetry =
    error !== 'INVALID_RECORD' &&
    error !== 'PRODUCER_FENCED' &&
    q.attempts <= p.retries &&
    s.nowMs - q.firstSentMs + backoffMs < s.k.tuning.deliveryTimeoutMs;
  const attempt = q.attempts;
  emit(
    s,
    () => ({ type: 'produce-failed', atMs: s.nowMs, producer: p.id, ...partRef(s, pid), count: n, error, willRetry, attempt }),
    'produce-failed',
  );
  if (willRetry) {
    q.reqId = ++p.nextReqId;
    scheduleTask(s, s.nowMs + backoffMs, { type: 'produce-retry', prod, pid, reqId: q.reqId }, true);
    return;
  }
  const rec = s.k.rec;
  for (let i = q.head; i < q.head + n; i++) rec.st[q.rns[i]!]! |= RecordFlag.Failed;
  s.k.counters.failed += n;
  advanceQueue(q, n);
  if (q.rns.length > q.head) sendBatch(s, prod, pid);
}

/** The backoff after a failure is over: send the same batch again. */
export function onProduceRetry(s: KafkaState, prod: number, pid: number, reqId: number): void {
  const q = s.k.producers[prod]!.queues[pid];
  if (q == null || q.reqId !== reqId) return;
  const n = q.inflight;
  q.inflight = 0;
  sendBatch(s, prod, pid, n);
}

/** A request that will never be answered has timed out. */
export function onProduceTimeout(s: KafkaState, prod: number, pid: number, reqId: number): void {
  const q = s.k.producers[prod]!.queues[pid];
  if (q == null || q.reqId !== reqId || q.inflight === 0) return;
  onProduceFailure(s, prod, pid, 'REQUEST_TIMED_OUT');
}
