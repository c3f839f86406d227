/**
 * A fast, independent copy of a Kafka world, for timeline checkpoints and what-if forks.
 *
 * structuredClone of a world with a million records would walk millions of array slots one by
 * one through the serializer. The big parts are flat number arrays (the record table, each
 * replica's log, each producer's send queue), and Array.prototype.slice copies those as a block,
 * so they are detached, sliced, and the small rest goes through structuredClone. Trace entries,
 * explicit record values and interned key strings are immutable once created, so clones share
 * them (the arrays holding them are copied).
 *
 * The task queue can hold tens of thousands of small tasks (a scenario schedules every record a
 * producer will send); each is copied with a spread, and the arrays a task carries are sliced,
 * which is several times faster than the serializer walking them.
 */
import type { Scheduled } from '../core/heap.ts';
import { copyNameIndex } from './names.ts';
import type { KafkaState, PartitionState, ProducerState, ReplicaLog } from './state.ts';
import type { KafkaTask } from './tasks.ts';

function cloneLog(l: ReplicaLog): ReplicaLog {
  return {
    ...l,
    rns: l.rns.slice(),
    offs: l.offs === null ? null : l.offs.slice(),
    lastRn: l.lastRn.slice(),
    segs: l.segs.slice(),
  };
}

function clonePart(p: PartitionState): PartitionState {
  return {
    ...p,
    replicas: p.replicas.slice(),
    logs: p.logs.map(cloneLog),
    views: p.views.map((v) => ({ ...v })),
    isr: p.isr.slice(),
    epochStarts: p.epochStarts.slice(),
    waiters: p.waiters.map((w) => ({ ...w })),
    parked: p.parked.map((f) => ({ ...f })),
    openTx: p.openTx.slice(),
  };
}

function cloneProducer(p: ProducerState): ProducerState {
  return {
    ...structuredClone({ ...p, queues: [] as ProducerState['queues'] }),
    queues: p.queues.map((q) => (q === null ? null : { ...q, rns: q.rns.slice() })),
  };
}

type QueuedTask = KafkaTask & Scheduled;

/** A copy of a queued task that shares nothing mutable with it. */
export function cloneTask(t: QueuedTask): QueuedTask {
  switch (t.type) {
    case 'produce-arrive':
      return { ...t, rns: t.rns.slice() };
    case 'join':
      return { ...t, owned: t.owned.slice() };
    case 'fetch-response':
      return { ...t, recs: t.recs === null ? null : t.recs.slice() };
    case 'assignment':
      return { ...t, pids: t.pids.slice() };
    case 'commit':
      return { ...t, pids: t.pids.slice(), offsets: t.offsets.slice() };
    case 'command':
      return structuredClone(t);
    default:
      return { ...t };
  }
}

/** An independent copy of a world (shares only immutable trace entries, values and key strings). */
export function cloneState(s: KafkaState): KafkaState {
  const k = s.k;
  const { rec, parts, producers, values, keys, keyIds, topics } = k;
  const { trace, queue } = s;
  const light = {
    ...s,
    trace: null,
    queue: null,
    k: { ...k, rec: null, parts: null, producers: null, values: null, keys: null, keyIds: null, topics: null },
  };
  const out = structuredClone(light) as unknown as KafkaState;
  out.trace = { ...trace, entries: trace.entries.slice(), counts: { ...trace.counts } };
  out.queue = queue.map(cloneTask);
  out.k.rec = {
    key: rec.key.slice(),
    val: rec.val.slice(),
    ts: rec.ts.slice(),
    prod: rec.prod.slice(),
    ackOff: rec.ackOff.slice(),
    st: rec.st.slice(),
  };
  out.k.parts = parts.map(clonePart);
  out.k.producers = producers.map(cloneProducer);
  out.k.values = values.slice();
  out.k.keys = keys.slice();
  out.k.keyIds = copyNameIndex(keyIds);
  // structuredClone gives the name indexes Object.prototype back; rebuild them without one.
  out.k.topicIndex = copyNameIndex(out.k.topicIndex);
  out.k.producerIndex = copyNameIndex(out.k.producerIndex);
  out.k.groupIndex = copyNameIndex(out.k.groupIndex);
  out.k.consumerIndex = copyNameIndex(out.k.consumerIndex);
  out.k.links = copyNameIndex(out.k.links);
  out.k.headers = copyNameIndex(out.k.headers);
  out.k.txnIndex = copyNameIndex(out.k.txnIndex);
  for (const g of out.k.groups) {
    const a = g.app;
    if (a === null) continue;
    a.store = copyNameIndex(a.store);
    a.calls = copyNameIndex(a.calls);
    a.effects = copyNameIndex(a.effects);
    a.attempts = copyNameIndex(a.attempts);
    a.lastDone = copyNameIndex(a.lastDone);
    a.dedup = copyNameIndex(a.dedup);
    a.skipped = copyNameIndex(a.skipped);
  }
  out.k.topics = topics.map((t) => ({ ...t, keyPartition: t.keyPartition.slice() }));
  return out;
}
