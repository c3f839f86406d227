/**
 * The RabbitMQ topology, left to right as a message travels: publishers, exchanges, queues,
 * consumers; bindings labelled with their keys (and arguments), dead-letter and alternate-exchange
 * edges labelled as such. Read from the world (amqpView), so exchanges, queues, bindings and
 * consumers declared mid-run appear. RabbitMQ's built-in `amq.*` exchanges and the default exchange
 * are drawn only when something uses them.
 */
import { amqpNodeId, amqpView, type AmqpScenario, type AmqpWorld, type NodeId } from '../../../simulator/index.ts';
import type { NodeShape, Topology, TopologyEdge, TopologyNode } from '../../workbench/topology.ts';

const columnX = { publisher: 0, exchange: 280, queue: 560, consumer: 840 } as const;
const rowGapPx = 110;
const id = (x: string): NodeId => x as NodeId;

/** The publisher the page's own publishes come from. */
export const pagePublisher = 'app';

/** Publishers: those the scenario declares or publishes from, and the page's own. */
export function publishersOf(w: AmqpWorld, scenario: AmqpScenario): string[] {
  const names = new Set<string>(Object.keys(w.publishers));
  for (const p of scenario.publishes ?? []) names.add(p.publisher ?? pagePublisher);
  names.add(pagePublisher);
  return [...names];
}

export function amqpTopology(w: AmqpWorld, scenario: AmqpScenario): Topology {
  const v = amqpView(w, 0);
  const publishers = publishersOf(w, scenario);
  const publishEdges = new Map<string, { from: string; to: string }>();
  for (const p of scenario.publishes ?? []) {
    const from = amqpNodeId('publisher', p.publisher ?? pagePublisher);
    const to = amqpNodeId('exchange', p.exchange);
    publishEdges.set(`${from}->${to}`, { from, to });
  }
  const used = new Set<string>([...v.edges.flatMap((e) => [e.from, e.to]), ...[...publishEdges.values()].map((e) => e.to)]);
  const exchanges = v.exchanges.filter((x) => (!x.builtin && x.name !== '') || used.has(x.id));
  const rows = Math.max(publishers.length, exchanges.length, v.queues.length, v.consumers.length, 1);
  const nodes: TopologyNode[] = [];
  const column = (kind: keyof typeof columnX, items: Array<{ id: string; label: string; detail: string }>, shape: NodeShape) => {
    const offset = ((rows - items.length) * rowGapPx) / 2;
    items.forEach((item, i) =>
      nodes.push({ ...item, id: id(item.id), kind, shape, position: { x: columnX[kind], y: offset + i * rowGapPx } }),
    );
  };
  column(
    'publisher',
    publishers.map((p) => ({ id: amqpNodeId('publisher', p), label: p, detail: 'publishes messages' })),
    'producer',
  );
  column(
    'exchange',
    exchanges.map((x) => ({ id: x.id, label: x.name === '' ? '(default exchange)' : x.name, detail: `${x.type} exchange` })),
    'exchange',
  );
  column(
    'queue',
    v.queues.map((q) => ({ id: q.id, label: q.name, detail: `${q.type}${q.durable ? ' · durable' : ''}` })),
    'queue',
  );
  column(
    'consumer',
    v.consumers.map((c) => ({ id: c.id, label: c.name, detail: `on ${c.queue}` })),
    'consumer',
  );
  const shown = new Set<string>(nodes.map((n) => n.id));
  const edges: TopologyEdge[] = [];
  for (const e of publishEdges.values())
    if (shown.has(e.from) && shown.has(e.to))
      edges.push({ id: `e:${e.from}->${e.to}`, source: id(e.from), target: id(e.to), label: `publishes to ${e.to}` });
  const consumerIds = new Set<string>(v.consumers.map((c) => c.id));
  for (const e of v.edges) {
    if (!shown.has(e.from) || !shown.has(e.to)) continue;
    const what = consumerIds.has(e.to)
      ? `delivers to its consumer (${e.label})`
      : e.kind === 'binding'
        ? `binding ${e.label || '(empty key)'}`
        : e.label;
    const caption = consumerIds.has(e.to) ? e.label : e.kind === 'binding' ? e.label || '""' : e.label;
    edges.push({ id: `e:${e.kind}:${e.from}->${e.to}:${e.label}`, source: id(e.from), target: id(e.to), label: what, caption });
  }
  return { nodes, edges };
}
