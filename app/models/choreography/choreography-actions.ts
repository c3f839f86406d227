/**
 * What a learner can do in the choreography on the bus: place an order as the customer; on each
 * service, plant a refusal, a transient failure or a crash on a step it owns, a crash after
 * committing its compensation, crash it now or restart it. Nodes are found by comparing ids with
 * `choreographyNode`, never by reading a name.
 */
import {
  SERVICE_NAMES,
  choreographyNode,
  type ChoreographyCommand,
  type ChoreographyWorld,
  type NodeId,
} from '../../../simulator/index.ts';
import type { NodeAction } from '../../workbench/view.ts';
import { freeOrderId, serviceActions } from './services-view.ts';

export function choreographyActions(w: ChoreographyWorld, node: NodeId): Array<NodeAction<ChoreographyCommand>> {
  if (node === choreographyNode.client) {
    const placed = new Set(w.bus.log.filter((m) => m.name === 'PlaceOrder').map((m) => m.order.orderId));
    const orderId = freeOrderId((id) => placed.has(id));
    return [{ label: `Place ${orderId}`, command: { type: 'place-order', orderId } }];
  }
  const svc = SERVICE_NAMES.find((s) => choreographyNode.service(s) === node);
  // The bus itself cannot fail in this model: its promise (keep, deliver, redeliver) is the point.
  return svc === undefined ? [] : serviceActions(w.services, svc, true);
}
