/**
 * What the workbench asks of a Kafka world beyond the summary, decided here so the app computes no
 * Kafka behaviour: a consumer's status (a clean leave is "left", never "crashed"), which brokers a
 * node is cut off from, what each member gave up and was handed in its group's latest rebalance,
 * and the newest records of a partition decoded from the columnar log.
 */
import { kafkaNode } from './model.ts';
import { keyOf, latencyMs, brokerNode } from './net.ts';
import { readLog } from './replication.ts';
import { pidOf } from './topic-pids.ts';
import type { ConsumerState, KafkaState } from './state.ts';
import type { NodeId } from '../core/model.ts';

/** Processing time per record at or above which a busy consumer is shown as slow. */
export const slowProcessingMs = 1000;

export type KafkaConsumerStatus = 'ok' | 'idle' | 'busy' | 'slow' | 'rebalancing' | 'left' | 'crashed' | 'error';

/** A consumer's status. A consumer that left the group cleanly has `alive` false too: it is checked first. */
export function consumerStatus(c: ConsumerState): KafkaConsumerStatus {
  if (c.phase === 'left') return 'left';
  if (!c.alive || c.phase === 'crashed') return 'crashed';
  if (c.phase === 'error') return 'error';
  if (c.phase === 'joining') return 'rebalancing';
  if (c.processing) return c.processingMs >= slowProcessingMs ? 'slow' : 'busy';
  return c.assigned.length === 0 ? 'idle' : 'ok';
}

/** Whether a consumer runs slowed down (so the action offered is "speed up"). */
export function isSlowed(c: ConsumerState): boolean {
  return c.processingMs >= slowProcessingMs;
}

/** The ids of the brokers whose network link to `address` (`broker-1`, `producer-p1`, `c1`) is cut. */
export function cutOffFrom(s: KafkaState, address: string): number[] {
  return s.k.brokers.filter((b) => b.node !== address && latencyMs(s, address, brokerNode(b.id)) < 0).map((b) => b.id);
}

/** A record as a partition strip shows it. */
export interface StripRecord {
  offset: number;
  key: string | null;
}

/** The newest `max` records of partition `pid` on its leader (or last replica), oldest first. */
export function newestRecords(s: KafkaState, pid: number, max: number): StripRecord[] {
  const log = readLog(s.k.parts[pid]!);
  const from = Math.max(log.head, log.rns.length - max);
  const out: StripRecord[] = [];
  for (let i = from; i < log.rns.length; i++) {
    const offset = log.offs === null ? log.start + (i - log.head) : log.offs[i]!;
    out.push({ offset, key: keyOf(s, log.rns[i]!) });
  }
  return out;
}

/**
 * What a fetch of offsets `fromOffset` .. `toOffset - 1` of a topic's partition carries, as the
 * records-in-flight layer labels it: the first stored record's key and how many stored records the
 * range holds. Undefined when the topic or partition is unknown or none of the range is stored
 * any more (retention deleted it since).
 */
export function fetchedRecords(
  s: KafkaState,
  topic: string,
  partition: number,
  fromOffset: number,
  toOffset: number,
): { firstKey: string | null; count: number } | undefined {
  const t = s.k.topics.find((x) => x.name === topic);
  if (!t || partition < 0 || partition >= t.partitions) return undefined;
  const log = readLog(s.k.parts[pidOf(t, partition)]!);
  const offsetAt = (i: number): number => (log.offs === null ? log.start + (i - log.head) : log.offs[i]!);
  // The first stored slot at or past fromOffset (offsets rise with the index).
  let lo = log.head;
  let hi = log.rns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsetAt(mid) < fromOffset) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < log.rns.length && offsetAt(end) < toOffset) end++;
  if (end === lo) return undefined;
  return { firstKey: keyOf(s, log.rns[lo]!), count: end - lo };
}

/** What one member gave up and was handed in its group's latest rebalance. */
export interface RebalanceMove {
  revoked: string[];
  assigned: string[];
}

/**
 * Each member's moves in its group's latest rebalance, keyed `group/consumer`, read from the kept
 * trace: the entries after the group's last `rebalance-started`. Partitions a member kept are in
 * neither list, which is the point of the sticky and cooperative assignors. Walks back from the
 * newest entry and stops at the oldest latest start, so a long run costs only its last rebalance.
 */
export function rebalanceMoves(s: KafkaState): Map<string, RebalanceMove> {
  const entries = s.trace.entries;
  const groups = new Set(s.k.groups.map((g) => g.id));
  const started = new Set<string>();
  const out = new Map<string, RebalanceMove>();
  const found: Array<{ group: string; key: string; type: 'partitions-revoked' | 'partitions-assigned'; partitions: string[] }> =
    [];
  for (let i = entries.length - 1; i >= 0 && started.size < groups.size; i--) {
    const e = entries[i]!;
    if (e.type === 'rebalance-started') started.add(e.group);
    else if ((e.type === 'partitions-revoked' || e.type === 'partitions-assigned') && !started.has(e.group)) {
      found.push({ group: e.group, key: `${e.group}/${e.consumer}`, type: e.type, partitions: e.partitions });
    }
  }
  // Oldest first, as the trace wrote them, with each partition listed once.
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i]!;
    // Assignments before any rebalance started (none in the kept trace) are not a move.
    if (!started.has(f.group)) continue;
    const m = out.get(f.key) ?? { revoked: [], assigned: [] };
    const list = f.type === 'partitions-revoked' ? m.revoked : m.assigned;
    for (const p of f.partitions) if (!list.includes(p)) list.push(p);
    out.set(f.key, m);
  }
  return out;
}

/** The broker node whose network address is `address`, if any (a lookup, never a parse). */
export function brokerNodeAt(s: KafkaState, address: string): NodeId | undefined {
  const b = s.k.brokers.find((x) => x.node === address);
  return b === undefined ? undefined : kafkaNode.broker(b.id);
}
