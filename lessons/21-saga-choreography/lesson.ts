/**
 * L21 · Saga choreography: the order saga of L20 by events only, over the Kafka model — the happy
 * path as a chain of events; PaymentFailed → OrderCancelled; ShippingFailed → release and refund in
 * parallel; a payment service crashing after its refund and not refunding twice on redelivery; and
 * where the saga's state lives (nowhere in one place). Prose in content.md.
 */
import {
  kafkaChoreographyNode as n,
  kafkaChoreographyView as view,
  type KafkaChoreographyCommand,
  type KafkaChoreographyWorld,
} from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import content from './content.md?raw';

type W = KafkaChoreographyWorld;
const order = (orderId: string): KafkaChoreographyCommand[] => [{ type: 'place-order', orderId }, { type: 'run-until-idle' }];
const refuseShipping: KafkaChoreographyCommand = {
  type: 'inject-fault',
  fault: { service: 'shipping', action: 'create-shipment', kind: 'business', reason: 'no courier can collect' },
};
const crashAfterRefund: KafkaChoreographyCommand = {
  type: 'inject-fault',
  fault: { service: 'payment', action: 'refund-payment', kind: 'crash-after-commit' },
};
const records = (w: W, orderId: string): string => view(w, orderId).messages.join(', ');
const charge = (w: W, orderId: string): string => {
  const c = Object.hasOwn(w.services.tables.charges, orderId) ? w.services.tables.charges[orderId] : undefined;
  return c === undefined ? 'none' : `${c.status} ${c.amountCents / 100}`;
};
const entries = (w: W, type: string, orderId: string) =>
  w.trace.entries.filter((e) => e.type === type && e.correlationId === orderId);
const lessonOrders = new Set(['order-1', 'order-2', 'order-3', 'order-4']);
/** Orders placed after the lesson's steps (the challenge's), newest last. */
const newOrders = (w: W): string[] => Object.keys(w.placed).filter((id) => !lessonOrders.has(id));
const shippingRefused = (w: W, id: string): boolean => view(w, id).messages.includes('ShippingFailed');
const crashedAfterRefund = (w: W, id: string): boolean =>
  entries(w, 'service-crashed', id).some((e) => e.type === 'service-crashed' && e.service === 'payment' && e.afterCommit);

export const lesson = defineLesson({
  id: 'L21',
  title: 'Saga choreography',
  minutes: 13,
  model: 'kafka-choreography',
  scenario: {},
  content,
  steps: [
    {
      id: 'happy-path',
      title: 'The happy path: a chain of events',
      commands: order('order-1'),
      highlight: [n.topic, n.service('order'), n.service('payment'), n.service('inventory'), n.service('shipping')],
      claims: [
        {
          id: 'count',
          text: 'The topic holds 6 records for order-1',
          value: (w) => view(w, 'order-1').messages.length,
          expected: 6,
        },
        {
          id: 'names',
          text: 'PlaceOrder, OrderPlaced, PaymentCharged, InventoryReserved, ShipmentCreated, OrderApproved',
          value: (w) => records(w, 'order-1'),
          expected: 'PlaceOrder, OrderPlaced, PaymentCharged, InventoryReserved, ShipmentCreated, OrderApproved',
        },
        {
          id: 'partition',
          text: 'All of them sit in one partition, in that order',
          value: (w) => {
            const v = view(w, 'order-1');
            return v.partition !== null && v.offsets.every((o, i) => i === 0 || o > v.offsets[i - 1]!);
          },
          expected: true,
        },
        {
          id: 'first-read',
          text: 'For the first 3 seconds nothing is read',
          value: (w) => Math.floor((w.trace.entries.find((e) => e.type === 'local-transaction-committed')?.atMs ?? 0) / 1000),
          expected: 3,
        },
        {
          id: 'approved',
          text: 'the order service approves the order',
          value: (w) => view(w, 'order-1').status,
          expected: 'completed',
        },
      ],
    },
    {
      id: 'payment-failed',
      title: 'PaymentFailed → OrderCancelled',
      commands: [
        {
          type: 'inject-fault',
          fault: { service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' },
        },
        ...order('order-2'),
      ],
      highlight: [n.topic, n.service('payment'), n.service('order')],
      claims: [
        {
          id: 'names',
          text: 'PlaceOrder, OrderPlaced, PaymentFailed, OrderCancelled: 4 in all',
          value: (w) => `${records(w, 'order-2')}: ${view(w, 'order-2').messages.length} in all`,
          expected: 'PlaceOrder, OrderPlaced, PaymentFailed, OrderCancelled: 4 in all',
        },
        {
          id: 'untouched',
          text: 'Inventory and shipping never hear anything they react to, so they do nothing',
          value: (w) =>
            entries(w, 'local-transaction-committed', 'order-2').some(
              (e) => e.type === 'local-transaction-committed' && (e.service === 'inventory' || e.service === 'shipping'),
            ),
          expected: false,
        },
      ],
    },
    {
      id: 'shipping-failed',
      title: 'ShippingFailed → release and refund, each on its own',
      commands: [refuseShipping, ...order('order-3')],
      highlight: [n.topic, n.service('shipping'), n.service('inventory'), n.service('payment'), n.service('order')],
      claims: [
        {
          id: 'both',
          text: 'Inventory and payment both react to ShippingFailed',
          value: (w) =>
            entries(w, 'local-transaction-committed', 'order-3')
              .flatMap((e) => (e.type === 'local-transaction-committed' ? [e.action] : []))
              .filter((a) => a === 'release-inventory' || a === 'refund-payment')
              .sort()
              .join(', '),
          expected: 'refund-payment, release-inventory',
        },
        {
          id: 'count',
          text: 'The topic now holds 8 records for order-3',
          value: (w) => view(w, 'order-3').messages.length,
          expected: 8,
        },
        {
          id: 'undone',
          text: 'create-order compensated, charge-payment compensated, reserve-inventory compensated',
          value: (w) => {
            const s = view(w, 'order-3').steps;
            return `create-order ${s['create-order']}, charge-payment ${s['charge-payment']}, reserve-inventory ${s['reserve-inventory']}`;
          },
          expected: 'create-order compensated, charge-payment compensated, reserve-inventory compensated',
        },
      ],
    },
    {
      id: 'crash-redelivered',
      title: 'A crash mid-saga: redelivered, refunded once',
      commands: [refuseShipping, crashAfterRefund, ...order('order-4')],
      highlight: [n.topic, n.service('payment')],
      claims: [
        {
          id: 'crashed',
          text: 'the payment service crashes right after it commits the refund',
          value: (w) => crashedAfterRefund(w, 'order-4'),
          expected: true,
        },
        {
          id: 'dedup',
          text: '1 deduplicated record',
          value: (w) => entries(w, 'record-deduplicated', 'order-4').length,
          expected: 1,
        },
        {
          id: 'after',
          text: 'the PaymentRefunded for order-4 is produced after the redelivery',
          value: (w) =>
            entries(w, 'event-produced', 'order-4').some(
              (e) => e.type === 'event-produced' && e.name === 'PaymentRefunded' && e.afterRedelivery,
            ),
          expected: true,
        },
        {
          id: 'once',
          text: 'the charges for order-3 and order-4 both read refunded 25',
          value: (w) => `${charge(w, 'order-3')}, ${charge(w, 'order-4')}`,
          expected: 'refunded 25, refunded 25',
        },
      ],
    },
    {
      id: 'where-is-the-state',
      title: 'Where is the saga? Reconstruct it by correlation id',
      commands: [],
      highlight: [n.service('order'), n.service('payment'), n.service('inventory'), n.service('shipping'), n.topic],
      claims: [
        {
          id: 'shipments',
          text: 'the shipments table has no row for it',
          value: (w) => w.services.tables.shipments['order-4'] === undefined,
          expected: true,
        },
        {
          id: 'tables',
          text: 'the order table says cancelled, the charges table says refunded, the reservations table says released',
          value: (w) => {
            const t = w.services.tables;
            return [t.orders['order-4']?.status, t.charges['order-4']?.status, t.reservations['order-4']?.status].join(' ');
          },
          expected: 'cancelled refunded released',
        },
        {
          id: 'records',
          text: 'the topic holds 8 records keyed order-4',
          value: (w) => view(w, 'order-4').messages.length,
          expected: 8,
        },
        {
          id: 'four',
          text: "reading 4 services' tables",
          value: (w) => Object.keys(w.services.runtime).length,
          expected: 4,
        },
        { id: 'status', text: 'the saga is compensated', value: (w) => view(w, 'order-4').status, expected: 'compensated' },
        { id: 'no-table', text: 'Here there is no such row', value: (w) => 'sagas' in w, expected: false },
      ],
    },
  ],
  predict: { stepId: 'shipping-failed', answer: 'b' },
  challenge: {
    solution: {
      commands: [refuseShipping, crashAfterRefund, ...order('order-5')],
      claims: [
        {
          id: 'dedup',
          text: '1 deduplicated record for order-5',
          value: (w) => entries(w, 'record-deduplicated', 'order-5').length,
          expected: 1,
        },
        {
          id: 'compensated',
          text: 'The saga ends compensated',
          value: (w) => view(w, 'order-5').status,
          expected: 'compensated',
        },
        {
          id: 'refunded',
          text: 'the charge for order-5 reads refunded 25',
          value: (w) => charge(w, 'order-5'),
          expected: 'refunded 25',
        },
      ],
    },
    controls: ['faults', 'orders'],
    goals: [
      {
        id: 'refused',
        text: 'shipping refused a new order',
        pass: (w) => newOrders(w).some((id) => shippingRefused(w, id)),
      },
      {
        id: 'crashed',
        text: 'the payment service crashed right after committing its refund',
        pass: (w) => newOrders(w).some((id) => crashedAfterRefund(w, id)),
      },
      {
        id: 'once',
        text: 'that saga ended compensated, refunded exactly once',
        pass: (w) =>
          newOrders(w).some(
            (id) =>
              crashedAfterRefund(w, id) &&
              view(w, id).status === 'compensated' &&
              charge(w, id).startsWith('refunded') &&
              entries(w, 'local-transaction-committed', id).filter(
                (e) => e.type === 'local-transaction-committed' && e.action === 'refund-payment',
              ).length === 1,
          ),
      },
    ],
  },
});
