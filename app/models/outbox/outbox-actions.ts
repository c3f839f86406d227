/**
 * What a learner can do in dual write vs outbox: place an order (at the customer or the service),
 * and on each of the service, the relay and the consumer plant the crash that hurts it at the one
 * moment that matters, or crash it now. Crashed nodes restart on their own after the scenario's
 * restart delay (the model has no restart command), so a down node offers nothing.
 */
import { outboxNode, type NodeId, type OutboxCommand, type OutboxFault, type OutboxWorld } from '../../../simulator/index.ts';
import type { NodeAction } from '../../workbench/view.ts';

type Action = NodeAction<OutboxCommand>;

/** The first `order-N` no client has sent. */
export function freeOrderId(w: OutboxWorld): string {
  for (let i = 1; ; i++) if (!Object.hasOwn(w.requests, `order-${i}`)) return `order-${i}`;
}

const plant = (label: string, kind: OutboxFault['kind']): Action => ({
  label,
  command: { type: 'plant-fault', fault: { kind } },
});

function placeOrder(w: OutboxWorld): Action[] {
  if (!w.service.up) return [];
  const orderId = freeOrderId(w);
  return [{ label: `Place ${orderId}`, command: { type: 'place-order', orderId } }];
}

export function outboxActions(w: OutboxWorld, node: NodeId): Action[] {
  const o = outboxNode;
  const dual = w.config.mode === 'dual-write';
  switch (node) {
    case o.client:
      return placeOrder(w);
    case o.service:
      if (!w.service.up) return [];
      return [
        ...placeOrder(w),
        plant(
          dual ? 'Crash between the two writes of the next order' : 'Crash right after the next order’s transaction',
          'service-crash-between-writes',
        ),
        { label: 'Crash now', command: { type: 'crash', node: 'service' } },
      ];
    case o.relay:
      if (dual || !w.relay.up) return [];
      return [
        plant('Crash after publishing the next batch, before recording it', 'relay-crash-after-publish'),
        { label: 'Crash now', command: { type: 'crash', node: 'relay' } },
      ];
    case o.consumer:
      if (!w.consumer.up) return [];
      return [
        plant('Crash after applying the next event, before committing', 'consumer-crash-before-commit'),
        { label: 'Crash now', command: { type: 'crash', node: 'consumer' } },
      ];
    default:
      return [];
  }
}
