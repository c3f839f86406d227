/**
 * Producers: choosing a partition, batching, acks, retries and the idempotent producer.
 *
 * Records are generated into a per-partition send queue and go out as one produce request per
 * partition with at most one request in flight (max.in.flight.requests.per.connection = 1), so a
 * retry can never reorder a partition. Keyed records go where Kafka's murmur2 rule sends them
 * (computed once per key and cached), an explicit partition wins, keyless records stick to one
 * partition for `stickyBatchSize` records. The leader deduplicates an idempotent producer's
 * retried batch by the newest record number it already holds from that producer, which is what
 * producer id + sequence numbers achieve in Kafka.
 */
import { chance, nextInt, pickWeighted } from '../core/rng.ts';
import type { Acks, ProducerSpec } from '../scenario/types.ts';
import { partitionForKey } from './partitioner/index.ts';
import { appendRecord, lastRnOf, rnAt } from './log.ts';
import { brokerNode, countEntries, emit, partRef, producerNode, recordRef, scheduleTask, send } from './net.ts';
import { countLostIfAcked, leaderLog, maybeAdvanceHw, onLeaderAppend, wakeFollowers } from './replication.ts';
import { DEFAULT_TUNING, RecordFlag, type KafkaState, type ProducerState, type ReplicaLog, type SendQueue } from './state.ts';
import { traceWants } from '../core/trace.ts';

/** Builds a producer's state from its spec (topic index -1 for a command-only producer). */
export function createProducer(spec: ProducerSpec, topic: number, partitionsTotal: number, topicsTotal: number): ProducerState {
  const acks = spec.acks ?? 'all';
  return {
    id: spec.id,
    node: producerNode(spec.id),
    topic,
    ratePerSec: spec.ratePerSec,
    count: spec.count ?? null,
    startAtMs: spec.startAtMs ?? 0,
    stopAtMs: spec.stopAtMs ?? null,
    keys: spec.keys,
    eventType: spec.eventType ?? 'Event',
    payload: spec.payload ?? {},
    acks,
    retries: spec.retries ?? 2_147_483_647,
    // Kafka 3.0+ enables idempotence by default, but only together with acks=all.
    idempotent: (spec.idempotent ?? acks === 'all') && acks === 'all',
    stickyBatchSize: spec.stickyBatchSize ?? DEFAULT_TUNING.stickyBatchSize,
    generated: 0,
    rateGenerated: 0,
    stickyPid: new Array<number>(topicsTotal).fill(-1),
    stickyLeft: new Array<number>(topicsTotal).fill(0),
    queues: new Array<SendQueue | null>(partitionsTotal).fill(null),
    keyCache: [],
    nextReqId: 0,
    ticking: false,
  };
}

/** The key id for a key string, interning it on first sight. */
export function internKey(s: KafkaState, key: string): number {
  const k = s.k;
  const id = k.keyIds[key];
  if (id !== undefined) return id;
  k.keys.push(key);
  return (k.keyIds[key] = k.keys.length - 1);
}

function cachedKey(s: KafkaState, p: ProducerState, idx: number, make: () => string): number {
  const c = p.keyCache;
  while (c.length <= idx) c.push(-1);
  let id = c[idx]!;
  if (id < 0) id = c[idx] = internKey(s, make());
  return id;
}

/** Draws the next key id from the producer's key distribution (-1 = no key). */
function drawKey(s: KafkaState, p: ProducerState): number {
  const d = p.keys;
  switch (d.type) {
    case 'none':
      return -1;
    case 'fixed':
      return cachedKey(s, p, 0, () => d.key);
    case 'uniform': {
      const i = nextInt(s.rng, d.keys);
      // Hot path (once per record): look the cache up before building a closure.
      const hit = i < p.keyCache.length ? p.keyCache[i]! : -1;
      return hit >= 0 ? hit : cachedKey(s, p, i, () => `${d.prefix ?? 'key-'}${i}`);
    }
    case 'weighted': {
      let total = 0;
      for (const w of d.keys) total += w.weight;
      const i = pickWeighted(
        s.rng,
        d.keys.map((w) => w.weight),
        total,
      );
      return cachedKey(s, p, i, () => d.keys[i]!.key);
    }
    case 'hot': {
      if (chance(s.rng, d.hotPerMille, 1000)) return cachedKey(s, p, d.keys, () => d.hotKey);
      const i = nextInt(s.rng, d.keys);
      return cachedKey(s, p, i, () => `${d.prefix ?? 'key-'}${i}`);
    }
  }
}

/** The global partition id a record goes to. */
function choosePartition(s: KafkaState, p: ProducerState, topic: number, keyId: number): number {
  const t = s.k.topics[topic]!;
  if (keyId >= 0) {
    const kp = t.keyPartition;
    while (kp.length <= keyId) kp.push(-1);
    let part = kp[keyId]!;
    if (part < 0) part = kp[keyId] = partitionForKey(s.k.keys[keyId]!, t.partitions);
    return t.firstPid + part;
  }
  // Keyless: stay on one partition for a batch, then move to another one at random.
  if (p.stickyLeft[topic]! <= 0 || p.stickyPid[topic]! < 0) {
    const prev = p.stickyPid[topic]! - t.firstPid;
    let next = nextInt(s.rng, t.partitions > 1 && prev >= 0 ? t.partitions - 1 : t.partitions);
    if (t.partitions > 1 && prev >= 0 && next >= prev) next++;
    p.stickyPid[topic] = t.firstPid + next;
    p.stickyLeft[topic] = p.stickyBatchSize;
  }
  p.stickyLeft[topic]!--;
  return p.stickyPid[topic]!;
}

/**
 * Creates one record and queues it for sending. `valRef` is an index into the values table, or
 * -(n+1) for the producer's n-th generated value. Returns the record number.
 */
export function produceRecord(
  s: KafkaState,
  prod: number,
  topic: number,
  keyId: number,
  pidOverride: number,
  valRef: number,
  tsMs: number,
): number {
  const k = s.k;
  const p = k.producers[prod]!;
  const rec = k.rec;
  const rn = rec.key.length;
  rec.key.push(keyId);
  rec.val.push(valRef);
  rec.ts.push(tsMs);
  rec.prod.push(prod);
  rec.ackOff.push(-1);
  rec.st.push(0);
  k.counters.produced++;
  p.generated++;
  const pid = pidOverride >= 0 ? pidOverride : choosePartition(s, p, topic, keyId);
  let q = p.queues[pid];
  if (q == null) q = p.queues[pid] = { rns: [], head: 0, inflight: 0, reqId: 0, attempts: 0, firstSentMs: 0, acks: p.acks };
  q.rns.push(rn);
  if (traceWants(s.trace)) {
    emit(
      s,
      () => {
        const r = recordRef(s, pid, rn);
        return {
          type: 'record-produced',
          atMs: s.nowMs,
          topic: r.topic,
          partition: r.partition,
          recordId: r.recordId,
          key: r.key,
          causationId: r.causationId,
          correlationId: r.correlationId,
          producer: p.id,
        };
      },
      'record-produced',
    );
  } else countEntries(s, 'record-produced', 1);
  return rn;
}

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
  if (p.topic >= 0 && p.ratePerSec > 0) {
    const due = dueBy(p, s.nowMs);
    for (let i = p.rateGenerated; i < due; i++) {
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

/** Sends the next batch of a partition's queue to the partition's leader. */
function sendBatch(s: KafkaState, prod: number, pid: number, sameAs = 0): void {
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
    const task = { type: 'produce-arrive' as const, prod, pid, reqId: q.reqId, broker: part.leader, rns, acks: q.acks };
    if (!send(s, p.node, brokerNode(part.leader), task)) {
      scheduleTask(s, s.nowMs + s.k.tuning.requestTimeoutMs, { type: 'produce-timeout', prod, pid, reqId: q.reqId }, true);
    }
    return;
  } while (q.acks === 0);
}

function advanceQueue(q: SendQueue, n: number): void {
  q.head += n;
  q.inflight = 0;
  q.attempts = 0;
  if (q.head > 1024 && q.head * 2 > q.rns.length) {
    q.rns = q.rns.slice(q.head);
    q.head = 0;
  }
}

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

/** A request failed or timed out: retry after the backoff, or give the batch up. */
export function onProduceFailure(s: KafkaState, prod: number, pid: number, error: string): void {
  const p = s.k.producers[prod]!;
  const q = p.queues[pid]!;
  const n = q.inflight;
  q.attempts++;
  const willRetry = q.attempts <= p.retries && s.nowMs - q.firstSentMs + s.k.tuning.retryBackoffMs < s.k.tuning.deliveryTimeoutMs;
  const attempt = q.attempts;
  emit(
    s,
    () => ({ type: 'produce-failed', atMs: s.nowMs, producer: p.id, ...partRef(s, pid), count: n, error, willRetry, attempt }),
    'produce-failed',
  );
  if (willRetry) {
    q.reqId = ++p.nextReqId;
    scheduleTask(s, s.nowMs + s.k.tuning.retryBackoffMs, { type: 'produce-retry', prod, pid, reqId: q.reqId }, true);
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
