/**
 * The plain-data shapes of the choreographed saga and its table of reactions.
 *
 * In choreography the flow is not written down anywhere as a sequence: it emerges from which
 * service reacts to which event. `REACTIONS` is that emergent flow made explicit, so the lesson can
 * show it as a table and the model can derive the bus's subscriptions from it.
 */
import type { TraceBase } from '../core/trace.ts';
import type { WorldBase } from '../core/world.ts';
import type { BusMessageName, EventBusState } from './event-bus.ts';
import type { ActionName, ServiceFault, ServiceName, ServicesOptions, ServicesState } from './services.ts';
import type { ClockCommand } from './world-kit.ts';

/** One service reacting to one message name with one local transaction, and what it announces. */
export interface Reaction {
  on: BusMessageName;
  service: ServiceName;
  action: ActionName;
  /** Published when the local transaction succeeds. */
  ok: BusMessageName;
  /** Published when it is refused for a business reason (forward steps only). */
  rejected?: BusMessageName;
}

/**
 * The order flow by events only. Payment is charged before stock is reserved, as in the usual
 * telling of this example; compensations are reactions to failure events.
 */
export const REACTIONS: readonly Reaction[] = [
  { on: 'PlaceOrder', service: 'order', action: 'create-order', ok: 'OrderPlaced' },
  { on: 'OrderPlaced', service: 'payment', action: 'charge-payment', ok: 'PaymentCharged', rejected: 'PaymentFailed' },
  { on: 'PaymentFailed', service: 'order', action: 'cancel-order', ok: 'OrderCancelled' },
  {
    on: 'PaymentCharged',
    service: 'inventory',
    action: 'reserve-inventory',
    ok: 'InventoryReserved',
    rejected: 'InventoryReservationFailed',
  },
  { on: 'InventoryReservationFailed', service: 'payment', action: 'refund-payment', ok: 'PaymentRefunded' },
  { on: 'InventoryReserved', service: 'shipping', action: 'create-shipment', ok: 'ShipmentCreated', rejected: 'ShippingFailed' },
  { on: 'ShippingFailed', service: 'inventory', action: 'release-inventory', ok: 'InventoryReleased' },
  { on: 'ShippingFailed', service: 'payment', action: 'refund-payment', ok: 'PaymentRefunded' },
  { on: 'PaymentRefunded', service: 'order', action: 'cancel-order', ok: 'OrderCancelled' },
  { on: 'ShipmentCreated', service: 'order', action: 'approve-order', ok: 'OrderApproved' },
];

export interface ChoreographyConfig {
  deliveryDelayMsMin: number;
  deliveryDelayMsMax: number;
  /** How long the bus waits before offering an unacknowledged message again. */
  redeliveryMs: number;
  restartAfterMs: number;
  tasksMaxPerCommand: number;
}

export interface ChoreographyOptions extends Partial<ChoreographyConfig>, ServicesOptions {
  seed: number;
}

export type ChoreographyTask =
  | { type: 'bus-deliver'; index: number; subscriber: ServiceName; attempt: number }
  | { type: 'handle-message'; index: number; subscriber: ServiceName; incarnation: number }
  | { type: 'restart-service'; service: ServiceName; incarnation: number };

interface E<T extends string> extends TraceBase {
  type: T;
}

/** Everything the choreography can report. correlationId is the order id; causationId a message id. */
export type ChoreographyEntry =
  | (E<'message-published'> & {
      messageId: string;
      name: BusMessageName;
      publisher: ServiceName | 'client';
      afterRedelivery: boolean;
    })
  | (E<'message-delivered'> & { messageId: string; name: BusMessageName; subscriber: ServiceName; attempt: number })
  | (E<'message-redelivery-scheduled'> & {
      messageId: string;
      name: BusMessageName;
      subscriber: ServiceName;
      why: string;
      retryAtMs: number;
    })
  | (E<'local-transaction-committed'> & { service: ServiceName; action: ActionName })
  | (E<'local-transaction-failed'> & { service: ServiceName; action: ActionName; reason: string })
  | (E<'message-deduplicated'> & { service: ServiceName; action: ActionName; messageId: string })
  | (E<'service-crashed'> & { service: ServiceName; restartAtMs: number; afterCommit: boolean })
  | (E<'service-restarted'> & { service: ServiceName })
  | (E<'fault-injected'> & { fault: ServiceFault })
  | (E<'reactions-changed'> & { change: 'added' | 'removed'; on: BusMessageName; service: ServiceName; text: string });

export interface ChoreographyWorld extends WorldBase<ChoreographyTask, ChoreographyEntry> {
  config: ChoreographyConfig;
  services: ServicesState;
  bus: EventBusState;
  /**
   * Outcome events already published, keyed `orderId/action`. A service writes its outcome and
   * this flag in one local transaction, so a crash between commit and publish is repaired on
   * redelivery (the outbox idea, applied inside each service).
   */
  published: Record<string, true>;
  /** The reactions after the learner changed them (choreography-reactions.ts); absent: REACTIONS. */
  reactions?: Reaction[];
}

export type ChoreographyCommand =
  | ClockCommand
  | { type: 'place-order'; orderId: string; sku?: string; qty?: number; amountCents?: number }
  | { type: 'inject-fault'; fault: ServiceFault }
  | { type: 'crash-service'; service: ServiceName; restartAfterMs?: number }
  | { type: 'restart-service'; service: ServiceName }
  /** A service starts or stops reacting to an event (choreography-reactions.ts). */
  | { type: 'add-reaction'; reaction: Reaction }
  | { type: 'remove-reaction'; on: BusMessageName; service: ServiceName };

/** What choreography lets you see of one order, assembled by asking every service. */
export interface ChoreographyView {
  orderId: string;
  /** Derived, not stored: nobody owns the saga's state in choreography. */
  status: 'running' | 'completed' | 'compensated';
  steps: Record<
    'create-order' | 'charge-payment' | 'reserve-inventory' | 'create-shipment',
    'pending' | 'done' | 'failed' | 'compensated'
  >;
  /** Names of the messages published about this order, in order. */
  messages: BusMessageName[];
}
