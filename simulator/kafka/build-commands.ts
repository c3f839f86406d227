/**
 * Growing and changing a live cluster: a broker joins, a topic is created, a topic gets more
 * partitions, a topic's config changes, a producer starts or stops. The playground's Build tab
 * sends these, so a system built from the page steps back, forks and travels in links like any
 * other command.
 *
 * Each behaves as Kafka does on a running cluster, not as a restart. A new broker holds no
 * replicas until a topic is placed on it (Kafka never moves existing partitions by itself). New
 * partitions of a live topic start empty; the records already written stay where they are, and
 * keyed records map with murmur2(key) % the new count from then on, so a key can move to another
 * partition (the reason Kafka's documentation warns about adding partitions to keyed topics).
 * Partitions can only be added, never removed. Groups subscribed to the topic rebalance, as their
 * leader does in Kafka when its metadata shows the new partitions (after metadata.max.age.ms,
 * five minutes by default; here at once, so the effect is visible). Errors use Kafka's words.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import type { KafkaBuildCommand, TopicSpec } from './scenario/types.ts';
import { SCENARIO_LIMITS as L } from './scenario/limits.ts';
import { startCleaner } from './cleaner.ts';
import { startRebalance } from './group.ts';
import { createPartitionState } from './build.ts';
import { lookup, setName } from './names.ts';
import { brokerNode, scheduleTask } from './network.ts';
import { createProducer } from './producer.ts';
import { ensureTick } from './producer-send.ts';
import { startFollower } from './replication.ts';
import { DEFAULT_SEGMENT_MS, DEFAULT_SEGMENT_RECORDS } from './build.ts';
import { emit } from './emit.ts';
import { rebindDeletedName } from './delete-commands.ts';
import type { EntryOf } from './trace-types.ts';
import type { KafkaState } from './state.ts';

type Cmd<T extends KafkaBuildCommand['type']> = Extract<KafkaBuildCommand, { type: T }>;

/** One trace entry per change, so the narration, the trace and the sequence diagram show the build. */
function changed(s: KafkaState, fields: Omit<EntryOf<'cluster-changed'>, 'id' | 'type' | 'atMs'>): void {
  emit(s, () => ({ type: 'cluster-changed', atMs: s.nowMs, ...fields }), 'cluster-changed');
}

const invalid = <T>(message: string, path?: string): Result<T> => fail<T>(ErrorCode.InvalidCommand, message, path);

/** A broker joins the cluster (kafka-server-start with a new broker.id). */
export function addBrokerCommand(s: KafkaState, c: Cmd<'add-broker'>): Result<null> {
  const k = s.k;
  if (k.brokers.some((b) => b.id === c.broker))
    return invalid(`Broker ${c.broker} is already registered in the cluster.`, 'broker');
  if (k.brokers.length >= L.brokersMax) {
    return invalid(`The cluster has ${k.brokers.length} brokers, the simulator's limit (brokersMax).`, 'broker');
  }
  k.brokers.push({ id: c.broker, node: brokerNode(c.broker), alive: true });
  changed(s, {
    change: 'broker-added',
    broker: brokerNode(c.broker),
    text: `Broker ${c.broker} joined the cluster; it holds no replicas until a topic is created on it.`,
  });
  return ok(null);
}

function totalPartitions(s: KafkaState): number {
  return s.k.parts.length;
}

function totalReplicas(s: KafkaState): number {
  let n = 0;
  for (const t of s.k.topics) n += t.partitions * t.replicationFactor;
  return n;
}

/** Room for `n` more partitions with `rf` replicas each, within the limits of docs/scenario-format.md. */
function roomFor(s: KafkaState, n: number, rf: number, path: string): Result<null> {
  if (totalPartitions(s) + n > L.partitionsTotalMax) {
    return invalid(
      `The topics would have ${totalPartitions(s) + n} partitions in all; the simulator's limit is ${L.partitionsTotalMax} (partitionsTotalMax).`,
      path,
    );
  }
  if (totalReplicas(s) + n * rf > L.replicasTotalMax) {
    return invalid(
      `The topics would have ${totalReplicas(s) + n * rf} partition replicas in all; the simulator's limit is ${L.replicasTotalMax} (replicasTotalMax).`,
      path,
    );
  }
  return ok(null);
}

/**
 * Appends `count` partitions of topic `ti` (numbered from `from`) at the end of the partition
 * table, with replicas on the live brokers, and grows every per-partition array to match.
 */
function appendPartitions(s: KafkaState, ti: number, from: number, count: number, rf: number, alive: number[]): number[] {
  const k = s.k;
  const pids: number[] = [];
  for (let p = from; p < from + count; p++) {
    const replicas: number[] = [];
    for (let j = 0; j < rf; j++) replicas.push(alive[(ti + p + j) % alive.length]!);
    const part = createPartitionState(ti, p, replicas, s.nowMs);
    const pid = k.parts.length;
    k.parts.push(part);
    pids.push(pid);
    for (const prod of k.producers) prod.queues.push(null);
    for (const g of k.groups) {
      g.committed.push(null);
      g.processedTo.push(-1);
      g.replayUntil.push(-1);
    }
    for (let ri = 1; ri < replicas.length; ri++) startFollower(s, pid, ri);
    scheduleTask(s, s.nowMs + Math.max(1, k.tuning.replicaLagTimeMaxMs >> 1), { type: 'isr-check', pid }, false);
  }
  return pids;
}

function liveBrokers(s: KafkaState): number[] {
  return s.k.brokers.filter((b) => b.alive).map((b) => b.id);
}

function replicationProblem(rf: number, alive: number): string | undefined {
  return rf > alive ? `Replication factor: ${rf} larger than available brokers: ${alive}.` : undefined;
}

/** kafka-topics --create. */
export function createTopicCommand(s: KafkaState, c: Cmd<'create-topic'>): Result<null> {
  const k = s.k;
  const spec: TopicSpec = c.topic;
  if (lookup(k.topicIndex, spec.name) !== undefined) return invalid(`Topic '${spec.name}' already exists.`, 'topic.name');
  if (k.topics.length >= L.topicsMax) {
    // A deleted topic keeps its slot (its records' history stays in the trace), so slots are what is bounded.
    const deleted = k.topics.filter((t) => t.deleted === true).length;
    const held = deleted === 0 ? '' : ` (${deleted} of them deleted: a deleted topic keeps its slot)`;
    return invalid(`The cluster has created ${k.topics.length} topics${held}, the simulator's limit (topicsMax).`, 'topic.name');
  }
  const alive = liveBrokers(s);
  const rfProblem = replicationProblem(spec.replicationFactor, alive.length);
  if (rfProblem) return invalid(rfProblem, 'topic.replicationFactor');
  const minIsr = spec.minInsyncReplicas ?? 1;
  if (minIsr > spec.replicationFactor) {
    return invalid(
      `min.insync.replicas (${minIsr}) cannot exceed the replication factor (${spec.replicationFactor}): every acks=all write would fail.`,
      'topic.minInsyncReplicas',
    );
  }
  const room = roomFor(s, spec.partitions, spec.replicationFactor, 'topic.partitions');
  if (!room.ok) return room;
  const ti = k.topics.length;
  const policy = spec.cleanupPolicy ?? 'delete';
  k.topics.push({
    name: spec.name,
    firstPid: k.parts.length,
    partitions: spec.partitions,
    replicationFactor: spec.replicationFactor,
    minInsyncReplicas: minIsr,
    retentionMs: spec.retentionMs ?? null,
    retentionRecords: spec.retentionRecords ?? null,
    compact: policy.includes('compact'),
    delete: policy.includes('delete'),
    segmentRecords: spec.segmentRecords ?? DEFAULT_SEGMENT_RECORDS,
    segmentMs: spec.segmentMs ?? DEFAULT_SEGMENT_MS,
    minCleanableDirtyRatio: spec.minCleanableDirtyRatio ?? 0.5,
    uncleanLeaderElection: spec.uncleanLeaderElection ?? false,
    keyPartition: [],
  });
  setName(k.topicIndex, spec.name, ti);
  for (const prod of k.producers) {
    prod.stickyPid.push(-1);
    prod.stickyLeft.push(0);
  }
  appendPartitions(s, ti, 0, spec.partitions, spec.replicationFactor, alive);
  startCleaner(s, ti);
  rebindDeletedName(s, ti);
  const plural = spec.partitions === 1 ? '' : 's';
  changed(s, {
    change: 'topic-created',
    topic: spec.name,
    text: `Topic ${spec.name} was created with ${spec.partitions} partition${plural}, replication factor ${spec.replicationFactor}.`,
  });
  return ok(null);
}

/** kafka-topics --alter --partitions N: N is the new total, and it can only grow. */
export function createPartitionsCommand(s: KafkaState, c: Cmd<'create-partitions'>): Result<{ added: number }> {
  const k = s.k;
  const ti = lookup(k.topicIndex, c.topic);
  if (ti === undefined) return fail(ErrorCode.UnknownTopic, `Topic '${c.topic}' does not exist.`, 'topic');
  const t = k.topics[ti]!;
  if (c.partitions < t.partitions) {
    return invalid(
      `Topic currently has ${t.partitions} partitions, which is higher than the requested ${c.partitions}. The number of partitions for a topic can only be increased.`,
      'partitions',
    );
  }
  if (c.partitions === t.partitions) return invalid(`Topic already has ${t.partitions} partitions.`, 'partitions');
  const alive = liveBrokers(s);
  const rfProblem = replicationProblem(t.replicationFactor, alive.length);
  if (rfProblem) return invalid(rfProblem, 'partitions');
  const added = c.partitions - t.partitions;
  const room = roomFor(s, added, t.replicationFactor, 'partitions');
  if (!room.ok) return room;
  const pids = appendPartitions(s, ti, t.partitions, added, t.replicationFactor, alive);
  // Replaced, not mutated: clones share topic objects' arrays until they change them.
  t.morePids = [...(t.morePids ?? []), ...pids];
  t.partitions = c.partitions;
  // murmur2(key) % partitions has a new divisor: every key is mapped again from now on.
  t.keyPartition = [];
  changed(s, {
    change: 'partitions-added',
    topic: t.name,
    text: `Topic ${t.name} now has ${c.partitions} partitions: its records stay where they are, and keys map to murmur2(key) % ${c.partitions} from now on.`,
  });
  k.groups.forEach((g, gi) => {
    if (g.topics.includes(ti) && g.members.length > 0) startRebalance(s, gi, `partitions added to topic ${t.name}`);
  });
  return ok({ added });
}

/** kafka-configs --alter --entity-type topics: the settings that can change on a live topic. */
export function alterTopicConfigCommand(s: KafkaState, c: Cmd<'alter-topic-config'>): Result<null> {
  const k = s.k;
  const ti = lookup(k.topicIndex, c.topic);
  if (ti === undefined) return fail(ErrorCode.UnknownTopic, `Topic '${c.topic}' does not exist.`, 'topic');
  const t = k.topics[ti]!;
  const cfg = c.config;
  if (cfg.minInsyncReplicas !== undefined && cfg.minInsyncReplicas > t.replicationFactor) {
    return invalid(
      `min.insync.replicas (${cfg.minInsyncReplicas}) cannot exceed the replication factor (${t.replicationFactor}): every acks=all write would fail.`,
      'config.minInsyncReplicas',
    );
  }
  if (cfg.minInsyncReplicas !== undefined) t.minInsyncReplicas = cfg.minInsyncReplicas;
  if (cfg.retentionMs !== undefined) t.retentionMs = cfg.retentionMs;
  if (cfg.retentionRecords !== undefined) t.retentionRecords = cfg.retentionRecords;
  if (cfg.segmentRecords !== undefined) t.segmentRecords = cfg.segmentRecords;
  if (cfg.segmentMs !== undefined) t.segmentMs = cfg.segmentMs;
  if (cfg.cleanupPolicy !== undefined) {
    t.compact = cfg.cleanupPolicy.includes('compact');
    t.delete = cfg.cleanupPolicy.includes('delete');
  }
  // Start the retention check or the compaction pass if the topic now needs one it lacks (each
  // reschedules itself for ever once started, so one that is queued already is left alone).
  const queued = (compaction: boolean): boolean =>
    s.queue.some((q) => q.type === 'cleaner' && q.topic === ti && (q.compaction === 1) === compaction);
  const every = k.tuning.cleanerIntervalMs;
  if (t.delete && (t.retentionMs !== null || t.retentionRecords !== null) && !queued(false)) {
    scheduleTask(s, s.nowMs + every, { type: 'cleaner', topic: ti }, false);
  }
  if (t.compact && !queued(true)) {
    scheduleTask(s, s.nowMs + (k.tuning.cleanerBackoffMs ?? every), { type: 'cleaner', topic: ti, compaction: 1 }, false);
  }
  changed(s, {
    change: 'topic-config-changed',
    topic: t.name,
    text: `Topic ${t.name}'s config changed: ${Object.keys(cfg).join(', ') || 'nothing'}.`,
  });
  return ok(null);
}

/** A producer client starts (a new KafkaProducer in an application). */
export function addProducerCommand(s: KafkaState, c: Cmd<'add-producer'>): Result<null> {
  const k = s.k;
  const spec = c.producer;
  if (lookup(k.producerIndex, spec.id) !== undefined) return invalid(`A producer "${spec.id}" exists already.`, 'producer.id');
  if (k.producers.length >= L.producersMax)
    return invalid(`The simulator's limit is ${L.producersMax} producers (producersMax).`, 'producer.id');
  const ti = lookup(k.topicIndex, spec.topic);
  if (ti === undefined) return fail(ErrorCode.UnknownTopic, `Topic '${spec.topic}' does not exist.`, 'producer.topic');
  const acks = spec.acks ?? 'all';
  if (spec.idempotent === true && acks !== 'all') {
    return invalid(`Must set acks to all in order to use the idempotent producer (acks is ${acks}).`, 'producer.idempotent');
  }
  const rate = k.producers.reduce((n, p) => n + p.ratePerSec, 0) + spec.ratePerSec;
  if (rate > L.ratePerSecTotalMax) {
    return invalid(
      `The producers would write ${rate} records per second in all; the simulator's limit is ${L.ratePerSecTotalMax}.`,
      'producer.ratePerSec',
    );
  }
  if (spec.keys.type === 'hot' && spec.keys.keys === 0 && spec.keys.hotPerMille !== 1000) {
    return invalid('With no other keys the hot key gets every record, so hotPerMille must be 1000.', 'producer.keys.hotPerMille');
  }
  const startAtMs = Math.max(s.nowMs, spec.startAtMs ?? 0);
  const p = k.producers.length;
  setName(k.producerIndex, spec.id, p);
  k.producers.push(createProducer({ ...spec, startAtMs }, ti, k.parts.length, k.topics.length));
  if (spec.ratePerSec > 0) ensureTick(s, p, startAtMs);
  changed(s, {
    change: 'producer-added',
    producer: spec.id,
    text: `Producer ${spec.id} started, writing ${spec.ratePerSec} records/s to ${spec.topic} with acks=${acks}.`,
  });
  return ok(null);
}

/** A producer closes: it starts no more records; those already sent are still acknowledged. */
export function stopProducerCommand(s: KafkaState, c: Cmd<'stop-producer'>): Result<null> {
  const p = lookup(s.k.producerIndex, c.producer);
  if (p === undefined) return fail(ErrorCode.UnknownNode, `There is no producer "${c.producer}".`, 'producer');
  const prod = s.k.producers[p]!;
  if (prod.stopAtMs !== null && prod.stopAtMs <= s.nowMs) return invalid(`Producer ${c.producer} is already closed.`);
  prod.stopAtMs = s.nowMs;
  changed(s, {
    change: 'producer-stopped',
    producer: c.producer,
    text: `Producer ${c.producer} closed: it starts no more records.`,
  });
  return ok(null);
}
