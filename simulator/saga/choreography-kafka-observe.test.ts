import { describe, expect, it } from 'vitest';
import { flattenTree } from '../core/causation-tree.ts';
import { kafkaChoreographyModel } from './choreography-kafka-model.ts';
import {
  deadLetterDepth,
  eventCatalog,
  eventCausationTree,
  observedEvents,
  serviceHealth,
} from './choreography-kafka-observe.ts';
import type { KafkaChoreographyCommand } from './choreography-kafka-types.ts';

function world(commands: KafkaChoreographyCommand[]) {
  const run = kafkaChoreographyModel.run({});
  const w = run.init(1);
  for (const c of commands) {
    const r = run.apply(w, c);
    if (!r.ok) throw new Error(r.error.message);
  }
  return w;
}
const order = (orderId: string): KafkaChoreographyCommand[] => [{ type: 'place-order', orderId }, { type: 'run-until-idle' }];
const refuseShipping: KafkaChoreographyCommand = {
  type: 'inject-fault',
  fault: { service: 'shipping', action: 'create-shipment', kind: 'business', reason: 'no courier' },
};

describe('observing the choreography over Kafka', () => {
  it('stitches one order into a chain from PlaceOrder to OrderApproved', () => {
    const w = world(order('order-1'));
    const root = observedEvents(w).find((e) => e.name === 'PlaceOrder')!;
    const names = flattenTree(eventCausationTree(w, root.id)!).map((n) => `${n.depth} ${n.event.name} by ${n.event.producer}`);
    expect(names).toEqual([
      '0 PlaceOrder by customer',
      '1 OrderPlaced by order',
      '2 PaymentCharged by payment',
      '3 InventoryReserved by inventory',
      '4 ShipmentCreated by shipping',
      '5 OrderApproved by order',
    ]);
  });

  it('forks where two services react to one failure event', () => {
    const w = world([refuseShipping, ...order('order-2')]);
    const failed = observedEvents(w).find((e) => e.name === 'ShippingFailed')!;
    expect(failed.handledBy.map((h) => `${h.service} ${h.outcome}`).sort()).toEqual(['inventory committed', 'payment committed']);
    const tree = eventCausationTree(w, failed.id)!;
    expect(tree.children.map((c) => c.event.name).sort()).toEqual(['InventoryReleased', 'PaymentRefunded']);
  });

  it('a crash and its redelivery show up on the event that was being handled', () => {
    const crash: KafkaChoreographyCommand = {
      type: 'inject-fault',
      fault: { service: 'payment', action: 'refund-payment', kind: 'crash-after-commit' },
    };
    const w = world([refuseShipping, crash, ...order('order-4')]);
    const failed = observedEvents(w).find((e) => e.name === 'ShippingFailed')!;
    expect(failed.handledBy.filter((h) => h.service === 'payment').map((h) => h.outcome)).toEqual([
      'committed',
      'crashed',
      'already done',
    ]);
    const refund = eventCausationTree(w, failed.id)!.children.find((c) => c.event.name === 'PaymentRefunded')!;
    expect(refund.event.afterRedelivery).toBe(true);
  });

  it('the catalog lists what ran: producers, consumers and nobody for end events', () => {
    const w = world([...order('order-1'), refuseShipping, ...order('order-2')]);
    const rows = new Map(eventCatalog(w).map((r) => [r.name, r]));
    expect(rows.size).toBe(10);
    expect(rows.get('ShippingFailed')!.consumers.sort()).toEqual(['inventory', 'payment']);
    expect(rows.get('OrderApproved')!.consumers).toEqual([]);
    expect(rows.get('PlaceOrder')!.producers).toEqual(['customer']);
    expect(rows.has('PaymentFailed')).toBe(false);
  });

  it('a service that is down shows as lag on its group only, and the lag drains when it is back', () => {
    const w = world([
      ...order('order-1'),
      { type: 'crash-service', service: 'payment', restartAfterMs: 10_000 },
      { type: 'place-order', orderId: 'a' },
      { type: 'place-order', orderId: 'b' },
      { type: 'advance', untilMs: 6_000 },
    ]);
    const lag = () => Object.fromEntries(serviceHealth(w).map((h) => [h.service, h.lag]));
    expect(lag()).toEqual({ order: 0, inventory: 0, payment: 4, shipping: 0 });
    kafkaChoreographyModel.run({}).apply(w, { type: 'run-until-idle' });
    expect(lag()).toEqual({ order: 0, inventory: 0, payment: 0, shipping: 0 });
  });

  it('lag is unknown, not 0, for a group that has records to read and has never committed', () => {
    const w = world([
      { type: 'place-order', orderId: 'x' },
      { type: 'advance', untilMs: 1_000 },
    ]);
    expect(serviceHealth(w).every((h) => h.lag === null)).toBe(true);
  });

  it('an unreadable record is dead-lettered: depth 1, lag 0, and the partition flows on', () => {
    const w = world([...order('order-1')]);
    expect(deadLetterDepth(w)).toBe(0);
    expect(w.kafka.k.topicIndex['order-events-dlt']).toBeUndefined();
    const run = kafkaChoreographyModel.run({});
    for (const c of [
      { type: 'place-malformed-order', orderId: 'bad' },
      { type: 'place-order', orderId: 'good' },
      { type: 'run-until-idle' },
    ] as KafkaChoreographyCommand[])
      expect(run.apply(w, c).ok).toBe(true);
    expect(deadLetterDepth(w)).toBe(1);
    expect(serviceHealth(w).map((h) => h.lag)).toEqual([0, 0, 0, 0]);
    const bad = observedEvents(w).find((e) => e.correlationId === 'bad')!;
    expect(bad.handledBy.map((h) => `${h.service} ${h.outcome}`)).toEqual(['order dead-lettered']);
    expect(
      observedEvents(w)
        .filter((e) => e.correlationId === 'good')
        .at(-1)?.name,
    ).toBe('OrderApproved');
    expect(run.apply(w, { type: 'place-malformed-order', orderId: 'bad' })).toMatchObject({ ok: false });
  });
});
