/**
 * How the choreographed saga looks from outside: a view of one order, and one sentence per trace
 * entry for narration.
 *
 * Choreography has no orchestrator to speak for the flow. The view has to be assembled by reading
 * every service's tables and the bus, and every sentence is told from the point of view of one
 * service or of the bus — both of which are part of what the lesson shows.
 */
import { busMessagesFor, type BusMessageName } from './event-bus.ts';
import type { ChoreographyEntry, ChoreographyView, ChoreographyWorld } from './choreography-types.ts';
import type { ServiceTables } from './services.ts';
import { getName } from '../core/name-index.ts';

/** A human sentence for one choreography trace entry. */
export function describeChoreographyEntry(e: ChoreographyEntry): string {
  const order = e.correlationId === undefined ? '' : ` for ${e.correlationId}`;
  switch (e.type) {
    case 'message-published':
      if (e.publisher === 'client') return `A customer placed an order: PlaceOrder${order} is on the bus.`;
      return e.afterRedelivery
        ? `The ${e.publisher} service published ${e.name}${order} on a redelivery, after a crash had stopped the first announcement.`
        : `The ${e.publisher} service published ${e.name}${order}.`;
    case 'message-delivered':
      return `The bus delivered ${e.name}${order} to the ${e.subscriber} service (attempt ${e.attempt}).`;
    case 'message-redelivery-scheduled':
      return `The bus will offer ${e.name}${order} to the ${e.subscriber} service again at ${e.retryAtMs} ms (${e.why}).`;
    case 'local-transaction-committed':
      return `The ${e.service} service committed ${e.action}${order} in its own database.`;
    case 'local-transaction-failed':
      return `The ${e.service} service did not apply ${e.action}${order}: ${e.reason}.`;
    case 'message-deduplicated':
      return `The ${e.service} service had already done ${e.action}${order}, so the repeated message changed nothing.`;
    case 'service-crashed':
      return e.afterCommit
        ? `The ${e.service} service crashed after committing but before acknowledging; it restarts at ${e.restartAtMs} ms.`
        : `The ${e.service} service crashed; it restarts at ${e.restartAtMs} ms.`;
    case 'service-restarted':
      return `The ${e.service} service is running again.`;
    case 'fault-injected':
      return `Planted a ${e.fault.kind} fault on ${e.fault.action} at the ${e.fault.service} service.`;
    case 'reactions-changed':
      return e.text;
  }
}

/**
 * Reconstructs one order's progress by reading every service's tables and the bus — the work an
 * operator must do in choreography, where no component holds the saga's state.
 */
export function choreographyView(w: ChoreographyWorld, orderId: string): ChoreographyView {
  const messages = busMessagesFor(w.bus, orderId).map((m) => m.name);
  return { orderId, ...progressFromTables(w.services.tables, orderId, messages), messages };
}

/**
 * An order's status and steps from the services' own tables plus the names of the events
 * published about it (from the bus or a topic: whatever the transport is).
 */
export function progressFromTables(
  t: ServiceTables,
  orderId: string,
  messages: readonly BusMessageName[],
): Pick<ChoreographyView, 'status' | 'steps'> {
  const failed = (name: BusMessageName) => messages.includes(name);
  const order = getName(t.orders, orderId);
  const charge = getName(t.charges, orderId);
  const reservation = getName(t.reservations, orderId);
  const steps: ChoreographyView['steps'] = {
    'create-order': order === undefined ? 'pending' : order.status === 'cancelled' ? 'compensated' : 'done',
    'charge-payment': failed('PaymentFailed')
      ? 'failed'
      : charge === undefined
        ? 'pending'
        : charge.status === 'refunded'
          ? 'compensated'
          : 'done',
    'reserve-inventory': failed('InventoryReservationFailed')
      ? 'failed'
      : reservation === undefined
        ? 'pending'
        : reservation.status === 'released'
          ? 'compensated'
          : 'done',
    'create-shipment': failed('ShippingFailed') ? 'failed' : getName(t.shipments, orderId) ? 'done' : 'pending',
  };
  const status =
    order?.status === 'approved'
      ? 'completed'
      : order?.status === 'cancelled' && !Object.values(steps).includes('done')
        ? 'compensated'
        : 'running';
  return { status, steps };
}
