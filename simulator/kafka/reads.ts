/**
 * Reading a Kafka world: what lessons' claims ask of it (`kafkaRead`), over the model's own summary
 * and trace — lag is Kafka's definition as the model computes it (high watermark minus committed
 * offset), never recomputed here. The workbench's reads live in view-reads.ts.
 */
import { summary, type GroupSummary } from './lag.ts';
import { offsetAtIndex } from './log.ts';
import { valueOf } from './net.ts';
import { partitionForKey } from './partitioner/index.ts';
import { readLog } from './replication.ts';
import type { KafkaState } from './state.ts';
import type { EntryOf, KafkaTraceType } from './trace-types.ts';
import { pidOf } from './topic-pids.ts';

function group(s: KafkaState, id: string): GroupSummary {
  const g = summary(s).groups.find((x) => x.group === id);
  if (g === undefined) throw new Error(`no group ${id}`);
  return g;
}

/** The kept trace entries of one type (lessons that read the trace use `trace: { mode: 'full' }`). */
function entries<T extends KafkaTraceType>(s: KafkaState, type: T): EntryOf<T>[] {
  return s.trace.entries.filter((e): e is EntryOf<T> => e.type === type);
}

function partitionState(s: KafkaState, topic: string, partition: number) {
  const ti = s.k.topicIndex[topic];
  if (ti === undefined) throw new Error(`no topic ${topic}`);
  const topicState = s.k.topics[ti]!;
  const part = partition < topicState.partitions ? s.k.parts[pidOf(topicState, partition)] : undefined;
  if (part === undefined) throw new Error(`no partition ${topic}-${partition}`);
  return part;
}

/** The `type` field of a record's value (`OrderPlaced`), or '' when it has none. */
function eventTypeOf(s: KafkaState, recordId: string): string {
  const v = valueOf(s, Number(recordId.slice('rec-'.length)));
  return typeof v === 'object' && v !== null && 'type' in v ? String((v as { type: unknown }).type) : '';
}

/** One processed record as a lesson shows it: `PaymentCharged order-19`. */
function label(s: KafkaState, e: { recordId: string; key: string | null }): string {
  return `${eventTypeOf(s, e.recordId)} ${e.key ?? '(no key)'}`.trim();
}

/** Reading helpers for claims (each reads the model's summary or its trace). */
export const kafkaRead = {
  /** A group's total lag (null, shown as -1, when nothing is committed yet). */
  groupLag: (s: KafkaState, id: string): number => group(s, id).lag ?? -1,
  /** Lag of one partition of a group's topic (-1 when unknown). */
  partitionLag: (s: KafkaState, id: string, partition: number): number =>
    group(s, id).partitions.find((p) => p.partition === partition)?.lag ?? -1,
  /** The partitions a group has lag on above `threshold`, as a list ("3"). */
  laggingPartitions: (s: KafkaState, id: string, threshold: number): string =>
    group(s, id)
      .partitions.filter((p) => (p.lag ?? 0) > threshold)
      .map((p) => p.partition)
      .join(', '),
  members: (s: KafkaState, id: string): number => group(s, id).members.length,
  /** Members that own no partition. */
  idleMembers: (s: KafkaState, id: string): number => group(s, id).members.filter((m) => m.partitions.length === 0).length,
  /** The partitions one consumer owns, as `orders-0, orders-1`. */
  owned: (s: KafkaState, id: string, consumer: string): string =>
    group(s, id)
      .members.find((m) => m.consumer === consumer)
      ?.partitions.join(', ') ?? '',
  /** Log end offset of a partition (records written to it). */
  logEnd: (s: KafkaState, topic: string, partition: number): number =>
    summary(s).partitions.find((p) => p.topic === topic && p.partition === partition)?.logEndOffset ?? -1,
  partitionCount: (s: KafkaState, topic: string): number => summary(s).partitions.filter((p) => p.topic === topic).length,
  nowSeconds: (s: KafkaState): number => s.nowMs / 1000,
  /** A consumer's processing time per record, in ms. */
  processingMs: (s: KafkaState, consumer: string): number => s.k.consumers.findLast((c) => c.id === consumer)?.processingMs ?? -1,
  /** The partition Kafka's default partitioner (murmur2) sends a key to. */
  partitionOfKey: (key: string, partitions: number): number => partitionForKey(key, partitions),
  /** Records a group has processed (redeliveries and replays included). */
  delivered: (s: KafkaState, id: string): number => group(s, id).delivered,
  /** Records a group processed again after `reset-offsets`. */
  replayed: (s: KafkaState, id: string): number => group(s, id).replayed,
  /** Records a group processed again by redelivery (not replay). */
  duplicated: (s: KafkaState, id: string): number => group(s, id).duplicated,
  generation: (s: KafkaState, id: string): number => group(s, id).generation,
  /** The group's committed offset on one partition of a topic (-1 when none). */
  committed: (s: KafkaState, id: string, topic: string, partition: number): number =>
    group(s, id).partitions.find((p) => p.topic === topic && p.partition === partition)?.committed ?? -1,
  /** Log start offset of a partition (moved up by retention). */
  logStart: (s: KafkaState, topic: string, partition: number): number =>
    summary(s).partitions.find((p) => p.topic === topic && p.partition === partition)?.logStartOffset ?? -1,
  /** Records a partition still stores (fewer than log end − log start after compaction). */
  stored: (s: KafkaState, topic: string, partition: number): number =>
    summary(s).partitions.find((p) => p.topic === topic && p.partition === partition)?.records ?? -1,
  /** The offsets a partition still stores, as `3, 4, 5` (from the partition's leader, or its last replica). */
  storedOffsets: (s: KafkaState, topic: string, partition: number): string => {
    const log = readLog(partitionState(s, topic, partition));
    const out: number[] = [];
    for (let i = log.head; i < log.rns.length; i++) out.push(offsetAtIndex(log, i));
    return out.join(', ');
  },
  /** Records produced so far by every producer. */
  produced: (s: KafkaState): number => s.k.counters.produced,
  /** Records one producer has created (rate-driven and by command). */
  producedBy: (s: KafkaState, producer: string): number => s.k.producers.find((p) => p.id === producer)?.generated ?? -1,
  producerCount: (s: KafkaState): number => s.k.producers.length,
  /** The partition the trace shows the first record with this key (and event type) was appended to (-1 if none). */
  appendedPartition: (s: KafkaState, key: string, eventType?: string): number =>
    entries(s, 'record-appended').find(
      (e) => e.key === key && (eventType === undefined || eventTypeOf(s, e.recordId) === eventType),
    )?.partition ?? -1,
  /** The offset the trace shows that record was appended at (-1 if none). */
  appendedOffset: (s: KafkaState, key: string, eventType?: string): number =>
    entries(s, 'record-appended').find(
      (e) => e.key === key && (eventType === undefined || eventTypeOf(s, e.recordId) === eventType),
    )?.offset ?? -1,
  /** The partition (`orders-0`) the first record with this key and event type was appended to ('' if none). */
  appendedTopicPartition: (s: KafkaState, key: string, eventType: string): string => {
    const e = entries(s, 'record-appended').find((x) => x.key === key && eventTypeOf(s, x.recordId) === eventType);
    return e === undefined ? '' : `${e.topic}-${e.partition}`;
  },
  /** The keys a partition's records carry, in offset order as appended (`order-2, order-3`). */
  keysIn: (s: KafkaState, topic: string, partition: number): string =>
    entries(s, 'record-appended')
      .filter((e) => e.topic === topic && e.partition === partition)
      .map((e) => e.key ?? '(no key)')
      .join(', '),
  /** Records one consumer processed, by the trace. */
  processedBy: (s: KafkaState, consumer: string): number =>
    entries(s, 'record-processed').filter((e) => e.consumer === consumer).length,
  /**
   * What a group processed, in the order the trace shows it, as `OrderPlaced order-1, …`;
   * `keys` narrows it to records with those keys.
   */
  processedOrder: (s: KafkaState, id: string, keys?: readonly string[]): string =>
    entries(s, 'record-processed')
      .filter((e) => e.group === id && (keys === undefined || (e.key !== null && keys.includes(e.key))))
      .map((e) => label(s, e))
      .join(', '),
  /** The order producers created records in (across partitions and topics), narrowed to `keys`. */
  producedOrder: (s: KafkaState, keys: readonly string[]): string =>
    entries(s, 'record-produced')
      .filter((e) => e.key !== null && keys.includes(e.key))
      .map((e) => label(s, e))
      .join(', '),
  /** The order records were appended in (across partitions and topics), narrowed to `keys`. */
  appendedOrder: (s: KafkaState, keys: readonly string[]): string =>
    entries(s, 'record-appended')
      .filter((e) => e.key !== null && keys.includes(e.key))
      .map((e) => label(s, e))
      .join(', '),
  /** When a group processed the first record with this key and event type, in virtual ms (-1 if never). */
  processedAtMs: (s: KafkaState, id: string, key: string, eventType: string): number =>
    entries(s, 'record-processed').find((e) => e.group === id && e.key === key && eventTypeOf(s, e.recordId) === eventType)
      ?.atMs ?? -1,
  /** The lowest offset a group processed on a partition (-1 if none). */
  firstProcessedOffset: (s: KafkaState, id: string, topic: string, partition: number): number => {
    const offs = entries(s, 'record-processed')
      .filter((e) => e.group === id && e.topic === topic && e.partition === partition)
      .map((e) => e.offset);
    return offs.length === 0 ? -1 : Math.min(...offs);
  },
  /** Values of the records a group processed, as `order-3 placed` for `{ orderId, status }` values. */
  processedStatuses: (s: KafkaState, id: string): string =>
    entries(s, 'record-processed')
      .filter((e) => e.group === id)
      .map((e) => {
        const v = valueOf(s, Number(e.recordId.slice('rec-'.length))) as { status?: unknown } | null;
        return `${e.key ?? ''} ${String(v?.status ?? '')}`.trim();
      })
      .join(', '),
  /** Partitions revoked from members of a group at or after `fromMs` (eager rebalances revoke all). */
  revokedSince: (s: KafkaState, id: string, fromMs: number): number =>
    entries(s, 'partitions-revoked')
      .filter((e) => e.group === id && e.atMs >= fromMs)
      .reduce((n, e) => n + e.partitions.length, 0),
  /** The partitions a member got in a generation, as the rebalance-completed entry recorded it. */
  assignedIn: (s: KafkaState, id: string, generation: number, member: string): string =>
    (entries(s, 'rebalance-completed').find((e) => e.group === id && e.generation === generation)?.assignment[member] ?? []).join(
      ', ',
    ),
  /** How many partitions have a different owner in generation `to` than in generation `from`. */
  movedBetween: (s: KafkaState, id: string, from: number, to: number): number => {
    const owners = (generation: number): Map<string, string> => {
      const a = entries(s, 'rebalance-completed').find((e) => e.group === id && e.generation === generation)?.assignment ?? {};
      const out = new Map<string, string>();
      for (const [member, parts] of Object.entries(a)) for (const p of parts) out.set(p, member);
      return out;
    };
    const before = owners(from);
    const after = owners(to);
    let moved = 0;
    for (const [p, member] of after) if (before.get(p) !== member) moved++;
    return moved;
  },
  /** When the rebalance that produced `generation` completed, in virtual ms (-1 if it has not). */
  rebalanceDoneAtMs: (s: KafkaState, id: string, generation: number): number =>
    entries(s, 'rebalance-completed').find((e) => e.group === id && e.generation === generation)?.atMs ?? -1,
  /** Lag of a group on one partition of a named topic (-1 when unknown). */
  partitionLagOf: (s: KafkaState, id: string, topic: string, partition: number): number =>
    group(s, id).partitions.find((p) => p.topic === topic && p.partition === partition)?.lag ?? -1,
  /** Rebalances of a group completed at or after `fromMs`. */
  rebalancesSince: (s: KafkaState, id: string, fromMs: number): number =>
    entries(s, 'rebalance-completed').filter((e) => e.group === id && e.atMs >= fromMs).length,
  /** Whether the first rebalance completed at or after `fromMs` left partitions for a second round. */
  followUpSince: (s: KafkaState, id: string, fromMs: number): boolean =>
    entries(s, 'rebalance-completed').find((e) => e.group === id && e.atMs >= fromMs)?.followUp ?? false,
  /** When a trace entry of `type` for this consumer first appears at or after `fromMs` (-1 if never). */
  consumerEventAtMs: (
    s: KafkaState,
    type: 'consumer-left-session-timeout' | 'consumer-crashed' | 'consumer-left',
    consumer: string,
    fromMs = 0,
  ): number => entries(s, type).find((e) => e.consumer === consumer && e.atMs >= fromMs)?.atMs ?? -1,
  /** Session timeout of a group, in ms. */
  sessionTimeoutMs: (s: KafkaState, id: string): number => s.k.groups.findLast((g) => g.id === id)?.sessionTimeoutMs ?? -1,
  /** The group's auto.offset.reset setting. */
  offsetReset: (s: KafkaState, id: string): string => s.k.groups.findLast((g) => g.id === id)?.autoOffsetReset ?? '',
  /** The assignor a group uses. */
  assignor: (s: KafkaState, id: string): string => s.k.groups.findLast((g) => g.id === id)?.assignor ?? '',
};
