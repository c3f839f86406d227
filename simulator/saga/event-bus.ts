/**
 * A small durable publish/subscribe bus for the choreographed saga.
 *
 * Choreography needs only three promises from its transport: a published message is kept (an
 * append-only log), every subscriber of its name gets it, and a subscriber that was down or
 * crashed mid-handling gets it again later (at-least-once). This module keeps exactly that and
 * nothing Kafka-specific, so the choreography can be lifted onto the Kafka model later: a bridge
 * implements the same seam — `busPublish` turns a message into deliveries, `busAck` and
 * `busRetry` settle them — by producing to a topic keyed by order id and committing offsets.
 *
 * It is plain data and makes no scheduling decisions of its own: it returns the deliveries to
 * schedule and the caller (the model) puts them on its world's clock.
 */
import { nextIntBetween, type RngState } from '../core/rng.ts';
import type { OrderData, ServiceName } from './services.ts';
import { getName, setName } from '../core/name-index.ts';

/** The names a message can carry: the PlaceOrder command and the flow's events. */
export type BusMessageName =
  | 'PlaceOrder'
  | 'OrderPlaced'
  | 'PaymentCharged'
  | 'PaymentFailed'
  | 'InventoryReserved'
  | 'InventoryReservationFailed'
  | 'ShipmentCreated'
  | 'ShippingFailed'
  | 'InventoryReleased'
  | 'PaymentRefunded'
  | 'OrderCancelled'
  | 'OrderApproved';

/** What the bus carries. Events carry the whole order (event-carried state transfer). */
export interface BusMessage {
  /** Stable per order and name, so a re-publication after a crash has the same id. */
  messageId: string;
  name: BusMessageName;
  order: OrderData;
  publisher: ServiceName | 'client';
  publishedAtMs: number;
  /** The message that made the publisher publish this one. */
  causationId?: string;
  /** For failure events: why. */
  reason?: string;
}

export interface EventBusState {
  /** Every message ever published, oldest first (a log, as a topic would be). */
  log: BusMessage[];
  /** Who receives each name. Order of subscribers fixes delivery scheduling order. */
  subscriptions: Partial<Record<BusMessageName, ServiceName[]>>;
  /** Deliveries not yet acknowledged, keyed `subscriber/messageId`, with attempts so far. */
  pending: Record<string, number>;
  deliveryDelayMsMin: number;
  deliveryDelayMsMax: number;
  /** How long the bus waits before offering an unacknowledged message again. */
  redeliveryMs: number;
}

/** A delivery the caller must schedule: hand `log[index]` to `subscriber` at `atMs`. */
export interface BusDelivery {
  index: number;
  subscriber: ServiceName;
  atMs: number;
  attempt: number;
}

export interface EventBusHost {
  nowMs: number;
  rng: RngState;
  bus: EventBusState;
}

export function createEventBus(
  subscriptions: EventBusState['subscriptions'],
  opts: { deliveryDelayMsMin?: number; deliveryDelayMsMax?: number; redeliveryMs?: number } = {},
): EventBusState {
  return {
    log: [],
    subscriptions: structuredClone(subscriptions),
    pending: {},
    deliveryDelayMsMin: opts.deliveryDelayMsMin ?? 5,
    deliveryDelayMsMax: opts.deliveryDelayMsMax ?? 15,
    redeliveryMs: opts.redeliveryMs ?? 150,
  };
}

function pendingKey(subscriber: ServiceName, messageId: string): string {
  return `${subscriber}/${messageId}`;
}

/** Appends a message to the log and returns one delivery per subscriber of its name. */
export function busPublish(h: EventBusHost, message: BusMessage): BusDelivery[] {
  const index = h.bus.log.length;
  h.bus.log.push(message);
  const out: BusDelivery[] = [];
  for (const subscriber of h.bus.subscriptions[message.name] ?? []) {
    setName(h.bus.pending, pendingKey(subscriber, message.messageId), 1);
    const delayMs = nextIntBetween(h.rng, h.bus.deliveryDelayMsMin, h.bus.deliveryDelayMsMax);
    out.push({ index, subscriber, atMs: h.nowMs + delayMs, attempt: 1 });
  }
  return out;
}

/** The subscriber handled the message: it will not be offered again. */
export function busAck(h: EventBusHost, index: number, subscriber: ServiceName): void {
  delete h.bus.pending[pendingKey(subscriber, h.bus.log[index]!.messageId)];
}

/** The subscriber could not handle it (down, crashed, transient error): offer it again later. */
export function busRetry(h: EventBusHost, index: number, subscriber: ServiceName): BusDelivery {
  const key = pendingKey(subscriber, h.bus.log[index]!.messageId);
  const attempt = (getName(h.bus.pending, key) ?? 0) + 1;
  setName(h.bus.pending, key, attempt);
  return { index, subscriber, atMs: h.nowMs + h.bus.redeliveryMs, attempt };
}

/** Messages published about one order, oldest first: the only "saga log" choreography has. */
export function busMessagesFor(bus: EventBusState, orderId: string): BusMessage[] {
  return bus.log.filter((m) => m.order.orderId === orderId);
}
