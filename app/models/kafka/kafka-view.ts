/**
 * Kafka state → what the workbench draws: node statuses, and for Kafka's own panels the partition
 * strips with their pointers and the groups with their members. Pure, and it computes nothing
 * Kafka-specific itself: lag, the high watermark, ownership, a consumer's status and rebalance
 * moves all come from the simulator (its summary and view reads).
 */
import {
  kafkaAppCardLine,
  consumerStatus,
  cutOffFrom,
  fetchedRecords,
  kafkaModel,
  kafkaNode,
  kafkaSchemaView,
  kafkaSummary,
  newestRecords,
  rebalanceMoves,
  type KafkaState,
  type KafkaSummary,
  type NodeId,
  type TraceBase,
} from '../../../simulator/index.ts';
import type { NodeChip, NodeStatus, NodeView, TraceEntryView, WorkbenchView } from '../../workbench/view.ts';
import { recentEntryViews } from '../entry-view.ts';
import { kafkaMoment, resetJumps } from './kafka-moment.ts';
import { aroundPointer, stripCells } from './strip-cells.ts';
import type { GroupView, KafkaPanelsView, PartitionView } from './kafka-view-types.ts';
import { markUnreadable, withSchemaNotes } from './schema/schema-view.ts';

/** Cells shown per partition strip: the newest N records (strip-cells.ts compresses the rest). */
export const stripCellsMax = 48;
/** Records read back at most to find those around a committed offset far behind. */
export const readBackMax = 5000;

/** A record's key travels with the entries about one record (token labels, the trace filter). */
const withKey = (e: TraceBase): { key?: string | null } => ('key' in e ? { key: e.key as string | null } : {});

/**
 * Where brokers are not drawn (no topic is replicated: kafka-topology.ts), an entry about a broker
 * is shown on the entry's topic instead, so highlights and records in flight land on drawn nodes.
 */
const brokerless = (e: TraceBase, v: TraceEntryView): Partial<TraceEntryView> => {
  const topic = 'topic' in e && typeof e.topic === 'string' ? kafkaNode.topic(e.topic) : undefined;
  const swap = (id: NodeId | undefined): NodeId | undefined => (id?.startsWith('broker:') ? topic : id);
  const nodes = [...new Set(v.nodes.map(swap).filter((id): id is NodeId => id !== undefined))];
  const from = swap(v.from);
  const to = swap(v.to);
  const route = from !== undefined && to !== undefined && from !== to ? { from, to } : { from: undefined, to: undefined };
  return { ...withKey(e), nodes, ...route };
};

/** A fetch carries the records it read: its token is labelled with them (fan-out shows one record to each group). */
const carried = (s: KafkaState, e: TraceBase): Partial<TraceEntryView> => {
  if (e.type !== 'records-fetched') return {};
  const f = e as Extract<KafkaState['trace']['entries'][number], { type: 'records-fetched' }>;
  const got = fetchedRecords(s, f.topic, f.partition, f.fromOffset, f.toOffset);
  return got ? { carries: { key: got.firstKey, count: got.count } } : {};
};

/**
 * The cells that begin a segment: for each segment after the first, the first shown record at or
 * past its base offset (compaction may have removed the record at the base offset itself).
 */
export function segmentStarts(cells: readonly { offset: number }[], segments: readonly { baseOffset: number }[]): number[] {
  const out: number[] = [];
  for (const seg of segments.slice(1)) {
    const i = cells.findIndex((c) => c.offset >= seg.baseOffset);
    if (i > 0 && cells[i - 1]!.offset < seg.baseOffset) out.push(cells[i]!.offset);
  }
  return out;
}

/**
 * A consumer's partitions as chips on its card: what it owns, with what the group's latest
 * rebalance handed it marked 'assigned' and what it took away (and did not give back) 'revoked'.
 * A partition revoked and handed back to the same member (an eager rebalance) did not move.
 */
export function partitionChips(
  owned: readonly string[],
  move: { revoked: string[]; assigned: string[] } | undefined,
): NodeChip[] {
  const revoked = move?.revoked ?? [];
  const assigned = move?.assigned ?? [];
  return [
    ...owned.map<NodeChip>((p) => ({ label: p, state: assigned.includes(p) && !revoked.includes(p) ? 'assigned' : 'kept' })),
    ...revoked.filter((p) => !owned.includes(p)).map<NodeChip>((p) => ({ label: p, state: 'revoked' })),
  ];
}

/** " · cut off from broker 2, 3" when a node's links are cut, else nothing. */
function cutNote(s: KafkaState, address: string, lead = ' · '): string {
  const ids = cutOffFrom(s, address);
  return ids.length ? `${lead}cut off from broker ${ids.join(', ')}` : '';
}

/** The Kafka panels' slice of a view (partition strips and groups). */
export function kafkaPanels(view: WorkbenchView): KafkaPanelsView {
  return (view.model as KafkaPanelsView | undefined) ?? { partitions: [], groups: [] };
}

/**
 * What a broker holds of the replicated partitions: for one or two, each partition's role (leader,
 * in sync, out of sync) and where its copy ends (LEO), so a follower falling behind and a lost
 * record show on the broker itself; for more, a count of what it leads and what is out of sync.
 */
function replicaNote(sum: KafkaSummary, address: string, alive: boolean): string {
  const mine = sum.partitions.filter((p) => p.replicas.length > 1 && p.replicas.some((r) => r.broker === address));
  if (mine.length === 0) return '';
  if (mine.length > 2) {
    const leads = mine.filter((p) => p.leader === address).length;
    const out = alive ? mine.filter((p) => !p.isr.includes(address)).length : 0;
    return `leads ${leads} of ${mine.length} partitions${out > 0 ? ` · ${out} out of sync` : ''}`;
  }
  return mine
    .map((p) => {
      const leo = p.replicas.find((r) => r.broker === address)!.logEndOffset;
      const role = !alive ? 'copy of' : p.leader === address ? 'leads' : p.isr.includes(address) ? 'in sync:' : 'out of sync:';
      return `${role} ${p.topic}-${p.partition} · LEO ${leo}`;
    })
    .join('; ');
}

/**
 * Each broker as a node: up (with any cut links) or down. Its card also says what it holds of the
 * replicated partitions (`cardDetail`); `detail` stays as it was, which recorded v1 links read.
 */
export function brokerNodes(s: KafkaState): NodeView[] {
  const sum = kafkaSummary(s);
  return s.k.brokers.map((b) => {
    const detail = b.alive ? cutNote(s, b.node, '') : 'down';
    const held = replicaNote(sum, b.node, b.alive);
    return {
      id: kafkaNode.broker(b.id),
      status: b.alive ? 'ok' : 'crashed',
      detail,
      ...(held !== ''
        ? { cardDetail: [b.alive ? held : `down · ${held}`, b.alive ? detail : ''].filter((x) => x !== '').join(' · ') }
        : {}),
    };
  });
}

/** A group with a handler shows its calls and store on its card; `detail` stays as recorded links read it. */
function appLine(s: KafkaState, group: string, detail: string): { cardDetail?: string } {
  const line = kafkaAppCardLine(s, group);
  return line === '' ? {} : { cardDetail: `${detail} · ${line}` };
}

export function kafkaView(s: KafkaState): WorkbenchView {
  const k = s.k;
  const sum = kafkaSummary(s);
  const nodes: NodeView[] = [];
  // Brokers are drawn only where replication is the subject (kafka-topology.ts): the same rule here.
  const replicated = k.topics.some((t) => t.replicationFactor > 1);
  if (replicated) nodes.push(...brokerNodes(s));
  for (const p of k.producers) {
    const gone = p.topic >= 0 && k.topics[p.topic]!.deleted === true;
    nodes.push({
      id: kafkaNode.producer(p.id),
      status: gone ? 'error' : 'ok',
      detail: `${p.generated} produced${gone ? ` · ${k.topics[p.topic]!.name} deleted: send() fails` : ''}${cutNote(s, p.node)}`,
    });
  }
  for (const t of k.topics) {
    if (t.deleted === true) continue;
    const offline = sum.partitions.filter((p) => p.topic === t.name && p.leader === null).length;
    nodes.push({
      id: kafkaNode.topic(t.name),
      status: offline > 0 ? 'offline' : 'ok',
      detail: offline > 0 ? `${offline} partition(s) offline` : '',
    });
  }
  for (const g of sum.groups) {
    nodes.push({
      id: kafkaNode.group(g.group),
      status: g.state === 'preparing-rebalance' ? 'rebalancing' : 'ok',
      detail: `lag ${g.lag ?? 'unknown'} · gen ${g.generation}`,
      ...appLine(s, g.group, `lag ${g.lag ?? 'unknown'} · gen ${g.generation}`),
    });
  }
  const ownership = new Map<string, string[]>();
  for (const g of sum.groups) for (const m of g.members) ownership.set(m.consumer, m.partitions);
  const statusOf = new Map<string, NodeStatus>();
  const moves = rebalanceMoves(s);
  for (const c of k.consumers) {
    if (k.groups[c.group]!.deleted === true) continue;
    const owned = ownership.get(c.id) ?? [];
    const status = consumerStatus(c);
    statusOf.set(c.id, status);
    const move = moves.get(`${k.groups[c.group]!.id}/${c.id}`);
    const cut = cutNote(s, c.id);
    nodes.push({
      id: kafkaNode.consumer(c.id),
      status,
      detail: `${owned.length ? `owns ${owned.join(', ')}` : 'owns nothing'}${cut}`,
      chips: partitionChips(owned, move),
      cardDetail: owned.length === 0 && !move?.revoked.length ? `owns nothing${cut}` : cut.replace(/^ · /, ''),
    });
  }

  // A reset that moved a committed offset back: its old spot stays marked until the group is past it again.
  const jumps = resetJumps(s);
  const jumpedFrom = (group: string, topic: string, partition: number, committed: number | null) => {
    const j = jumps.get(`${group}\u0000${topic}\u0000${partition}`);
    return j && committed !== null && committed < j.from ? { jumpedFrom: j.from } : {};
  };
  // The summary leaves deleted topics' partitions out: the partition id of each one it lists.
  const pids = k.parts.flatMap((p, pid) => (k.topics[p.topic]!.deleted === true ? [] : [pid]));
  const partitions: PartitionView[] = sum.partitions.map((p, i) => {
    const pid = pids[i]!;
    const committed = sum.groups.flatMap((g) =>
      g.partitions.filter((gp) => gp.topic === p.topic && gp.partition === p.partition).map((gp) => gp.committed),
    );
    // Read back far enough to show the records around the oldest committed offset (bounded).
    const oldest = Math.min(...committed.map((c) => c ?? Infinity));
    const reach = Number.isFinite(oldest) ? p.logEndOffset - oldest + aroundPointer.before : 0;
    const read = newestRecords(s, pid, Math.min(p.records, readBackMax, Math.max(stripCellsMax, reach)));
    const cells = stripCells(read, committed, stripCellsMax);
    return {
      id: `${p.topic}-${p.partition}`,
      topic: p.topic,
      partition: p.partition,
      logStartOffset: p.logStartOffset,
      logEndOffset: p.logEndOffset,
      highWatermark: p.highWatermark,
      records: p.records,
      leader: p.leader,
      isr: p.isr,
      cells,
      segmentCount: p.segments.length,
      activeSegmentBase: p.segments.at(-1)?.baseOffset ?? p.logStartOffset,
      segmentStarts: segmentStarts(cells, p.segments),
      pointers: sum.groups.flatMap((g) =>
        g.partitions
          .filter((gp) => gp.topic === p.topic && gp.partition === p.partition)
          .map((gp) => ({
            label: g.group,
            offset: gp.committed,
            lag: gp.lag,
            ...jumpedFrom(g.group, p.topic, p.partition, gp.committed),
          })),
      ),
    };
  });

  const groups: GroupView[] = sum.groups.map((g) => ({
    id: g.group,
    phase: g.state,
    generation: g.generation,
    lag: g.lag,
    members: k.consumers
      .filter((c) => k.groups[c.group]!.id === g.group && k.groups[c.group]!.deleted !== true)
      .map((c) => ({
        consumer: c.id,
        node: kafkaNode.consumer(c.id),
        status: statusOf.get(c.id) ?? 'ok',
        partitions: ownership.get(c.id) ?? [],
        ...moves.get(`${g.group}/${c.id}`),
      })),
  }));

  const schema = kafkaSchemaView(s);
  withSchemaNotes(
    nodes,
    schema,
    (node) => k.groups[k.consumers.findLast((c) => kafkaNode.consumer(c.id) === node)?.group ?? -1]?.id ?? '',
  );
  markUnreadable(partitions, schema);
  const base = replicated ? withKey : brokerless;
  const entries = recentEntryViews(kafkaModel, s, s.trace.entries, (e, v) => ({ ...base(e, v), ...carried(s, e) }));
  const r = sum.records;
  const model: KafkaPanelsView = schema === null ? { partitions, groups } : { partitions, groups, schema };
  const moment = kafkaMoment(s, sum);
  return {
    ...(moment ? { moment } : {}),
    nowMs: s.nowMs,
    nodes,
    entries,
    counters: [
      { label: 'produced', value: r.produced },
      { label: 'acknowledged', value: r.acknowledged },
      { label: 'lost', value: r.lost },
      { label: 'delivered', value: r.delivered },
      { label: 'duplicated', value: r.duplicated },
    ],
    model,
  };
}
