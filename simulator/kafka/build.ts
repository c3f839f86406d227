/**
 * Builds the initial world of a Kafka simulation from a scenario.
 *
 * Replica placement is deterministic and rack-unaware: partition p of the t-th topic puts its
 * replicas on consecutive brokers starting at broker index (t + p) mod N, so leaders spread evenly
 * (Kafka starts at a random broker; we start at a fixed one so a scenario needs no seed for it).
 * Every replica starts in sync, the first replica leads, and every follower starts fetching.
 */
import { createWorldBase } from '../core/world.ts';
import type { GroupSpec, KafkaScenario } from './scenario/types.ts';
import { createApp, withHandlerTopics } from './app-build.ts';
import { createReplicaLog } from './log.ts';
import { lookup, nameIndex, setName } from './names.ts';
import { brokerNode, scheduleTask } from './network.ts';
import { createProducer } from './producer.ts';
import { initTransactions } from './txn-coordinator.ts';
import { ensureTick } from './producer-send.ts';
import { startFollower } from './replication.ts';
import { startCleaner } from './cleaner.ts';
import { attachGroupSchema, attachScenarioSchemas } from './schema-world.ts';
import {
  DEFAULT_TUNING,
  type ConsumerState,
  type GroupState,
  type KafkaState,
  type KafkaTuning,
  type PartitionState,
  type TopicState,
} from './state.ts';
import type { KafkaTask } from './tasks.ts';
import type { KafkaTraceEntry } from './trace-types.ts';

/** segment.bytes defaults to 1 GiB in Kafka: about a million records of 1 KiB. */
export const DEFAULT_SEGMENT_RECORDS = 1_048_576;
/** segment.ms defaults to 7 days in Kafka. */
export const DEFAULT_SEGMENT_MS = 604_800_000;

/** Default bound on tasks for a whole run when the scenario names none. */
export const DEFAULT_TASKS_MAX = 50_000_000;

/** Builds the world at virtual time 0 with its first tasks queued. */
export function buildWorld(seed: number, input: KafkaScenario, tuning: Partial<KafkaTuning> = {}): KafkaState {
  // Retry and dead-letter topics a handler needs exist from the start (none without handlers).
  const scenario = withHandlerTopics(input);
  const base = createWorldBase<KafkaTask, KafkaTraceEntry>({
    seed,
    traceMode: scenario.trace?.mode ?? 'full',
    traceKeepLast: scenario.trace?.keepLast ?? 1000,
  });
  const t: KafkaTuning = { ...DEFAULT_TUNING, ...tuning };
  if (scenario.networkLatencyMs !== undefined) t.networkLatencyMs = scenario.networkLatencyMs;
  const s = base as KafkaState;
  s.k = {
    tuning: t,
    tasksMax: scenario.tasksMax ?? DEFAULT_TASKS_MAX,
    brokers: scenario.brokers.map((b) => ({ id: b.id, node: brokerNode(b.id), alive: true })),
    topics: [],
    topicIndex: nameIndex(),
    parts: [],
    rec: { key: [], val: [], ts: [], prod: [], ackOff: [], st: [] },
    keys: [],
    keyIds: nameIndex(),
    values: [],
    producers: [],
    producerIndex: nameIndex(),
    groups: [],
    groupIndex: nameIndex(),
    consumers: [],
    consumerIndex: nameIndex(),
    links: nameIndex(),
    fg: 0,
    counters: { produced: 0, acknowledged: 0, failed: 0, lost: 0, delivered: 0, duplicated: 0 },
    commandSeq: 0,
    headers: nameIndex(),
    txns: [],
    txnIndex: nameIndex(),
    markerProd: -1,
  };
  const k = s.k;
  const nb = k.brokers.length;
  scenario.topics.forEach((spec, ti) => {
    const rf = Math.max(1, Math.min(spec.replicationFactor, nb));
    const topic: TopicState = {
      name: spec.name,
      firstPid: k.parts.length,
      partitions: spec.partitions,
      replicationFactor: rf,
      minInsyncReplicas: spec.minInsyncReplicas ?? 1,
      retentionMs: spec.retentionMs ?? null,
      retentionRecords: spec.retentionRecords ?? null,
      compact: (spec.cleanupPolicy ?? 'delete').includes('compact'),
      delete: (spec.cleanupPolicy ?? 'delete').includes('delete'),
      segmentRecords: spec.segmentRecords ?? DEFAULT_SEGMENT_RECORDS,
      segmentMs: spec.segmentMs ?? DEFAULT_SEGMENT_MS,
      minCleanableDirtyRatio: spec.minCleanableDirtyRatio ?? 0.5,
      uncleanLeaderElection: spec.uncleanLeaderElection ?? false,
      keyPartition: [],
    };
    setName(k.topicIndex, spec.name, ti);
    k.topics.push(topic);
    for (let p = 0; p < spec.partitions; p++) {
      const replicas: number[] = [];
      for (let j = 0; j < rf; j++) replicas.push(k.brokers[(ti + p + j) % nb]!.id);
      const part = createPartitionState(ti, p, replicas, 0);
      k.parts.push(part);
    }
  });
  for (const spec of scenario.producers ?? []) {
    const ti = lookup(k.topicIndex, spec.topic) ?? -1;
    setName(k.producerIndex, spec.id, k.producers.length);
    k.producers.push(createProducer(spec, ti, k.parts.length, k.topics.length));
    if (ti >= 0 && spec.ratePerSec > 0) ensureTick(s, k.producers.length - 1, spec.startAtMs ?? 0);
    // A rate-driven transactional producer starts initialised (its transactions are automatic).
    if (spec.transactionalId !== undefined && spec.ratePerSec > 0) initTransactions(s, k.producers.length - 1);
  }
  attachScenarioSchemas(s, scenario);
  for (const g of scenario.groups ?? []) addGroup(s, g);
  for (let pid = 0; pid < k.parts.length; pid++) {
    const part = k.parts[pid]!;
    for (let ri = 1; ri < part.replicas.length; ri++) startFollower(s, pid, ri);
    scheduleTask(s, Math.max(1, t.replicaLagTimeMaxMs >> 1), { type: 'isr-check', pid }, false);
  }
  for (let ti = 0; ti < k.topics.length; ti++) startCleaner(s, ti);
  for (const sc of scenario.schedule ?? []) {
    scheduleTask(s, sc.atMs, { type: 'command', command: sc.command, cmdId: `cmd-${++k.commandSeq}` }, true);
  }
  return s;
}

/** Adds a consumer group and its consumers (scenario groups and the add-group command). */
export function addGroup(s: KafkaState, spec: GroupSpec): number {
  const k = s.k;
  const g = k.groups.length;
  const group: GroupState = {
    id: spec.id,
    topics: spec.topics.map((t) => lookup(k.topicIndex, t)).filter((t) => t !== undefined),
    assignor: spec.assignor ?? 'range',
    commit: spec.commit ?? { type: 'auto', intervalMs: 5000 },
    processingMs: spec.processingMs ?? 0,
    autoOffsetReset: spec.autoOffsetReset ?? 'latest',
    sessionTimeoutMs: spec.sessionTimeoutMs ?? 45_000,
    heartbeatIntervalMs: spec.heartbeatIntervalMs ?? 3000,
    maxPollRecords: spec.maxPollRecords ?? 500,
    phase: 'empty',
    generation: 0,
    members: [],
    committed: new Array<number | null>(k.parts.length).fill(null),
    processedTo: new Array<number>(k.parts.length).fill(-1),
    replayUntil: new Array<number>(k.parts.length).fill(-1),
    delivered: 0,
    duplicated: 0,
    replayed: 0,
    skipped: 0,
    rebalanceToken: 0,
    rebalanceRound: 0,
    joinNotBeforeMs: 0,
    rebalanceReason: '',
    consumerCount: 0,
    readCommitted: spec.isolationLevel === 'read_committed',
    app: null,
  };
  setName(k.groupIndex, spec.id, g);
  k.groups.push(group);
  group.app = createApp(s, spec);
  // The group reads its retry topics too (withHandlerTopics lists them for scenario groups).
  for (const rts of group.app?.retryTopics ?? [])
    for (const rt of rts ?? []) if (!group.topics.includes(rt)) group.topics.push(rt);
  for (let i = 0; i < spec.consumers; i++) {
    const id = spec.consumerIds?.[i] ?? `${spec.id}-c${i + 1}`;
    addConsumer(s, g, id, spec.groupInstanceIds?.[i] ?? null, Math.max(s.nowMs, spec.startAtMs ?? 0));
  }
  attachGroupSchema(s, g, spec);
  return g;
}

/** Adds one consumer to a group; it starts (joins) at `startAtMs`. */
export function addConsumer(s: KafkaState, g: number, id: string, instanceId: string | null, startAtMs: number): number {
  const k = s.k;
  const grp = k.groups[g]!;
  const c = k.consumers.length;
  const con: ConsumerState = {
    id,
    group: g,
    instanceId,
    inc: 1,
    memberId: id,
    alive: true,
    phase: 'idle',
    generation: 0,
    processingMs: grp.processingMs,
    assigned: [],
    pos: [],
    posEpoch: [],
    fetching: [],
    buf: [],
    bufRecs: [],
    batch: [],
    batchRecs: [],
    batchIdx: 0,
    batchOff: 0,
    processing: false,
    rejoinNeeded: false,
    pendingAssignment: null,
    lastAutoCommitMs: startAtMs,
    autoCommitQueued: false,
    lastPollMs: startAtMs,
    nextHbMs: startAtMs,
    prevOwned: [],
    errorMessage: null,
    fatalError: null,
    joinSeq: 0,
    paused: [],
    txProd: -1,
  };
  setName(k.consumerIndex, id, c);
  k.consumers.push(con);
  if (grp.commit.type === 'transaction') {
    // Read-process-write: one transactional producer per consumer (as with KIP-447).
    const prodId = `${id}-tx`;
    con.txProd = lookup(k.producerIndex, prodId) ?? k.producers.length;
    if (con.txProd === k.producers.length) {
      setName(k.producerIndex, prodId, con.txProd);
      const spec = { id: prodId, topic: '', ratePerSec: 0, keys: { type: 'none' as const }, transactionalId: `${grp.id}.${id}` };
      k.producers.push(createProducer(spec, -1, k.parts.length, k.topics.length));
    }
  }
  grp.consumerCount++;
  scheduleTask(s, startAtMs, { type: 'consumer-start', c, inc: 1 }, true);
  return c;
}

/**
 * A partition with empty logs on `replicas`, the first its leader, all in sync — at scenario build
 * and when partitions are added to a live topic (build-commands.ts), so both get every field.
 */
export function createPartitionState(ti: number, p: number, replicas: number[], nowMs: number): PartitionState {
  return {
    topic: ti,
    partition: p,
    replicas,
    logs: replicas.map(createReplicaLog),
    views: replicas.map(() => ({
      leo: 0,
      caughtUpMs: nowMs,
      lastFetchMs: nowMs,
      lastFetchLeaderLeo: 0,
      parked: false,
      sentHw: 0,
      loop: 0,
    })),
    leader: replicas[0]!,
    epoch: 0,
    epochStarts: [0, 0],
    isr: [...replicas],
    waiters: [],
    parked: [],
    isrCheckFg: false,
    openTx: [],
  };
}
