/**
 * Scenario → topology: the nodes and edges the workbench draws with React Flow.
 *
 * Pure and deterministic, so it is tested without a browser and the picture of a scenario never
 * depends on render order. Nodes are laid out in columns in the direction records flow — producers,
 * topics, consumer groups, consumers — with the brokers in a row underneath, because a learner
 * reads left to right and the flow is the story. Every node carries its kind, so the view can give
 * each kind its own shape and icon (never colour alone).
 */
import { consumerIdsOf } from '../../simulator/scenario/semantic-checks.ts';
import type { ScenarioSpec } from '../../simulator/scenario/types.ts';

export type TopologyNodeKind =
  | 'producer'
  | 'topic'
  | 'group'
  | 'consumer'
  | 'broker'
  // Event store and saga models (app/eventstore, app/saga build their own topologies).
  | 'store'
  | 'stream'
  | 'aggregate'
  | 'projection'
  | 'snapshot'
  | 'service'
  | 'orchestrator';

/** The kinds a Kafka scenario lays out in columns (brokers go in a row underneath). */
type KafkaColumnKind = 'producer' | 'topic' | 'group' | 'consumer';

export interface TopologyNode {
  /** `kind:name`, e.g. `topic:orders`; unique within a topology. */
  id: string;
  kind: TopologyNodeKind;
  /** The name from the scenario, shown as text (never as HTML). */
  label: string;
  /** Extra facts for the node's face, e.g. "3 partitions · RF 2". */
  detail: string;
  position: { x: number; y: number };
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  /** What travels along the edge, for its accessible name. */
  label: string;
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

const columnX: Record<KafkaColumnKind, number> = { producer: 0, topic: 260, group: 520, consumer: 780 };
const rowGapPx = 110;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Builds the topology of a scenario. */
export function topologyFromScenario(spec: ScenarioSpec): Topology {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const column = (kind: KafkaColumnKind, items: Array<Omit<TopologyNode, 'kind' | 'position'>>, rows: number): void => {
    // Centre a short column against the tallest one so edges do not all slope one way.
    const offset = ((rows - items.length) * rowGapPx) / 2;
    items.forEach((item, i) => nodes.push({ ...item, kind, position: { x: columnX[kind], y: offset + i * rowGapPx } }));
  };

  const producers = spec.producers ?? [];
  const groups = spec.groups ?? [];
  const consumers = groups.flatMap((g) => consumerIdsOf(g).map((c) => ({ group: g.id, id: c })));
  const rows = Math.max(producers.length, spec.topics.length, groups.length, consumers.length, 1);

  column(
    'producer',
    producers.map((p) => ({
      id: `producer:${p.id}`,
      label: p.id,
      detail: p.ratePerSec > 0 ? `${p.ratePerSec} records/s · acks=${p.acks ?? 'all'}` : `on command · acks=${p.acks ?? 'all'}`,
    })),
    rows,
  );
  column(
    'topic',
    spec.topics.map((t) => ({
      id: `topic:${t.name}`,
      label: t.name,
      detail: `${plural(t.partitions, 'partition')} · RF ${t.replicationFactor}${t.cleanupPolicy === 'compact' ? ' · compacted' : ''}`,
    })),
    rows,
  );
  column(
    'group',
    groups.map((g) => ({
      id: `group:${g.id}`,
      label: g.id,
      detail: `${plural(g.consumers, 'consumer')} · ${g.assignor ?? 'range'}`,
    })),
    rows,
  );
  column(
    'consumer',
    consumers.map((c) => ({ id: `consumer:${c.id}`, label: c.id, detail: `in ${c.group}` })),
    rows,
  );

  const brokersY = rows * rowGapPx + 40;
  spec.brokers.forEach((b, i) =>
    nodes.push({
      id: `broker:${b.id}`,
      kind: 'broker',
      label: `broker ${b.id}`,
      detail: 'broker',
      position: { x: i * 200, y: brokersY },
    }),
  );

  for (const p of producers) {
    edges.push({
      id: `e:producer:${p.id}->topic:${p.topic}`,
      source: `producer:${p.id}`,
      target: `topic:${p.topic}`,
      label: `${p.id} produces to ${p.topic}`,
    });
  }
  for (const g of groups) {
    for (const t of g.topics) {
      edges.push({
        id: `e:topic:${t}->group:${g.id}`,
        source: `topic:${t}`,
        target: `group:${g.id}`,
        label: `group ${g.id} reads ${t}`,
      });
    }
    for (const c of consumerIdsOf(g)) {
      edges.push({
        id: `e:group:${g.id}->consumer:${c}`,
        source: `group:${g.id}`,
        target: `consumer:${c}`,
        label: `${c} is a member of ${g.id}`,
      });
    }
  }
  return { nodes, edges };
}
