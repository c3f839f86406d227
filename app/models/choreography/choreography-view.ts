/**
 * Choreography on the small bus → what the workbench draws: the customer, the bus and the four
 * services left to right; one section per order with each step as the service owning it sees it
 * (there is no saga table to ask: the view is assembled from every service's database and the
 * bus, as an operator would have to); the services; counters. Pure: the statuses are the
 * simulator's (`choreographyView`), the view only arranges them.
 */
import {
  choreographyModel,
  choreographyNode,
  choreographyView as orderProgress,
  type ChoreographyWorld,
} from '../../../simulator/index.ts';
import { formatCount as n, plural } from '../../workbench/panels/labels.ts';
import type { Topology, TopologyNode } from '../../workbench/topology.ts';
import type { NodeView, ViewSection, WorkbenchView } from '../../workbench/view.ts';
import { recentEntryViews } from '../entry-view.ts';
import { flowServices, serviceFace, stepRows } from './services-view.ts';

/** Service rows 100 apart, as in the saga (saga-view.ts): all four fit a projector at 16 px text. */
const rowGapPx = 100;
const middleY = ((flowServices.length - 1) * rowGapPx) / 2;

/** The orders placed, oldest first (the bus's PlaceOrder messages). */
export function placedOrderIds(w: ChoreographyWorld): string[] {
  return w.bus.log.filter((m) => m.name === 'PlaceOrder').map((m) => m.order.orderId);
}

/** Customer on the left, the bus in the middle, a service per row on the right. */
export function choreographyTopology(): Topology {
  const nodes: TopologyNode[] = [
    {
      id: choreographyNode.client,
      kind: 'customer',
      shape: 'producer',
      label: 'customer',
      detail: 'places orders (PlaceOrder)',
      position: { x: 0, y: middleY },
    },
    {
      id: choreographyNode.bus,
      kind: 'event bus',
      shape: 'topic',
      label: 'event bus',
      detail: 'keeps every message; redelivers until acknowledged',
      position: { x: 260, y: middleY },
    },
  ];
  const edges = [
    {
      id: `e:${choreographyNode.client}->${choreographyNode.bus}`,
      source: choreographyNode.client,
      target: choreographyNode.bus,
      label: 'the customer publishes PlaceOrder',
    },
  ];
  flowServices.forEach((svc, i) => {
    const id = choreographyNode.service(svc);
    nodes.push({
      id,
      kind: 'service',
      shape: 'service',
      label: `${svc} service`,
      detail: 'reacts to events',
      position: { x: 560, y: i * rowGapPx },
    });
    edges.push({
      id: `e:${choreographyNode.bus}->${id}`,
      source: choreographyNode.bus,
      target: id,
      label: `the bus delivers ${svc} the events it reacts to; it publishes what it did`,
    });
  });
  return { nodes, edges };
}

/** The bus's deliveries not yet acknowledged. */
function unacknowledged(w: ChoreographyWorld): number {
  return Object.keys(w.bus.pending).length;
}

function orderSection(w: ChoreographyWorld, orderId: string): ViewSection {
  const v = orderProgress(w, orderId);
  return {
    id: `order:${orderId}`,
    title: `Order ${orderId}`,
    summary: `${v.status} · messages: ${v.messages.join(' → ')}`,
    rows: stepRows(w.services, v, choreographyNode.service),
  };
}

function servicesSection(w: ChoreographyWorld): ViewSection {
  return {
    id: 'services',
    title: 'Services',
    rows: flowServices.map((svc) => {
      const face = serviceFace(w.services, svc, w.trace.entries);
      return {
        label: `${svc} service`,
        status: face.status,
        statusWord: face.status === 'crashed' ? 'down' : 'up',
        detail: face.detail,
        nodeId: choreographyNode.service(svc),
      };
    }),
  };
}

/** The whole view of a choreography world. */
export function choreographyWorkbenchView(w: ChoreographyWorld): WorkbenchView {
  const orders = placedOrderIds(w);
  const progress = orders.map((id) => orderProgress(w, id).status);
  const pending = unacknowledged(w);
  const nodes: NodeView[] = [
    {
      id: choreographyNode.client,
      status: orders.length > 0 ? 'ok' : 'idle',
      detail: `${plural(orders.length, 'order')} placed`,
    },
    {
      id: choreographyNode.bus,
      status: pending > 0 ? 'busy' : 'idle',
      detail: `${plural(w.bus.log.length, 'message')} · ${n(pending)} awaiting acknowledgement`,
    },
    ...flowServices.map((svc) => ({ id: choreographyNode.service(svc), ...serviceFace(w.services, svc, w.trace.entries) })),
  ];
  const counts = w.trace.counts;
  return {
    nowMs: w.nowMs,
    nodes,
    entries: recentEntryViews(choreographyModel, w, w.trace.entries),
    counters: [
      { label: 'orders placed', value: orders.length },
      { label: 'completed', value: progress.filter((s) => s === 'completed').length },
      { label: 'compensated', value: progress.filter((s) => s === 'compensated').length },
      { label: 'messages published', value: counts['message-published'] ?? 0 },
      { label: 'redeliveries', value: counts['message-redelivery-scheduled'] ?? 0 },
      { label: 'deduplicated', value: counts['message-deduplicated'] ?? 0 },
    ],
    sections: [...orders.map((id) => orderSection(w, id)), servicesSection(w)],
  };
}
