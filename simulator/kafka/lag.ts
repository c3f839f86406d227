/**
 * Consumer lag and the run summary the headless runner prints.
 *
 * Lag is what `kafka-consumer-groups --describe` reports: per partition, the log end offset a
 * consumer can see (the high watermark) minus the group's committed offset, and unknown (null, not
 * zero) while the group has committed nothing for the partition. Unknown is not zero on purpose:
 * a group that never committed may be arbitrarily far behind, and a lesson must not say "lag 0".
 */
import { brokerNode } from './network.ts';
import { readLog } from './partition.ts';
import { storedCount } from './log.ts';
import { segmentList } from './segments.ts';
import type { Counters, KafkaState } from './state.ts';
import { pidOf } from './topic-pids.ts';

/**
 * Lag of one partition: `logEndOffset - committedOffset`, or null when nothing is committed.
 * Never negative: after an unclean election the log can end below a committed offset, and Kafka's
 * tool would then print a negative number; we report 0 and the README says so.
 */
export function consumerLag(logEndOffset: number, committedOffset: number | null): number | null {
  if (committedOffset === null) return null;
  return Math.max(0, logEndOffset - committedOffset);
}

/**
 * Lag of a group: the sum over its partitions. Partitions with unknown lag are left out of the
 * sum and counted in `unknownPartitions`; when every partition is unknown the lag is null.
 */
export function groupLag(parts: ReadonlyArray<number | null>): { lag: number | null; unknownPartitions: number } {
  let lag = 0;
  let unknown = 0;
  for (const p of parts) {
    if (p === null) unknown++;
    else lag += p;
  }
  return { lag: unknown === parts.length && parts.length > 0 ? null : lag, unknownPartitions: unknown };
}

export interface PartitionSummary {
  topic: string;
  partition: number;
  leader: string | null;
  isr: string[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  /** Records stored (fewer than LEO - log start after compaction). */
  records: number;
  /**
   * The read replica's log segments, oldest first; the last is the active one. The first may begin
   * below the log start. For views drawing segment boundaries on the partition strip.
   */
  segments: Array<{ baseOffset: number; records: number; largestTimestampMs: number | null }>;
  replicas: Array<{ broker: string; alive: boolean; logStartOffset: number; logEndOffset: number; highWatermark: number }>;
}

export interface GroupSummary {
  group: string;
  state: string;
  generation: number;
  members: Array<{ consumer: string; memberId: string; partitions: string[] }>;
  partitions: Array<{ topic: string; partition: number; committed: number | null; lag: number | null }>;
  lag: number | null;
  lagUnknownPartitions: number;
  delivered: number;
  duplicated: number;
  replayed: number;
  skipped: number;
}

export interface KafkaSummary {
  atMs: number;
  tasksRun: number;
  partitions: PartitionSummary[];
  groups: GroupSummary[];
  consumers: Array<{ consumer: string; group: string; phase: string; alive: boolean; error: string | null }>;
  records: Counters;
  traceCounts: Record<string, number>;
}

/** Everything the runner prints and a lesson asserts: offsets, lag and counters. Plain data. */
export function summary(s: KafkaState): KafkaSummary {
  const k = s.k;
  const alive = (b: number) => k.brokers.find((x) => x.id === b)!.alive;
  // A deleted topic or group (delete-commands.ts) keeps its slots in the world, not in the cluster.
  const liveParts = k.parts.filter((p) => k.topics[p.topic]!.deleted !== true);
  const liveGroups = k.groups.filter((g) => g.deleted !== true);
  const partitions = liveParts.map((p) => {
    const log = readLog(p);
    return {
      topic: k.topics[p.topic]!.name,
      partition: p.partition,
      leader: p.leader < 0 ? null : brokerNode(p.leader),
      isr: p.isr.map(brokerNode),
      logStartOffset: log.start,
      logEndOffset: log.leo,
      highWatermark: log.hw,
      records: storedCount(log),
      segments: segmentList(log, k.rec.ts),
      replicas: p.logs.map((l) => ({
        broker: brokerNode(l.broker),
        alive: alive(l.broker),
        logStartOffset: l.start,
        logEndOffset: l.leo,
        highWatermark: l.hw,
      })),
    };
  });
  const groups = liveGroups.map((g) => {
    const parts: GroupSummary['partitions'] = [];
    for (const t of g.topics) {
      const topic = k.topics[t]!;
      for (let i = 0; i < topic.partitions; i++) {
        const pid = pidOf(topic, i);
        const committed = g.committed[pid] ?? null;
        parts.push({ topic: topic.name, partition: i, committed, lag: consumerLag(readLog(k.parts[pid]!).hw, committed) });
      }
    }
    const gl = groupLag(parts.map((p) => p.lag));
    return {
      group: g.id,
      state: g.phase,
      generation: g.generation,
      members: g.members.map((m) => ({
        consumer: k.consumers[m.consumer]!.id,
        memberId: m.memberId,
        partitions: m.assigned.map((pid) => `${k.topics[k.parts[pid]!.topic]!.name}-${k.parts[pid]!.partition}`),
      })),
      partitions: parts,
      lag: gl.lag,
      lagUnknownPartitions: gl.unknownPartitions,
      delivered: g.delivered,
      duplicated: g.duplicated,
      replayed: g.replayed,
      skipped: g.skipped,
    };
  });
  const consumers = k.consumers
    .filter((c) => k.groups[c.group]!.deleted !== true)
    .map((c) => ({
      consumer: c.id,
      group: k.groups[c.group]!.id,
      phase: c.phase,
      alive: c.alive,
      error: c.errorMessage,
    }));
  return {
    atMs: s.nowMs,
    tasksRun: s.tasksRun,
    partitions,
    groups,
    consumers,
    records: { ...k.counters },
    traceCounts: { ...s.trace.counts },
  };
}
