/**
 * Kafka state → what the workbench draws: node statuses, partition strips with their pointers,
 * group panels, and recent happenings in plain words with who-talked-to-whom for the sequence
 * diagram. Pure: it reads the simulator's state and summary and computes nothing Kafka-specific
 * itself (lag, HW and ownership all come from the simulator).
 */
import type {
  GroupView,
  HappeningView,
  NodeStatus,
  NodeView,
  PartitionView,
  StripCell,
  WorkbenchView,
} from '../workbench/adapter.ts';
import {
  brokerNode,
  describeEntry,
  kafkaSummary,
  keyOf,
  latencyMs,
  readLog,
  type KafkaState,
  type KafkaTraceEntry,
} from './kafka-api.ts';

/** Cells shown per partition strip: the newest N records. */
export const stripCellsMax = 48;
/** Happenings kept in the view (the trace log and sequence diagram read these). */
export const happeningsMax = 400;

/** `broker-1` (trace) → `broker:1` (topology). */
const brokerNodeId = (name: string): string => `broker:${name.replace(/^broker-/, '')}`;

function recentCells(s: KafkaState, pid: number): StripCell[] {
  const log = readLog(s.k.parts[pid]!);
  const from = Math.max(log.head, log.rns.length - stripCellsMax);
  const cells: StripCell[] = [];
  for (let i = from; i < log.rns.length; i++) {
    const offset = log.offs === null ? log.start + (i - log.head) : log.offs[i]!;
    cells.push({ offset, key: keyOf(s, log.rns[i]!) });
  }
  return cells;
}

function consumerStatus(s: KafkaState, c: KafkaState['k']['consumers'][number]): NodeStatus {
  if (!c.alive || c.phase === 'crashed') return 'crashed';
  if (c.phase === 'error') return 'error';
  if (c.phase === 'joining') return 'rebalancing';
  if (c.phase === 'left') return 'offline';
  if (c.processing) return c.processingMs >= 1000 ? 'slow' : 'busy';
  return c.assigned.length === 0 ? 'idle' : 'ok';
}

/** Node ids a trace entry touches, as topology ids. */
export function entryNodes(e: KafkaTraceEntry): string[] {
  const out: string[] = [];
  const r = e as Partial<Record<'broker' | 'leader' | 'producer' | 'consumer' | 'group' | 'topic', string>>;
  if (r.broker) out.push(brokerNodeId(r.broker));
  if (r.leader) out.push(brokerNodeId(r.leader));
  if (r.producer) out.push(`producer:${r.producer}`);
  if (r.consumer) out.push(`consumer:${r.consumer}`);
  if (r.group) out.push(`group:${r.group}`);
  if (r.topic) out.push(`topic:${r.topic}`);
  return out;
}

/** Who sent what to whom, for the sequence diagram; undefined for happenings inside one node. */
function arrow(e: KafkaTraceEntry): Pick<HappeningView, 'from' | 'to'> {
  const tp = 'topic' in e && 'partition' in e ? `${e.topic}-${e.partition}` : '';
  switch (e.type) {
    case 'record-produced':
      return { from: e.producer, to: tp };
    case 'produce-acked':
    case 'produce-failed':
      return { from: tp, to: e.producer };
    case 'records-replicated':
      return { from: e.leader, to: e.broker };
    case 'records-fetched':
      return { from: tp, to: e.consumer };
    case 'offset-committed':
      return { from: e.consumer, to: `group ${e.group}` };
    case 'partitions-assigned':
    case 'partitions-revoked':
      return { from: `group ${e.group}`, to: e.consumer };
    default:
      return {};
  }
}

export function happeningOf(e: KafkaTraceEntry): HappeningView {
  const h: HappeningView = { id: e.id, atMs: e.atMs, type: e.type, text: describeEntry(e), nodes: entryNodes(e), ...arrow(e) };
  if (e.correlationId !== undefined) h.correlationId = e.correlationId;
  if ('key' in e) h.key = e.key;
  return h;
}

/** The brokers whose network link to node `netId` (`broker-1`, `producer-p1`, `c1`) is cut. */
export function cutOffFrom(s: KafkaState, netId: string): number[] {
  return s.k.brokers.filter((b) => b.node !== netId && latencyMs(s, netId, brokerNode(b.id)) < 0).map((b) => b.id);
}

/** " · cut off from broker 2, 3" when a node's links are cut, else nothing. */
function cutNote(s: KafkaState, netId: string, lead = ' · '): string {
  const ids = cutOffFrom(s, netId);
  return ids.length ? `${lead}cut off from broker ${ids.join(', ')}` : '';
}

export function kafkaView(s: KafkaState): WorkbenchView {
  const k = s.k;
  const sum = kafkaSummary(s);
  const nodes: NodeView[] = [];
  for (const b of k.brokers)
    nodes.push({ id: `broker:${b.id}`, status: b.alive ? 'ok' : 'crashed', detail: b.alive ? cutNote(s, b.node, '') : 'down' });
  for (const p of k.producers)
    nodes.push({ id: `producer:${p.id}`, status: 'ok', detail: `${p.generated} produced${cutNote(s, p.node)}` });
  for (const t of k.topics) {
    const offline = sum.partitions.filter((p) => p.topic === t.name && p.leader === null).length;
    nodes.push({
      id: `topic:${t.name}`,
      status: offline > 0 ? 'offline' : 'ok',
      detail: offline > 0 ? `${offline} partition(s) offline` : '',
    });
  }
  for (const g of sum.groups) {
    nodes.push({
      id: `group:${g.group}`,
      status: g.state === 'preparing-rebalance' ? 'rebalancing' : 'ok',
      detail: `lag ${g.lag ?? 'unknown'} · gen ${g.generation}`,
    });
  }
  const ownership = new Map<string, string[]>();
  for (const g of sum.groups) for (const m of g.members) ownership.set(m.consumer, m.partitions);
  for (const c of k.consumers) {
    const owned = ownership.get(c.id) ?? [];
    nodes.push({
      id: `consumer:${c.id}`,
      status: consumerStatus(s, c),
      detail: `${owned.length ? `owns ${owned.join(', ')}` : 'owns nothing'}${cutNote(s, c.id)}`,
    });
  }

  const partitions: PartitionView[] = sum.partitions.map((p, pid) => ({
    id: `${p.topic}-${p.partition}`,
    topic: p.topic,
    partition: p.partition,
    logStartOffset: p.logStartOffset,
    logEndOffset: p.logEndOffset,
    highWatermark: p.highWatermark,
    leader: p.leader,
    isr: p.isr,
    cells: recentCells(s, pid),
    pointers: sum.groups.flatMap((g) =>
      g.partitions
        .filter((gp) => gp.topic === p.topic && gp.partition === p.partition)
        .map((gp) => ({ label: g.group, offset: gp.committed, lag: gp.lag })),
    ),
  }));

  const statusOf = new Map(nodes.map((n) => [n.id, n.status]));
  const moves = rebalanceMoves(s.trace.entries);
  const groups: GroupView[] = sum.groups.map((g) => ({
    id: g.group,
    phase: g.state,
    generation: g.generation,
    lag: g.lag,
    members: k.consumers
      .filter((c) => k.groups[c.group]!.id === g.group)
      .map((c) => ({
        consumer: c.id,
        status: statusOf.get(`consumer:${c.id}`) ?? 'ok',
        partitions: ownership.get(c.id) ?? [],
        ...moves.get(`${g.group}/${c.id}`),
      })),
  }));

  const entries = s.trace.entries;
  const happenings = entries.slice(Math.max(0, entries.length - happeningsMax)).map(happeningOf);
  const r = sum.records;
  return {
    nowMs: s.nowMs,
    nodes,
    partitions,
    groups,
    happenings,
    counters: [
      { label: 'produced', value: r.produced },
      { label: 'acknowledged', value: r.acknowledged },
      { label: 'lost', value: r.lost },
      { label: 'delivered', value: r.delivered },
      { label: 'duplicated', value: r.duplicated },
    ],
  };
}

/**
 * What each member gave up and was handed in its group's latest rebalance, read from the kept
 * trace: entries after the group's last `rebalance-started`. Keyed `group/consumer`. Partitions a
 * member kept are in neither list, which is the point of the sticky and cooperative assignors.
 */
export function rebalanceMoves(entries: readonly KafkaTraceEntry[]): Map<string, { revoked: string[]; assigned: string[] }> {
  const latestStart = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.type === 'rebalance-started') latestStart.set(e.group, i);
  });
  const out = new Map<string, { revoked: string[]; assigned: string[] }>();
  entries.forEach((e, i) => {
    if (e.type !== 'partitions-revoked' && e.type !== 'partitions-assigned') return;
    if (i < (latestStart.get(e.group) ?? Infinity)) return;
    const key = `${e.group}/${e.consumer}`;
    const m = out.get(key) ?? { revoked: [], assigned: [] };
    for (const p of e.partitions) {
      const list = e.type === 'partitions-revoked' ? m.revoked : m.assigned;
      if (!list.includes(p)) list.push(p);
    }
    out.set(key, m);
  });
  return out;
}
