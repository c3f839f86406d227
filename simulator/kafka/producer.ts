/**
 * Producers: their state, choosing a key and a partition, and creating records into the
 * per-partition send queues.
 *
 * Records are generated into a per-partition send queue and go out as one produce request per
 * partition with at most one request in flight (max.in.flight.requests.per.connection = 1), so a
 * retry can never reorder a partition. Keyed records go where Kafka's murmur2 rule sends them
 * (computed once per key and cached), an explicit partition wins, keyless records stick to one
 * partition for `stickyBatchSize` records. The leader deduplicates an idempotent producer's
 * retried batch by the newest record number it already holds from that producer, which is what
 * producer id + sequence numbers achieve in Kafka.
 *
 * Sending (the linger timer, batches, retries and timeouts) is in producer-send.ts, receiving
 * acknowledgements in producer-ack.ts; the leader's side is broker-produce.ts and purgatory.ts.
 */
import { chance, nextInt, pickWeighted } from '../core/rng.ts';
import type { ProducerSpec } from './scenario/types.ts';
import { lookup, setName } from './names.ts';
import { partitionForKey } from './partitioner/index.ts';
import { countEntries, emit, recordRef } from './emit.ts';
import { producerNode } from './network.ts';
import { DEFAULT_TUNING, type KafkaState, type ProducerState, type SendQueue } from './state.ts';
import { traceWants } from '../core/trace.ts';
import { noteTxnRecord } from './txn-log.ts';
import { schemaValueRef } from './schema-world.ts';
import { pidOf } from './topic-pids.ts';

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
    // A transactional producer is idempotent (enable.idempotence is required by transactions).
    idempotent: spec.transactionalId !== undefined || ((spec.idempotent ?? acks === 'all') && acks === 'all'),
    stickyBatchSize: spec.stickyBatchSize ?? DEFAULT_TUNING.stickyBatchSize,
    generated: 0,
    rateGenerated: 0,
    stickyPid: new Array<number>(topicsTotal).fill(-1),
    stickyLeft: new Array<number>(topicsTotal).fill(0),
    queues: new Array<SendQueue | null>(partitionsTotal).fill(null),
    keyCache: [],
    nextReqId: 0,
    ticking: false,
    transactionalId: spec.transactionalId ?? null,
    txn: -1,
    epoch: -1,
    txnState: spec.transactionalId === undefined ? 'none' : 'uninitialized',
    txnRecords: spec.transactionRecords ?? 0,
    txnCount: 0,
  };
}

/** The key id for a key string, interning it on first sight. */
export function internKey(s: KafkaState, key: string): number {
  const k = s.k;
  const id = lookup(k.keyIds, key);
  if (id !== undefined) return id;
  k.keys.push(key);
  setName(k.keyIds, key, k.keys.length - 1);
  return k.keys.length - 1;
}

function cachedKey(s: KafkaState, p: ProducerState, idx: number, make: () => string): number {
  const c = p.keyCache;
  while (c.length <= idx) c.push(-1);
  let id = c[idx]!;
  if (id < 0) id = c[idx] = internKey(s, make());
  return id;
}

/** Draws the next key id from the producer's key distribution (-1 = no key). */
export function drawKey(s: KafkaState, p: ProducerState): number {
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
    return pidOf(t, part);
  }
  // Keyless: stay on one partition for a batch, then move to another one at random.
  if (p.stickyLeft[topic]! <= 0 || p.stickyPid[topic]! < 0) {
    const prev = p.stickyPid[topic]! < 0 ? -1 : s.k.parts[p.stickyPid[topic]!]!.partition;
    let next = nextInt(s.rng, t.partitions > 1 && prev >= 0 ? t.partitions - 1 : t.partitions);
    if (t.partitions > 1 && prev >= 0 && next >= prev) next++;
    p.stickyPid[topic] = pidOf(t, next);
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
  if (k.schema !== undefined) valRef = schemaValueRef(s, prod, valRef);
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
  if (p.txnState === 'in-transaction') noteTxnRecord(s, prod, rn, pid);
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
