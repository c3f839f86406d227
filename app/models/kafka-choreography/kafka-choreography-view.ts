/**
 * Choreography over Kafka → what the workbench draws: the customer, the `order-events` topic and
 * the four services (each a consumer group of one) left to right; one section per order with each
 * step as the owning service sees it, the partition its key maps to, its offsets and how many of
 * its records each service has not read yet; the services; counters. Pure: statuses, partitions
 * and unread counts are the simulator's (`kafkaChoreographyView`).
 */
import {
  kafkaChoreographyModel,
  kafkaChoreographyNode,
  kafkaChoreographyView as orderProgress,
  type KafkaChoreographyView,
  type KafkaChoreographyWorld,
  type ServiceName,
} from '../../../simulator/index.ts';
import { formatCount as n, plural } from '../../workbench/panels/labels.ts';
import type { Topology, TopologyNode } from '../../workbench/topology.ts';
import type { NodeView, ViewSection, WorkbenchView } from '../../workbench/view.ts';
import { flowServices, serviceFace, stepRows } from '../choreography/services-view.ts';
import { recentEntryViews } from '../entry-view.ts';
import { observeView } from './observe-view.ts';

/** Service rows 100 apart, as in the saga (saga-view.ts): all four fit a projector at 16 px text. */
const rowGapPx = 100;
const middleY = ((flowServices.length - 1) * rowGapPx) / 2;

/** Whether a record has been dead-lettered yet (the topic is created then). */
function hasDeadLetterTopic(w: KafkaChoreographyWorld): boolean {
  return (w.trace.counts['record-dead-lettered'] ?? 0) > 0;
}

/** The orders customers placed, in the order they were placed. */
export function placedOrderIds(w: KafkaChoreographyWorld): string[] {
  return Object.keys(w.placed);
}

/** Customer on the left, the topic in the middle, a service per row on the right. */
export function kafkaChoreographyTopology(w: KafkaChoreographyWorld): Topology {
  const c = w.config;
  const topic = kafkaChoreographyNode.topic;
  const nodes: TopologyNode[] = [
    {
      id: kafkaChoreographyNode.client,
      kind: 'customer',
      shape: 'producer',
      label: 'customer',
      detail: 'produces PlaceOrder, keyed by order id',
      position: { x: 0, y: middleY },
    },
    {
      id: topic,
      kind: 'topic',
      shape: 'topic',
      label: 'order-events',
      detail: `${plural(c.partitions, 'partition')} · RF ${n(c.replicationFactor)} · ${plural(c.brokers, 'broker')}`,
      position: { x: 260, y: middleY },
    },
  ];
  const edges = [
    {
      id: `e:${kafkaChoreographyNode.client}->${topic}`,
      source: kafkaChoreographyNode.client,
      target: topic,
      label: 'PlaceOrder records',
    },
  ];
  // The dead-letter topic appears once a service has parked a record there.
  if (hasDeadLetterTopic(w)) {
    nodes.push({
      id: kafkaChoreographyNode.deadLetters,
      kind: 'topic',
      shape: 'topic',
      label: 'dead letters',
      detail: 'topic order-events-dlt: records a service could not read',
      // Under order-events, so the picture stays as wide as before and as readable.
      position: { x: 260, y: middleY + 140 },
    });
    // An edge from each service that has parked a record there.
    const parked = new Set(w.trace.entries.flatMap((e) => (e.type === 'record-dead-lettered' ? [e.service] : [])));
    for (const svc of flowServices.filter((x) => parked.has(x))) {
      const id = kafkaChoreographyNode.service(svc);
      edges.push({
        id: `e:${id}->${kafkaChoreographyNode.deadLetters}`,
        source: id,
        target: kafkaChoreographyNode.deadLetters,
        label: 'dead letters',
      });
    }
  }
  flowServices.forEach((svc, i) => {
    const id = kafkaChoreographyNode.service(svc);
    nodes.push({
      id,
      kind: 'service',
      shape: 'service',
      label: `${svc} service`,
      detail: `group ${svc}-service`,
      // 50 flow px right of the topics, as Kafka's columns: the client, topic and the services (210 px
      // cards) then fit beside the zoom buttons at a desk; 120 px right, they were 7 px too wide.
      position: { x: 490, y: i * rowGapPx },
    });
    edges.push({
      id: `e:${topic}->${id}`,
      source: topic,
      target: id,
      label: `${svc} reads every record; it produces what it did`,
    });
  });
  return { nodes, edges };
}

function orderSection(w: KafkaChoreographyWorld, v: KafkaChoreographyView): ViewSection {
  const where =
    v.partition === null ? 'not on the topic yet' : `partition ${n(v.partition)}, offsets ${v.offsets.map(n).join(', ')}`;
  const rows = stepRows(w.services, v, kafkaChoreographyNode.service);
  for (const row of rows) {
    const svc = flowServices.find((s) => kafkaChoreographyNode.service(s) === row.nodeId)!;
    if (v.unreadBy[svc] > 0) row.detail += ` · ${plural(v.unreadBy[svc], 'record')} not read yet`;
  }
  return {
    id: `order:${v.orderId}`,
    title: `Order ${v.orderId}`,
    summary: `${v.status} · ${where} · events: ${v.messages.join(' → ')}`,
    rows,
  };
}

/** Records about any order a service has not read (at or after its group's committed offset). */
function unreadBy(views: readonly KafkaChoreographyView[], svc: ServiceName): number {
  return views.reduce((sum, v) => sum + v.unreadBy[svc], 0);
}

function servicesSection(w: KafkaChoreographyWorld, views: readonly KafkaChoreographyView[]): ViewSection {
  return {
    id: 'services',
    title: 'Services',
    rows: flowServices.map((svc) => {
      const face = serviceFace(w.services, svc, w.trace.entries, `${plural(unreadBy(views, svc), 'record')} unread`);
      return {
        label: `${svc} service`,
        status: face.status,
        statusWord: face.status === 'crashed' ? 'down' : 'up',
        detail: face.detail,
        nodeId: kafkaChoreographyNode.service(svc),
      };
    }),
  };
}

/** The whole view of a Kafka choreography world. */
export function kafkaChoreographyWorkbenchView(w: KafkaChoreographyWorld): WorkbenchView {
  const views = placedOrderIds(w).map((id) => orderProgress(w, id));
  const counts = w.trace.counts;
  const produced = counts['event-produced'] ?? 0;
  const nodes: NodeView[] = [
    {
      id: kafkaChoreographyNode.client,
      status: views.length > 0 ? 'ok' : 'idle',
      detail: `${plural(views.length, 'order')} placed`,
    },
    {
      id: kafkaChoreographyNode.topic,
      status: w.kafka.k.fg > 0 ? 'busy' : 'idle',
      detail: `${plural(produced, 'record')} produced`,
    },
    ...flowServices.map((svc) => ({
      id: kafkaChoreographyNode.service(svc),
      ...serviceFace(w.services, svc, w.trace.entries, `${plural(unreadBy(views, svc), 'record')} unread`),
    })),
  ];
  const observed = observeView(w);
  if (hasDeadLetterTopic(w)) {
    nodes.push({
      id: kafkaChoreographyNode.deadLetters,
      status: 'error',
      detail: `order-events-dlt · ${plural(observed.deadLetters, 'record')} waiting`,
    });
  }
  return {
    nowMs: w.kafka.nowMs,
    nodes,
    entries: recentEntryViews(kafkaChoreographyModel, w, w.trace.entries),
    counters: [
      { label: 'orders placed', value: views.length },
      { label: 'completed', value: views.filter((v) => v.status === 'completed').length },
      { label: 'compensated', value: views.filter((v) => v.status === 'compensated').length },
      { label: 'records produced', value: produced },
      { label: 'read again', value: counts['record-deduplicated'] ?? 0 },
      { label: 'service crashes', value: counts['service-crashed'] ?? 0 },
      { label: 'dead-lettered', value: counts['record-dead-lettered'] ?? 0 },
    ],
    sections: [...views.map((v) => orderSection(w, v)), servicesSection(w, views)],
    // The causation tree, the event catalog and each group's lag (ObservePanels.tsx).
    model: observed,
  };
}
