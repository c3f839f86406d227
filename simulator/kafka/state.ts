/**
 * The Kafka model's state: plain data only, shaped for speed.
 *
 * A million-record run must not hold a million record objects, so records live in columns: one
 * global record table (key id, value reference, timestamp, producer, ack bookkeeping) indexed by a
 * record number `rn`, and per-replica logs that hold only the `rn` of each slot. A replica log is
 * thus one array of numbers; copying a batch from leader to follower is a loop of pushes, and
 * cloning the world is a handful of array slices. Everything here survives JSON.stringify and
 * structuredClone; nothing holds a closure or a class instance.
 */
import type { TraceLog } from '../core/trace.ts';
import type { Scheduled } from '../core/heap.ts';
import type { WorldBase } from '../core/world.ts';
import type { Acks, AssignorName, CommitPolicy, KeyDistribution, OffsetReset } from './scenario/types.ts';
import type { AppState, RecordHeaders } from './app-state.ts';
import type { NameIndex } from './names.ts';
import type { ProducerTxnState, TxnState } from './txn-state.ts';
import type { KafkaTask } from './tasks.ts';
import type { KafkaTraceEntry } from './trace-types.ts';
import type { KafkaSchemaWorld } from './schema-types.ts';

/** Knobs that Kafka configures and scenarios do not (yet) name. Defaults in DEFAULT_TUNING. */
export interface KafkaTuning {
  /** One-way latency between two nodes unless a link overrides it. */
  networkLatencyMs: number;
  /** Producer linger.ms: records wait this long to form a batch. */
  lingerMs: number;
  /** Most records in one produce request per partition (stands in for batch.size). */
  maxBatchRecords: number;
  /** Most records a follower copies per fetch (stands in for replica.fetch.max.bytes). */
  replicaFetchMaxRecords: number;
  /** A follower that has not caught up for this long leaves the ISR (replica.lag.time.max.ms). */
  replicaLagTimeMaxMs: number;
  /** A request over a cut link fails after this long (request.timeout.ms). */
  requestTimeoutMs: number;
  /** Pause before the first retry (retry.backoff.ms); later ones double (KIP-580). */
  retryBackoffMs: number;
  /** The longest pause between retries (retry.backoff.max.ms). */
  retryBackoffMaxMs: number;
  /** The producer gives a record up after this long (delivery.timeout.ms). */
  deliveryTimeoutMs: number;
  /** An empty group waits this long for more members before the first rebalance. */
  initialRebalanceDelayMs: number;
  /** A member that does not poll for this long during a rebalance is removed (max.poll.interval.ms). */
  maxPollIntervalMs: number;
  /**
   * How often retention runs per topic (log.retention.check.interval.ms; Kafka's default is
   * 300000) and, unless cleanerBackoffMs is given, how often the cleaner looks for work.
   */
  cleanerIntervalMs: number;
  /** How often the cleaner looks for a log to compact (log.cleaner.backoff.ms; Kafka's default is 15000). */
  cleanerBackoffMs?: number;
  /** Tombstones survive compaction for this long (delete.retention.ms). */
  deleteRetentionMs: number;
  /** Default stickyBatchSize for keyless records. */
  stickyBatchSize: number;
  /** A JoinGroup with a shorter session.timeout.ms is refused (group.min.session.timeout.ms). */
  groupMinSessionTimeoutMs: number;
  /** A JoinGroup with a longer session.timeout.ms is refused (group.max.session.timeout.ms). */
  groupMaxSessionTimeoutMs: number;
}

/** Kafka's defaults where they suit virtual time; the README says where they differ. */
export const DEFAULT_TUNING: KafkaTuning = {
  networkLatencyMs: 1,
  lingerMs: 5,
  maxBatchRecords: 1000,
  replicaFetchMaxRecords: 5000,
  replicaLagTimeMaxMs: 30_000,
  requestTimeoutMs: 30_000,
  retryBackoffMs: 100,
  retryBackoffMaxMs: 1000,
  deliveryTimeoutMs: 120_000,
  initialRebalanceDelayMs: 3000,
  maxPollIntervalMs: 300_000,
  cleanerIntervalMs: 1000,
  deleteRetentionMs: 86_400_000,
  stickyBatchSize: 100,
  groupMinSessionTimeoutMs: 6000,
  groupMaxSessionTimeoutMs: 1_800_000,
};

/** Flags in RecordTable.st. */
export const RecordFlag = {
  /** The producer received an acknowledgement. */
  Acked: 1,
  /** The copy the leader acknowledged was truncated away. */
  AckedCopyTruncated: 2,
  /** The producer gave the record up (retries or delivery timeout exhausted). */
  Failed: 4,
  /** Counted as lost already. */
  CountedLost: 8,
} as const;

/** Every record ever produced, one column per field, indexed by record number `rn`. */
export interface RecordTable {
  /** Interned key id, or -1 for a null key. */
  key: number[];
  /** >= 0: index into `values`; < 0: generated value number -(v+1) of the record's producer. */
  val: number[];
  /** Record timestamp (creation time), virtual ms. */
  ts: number[];
  /** Index of the producer in `producers`. */
  prod: number[];
  /** The offset at which a leader decided to acknowledge the record, or -1. */
  ackOff: number[];
  /** RecordFlag bits. */
  st: number[];
}

/** One replica's copy of a partition. */
export interface ReplicaLog {
  broker: number;
  /** Log start offset: everything below was deleted by retention. */
  start: number;
  /** Log end offset: the offset the next appended record gets. */
  leo: number;
  /** This replica's view of the high watermark. */
  hw: number;
  /** Record numbers of the stored records, oldest first, from index `head`. */
  rns: number[];
  /** Index of the first live slot in `rns` (the front is dropped lazily). */
  head: number;
  /** Offsets parallel to `rns` once compaction has left gaps; null while offsets are contiguous. */
  offs: number[] | null;
  /** Per producer index: the newest rn this replica holds from it (idempotence), -1 if none. */
  lastRn: number[];
  /**
   * Base offsets of this replica's segments, oldest first; the last one is the active segment,
   * where appends go (Kafka's LogSegment files: retention deletes whole segments, the cleaner
   * never touches the active one). The first may begin below the log start.
   */
  segs: number[];
  /** The cleaner's checkpoint: records below it were compacted already (Kafka's firstDirtyOffset). */
  cleanedTo: number;
}

/** What the leader knows about one follower, parallel to PartitionState.replicas. */
export interface FollowerView {
  /** The follower's LEO as its last fetch told the leader. */
  leo: number;
  /** Last time the follower was caught up (Kafka's lastCaughtUpTimeMs). */
  caughtUpMs: number;
  lastFetchMs: number;
  /** The leader's LEO when it answered the follower's previous fetch. */
  lastFetchLeaderLeo: number;
  /** A fetch from this follower is parked at the leader, waiting for data. */
  parked: boolean;
  /** HW last sent to this follower. */
  sentHw: number;
  /** Token of the follower's fetch loop; responses of older loops are dropped. */
  loop: number;
}

/** A produce request with acks=all waiting at the leader for the HW to pass it. */
export interface AckWaiter {
  prod: number;
  reqId: number;
  /** The request must be answered once HW >= endOffset. */
  endOffset: number;
  baseOffset: number;
  count: number;
}

/** A consumer fetch parked at the leader until the HW moves past its offset. */
export interface ParkedFetch {
  consumer: number;
  inc: number;
  offset: number;
}

export interface PartitionState {
  topic: number;
  partition: number;
  /** Replica broker ids in preference order (the first is the preferred leader). */
  replicas: number[];
  logs: ReplicaLog[];
  views: FollowerView[];
  /** Leader broker id, or -1 when the partition is offline. */
  leader: number;
  /** Leader epoch: bumped on every election. */
  epoch: number;
  isr: number[];
  waiters: AckWaiter[];
  parked: ParkedFetch[];
  /**
   * The leader-epoch history of the current leader's log, flat pairs [epoch, startOffset], oldest
   * first (Kafka's LeaderEpochFileCache): answers OffsetsForLeaderEpoch for consumer validation.
   */
  epochStarts: number[];
  /** The partition has a foreground ISR check scheduled (see replication.ts). */
  isrCheckFg: boolean;
  /**
   * Open transactions with records here, flat triples [txn, firstOffset, prod], in the order they
   * began: the first one's firstOffset is the last stable offset (txn-lso.ts).
   */
  openTx: number[];
  /** Key id -> partition cache is per topic; this is the keyless sticky bookkeeping for commands. */
}

export interface TopicState {
  name: string;
  firstPid: number;
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  retentionMs: number | null;
  retentionRecords: number | null;
  /** cleanup.policy includes compact (LogConfig.compact). */
  compact: boolean;
  /** segment.bytes, counted in records: a batch that would overflow the active segment rolls a new one. */
  segmentRecords: number;
  /** segment.ms: the active segment rolls at the next append once its first record is this old. */
  segmentMs: number;
  /** min.cleanable.dirty.ratio: compaction runs once this share of the cleanable records is dirty. */
  minCleanableDirtyRatio: number;
  /** cleanup.policy includes delete: only then do retention.ms and the record bound delete (LogConfig.delete). */
  delete: boolean;
  uncleanLeaderElection: boolean;
  /** keyId -> partition, -1 when not yet computed (murmur2 runs once per key, not per record). */
  keyPartition: number[];
  /**
   * Ids of partitions added while the topic was live (create-partitions), after the first block
   * from firstPid; replaced, never mutated, so clones may share it. See topic-pids.ts.
   */
  morePids?: number[];
  /**
   * The topic was deleted (kafka-topics --delete, delete-commands.ts). Its slot stays so that
   * partition ids and topic indexes keep their meaning; its name is free for a new topic.
   */
  deleted?: true;
}

export interface BrokerState {
  id: number;
  node: string;
  alive: boolean;
}

/** A producer's per-partition send queue: the records waiting or in flight, in order. */
export interface SendQueue {
  rns: number[];
  head: number;
  /** Records at the front currently in flight (0 = none). */
  inflight: number;
  reqId: number;
  attempts: number;
  /** When the records at the front were first sent (for the delivery timeout). */
  firstSentMs: number;
  acks: Acks;
}

export interface ProducerState {
  id: string;
  node: string;
  /** Topic index for rate-driven production, or -1 for a command-only producer. */
  topic: number;
  ratePerSec: number;
  count: number | null;
  startAtMs: number;
  stopAtMs: number | null;
  keys: KeyDistribution;
  eventType: string;
  payload: Record<string, string | number | boolean>;
  acks: Acks;
  retries: number;
  idempotent: boolean;
  stickyBatchSize: number;
  /** Records generated so far (rate-driven and command-driven). */
  generated: number;
  /** Rate-driven records generated so far (the schedule position). */
  rateGenerated: number;
  /** Per topic index: current sticky partition (global pid) and records left on it. */
  stickyPid: number[];
  stickyLeft: number[];
  /** Per global pid, created on first use. */
  queues: Array<SendQueue | null>;
  /** Cache: key-distribution index -> interned key id, -1 when not interned yet. */
  keyCache: number[];
  nextReqId: number;
  /** Generation task is scheduled. */
  ticking: boolean;
  /** transactional.id, or null for a non-transactional producer. */
  transactionalId: string | null;
  /** Index into KafkaModel.txns once initTransactions ran, else -1. */
  txn: number;
  /** The producer epoch this instance got from initTransactions (-1 before). */
  epoch: number;
  txnState: ProducerTxnState;
  /** A rate-driven transactional producer commits every this many records (0: commands drive it). */
  txnRecords: number;
  /** Records in the open transaction. */
  txnCount: number;
}

export type ConsumerPhase = 'idle' | 'joining' | 'stable' | 'crashed' | 'error' | 'left';

export interface ConsumerState {
  id: string;
  group: number;
  instanceId: string | null;
  /** Bumped on every restart; tasks of an older incarnation are dropped. */
  inc: number;
  memberId: string;
  alive: boolean;
  phase: ConsumerPhase;
  /**
   * Generation of the assignment held; -1 (Kafka's NO_GENERATION) once the consumer has left the
   * group on its own (max.poll.interval.ms) or been fenced, until it rejoins.
   */
  generation: number;
  processingMs: number;
  /** Partitions owned (global pids), with a position and fetch state each (parallel arrays). */
  assigned: number[];
  pos: number[];
  /**
   * Per owned partition: the leader epoch the position was fetched under, -1 when it came from a
   * committed offset or a reset. A newer leader epoch makes the consumer validate it (KIP-320).
   */
  posEpoch: number[];
  fetching: number[];
  /** Fetched ranges not yet returned by poll: flat triples [pid, from, to]. */
  buf: number[];
  /**
   * Per buf triple: the records the leader sent as flat pairs [offset, rn], or null when it sent
   * every offset of the range and nobody needs record ids (summary trace): the fetched batch is in
   * the consumer's memory, so what compaction or retention does afterwards cannot change it.
   */
  bufRecs: Array<number[] | null>;
  /** The batch poll returned and processing works through: flat triples, and a cursor. */
  batch: number[];
  /** Per batch triple, as bufRecs. */
  batchRecs: Array<number[] | null>;
  batchIdx: number;
  batchOff: number;
  processing: boolean;
  /** The group told us to rejoin (applied at the next poll, as in Kafka). */
  rejoinNeeded: boolean;
  /** An assignment that arrived while processing, applied at the next poll. */
  pendingAssignment: { generation: number; pids: number[] } | null;
  lastAutoCommitMs: number;
  /** An auto-commit timer is queued (an idle consumer still commits, as poll() keeps running). */
  autoCommitQueued: boolean;
  lastPollMs: number;
  /** When the heartbeat timer fires next (the moment the consumer can hear of a rebalance). */
  nextHbMs: number;
  /** Partitions owned before the latest revocation (sticky assignors read it). */
  prevOwned: number[];
  errorMessage: string | null;
  /**
   * A fatal error heard from the coordinator (FencedInstanceIdException). As in the Java client,
   * where the heartbeat thread records it, it is thrown by the next poll, which stops the consumer.
   */
  fatalError: string | null;
  /** Counts JoinGroup requests sent; the client's join timeout carries it (AbstractCoordinator). */
  joinSeq: number;
  /** The consumer's own transactional producer (`transaction` commit policy), else -1. */
  txProd: number;
  /**
   * Partitions paused by the application (consumer.pause), flat pairs [pid, resumeAtMs]: no fetch
   * is sent for them until then (a blocking retry's backoff, a retry topic's delay).
   */
  paused: number[];
}

export interface MemberState {
  memberId: string;
  consumer: number;
  instanceId: string | null;
  joined: boolean;
  lastHbMs: number;
  owned: number[];
  ownedGeneration: number;
  assigned: number[];
  /** Token of the member's session-check chain. */
  check: number;
  /**
   * Joined as a new member and no round has completed with it yet (MemberMetadata.isNew): while
   * its JoinGroup is pending it is removed after the new-member join timeout, not kept for ever.
   */
  isNew: boolean;
  /** REBALANCE_IN_PROGRESS for the rebalance under way has been sent to this member at least once. */
  noticed: boolean;
}

export type GroupPhase = 'empty' | 'preparing-rebalance' | 'stable';

export interface GroupState {
  id: string;
  topics: number[];
  assignor: AssignorName;
  commit: CommitPolicy;
  processingMs: number;
  autoOffsetReset: OffsetReset;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxPollRecords: number;
  phase: GroupPhase;
  generation: number;
  members: MemberState[];
  /** Per global pid: committed offset or null; only subscribed pids are meaningful. */
  committed: Array<number | null>;
  /** Per global pid: one past the highest offset the group has processed, -1 = never. */
  processedTo: number[];
  /** Per global pid: offsets below this were processed before a reset-offsets (replays). */
  replayUntil: number[];
  delivered: number;
  duplicated: number;
  replayed: number;
  /** Records skipped because a commit ran ahead of processing (at-most-once loss). */
  skipped: number;
  /** Token of the pending initial-delay deadline. */
  rebalanceToken: number;
  /** Counts rebalances begun; the rebalance-timeout task of the one under way carries it. */
  rebalanceRound: number;
  /** The join phase may not complete before this time (group.initial.rebalance.delay.ms). */
  joinNotBeforeMs: number;
  /** Why the rebalance in progress started. */
  rebalanceReason: string;
  consumerCount: number;
  /** isolation.level=read_committed: fetch only below the last stable offset, skip aborted records. */
  readCommitted: boolean;
  /** The application's handler and what it has done (app-state.ts); null: records are only counted. */
  app: AppState | null;
  /** The group was deleted (kafka-consumer-groups --delete); its name is free for a new group. */
  deleted?: true;
  /** Names of deleted topics the group subscribed to: a topic created again with one is read again. */
  gone?: string[];
}

export interface Counters {
  produced: number;
  acknowledged: number;
  failed: number;
  lost: number;
  delivered: number;
  duplicated: number;
}

export interface KafkaModel {
  tuning: KafkaTuning;
  tasksMax: number;
  brokers: BrokerState[];
  topics: TopicState[];
  /** Name -> index; prototype-free, read with `lookup` (names.ts). */
  topicIndex: NameIndex<number>;
  parts: PartitionState[];
  rec: RecordTable;
  keys: string[];
  /** Name -> index; prototype-free, read with `lookup` (names.ts). */
  keyIds: NameIndex<number>;
  values: unknown[];
  producers: ProducerState[];
  /** Name -> index; prototype-free, read with `lookup` (names.ts). */
  producerIndex: NameIndex<number>;
  groups: GroupState[];
  /** Name -> index; prototype-free, read with `lookup` (names.ts). */
  groupIndex: NameIndex<number>;
  consumers: ConsumerState[];
  /** Name -> index; prototype-free, read with `lookup` (names.ts). */
  consumerIndex: NameIndex<number>;
  /** Links that differ from the default: key "a|b" (sorted) -> latency ms, or -1 when cut. */
  links: Record<string, number>;
  /** Foreground tasks queued (run-until-idle stops when this is 0). */
  fg: number;
  counters: Counters;
  /** Next command id (cmd-N). */
  commandSeq: number;
  /** Record number -> headers, for the few records that carry any (retries, dead letters). */
  headers: NameIndex<RecordHeaders>;
  /** Transaction coordinator state, one per transactional.id (txn-state.ts). */
  txns: TxnState[];
  txnIndex: NameIndex<number>;
  /** The internal producer that writes transaction markers, created on first use (-1 before). */
  markerProd: number;
  /** The schema registry and the serializers (schema-world.ts); absent when the scenario uses no schema. */
  schema?: KafkaSchemaWorld;
}

/** The whole world of a Kafka simulation. */
export interface KafkaState extends WorldBase<KafkaTask, KafkaTraceEntry> {
  k: KafkaModel;
}

export type KafkaQueue = Array<KafkaTask & Scheduled>;
export type KafkaTrace = TraceLog<KafkaTraceEntry>;
