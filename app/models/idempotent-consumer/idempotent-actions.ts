/**
 * What a learner can do to the idempotent consumer: at the broker, deliver a new OrderShipped
 * event or deliver one already delivered again (what a rebalance or a relay retry does). The
 * consumer, its store and the gateway do not fail in this model; the duplicates are the point.
 */
import {
  idempotentNode,
  type IdempotentConsumerCommand,
  type IdempotentConsumerWorld,
  type NodeId,
} from '../../../simulator/index.ts';
import type { NodeAction } from '../../workbench/view.ts';

/** How many of the newest events the broker offers to redeliver (a menu, not a list of everything). */
export const redeliverOffered = 5;

/** The first `evt-N` never delivered. */
export function freeEventId(w: IdempotentConsumerWorld): string {
  for (let i = 1; ; i++) if (!Object.hasOwn(w.events, `evt-${i}`)) return `evt-${i}`;
}

export function idempotentActions(w: IdempotentConsumerWorld, node: NodeId): Array<NodeAction<IdempotentConsumerCommand>> {
  if (node !== idempotentNode.broker) return [];
  const eventId = freeEventId(w);
  const delivered = Object.keys(w.events).slice(-redeliverOffered);
  return [
    { label: `Deliver ${eventId}`, command: { type: 'deliver', eventId } },
    ...delivered.map((id) => ({ label: `Redeliver ${id}`, command: { type: 'redeliver' as const, eventId: id } })),
  ];
}
