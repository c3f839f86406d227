/**
 * The Kafka topology: producers, topics, consumer groups and consumers in columns in the direction
 * records flow, brokers in a row underneath when some topic is replicated. Everything comes from the
 * world, so brokers, topics, producers, groups and consumers added mid-run appear (a record produced
 * from the page comes from a producer the model adds for it).
 * Pure and deterministic, so the picture never depends on render order.
 */
import { kafkaNode, type KafkaScenario, type KafkaState, type NodeId } from '../../../simulator/index.ts';
import type { NodeShape, Topology, TopologyEdge, TopologyNode } from '../../workbench/topology.ts';

const columnX = { producer: 0, topic: 230, group: 460, consumer: 690 } as const;
/**
 * With one producer and one topic, the producer sits above its topic (its record goes down into
 * it) and the picture is three columns: four 180-px columns do not fit a desk's diagram pane at the
 * readable zoom, and a lesson about lag needs the producer, the topic, the group and its consumers
 * on screen together.
 */
const stackedX = { producer: 0, topic: 0, group: 230, consumer: 460 } as const;
/** From the stacked producer's top to its topic's: the card and room for the arrow between. */
const stackGapPx = 130;
const rowGapPx = 96;
/**
 * Consumer cards are taller: their partitions are drawn as chips, with what a rebalance moved. A
 * card is about 53 px (title, status, a one-line note) and 22 px per row of chips; a chip is its
 * label in 12-px mono (7.3 px a character, with the "+" or "−" mark) and 15 px of padding and
 * border, on a 203-px line (workbench.css: .node-card, .node-chip).
 */
const consumerCardPx = (chipRows: number): number => 53 + 22 * chipRows;
const chipPx = (label: string): number => 7.3 * (label.length + 1) + 15;
/** Between one consumer card and the next. */
const consumerSpacePx = 13;

/**
 * From one consumer's top to the next's: the tallest card any of them can draw — one holding every
 * partition its group reads, with what a rebalance moved (a consumer's chips are always some of
 * those) — and room between. Fixed by the topics and groups, so a rebalance never moves a card.
 */
function consumerGap(s: KafkaState, groups: readonly { topics: readonly number[] }[]): number {
  let rows = 0;
  for (const g of groups) {
    const labels = g.topics.flatMap((ti) => {
      const t = s.k.topics[ti];
      return t ? Array.from({ length: t.partitions }, (_, p) => `${t.name}-${p}`) : [];
    });
    if (labels.length === 0) continue;
    const widest = Math.max(...labels.map(chipPx));
    const perRow = Math.max(1, Math.floor((203 + 3) / (widest + 3)));
    rows = Math.max(rows, Math.ceil(labels.length / perRow));
  }
  return Math.max(rowGapPx, consumerCardPx(rows) + consumerSpacePx);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

type Item = { id: NodeId; label: string; detail: string };

/**
 * The topics a group's own producer (the one its handler writes with) can write to, by index: its
 * produce steps' topics, its retry and dead-letter topics, and the sources of those (a replay of
 * dead letters writes back there); undefined for a producer that is no group's. A handler that only
 * calls out or stores writes nowhere, and its producer is not drawn: a reader is never shown
 * writing to a topic it cannot write to.
 */
function appTargets(s: KafkaState, pi: number): number[] | undefined {
  const group = s.k.groups.find((g) => g.app !== null && g.app.prod === pi);
  const app = group?.app;
  if (app === undefined || app === null) return undefined;
  // A deleted group's application writes nowhere any more.
  if (group!.deleted === true) return [];
  const out = new Set<number>();
  for (const step of app.steps) {
    // The live topic of that name (a deleted one keeps its slot; a new one may reuse the name).
    const ti = step.type === 'produce' ? s.k.topics.findLastIndex((t) => t.name === step.topic) : -1;
    if (ti >= 0) out.add(ti);
  }
  for (const r of app.retryTopics) for (const ti of r ?? []) out.add(ti);
  // A dead-letter topic, and its source topic: replaying the dead letters writes them back there.
  app.dlt.forEach((dlt, source) => {
    if (dlt >= 0) out.add(dlt).add(source);
  });
  return [...out].sort((a, b) => a - b);
}

export function kafkaTopology(s: KafkaState, _spec?: KafkaScenario): Topology {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const targetsOf = s.k.producers.map((_, pi) => appTargets(s, pi));
  const producers = s.k.producers.filter((_, pi) => targetsOf[pi]?.length !== 0);
  // A deleted topic or group (and the group's consumers) keeps its slot in the world, not in the picture.
  const live = s.k.groups.flatMap((g, gi) => (g.deleted === true ? [] : [{ g, gi }]));
  const groups = live.map((x) => x.g);
  const consumersOf = (gi: number) => s.k.consumers.filter((c) => c.group === gi);
  const consumers = live.flatMap(({ g, gi }) => consumersOf(gi).map((c) => ({ group: g.id, id: c.id })));
  // Topics and brokers from the world, so those the Build tab adds appear (the scenario's come first).
  const topics = s.k.topics.filter((t) => t.deleted !== true);
  const stacked = producers.length === 1 && topics.length === 1;
  const x = stacked ? stackedX : columnX;
  const consumerGapPx = consumerGap(s, groups);
  const gapOf = (kind: keyof typeof columnX): number => (kind === 'consumer' ? consumerGapPx : rowGapPx);
  const tallest = Math.max(
    rowGapPx * Math.max(stacked ? 1 : producers.length, topics.length, groups.length, 1),
    consumerGapPx * consumers.length,
  );
  const rows = Math.ceil(tallest / rowGapPx);
  const column = (kind: keyof typeof columnX, items: Item[]): void => {
    // Centre a short column against the tallest one so edges do not all slope one way; a stacked
    // producer and its topic are centred as a pair.
    const gap = gapOf(kind);
    const pair = stacked && (kind === 'producer' || kind === 'topic');
    const offset = pair
      ? (tallest - stackGapPx - gap) / 2 + (kind === 'topic' ? stackGapPx : 0)
      : (tallest - items.length * gap) / 2;
    items.forEach((item, i) =>
      nodes.push({ ...item, kind, shape: kind as NodeShape, position: { x: x[kind], y: offset + i * gap } }),
    );
  };

  column(
    'producer',
    producers.map((p) => ({
      id: kafkaNode.producer(p.id),
      label: p.id,
      detail: p.ratePerSec > 0 ? `${p.ratePerSec} records/s · acks=${p.acks}` : `on command · acks=${p.acks}`,
    })),
  );
  column(
    'topic',
    topics.map((t) => ({
      id: kafkaNode.topic(t.name),
      label: t.name,
      detail: `${plural(t.partitions, 'partition')} · RF ${t.replicationFactor}${t.compact ? ' · compacted' : ''}`,
    })),
  );
  column(
    'group',
    live.map(({ g, gi }) => ({
      id: kafkaNode.group(g.id),
      label: g.id,
      detail: `${plural(consumersOf(gi).length, 'consumer')} · ${g.assignor}`,
    })),
  );
  column(
    'consumer',
    consumers.map((c) => ({ id: kafkaNode.consumer(c.id), label: c.id, detail: `in ${c.group}` })),
  );

  // Brokers are drawn where replication is the subject (a topic with more than one replica); with
  // one copy of everything they carry nothing the picture needs, and would push the flow off-screen.
  const replicated = topics.some((t) => t.replicationFactor > 1);
  // Under everything drawn: a stacked topic can reach below the tallest column's last row.
  const lowest = Math.max(0, ...nodes.map((n) => n.position.y + (n.kind === 'consumer' ? consumerGapPx : rowGapPx)));
  const brokersY = Math.max(rows * rowGapPx, lowest) + 40;
  if (replicated)
    s.k.brokers.forEach((b, i) =>
      nodes.push({
        id: kafkaNode.broker(b.id),
        kind: 'broker',
        shape: 'broker',
        label: `broker ${b.id}`,
        detail: 'broker',
        position: { x: i * 200, y: brokersY },
      }),
    );

  s.k.producers.forEach((p, pi) => {
    // A group's own producer writes where its handler does; one the model adds for records
    // produced from the page writes to any topic. Deleted topics are not drawn, nor edges to them.
    const app = targetsOf[pi];
    const bound = p.topic >= 0 ? s.k.topics[p.topic]! : undefined;
    const targets =
      app !== undefined
        ? app.map((ti) => s.k.topics[ti]!).filter((t) => t.deleted !== true)
        : bound
          ? bound.deleted === true
            ? []
            : [bound]
          : topics;
    for (const topic of targets.map((t) => t.name)) {
      edges.push({
        id: `e:${kafkaNode.producer(p.id)}->${kafkaNode.topic(topic)}`,
        source: kafkaNode.producer(p.id),
        target: kafkaNode.topic(topic),
        label: `${p.id} produces to ${topic}`,
        ...(stacked ? { down: true } : {}),
      });
    }
  });
  live.forEach(({ g, gi }) => {
    for (const ti of g.topics) {
      const t = s.k.topics[ti]!.name;
      edges.push({
        id: `e:${kafkaNode.topic(t)}->${kafkaNode.group(g.id)}`,
        source: kafkaNode.topic(t),
        target: kafkaNode.group(g.id),
        label: `group ${g.id} reads ${t}`,
      });
    }
    for (const c of consumersOf(gi)) {
      edges.push({
        id: `e:${kafkaNode.group(g.id)}->${kafkaNode.consumer(c.id)}`,
        source: kafkaNode.group(g.id),
        target: kafkaNode.consumer(c.id),
        label: `${c.id} is a member of ${g.id}`,
      });
    }
  });
  return { nodes, edges };
}
