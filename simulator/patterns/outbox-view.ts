/**
 * How a dual-write / outbox run looks from outside: what was lost, what was invented, what was
 * duplicated and what the consumer applied more than once — the four numbers the lesson counts on
 * screen — and one sentence per trace entry for narration.
 */
import type { OutboxEntry, OutboxWorld } from './outbox-types.ts';
import { getName, setName } from '../core/name-index.ts';

export interface OutboxView {
  ordersInDb: number;
  /** Distinct events on the broker. */
  eventsPublished: number;
  /** Orders stored whose event never reached the broker and never will (no outbox row waits for it). */
  lostEventIds: string[];
  /** Events on the broker for orders that were never stored. */
  phantomEventIds: string[];
  /** Events published more than once (at-least-once at work). */
  duplicatedOnBroker: string[];
  /** Events whose effect the consumer applied more than once. */
  appliedTwiceOrMore: string[];
  /** Outbox rows not yet published. */
  outboxPending: number;
}

/** Counts loss, phantoms and duplicates by comparing the database, the broker and the consumer. */
export function outboxView(w: OutboxWorld): OutboxView {
  const copies: Record<string, number> = {};
  for (const r of w.broker) setName(copies, r.eventId, (getName(copies, r.eventId) ?? 0) + 1);
  const stored = new Set(Object.values(w.db.orders).map((o) => o.eventId));
  const waiting = new Set(w.db.outbox.filter((r) => r.sentAtMs === undefined).map((r) => r.eventId));
  const inFlight = new Set(
    w.queue
      .filter((t) => t.type === 'dual-write-second' && t.incarnation === w.service.incarnation)
      .map((t) => (t as { eventId: string }).eventId),
  );
  const cdcBehind = w.config.mode === 'outbox-cdc' ? w.db.wal.slice(w.relay.cdcOffset).map((c) => c.key) : [];
  return {
    ordersInDb: Object.keys(w.db.orders).length,
    eventsPublished: Object.keys(copies).length,
    lostEventIds: [...stored].filter(
      (id) => getName(copies, id) === undefined && !waiting.has(id) && !inFlight.has(id) && !cdcBehind.includes(id),
    ),
    phantomEventIds: Object.keys(copies).filter((id) => !stored.has(id) && !inFlight.has(id)),
    duplicatedOnBroker: Object.keys(copies).filter((id) => getName(copies, id)! > 1),
    appliedTwiceOrMore: Object.keys(w.consumer.appliedTimes).filter((id) => getName(w.consumer.appliedTimes, id)! > 1),
    outboxPending:
      w.config.mode === 'outbox-cdc' ? cdcBehind.filter((k) => w.db.outbox.some((r) => r.eventId === k)).length : waiting.size,
  };
}

/** A human sentence for one trace entry. */
export function describeOutboxEntry(e: OutboxEntry): string {
  const order = e.correlationId === undefined ? '' : ` for ${e.correlationId}`;
  switch (e.type) {
    case 'order-received':
      return `The order service received ${e.orderId}.`;
    case 'request-lost':
      return `The order service crashed before handling ${e.orderId}; the client must retry.`;
    case 'db-committed':
      return e.outboxRow
        ? `The order service committed ${e.orderId} and its outbox row ${e.eventId} in one local transaction.`
        : `The order service committed ${e.orderId} to its database.`;
    case 'event-published':
      return e.copy > 1
        ? `The ${e.publisher === 'relay' ? 'relay' : 'order service'} published ${e.eventId}${order} again: copy ${e.copy} is on the broker at offset ${e.offset}.`
        : `The ${e.publisher === 'relay' ? 'relay' : 'order service'} published ${e.eventId}${order} at offset ${e.offset}.`;
    case 'event-lost':
      return `The order service died between its database write and its publish: ${e.eventId}${order} is lost, though the order is stored.`;
    case 'phantom-event':
      return `The order service died after publishing ${e.eventId} but before storing the order: the event announces an order that does not exist.`;
    case 'outbox-rows-marked-sent':
      return `The relay marked ${e.eventIds.join(', ')} as sent.`;
    case 'cdc-offset-committed':
      return `The CDC relay recorded that it has read the log up to position ${e.lsn}.`;
    case 'node-crashed':
      return `The ${e.node === 'service' ? 'order service' : e.node} crashed; it restarts at ${e.restartAtMs} ms.`;
    case 'node-restarted':
      return `The ${e.node === 'service' ? 'order service' : e.node} is running again.`;
    case 'event-applied':
      return e.appliedTimes > 1
        ? `The consumer applied ${e.eventId}${order} again (${e.appliedTimes} times in all): a duplicate got through.`
        : `The consumer applied ${e.eventId}${order}.`;
    case 'duplicate-skipped':
      return `The consumer had already applied ${e.eventId}${order}, so this copy was a no-op.`;
    case 'consumer-offset-committed':
      return `The consumer committed offset ${e.offset}.`;
    case 'fault-planted':
      return `Planted a fault: ${e.fault.kind.replaceAll('-', ' ')}.`;
  }
}
